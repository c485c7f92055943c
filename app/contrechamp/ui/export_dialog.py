"""What to export and where: the cameras (GeoJSON, GeoPackage, CSV, GPX, HTML map, JOSM,
osmChange, a zip of their photos) or the photos into a folder."""

from __future__ import annotations

from collections.abc import Sequence
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

from contrechamp.core.camera import Status
from contrechamp.ops.exports import NAMED_FORMATS, ExportFormat, ExportOptions

__all__ = ["CameraExport", "ExportDialog", "PhotoExportChoice", "PhotoExportDialog"]

translate = QCoreApplication.translate  # lupdate recognises this name

_STATUSES = (Status.DRAFT, Status.CONFIRMED)  # rejected sightings are never exported


def _suffix(fmt: ExportFormat) -> str:
    """The file name ending of a format."""
    return fmt.suffix


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
    blur: bool = True


class _ChoiceDialog(QDialog):
    """A path with a Browse button, option boxes, and Export/Cancel buttons."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.path_edit, self.browse_button = QLineEdit(), QPushButton()
        self.path_label = QLabel()
        self.path_edit.textChanged.connect(self._update_ok)
        self.confirmed_box = QCheckBox()
        self.blur_box, self.blur_note = QCheckBox(), QLabel()
        self.blur_box.setChecked(True)  # faces and plates never leave unblurred by default
        self.blur_box.toggled.connect(self._show_blur_note)
        self.blur_note.setWordWrap(True)
        self.blur_note.setStyleSheet("color: #b00020; font-weight: bold")
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
        self.blur_box.setText(translate("ExportDialog", "B&lur faces and plates"))
        self.blur_box.setToolTip(
            translate(
                "ExportDialog",
                "Faces found in the photos and the regions drawn on them are blurred in the "
                "copies; the survey keeps the originals",
            )
        )
        self.blur_note.setText(
            translate(
                "ExportDialog",
                "Blurring is off: faces and number plates in the photos will be recognisable.",
            )
        )
        self._show_blur_note()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("ExportDialog", "&Export"))
        self._update_ok()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_blur_note(self) -> None:
        """Say plainly when photos go out unblurred."""
        self.blur_note.setVisible(self.blur_box.isVisibleTo(self) and not self.blur_box.isChecked())

    def chosen_path(self) -> Path:
        """The file or folder typed or browsed to."""
        return Path(self.path_edit.text().strip()).expanduser()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path_edit.text().strip()))


class ExportDialog(_ChoiceDialog):
    """Export the cameras: the format, which cameras (status, sector) and the options of the
    format; names are left out unless asked, and only some formats can carry them."""

    def __init__(
        self, survey_path: Path, parent: QWidget | None = None, *, sectors: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self._base = survey_path.with_suffix("")
        self.format_label, self.format_box = QLabel(), QComboBox()
        self.browse_button.clicked.connect(self._browse)
        for fmt in ExportFormat:
            self.format_box.addItem("", fmt)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.status_label = QLabel()
        self.status_boxes = {status: QCheckBox() for status in _STATUSES}
        status_row = QHBoxLayout()
        for box in self.status_boxes.values():
            box.setChecked(True)
            box.toggled.connect(self._update_ok)
            status_row.addWidget(box)
        status_row.addStretch(1)
        self.sector_label, self.sector_box = QLabel(), QComboBox()
        self.sector_box.addItem("", None)
        for name in sectors:
            self.sector_box.addItem(name, name)
        self.names_box, self.photos_box, self.exif_box = QCheckBox(), QCheckBox(), QCheckBox()
        self.form.insertRow(0, self.format_label, self.format_box)
        self.form.addRow(self.status_label, status_row)
        if sectors:  # a survey without sectors has no choice to offer
            self.form.addRow(self.sector_label, self.sector_box)
        for box in (self.names_box, self.photos_box, self.exif_box, self.blur_box):
            self.form.addRow("", box)
        self.form.addRow("", self.blur_note)
        self.photos_box.toggled.connect(self._on_format_changed)
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
            ExportFormat.GPKG: self.tr("GeoPackage for QGIS and other GIS (.gpkg)"),
            ExportFormat.CSV: self.tr("Spreadsheet (.csv)"),
            ExportFormat.GPX: self.tr("Waypoints for a GPS or a phone (.gpx)"),
            ExportFormat.HTML: self.tr("Map to open in a web browser, offline (.html)"),
            ExportFormat.OSM: self.tr("JOSM file to review (.osm)"),
            ExportFormat.OSC: self.tr("OpenStreetMap change file (.osc)"),
            ExportFormat.PHOTOS: self.tr("The cameras' photos in a zip file (.zip)"),
        }
        for row in range(self.format_box.count()):
            fmt = ExportFormat(self.format_box.itemData(row))
            self.format_box.setItemText(
                row, labels.get(fmt, f"{fmt.value.upper()} ({_suffix(fmt)})")
            )
        self.status_label.setText(self.tr("Cameras"))
        self.status_boxes[Status.DRAFT].setText(self.tr("&Drafts"))
        self.status_boxes[Status.CONFIRMED].setText(self.tr("C&onfirmed"))
        self.sector_label.setText(self.tr("&Sector"))
        self.sector_label.setBuddy(self.sector_box)
        self.sector_box.setItemText(0, self.tr("The whole area"))
        self.names_box.setText(self.tr("Include participants' &names"))
        self.photos_box.setText(self.tr("Show the &photos in the map"))
        self.photos_box.setToolTip(self.tr("Their previews go into the file, without metadata"))
        self.exif_box.setText(self.tr("Keep photo &metadata (location, device)"))
        self.exif_box.setToolTip(
            self.tr("Off: the copies tell nothing about where, when or with what they were taken")
        )
        self._on_format_changed()

    def fmt(self) -> ExportFormat:
        """The chosen format."""
        return ExportFormat(self.format_box.currentData())

    def set_format(self, fmt: ExportFormat) -> None:
        """Choose a format (the file name follows)."""
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))

    def statuses(self) -> frozenset[Status]:
        """The statuses ticked; drafts only where the format takes them (not ``.osc``)."""
        boxes = getattr(self, "status_boxes", {})  # none yet while the base class is built
        return frozenset(
            status
            for status, box in boxes.items()
            if box.isChecked() and (box.isEnabled() or status is Status.CONFIRMED)
        )

    def chosen(self) -> CameraExport:
        """What to write, where, and how."""
        fmt = self.fmt()
        statuses = self.statuses()
        options = ExportOptions(
            include_names=self.names_box.isEnabled() and self.names_box.isChecked(),
            confirmed_only=statuses == {Status.CONFIRMED},
            statuses=statuses,
            sector=self.sector_box.currentData(),
            with_photos=fmt is ExportFormat.HTML and self.photos_box.isChecked(),
            keep_exif=fmt is ExportFormat.PHOTOS and self.exif_box.isChecked(),
            blur=self.blur_box.isChecked() or not self._carries_photos(),
        )
        return CameraExport(fmt, _with_suffix(self.chosen_path(), _suffix(fmt)), options)

    def _carries_photos(self) -> bool:
        """Whether the chosen export carries photos (a zip of them, or the map's previews)."""
        fmt = self.fmt()
        return fmt is ExportFormat.PHOTOS or (
            fmt is ExportFormat.HTML and self.photos_box.isChecked()
        )

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path_edit.text().strip()) and bool(self.statuses()))

    def _on_format_changed(self) -> None:
        fmt = self.fmt()
        named = fmt in NAMED_FORMATS
        self.names_box.setEnabled(named)
        self.names_box.setToolTip(
            "" if named else self.tr("Only CSV, GeoPackage and the HTML map have names")
        )
        self.photos_box.setVisible(fmt is ExportFormat.HTML)
        self.exif_box.setVisible(fmt is ExportFormat.PHOTOS)
        self.blur_box.setVisible(self._carries_photos())
        self._show_blur_note()
        osc = fmt is ExportFormat.OSC
        drafts = self.status_boxes[Status.DRAFT]
        drafts.setEnabled(not osc)
        drafts.setToolTip(self.tr("Change files carry confirmed cameras only") if osc else "")
        if osc:
            self.status_boxes[Status.CONFIRMED].setChecked(True)
        self.status_boxes[Status.CONFIRMED].setEnabled(not osc)
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(_with_suffix(Path(text), _suffix(fmt))))
        self._update_ok()

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
        self.form.addRow("", self.blur_box)
        self.form.addRow("", self.blur_note)
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
            self.chosen_path(),
            self.metadata_box.isChecked(),
            self.confirmed_box.isChecked(),
            self.blur_box.isChecked(),
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
