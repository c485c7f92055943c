"""What to export and where: the cameras (GeoJSON, CSV, JOSM, osmChange) or the photos."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrechamp.ops.exports import ExportFormat, ExportOptions

__all__ = ["CameraExport", "ExportDialog", "PhotoExportChoice", "PhotoExportDialog"]

translate = QCoreApplication.translate  # lupdate recognises this name

_NAMED = frozenset({ExportFormat.CSV})  # the formats that can carry participants' names


def _suffix(fmt: ExportFormat) -> str:
    """The file name ending of a format (every format is named after its suffix)."""
    return f".{fmt.value}"


@dataclass(frozen=True)
class CameraExport:
    """The walker's choice: format, file and options."""

    fmt: ExportFormat
    path: Path
    options: ExportOptions


@dataclass(frozen=True)
class PhotoExportChoice:
    """Where to write the photos and what to keep."""

    folder: Path
    keep_metadata: bool
    confirmed_only: bool


class _ChoiceDialog(QDialog):
    """A path with a Browse button, option boxes, and Export/Cancel buttons."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.path_edit, self.browse_button = QLineEdit(), QPushButton()
        self.path_label = QLabel()
        self.path_edit.textChanged.connect(self._update_ok)
        self.confirmed_box = QCheckBox()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.form.addRow(self.path_label, path_row)
        column = QVBoxLayout(self)
        column.addLayout(self.form)
        column.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        """Refresh the shared texts."""
        # One context for the shared texts, whichever dialog shows them.
        self.browse_button.setText(translate("ExportDialog", "&Browse…"))
        self.confirmed_box.setText(translate("ExportDialog", "Only &confirmed cameras"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("ExportDialog", "&Export"))
        self._update_ok()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def chosen_path(self) -> Path:
        """The file or folder typed or browsed to."""
        return Path(self.path_edit.text().strip()).expanduser()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path_edit.text().strip()))


class ExportDialog(_ChoiceDialog):
    """Export the cameras; names are left out unless asked, and only CSV can carry them."""

    def __init__(self, survey_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = survey_path.with_suffix("")
        self.format_label, self.format_box = QLabel(), QComboBox()
        self.browse_button.clicked.connect(self._browse)
        for fmt in ExportFormat:
            self.format_box.addItem("", fmt)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.names_box = QCheckBox()
        self.form.insertRow(0, self.format_label, self.format_box)
        self.form.addRow("", self.names_box)
        self.form.addRow("", self.confirmed_box)
        self.path_edit.setText(str(self._base.with_suffix(_suffix(ExportFormat.GEOJSON))))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Export cameras"))
        self.format_label.setText(self.tr("&Format"))
        self.format_label.setBuddy(self.format_box)
        self.path_label.setText(self.tr("&File"))
        self.path_label.setBuddy(self.path_edit)
        labels = {
            ExportFormat.GEOJSON: self.tr("GeoJSON map file (.geojson)"),
            ExportFormat.CSV: self.tr("Spreadsheet (.csv)"),
            ExportFormat.OSM: self.tr("JOSM file to review (.osm)"),
            ExportFormat.OSC: self.tr("OpenStreetMap change file (.osc)"),
            ExportFormat.GPX: self.tr("Waypoints for a GPS or a phone (.gpx)"),
        }
        for row in range(self.format_box.count()):
            fmt = ExportFormat(self.format_box.itemData(row))
            self.format_box.setItemText(
                row, labels.get(fmt, f"{fmt.value.upper()} ({_suffix(fmt)})")
            )
        self.names_box.setText(self.tr("Include participants' &names"))
        self._on_format_changed()

    def fmt(self) -> ExportFormat:
        """The chosen format."""
        return ExportFormat(self.format_box.currentData())

    def set_format(self, fmt: ExportFormat) -> None:
        """Choose a format (the file name follows)."""
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))

    def chosen(self) -> CameraExport:
        """What to write, where, and how."""
        options = ExportOptions(
            include_names=self.names_box.isEnabled() and self.names_box.isChecked(),
            confirmed_only=self.confirmed_box.isChecked(),
        )
        fmt = self.fmt()
        return CameraExport(fmt, _with_suffix(self.chosen_path(), _suffix(fmt)), options)

    def _on_format_changed(self) -> None:
        fmt = self.fmt()
        self.names_box.setEnabled(fmt in _NAMED)
        self.names_box.setToolTip("" if fmt in _NAMED else self.tr("Only CSV has names"))
        osc = fmt is ExportFormat.OSC
        if osc:
            self.confirmed_box.setChecked(True)
        self.confirmed_box.setEnabled(not osc)
        tip = self.tr("Change files carry confirmed cameras only") if osc else ""
        self.confirmed_box.setToolTip(tip)
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(_with_suffix(Path(text), _suffix(fmt))))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export cameras"), str(self.chosen_path()), f"*{_suffix(self.fmt())}"
        )
        if name:
            self.path_edit.setText(str(_with_suffix(Path(name), _suffix(self.fmt()))))


class PhotoExportDialog(_ChoiceDialog):
    """Export the photos into a folder; their metadata is removed unless asked."""

    def __init__(self, survey_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metadata_box = QCheckBox()
        self.browse_button.clicked.connect(self._browse)
        self.form.addRow("", self.metadata_box)
        self.form.addRow("", self.confirmed_box)
        self.path_edit.setText(str(survey_path.with_name(f"{survey_path.stem}-photos")))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Export photos"))
        self.path_label.setText(self.tr("&Folder"))
        self.path_label.setBuddy(self.path_edit)
        self.metadata_box.setText(self.tr("Keep photo &metadata (location, device)"))
        self.metadata_box.setToolTip(
            self.tr("Off: the copies tell nothing about where, when or with what they were taken")
        )

    def chosen(self) -> PhotoExportChoice:
        """The folder and the options."""
        return PhotoExportChoice(
            self.chosen_path(), self.metadata_box.isChecked(), self.confirmed_box.isChecked()
        )

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export photos"), str(self.chosen_path())
        )
        if folder:
            self.path_edit.setText(folder)


def _with_suffix(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (an export suffix it had is replaced)."""
    if path.suffix.lower() == suffix:
        return path
    if path.suffix.lower() in {_suffix(fmt) for fmt in ExportFormat}:
        return path.with_suffix(suffix)
    return path.with_name(path.name + suffix)
