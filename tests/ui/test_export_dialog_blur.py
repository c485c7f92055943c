"""The export dialogs blur faces and plates unless unticked, and say so plainly when off."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from contrechamp.ops.exports import ExportFormat
from contrechamp.ui.export_dialog import ExportDialog, PhotoExportDialog


def test_a_photo_zip_is_blurred_unless_unticked_and_off_is_said(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ExportDialog(tmp_path / "s.cartoparty")
    qtbot.addWidget(dialog)
    dialog.set_format(ExportFormat.PHOTOS)
    assert dialog.blur_box.isVisibleTo(dialog)
    assert dialog.blur_box.isChecked()
    assert not dialog.blur_note.isVisibleTo(dialog)
    assert dialog.chosen().options.blur
    dialog.blur_box.setChecked(False)
    assert dialog.blur_note.isVisibleTo(dialog)
    assert "recognisable" in dialog.blur_note.text()
    assert not dialog.chosen().options.blur


def test_the_blur_choice_shows_only_for_exports_carrying_photos(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ExportDialog(tmp_path / "s.cartoparty")
    qtbot.addWidget(dialog)
    dialog.set_format(ExportFormat.GEOJSON)
    assert not dialog.blur_box.isVisibleTo(dialog)
    dialog.set_format(ExportFormat.HTML)
    assert not dialog.blur_box.isVisibleTo(dialog)
    dialog.photos_box.setChecked(True)
    assert dialog.blur_box.isVisibleTo(dialog)


def test_the_photo_folder_export_blurs_by_default(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PhotoExportDialog(tmp_path / "s.cartoparty")
    qtbot.addWidget(dialog)
    assert dialog.chosen().blur
    dialog.blur_box.setChecked(False)
    assert dialog.blur_note.isVisibleTo(dialog)
    assert not dialog.chosen().blur
