"""The system's positioning service (GeoClue, Windows or macOS location) through QtPositioning."""

from __future__ import annotations

import math
from datetime import UTC, datetime

from PySide6.QtCore import QObject
from PySide6.QtPositioning import QGeoPositionInfo, QGeoPositionInfoSource

from contrechamp.core.gps_fix import GpsFix
from contrechamp.ui.gps.feed import PositionFeed

__all__ = ["SystemFeed", "fix_from_position_info"]

#: GeoClue asks which application wants the position; this names our .desktop file.
DESKTOP_ID = "contrechamp"

_Error = QGeoPositionInfoSource.Error
_ERROR_CODES = {
    _Error.AccessError: "gps.access_denied",
    _Error.ClosedError: "gps.system_closed",
    _Error.UnknownSourceError: "gps.no_system_source",
}
_Attribute = QGeoPositionInfo.Attribute


def _attribute(info: QGeoPositionInfo, which: QGeoPositionInfo.Attribute) -> float | None:
    if not info.hasAttribute(which):
        return None
    value = info.attribute(which)
    return value if math.isfinite(value) else None


def fix_from_position_info(info: QGeoPositionInfo) -> GpsFix | None:
    """Turn what QtPositioning reports into a GpsFix (None if it carries no position)."""
    coordinate = info.coordinate()
    if not info.isValid() or not coordinate.isValid():
        return None
    stamp = info.timestamp()
    when = (
        datetime.fromtimestamp(stamp.toMSecsSinceEpoch() / 1000, UTC)
        if stamp.isValid()
        else datetime.now(UTC)
    )
    altitude = coordinate.altitude()
    return GpsFix(
        lat=coordinate.latitude(),
        lon=coordinate.longitude(),
        time=when,
        accuracy_m=_attribute(info, _Attribute.HorizontalAccuracy),
        heading=_attribute(info, _Attribute.Direction),
        speed_mps=_attribute(info, _Attribute.GroundSpeed),
        altitude=altitude if math.isfinite(altitude) else None,
    )


class SystemFeed(PositionFeed):
    """Positions from the operating system. It may use Wi-Fi positioning (online).

    A machine without a location service fails with ``gps.no_system_source``; one that
    refuses us fails with ``gps.access_denied``.
    """

    watch_silence = False
    can_retry = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: QGeoPositionInfoSource | None = None

    def start(self) -> None:
        """Ask the system for position updates."""
        source = QGeoPositionInfoSource.createDefaultSource({"desktopId": DESKTOP_ID}, self)
        if source is None:
            self._fail("gps.no_system_source")
            return
        self._source = source
        source.positionUpdated.connect(self._on_source_position_updated)
        source.errorOccurred.connect(self._on_source_error)
        source.startUpdates()

    def stop(self) -> None:
        """Stop the updates."""
        super().stop()
        if self._source is not None:
            self._source.stopUpdates()

    def _on_source_position_updated(self, info: QGeoPositionInfo) -> None:
        fix = fix_from_position_info(info)
        if self._dead:
            return
        if fix is None:
            self.no_fix.emit()
        else:
            self.fix_received.emit(fix)

    def _on_source_error(self, error: QGeoPositionInfoSource.Error) -> None:
        if error == _Error.UpdateTimeoutError:
            self.no_fix.emit()
        elif error != _Error.NoError:
            self._fail(_ERROR_CODES.get(error, "gps.system_failed"))
