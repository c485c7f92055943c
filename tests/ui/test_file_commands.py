"""The File menu from the window: map area, camera imports and exports, in the background."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.ops.exports import ExportFormat, ExportOptions
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.export_dialog import (
    CameraExport,
    ExportDialog,
    PhotoExportChoice,
    PhotoExportDialog,
)
from contrechamp.ui.main_window import MainWindow
from tests.photos.photo_factory import T0, jpeg_bytes, make_exif

from .conftest import OSM_CAMERAS


def _wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=60_000)


def _log(window: MainWindow, camera: Camera) -> None:
    assert window.session is not None
    window.session.add_camera(camera, "Add camera")


def test_loading_an_extract_from_the_menu_shows_its_map_and_osm_cameras(
    qtbot: QtBot, window: MainWindow, shared_data: Path
) -> None:
    assert window.commands.load_area.isEnabled()
    assert window.files.load_area(shared_data / "osm" / "monaco.osm.pbf")
    assert window.files.busy.isVisibleTo(window)  # the busy indicator while it reads
    assert window.files.busy.label.text() == "Reading the map…"
    _wait_idle(qtbot, window)
    assert window.session is not None
    assert len(window.session.existing_cameras()) == 16
    assert window.session.survey.area_source() == "monaco.osm.pbf"
    assert len(window.canvas.frame.existing) == 16
    message = window.statusBar().currentMessage()
    assert message == "Map loaded: 16 camera(s) already in OpenStreetMap."
    assert not window.files.busy.isVisibleTo(window)


def test_work_asked_for_meanwhile_runs_next(
    qtbot: QtBot, window: MainWindow, shared_data: Path
) -> None:
    assert window.files.load_area(shared_data / "osm" / "monaco.osm.pbf")
    assert window.files.import_cameras([shared_data / "osm" / "monaco_cameras.osm"])
    _wait_idle(qtbot, window)
    assert window.session is not None
    assert len(window.session.existing_cameras()) == 16
    assert window.session.camera_count() == 16
    assert window.statusBar().currentMessage() == "Imported 16 camera(s)."


def test_a_bad_extract_is_refused_in_plain_words_and_the_area_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.osm.pbf"
    bad.write_bytes(b"\x00\x00\x00\x0dOSMHeader" + b"\xff" * 200)
    assert window.files.load_area(bad)
    _wait_idle(qtbot, window)
    box = window.message_box
    assert box is not None
    assert box.icon() == QMessageBox.Icon.Warning
    assert "map file" in box.text()
    assert "Traceback" not in box.text()
    assert window.session is not None
    assert [c.osm_id for c in window.session.existing_cameras()] == [c.osm_id for c in OSM_CAMERAS]
    box.close()


def test_importing_cameras_adds_them_to_the_map_and_the_list(
    qtbot: QtBot, window: MainWindow, shared_data: Path
) -> None:
    assert window.files.import_cameras([shared_data / "osm" / "monaco_cameras.osm"])
    _wait_idle(qtbot, window)
    assert window.session is not None
    imported = window.session.camera_count()
    assert imported > 0
    assert window.model.rowCount() == imported
    assert len(window.canvas.frame.survey) == imported
    assert window.statusBar().currentMessage().startswith("Imported ")
    assert window.files.import_cameras([shared_data / "osm" / "monaco_cameras.osm"])
    _wait_idle(qtbot, window)
    assert window.session.camera_count() == imported  # the same file again adds nothing
    assert "already in the survey" in window.statusBar().currentMessage()


def test_a_bad_import_changes_nothing_and_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shared_data: Path
) -> None:
    bad = tmp_path / "cameras.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    good = shared_data / "osm" / "monaco_cameras.osm"
    assert window.files.import_cameras([good, bad])
    _wait_idle(qtbot, window)
    assert window.message_box is not None
    assert "cannot be imported" in window.message_box.text()
    assert window.session is not None
    assert window.session.camera_count() == 0
    with SurveyFile.open(window.session.survey.path) as survey:
        assert survey.cameras() == []
    window.message_box.close()


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_exports_write_the_cameras_without_names_by_default(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, fmt: ExportFormat
) -> None:
    _log(window, Camera(43.7331, 7.4251, {"man_made": "surveillance"}, surveyor="pair-3"))
    confirmed = Camera(43.7332, 7.4252, {"man_made": "surveillance"}, surveyor="pair-3")
    _log(window, replace(confirmed, status=Status.CONFIRMED))
    assert window.session is not None
    dialog = ExportDialog(window.session.survey.path)
    qtbot.addWidget(dialog)
    dialog.set_format(fmt)
    assert not dialog.names_box.isChecked()
    dialog.path_edit.setText(str(tmp_path / "out"))
    choice = dialog.chosen()
    assert choice.path.name == "out" + {"photos": ".zip"}.get(fmt.value, f".{fmt.value}")
    assert window.files.export_cameras(choice)
    _wait_idle(qtbot, window)
    assert b"pair-3" not in choice.path.read_bytes()  # GeoPackage and zip: bytes
    said = window.statusBar().currentMessage()
    if fmt is ExportFormat.PHOTOS:  # cameras without photos: an empty archive, and said so
        assert said.startswith("Wrote 0 photo")
    else:
        assert said.startswith(f"Wrote {1 if fmt is ExportFormat.OSC else 2} camera")
    assert choice.path.name in window.statusBar().currentMessage()


def test_csv_export_names_participants_only_when_asked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _log(window, Camera(43.7331, 7.4251, {"man_made": "surveillance"}, surveyor="pair-3"))
    out = tmp_path / "named.csv"
    options = ExportOptions(include_names=True)
    assert window.files.export_cameras(CameraExport(ExportFormat.CSV, out, options))
    _wait_idle(qtbot, window)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["surveyor"] == "pair-3"


def test_the_dialog_offers_names_where_they_fit_and_osc_is_confirmed_only(qtbot: QtBot) -> None:
    dialog = ExportDialog(Path("/tmp/walk.cartoparty"))
    qtbot.addWidget(dialog)
    assert dialog.path_edit.text().endswith("walk.geojson")
    dialog.set_format(ExportFormat.CSV)
    assert dialog.names_box.isEnabled()
    assert dialog.path_edit.text().endswith("walk.csv")
    dialog.names_box.setChecked(True)
    dialog.set_format(ExportFormat.OSC)
    assert not dialog.names_box.isEnabled()
    assert not dialog.chosen().options.include_names
    assert dialog.chosen().options.statuses == {Status.CONFIRMED}
    assert not dialog.status_boxes[Status.DRAFT].isEnabled()
    dialog.set_format(ExportFormat.GPKG)
    assert dialog.names_box.isEnabled()
    assert dialog.chosen().options.include_names
    dialog.path_edit.clear()
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()


def test_the_dialog_offers_statuses_sectors_and_the_options_of_each_format(
    qtbot: QtBot,
) -> None:
    dialog = ExportDialog(Path("/tmp/walk.cartoparty"), sectors=["North", "South"])
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.buttons()[0]
    dialog.status_boxes[Status.CONFIRMED].setChecked(False)
    assert dialog.chosen().options.statuses == {Status.DRAFT}
    dialog.status_boxes[Status.DRAFT].setChecked(False)
    assert not ok.isEnabled()  # nothing to export
    dialog.status_boxes[Status.CONFIRMED].setChecked(True)
    assert ok.isEnabled()
    assert dialog.chosen().options.confirmed_only
    assert dialog.chosen().options.sector is None
    dialog.sector_box.setCurrentIndex(dialog.sector_box.findData("South"))
    assert dialog.chosen().options.sector == "South"
    dialog.set_format(ExportFormat.HTML)
    assert dialog.photos_box.isVisible()
    assert not dialog.exif_box.isVisible()
    dialog.photos_box.setChecked(True)
    assert dialog.chosen().options.with_photos
    dialog.set_format(ExportFormat.PHOTOS)
    assert dialog.chosen().path.name == "walk.zip"
    assert dialog.exif_box.isVisible()
    assert not dialog.photos_box.isVisible()
    assert not dialog.chosen().options.keep_exif
    assert not dialog.chosen().options.with_photos
    dialog.exif_box.setChecked(True)
    assert dialog.chosen().options.keep_exif


def test_the_dialog_offers_no_sector_choice_without_sectors(qtbot: QtBot) -> None:
    dialog = ExportDialog(Path("/tmp/walk.cartoparty"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.sector_box.isVisible()
    assert dialog.chosen().options.sector is None


def test_photo_export_strips_metadata_unless_asked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    camera = Camera(43.7331, 7.4251, {"man_made": "surveillance"})
    _log(window, camera)
    data = jpeg_bytes(make_exif(lat=43.7331, lon=7.4251, taken_at=T0))
    assert window.session is not None
    info = PhotoInfo(None, camera.id, "", "IMG_1.jpg", "image/jpeg", PhotoRole.CLOSE_UP)
    window.session.writer.survey.add_photo(_hashed(info, data), data)
    folder = tmp_path / "shared"
    assert window.files.export_photos(PhotoExportChoice(folder, False, False))
    qtbot.waitUntil(lambda: window.files.blurring.dialog is not None, timeout=60_000)
    review = window.files.blurring.dialog  # the survey's first export of photos: reviewed
    assert isinstance(review, QDialog)
    review.accept()
    _wait_idle(qtbot, window)
    [written] = list(folder.iterdir())
    assert b"Exif" not in written.read_bytes()[:4096]
    assert "IMG_1" not in written.name
    assert window.statusBar().currentMessage() == "Wrote 1 photo(s) to shared."
    kept = tmp_path / "kept"
    assert window.files.export_photos(PhotoExportChoice(kept, True, False))
    _wait_idle(qtbot, window)
    assert next(kept.iterdir()).read_bytes() == data


def test_file_commands_are_off_without_a_survey(qtbot: QtBot, window: MainWindow) -> None:
    window.set_session(None)
    for action in (
        window.commands.load_area,
        window.commands.import_cameras,
        window.commands.import_photos,
        window.commands.export,
        window.commands.export_photos,
        window.commands.show_review,
    ):
        assert not action.isEnabled()
    assert not window.files.import_cameras([Path("x.geojson")])


def _hashed(info: PhotoInfo, data: bytes) -> PhotoInfo:
    return replace(info, sha256=hashlib.sha256(data).hexdigest())


def test_the_photo_export_keeps_no_metadata_unless_ticked(qtbot: QtBot) -> None:
    dialog = PhotoExportDialog(Path("/tmp/walk.cartoparty"))
    qtbot.addWidget(dialog)
    choice = dialog.chosen()
    assert choice == PhotoExportChoice(Path("/tmp/walk-photos"), False, False)
    dialog.metadata_box.setChecked(True)
    assert dialog.chosen().keep_metadata


def test_another_survey_brings_its_cameras_and_photos_with_previews(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "pair-4.cartoparty"
    camera = Camera(43.7335, 7.4255, {"man_made": "surveillance"}, surveyor="pair-4")
    data = jpeg_bytes(make_exif(lat=43.7335, lon=7.4255, taken_at=T0))
    with SurveyFile.create(other, surveyor="pair-4") as survey:
        survey.add_camera(camera)
        info = PhotoInfo(None, camera.id, "", "IMG_9.jpg", "image/jpeg", PhotoRole.CLOSE_UP)
        survey.add_photo(_hashed(info, data), data)
    assert window.files.import_cameras([other])
    _wait_idle(qtbot, window)
    assert window.session is not None
    assert window.session.camera(camera.id) is not None
    [photo] = window.session.survey.photos(camera.id)
    assert photo.id is not None
    assert window.session.survey.thumbnail(photo.id)  # made in the background after


def test_an_import_of_cameras_is_one_undo_step_and_redo_brings_it_back(
    qtbot: QtBot, window: MainWindow, shared_data: Path
) -> None:
    assert window.files.import_cameras([shared_data / "osm" / "monaco_cameras.osm"])
    _wait_idle(qtbot, window)
    session = window.session
    assert session is not None
    imported = session.camera_count()
    assert imported == 16
    assert window.commands.undo.toolTip() == "Import cameras"
    window.commands.undo.trigger()  # one step takes every imported camera out
    assert session.camera_count() == 0
    assert window.model.rowCount() == 0
    with SurveyFile.open_untrusted_readonly(session.survey.path) as survey:
        assert survey.cameras() == []
    window.commands.redo.trigger()
    assert session.camera_count() == imported
    with SurveyFile.open_untrusted_readonly(session.survey.path) as survey:
        assert len(survey.cameras()) == imported


def test_importing_an_overpass_answer_without_versions_says_so_once(
    qtbot: QtBot, window: MainWindow, shared_data: Path, tmp_path: Path
) -> None:
    from tests.ops.test_imports import _overpass_body_answer

    answer = tmp_path / "turbo.json"
    nodes = _overpass_body_answer(shared_data / "osm" / "monaco_cameras.osm", answer)
    assert window.files.import_cameras([answer])
    _wait_idle(qtbot, window)
    said = window.statusBar().currentMessage()
    assert said.count("without a known version") == 1
    assert f"{len(nodes)} linked to OSM without a known version" in said


def test_redoing_an_undone_import_gives_the_cameras_their_sheet_lines_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "pair.cartoparty"
    lined = Camera(43.7320, 7.4230, {"man_made": "surveillance"})
    with SurveyFile.create(other) as survey:
        survey.add_camera(lined)
        survey.add_camera(Camera(43.7322, 7.4232, {"man_made": "surveillance"}))
        survey.set_sheet_line(lined.id, "A-3")
    assert window.files.import_cameras([other])
    _wait_idle(qtbot, window)
    session = window.session
    assert session is not None
    assert session.sheet_line(lined.id) == "A-3"
    window.commands.undo.trigger()
    _wait_idle(qtbot, window)
    assert session.camera(lined.id) is None
    window.commands.redo.trigger()
    _wait_idle(qtbot, window)
    assert session.sheet_line(lined.id) == "A-3"
    with SurveyFile.open_untrusted_readonly(session.survey.path) as survey:
        assert survey.sheet_line(lined.id) == "A-3"
