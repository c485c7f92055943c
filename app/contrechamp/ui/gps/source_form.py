"""The GPS part of the settings: which source, its port or address, and whether to keep a track."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtSerialPort import QSerialPortInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from contrechamp.core.gps_spec import BAUD_RATES, DEFAULT_BAUD, GpsSpec

__all__ = ["GpsSourceForm"]

KINDS = ("none", "system", "serial", "tcp", "file")
#: IANA port for NMEA 0183 over TCP; many phone apps let you choose it.
DEFAULT_TCP_PORT = 10110


class GpsSourceForm(QWidget):
    """Edits a GPS source; :meth:`spec` may raise ``InputError`` (code ``gps.spec``).

    ``keep_track`` is off unless the user ticks it: a walk is private.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        self.port = QComboBox(self, editable=True)
        self.baud = QComboBox(self)
        self.host = QLineEdit(self)
        self.tcp_port = QSpinBox(self, minimum=1, maximum=65535, value=DEFAULT_TCP_PORT)
        self.path = QLineEdit(self)
        self.browse = QPushButton(self)
        self.keep_track = QCheckBox(self)
        for kind in KINDS:
            self.kind.addItem(kind, kind)
        for baud in BAUD_RATES:
            self.baud.addItem(str(baud), baud)
        self.baud.setCurrentIndex(BAUD_RATES.index(DEFAULT_BAUD))
        self._build_layout()
        self.refresh_ports()
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.browse.clicked.connect(self._on_browse_clicked)
        for signal in (self.port.currentTextChanged, self.host.textChanged, self.path.textChanged):
            signal.connect(self.changed)
        self.retranslate_ui()

    def _build_layout(self) -> None:
        self._form = QFormLayout(self)
        self._path_row = QHBoxLayout()
        self._path_row.addWidget(self.path)
        self._path_row.addWidget(self.browse)
        self._labels = [QLabel(self) for _ in range(6)]
        fields = (self.kind, self.port, self.baud, self.host, self.tcp_port)
        for label, field in zip(self._labels, fields, strict=False):
            self._form.addRow(label, field)
        self._form.addRow(self._labels[-1], self._path_row)
        self._form.addRow(self.keep_track)

    def retranslate_ui(self) -> None:
        """Rewrite every text in the current language."""
        names = (
            self.tr("No GPS"),
            self.tr("This computer's location service"),
            self.tr("GPS receiver (USB or serial)"),
            self.tr("Phone sharing its GPS over the network (NMEA/TCP)"),
            self.tr("Recorded NMEA log (replay)"),
        )
        for index, name in enumerate(names):
            self.kind.setItemText(index, name)
        self.kind.setToolTip(self.tr("The location service may ask the internet where you are."))
        labels = [self.tr("Source"), self.tr("Port"), self.tr("Speed"), self.tr("Address")]
        labels += [self.tr("Network port"), self.tr("File")]
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.20"))
        self.browse.setText(self.tr("Choose…"))
        self.keep_track.setText(self.tr("Keep my track in the survey"))
        self.keep_track.setToolTip(self.tr("Off: your walk is not recorded."))
        self._on_kind_changed()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh_ports(self) -> None:
        """List the serial ports present now (the name stays editable)."""
        typed = self.port.currentText()
        self.port.clear()
        for info in QSerialPortInfo.availablePorts():
            self.port.addItem(info.systemLocation(), info.systemLocation())
        self.port.setEditText(typed)

    def spec(self) -> GpsSpec:
        """The source described by the form; raises ``InputError`` if a field is missing."""
        kind = self.kind.currentData()
        if kind == "serial":
            return GpsSpec("serial", self.port.currentText().strip(), self.baud.currentData())
        if kind == "tcp":
            return GpsSpec("tcp", self.host.text().strip(), self.tcp_port.value())
        if kind == "file":
            return GpsSpec("file", self.path.text().strip())
        return GpsSpec(kind)

    def set_spec(self, spec: GpsSpec) -> None:
        """Show ``spec`` in the form."""
        self.kind.setCurrentIndex(KINDS.index(spec.kind))
        if spec.kind == "serial":
            self.port.setEditText(spec.target)
            self.baud.setCurrentIndex(BAUD_RATES.index(spec.baud))
        elif spec.kind == "tcp":
            self.host.setText(spec.target)
            self.tcp_port.setValue(spec.port or DEFAULT_TCP_PORT)
        elif spec.kind == "file":
            self.path.setText(spec.target)

    def _on_kind_changed(self) -> None:
        kind = self.kind.currentData()
        self._form.setRowVisible(self.port, kind == "serial")
        self._form.setRowVisible(self.baud, kind == "serial")
        self._form.setRowVisible(self.host, kind == "tcp")
        self._form.setRowVisible(self.tcp_port, kind == "tcp")
        self._form.setRowVisible(self._path_row, kind == "file")
        self.changed.emit()

    def _on_browse_clicked(self) -> None:
        title = self.tr("Recorded NMEA log")
        filters = self.tr("NMEA logs (*.nmea *.txt *.log);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, title, "", filters)
        if path:
            self.path.setText(path)
