"""A small status-bar widget that says plainly where the GPS stands: "GPS ±4 m", "GPS lost"…"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from contrechamp.core.gps_fix import GpsFix
from contrechamp.ui.gps.service import GpsService, GpsStatus

__all__ = ["GpsStatusLabel", "reason_text"]

#: Dot colours: grey off, amber searching/lost, green fix, red error.
_COLOURS = {
    GpsStatus.OFF: "#9e9e9e",
    GpsStatus.SEARCHING: "#f0a202",
    GpsStatus.FIX: "#2e9d4f",
    GpsStatus.LOST: "#f0a202",
    GpsStatus.ERROR: "#d33c2c",
}


def reason_text(code: str) -> str:
    """A short sentence for the tooltip explaining a LOST or ERROR code."""
    texts = {
        "gps.no_fix": QCoreApplication.translate(
            "GpsStatusLabel", "The receiver has lost the satellites. Move into the open."
        ),
        "gps.silent": QCoreApplication.translate(
            "GpsStatusLabel", "Nothing has come from the receiver for a while. Is it on?"
        ),
        "gps.garbled": QCoreApplication.translate(
            "GpsStatusLabel", "The receiver sends unreadable data. Check its speed in the settings."
        ),
        "gps.port_missing": QCoreApplication.translate(
            "GpsStatusLabel", "The GPS port was not found. Is the receiver plugged in?"
        ),
        "gps.port_denied": QCoreApplication.translate(
            "GpsStatusLabel", "You may not open the GPS port. On Linux, join the dialout group."
        ),
        "gps.port_busy": QCoreApplication.translate(
            "GpsStatusLabel", "Another program is using the GPS port."
        ),
        "gps.port_lost": QCoreApplication.translate(
            "GpsStatusLabel", "The receiver was unplugged."
        ),
        "gps.port_failed": QCoreApplication.translate(
            "GpsStatusLabel", "The GPS port could not be opened."
        ),
        "gps.refused": QCoreApplication.translate(
            "GpsStatusLabel", "The phone or computer refused the connection. Is sharing on?"
        ),
        "gps.host_not_found": QCoreApplication.translate(
            "GpsStatusLabel", "The GPS address was not found."
        ),
        "gps.timeout": QCoreApplication.translate(
            "GpsStatusLabel", "The GPS address does not answer."
        ),
        "gps.network": QCoreApplication.translate(
            "GpsStatusLabel", "The network is not available."
        ),
        "gps.connection_failed": QCoreApplication.translate(
            "GpsStatusLabel", "The connection to the GPS failed."
        ),
        "gps.closed": QCoreApplication.translate(
            "GpsStatusLabel", "The GPS connection was closed."
        ),
        "gps.replay_ended": QCoreApplication.translate(
            "GpsStatusLabel", "The recorded GPS log has ended."
        ),
        "gps.file_missing": QCoreApplication.translate(
            "GpsStatusLabel", "The recorded GPS log was not found."
        ),
        "gps.file_unreadable": QCoreApplication.translate(
            "GpsStatusLabel", "The recorded GPS log cannot be read."
        ),
        "gps.no_system_source": QCoreApplication.translate(
            "GpsStatusLabel", "This computer has no location service."
        ),
        "gps.access_denied": QCoreApplication.translate(
            "GpsStatusLabel", "This computer does not let Contrechamp use its location."
        ),
        "gps.system_closed": QCoreApplication.translate(
            "GpsStatusLabel", "The location service stopped."
        ),
        "gps.system_failed": QCoreApplication.translate(
            "GpsStatusLabel", "The location service failed."
        ),
    }
    return texts.get(code, QCoreApplication.translate("GpsStatusLabel", "The GPS does not work."))


class GpsStatusLabel(QWidget):
    """Shows the status of a :class:`GpsService` as a coloured dot and a few words."""

    def __init__(self, service: GpsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._dot = QLabel("●", self)
        self._text = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self._dot)
        layout.addWidget(self._text)
        self._dot.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        service.status_changed.connect(self._on_service_changed)
        service.fix_changed.connect(self._on_service_changed)
        self.retranslate_ui()

    @property
    def text(self) -> str:
        """The words shown (for tests and accessibility)."""
        return self._text.text()

    def retranslate_ui(self) -> None:
        """Rewrite every text in the current language."""
        status, fix = self._service.status, self._service.last_fix
        self._text.setText(self._headline(status, fix))
        self.setToolTip(self._details(status, fix))
        self.setAccessibleName(self._text.text())
        palette = self._dot.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(_COLOURS[status]))
        self._dot.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_service_changed(self, _value: object) -> None:
        self.retranslate_ui()

    def _headline(self, status: GpsStatus, fix: GpsFix | None) -> str:
        if status == GpsStatus.FIX and fix is not None:
            if fix.accuracy_m is None:
                return self.tr("GPS")
            return self.tr("GPS ±%1 m").replace("%1", f"{fix.accuracy_m:.0f}")
        if status == GpsStatus.SEARCHING:
            return self.tr("Searching…")
        if status == GpsStatus.LOST:
            return self.tr("GPS lost")
        if status == GpsStatus.ERROR:
            return self._error_headline(self._service.reason)
        return self.tr("No GPS")

    def _error_headline(self, reason: str) -> str:
        if reason in (
            "gps.refused",
            "gps.host_not_found",
            "gps.timeout",
            "gps.network",
            "gps.closed",
        ):
            return self.tr("GPS connection failed")
        if reason == "gps.file_missing":
            return self.tr("GPS log not found")
        if reason == "gps.file_unreadable":
            return self.tr("GPS log unreadable")
        if reason == "gps.replay_ended":
            return self.tr("No position in the GPS log")
        if reason in ("gps.no_system_source", "gps.access_denied"):
            return self.tr("No location service")
        return self.tr("GPS receiver not responding")

    def _details(self, status: GpsStatus, fix: GpsFix | None) -> str:
        if status in (GpsStatus.LOST, GpsStatus.ERROR):
            return reason_text(self._service.reason)
        if status != GpsStatus.FIX or fix is None:
            return ""
        parts = [self._quality_text(fix.quality)]
        if fix.satellites is not None:
            parts.append(self.tr("Satellites: %1").replace("%1", str(fix.satellites)))
        if fix.speed_mps is not None:
            parts.append(self.tr("%1 km/h").replace("%1", f"{fix.speed_mps * 3.6:.0f}"))
        return " · ".join(parts)

    def _quality_text(self, quality: str) -> str:
        texts = {
            "dgps": self.tr("Corrected fix (DGPS)"),
            "rtk": self.tr("Precise fix (RTK)"),
            "float_rtk": self.tr("Precise fix (RTK float)"),
            "estimated": self.tr("Estimated position"),
            "manual": self.tr("Position typed in the receiver"),
            "simulation": self.tr("Simulated position"),
        }
        return texts.get(quality, self.tr("Satellite fix"))
