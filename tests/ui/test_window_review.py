"""Walk photos in the window: import (menu and drop), the drafts tab, placing unplaced photos."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import PositionSource, Status
from contrechamp.core.geo import distance_m
from contrechamp.core.photo import PhotoRole
from contrechamp.ops.photo_import import import_photos
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.cameras_model import CAMERA_ROLE
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.frame_layers import STATUS_GROUPS
from contrechamp.ui.side_tabs import SideTab
from tests.photos.photo_factory import write_walk


def _with_walk(survey_path: Path, folder: Path) -> None:
    """Import the generated walk (2 drafts, 1 photo without a position) into the survey."""
    with SurveyFile.open(survey_path) as survey:
        summary = import_photos(survey, [write_walk(folder)])
    assert (summary.drafts_created, len(summary.unplaced)) == (2, 1)


def _reopen(window: MainWindow, survey_path: Path, qtbot: QtBot | None = None) -> None:
    """Open the survey; with ``qtbot``, wait until the copy of its pending photos is done
    (meanwhile an edit waits its turn behind the copy and shows a moment later)."""
    assert window.open_survey(survey_path)
    if qtbot is not None:
        qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=30_000)


def _drop(window: MainWindow, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(window.width() / 3, window.height() / 2)
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:
        enter = QDragEnterEvent(where, *args)  # PySide6 6.12+
    except TypeError:
        enter = QDragEnterEvent(where.toPoint(), *args)  # 6.11 takes a QPoint
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return drop


def test_import_photos_from_the_menu_makes_drafts_to_review(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.commands.import_photos.trigger()
    dialog = window.photo_intake.dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.add_paths([write_walk(tmp_path / "walk")])
    with qtbot.waitSignal(dialog.photos_imported, timeout=30_000):
        dialog.start_import()
    assert window.session is not None
    drafts = [c for c in window.session.cameras() if c.status is Status.DRAFT]
    assert len(drafts) == 2
    assert window.model.rowCount() == 2
    assert len(window.canvas.frame.survey) == 2
    assert window.tabs.current_key() == SideTab.REVIEW
    assert window.tabs.tabText(window.tabs.index_of(SideTab.REVIEW)) == "Drafts to review (2)"
    message = window.statusBar().currentMessage()
    assert "2 camera(s) to review" in message
    assert "1 photo(s) to place on the map" in message
    assert "2 file(s) skipped" in message
    assert "is not a JPEG, HEIC" in dialog.summary.text()  # the reasons, in plain words
    assert window.review.unplaced.photo_model.rowCount() == 1
    qtbot.waitUntil(lambda: not dialog.running(), timeout=30_000)  # the copy into the survey
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=30_000)  # then the previews
    survey = window.session.survey  # the generated photos carry no EXIF thumbnail
    assert all(survey.thumbnail(p.id) for p in survey.photos() if p.id is not None)
    dialog.reject()


def test_folders_dropped_on_the_map_open_the_photo_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = write_walk(tmp_path / "walk")
    assert _drop(window, [folder]).isAccepted()
    dialog = window.photo_intake.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert [dialog.paths_list.item(i).text() for i in range(dialog.paths_list.count())] == [
        str(folder)
    ]
    assert dialog.import_button.isEnabled()
    dialog.reject()


def test_camera_files_dropped_on_the_window_are_imported(
    qtbot: QtBot, window: MainWindow, shared_data: Path
) -> None:
    _drop(window, [shared_data / "osm" / "monaco_cameras.osm"])
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=30_000)
    assert window.session is not None
    assert window.session.camera_count() > 0
    assert window.photo_intake.dialog is None


def test_ctrl_r_opens_the_queue_and_c_confirms_on_the_map_and_in_the_list(
    qtbot: QtBot, window: MainWindow, survey_path: Path, tmp_path: Path
) -> None:
    _with_walk(survey_path, tmp_path / "walk")
    _reopen(window, survey_path, qtbot)
    assert window.tabs.tabText(window.tabs.index_of(SideTab.REVIEW)) == "Drafts to review (2)"
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.current_key() == SideTab.REVIEW
    queue = window.review.queue
    qtbot.waitUntil(lambda: queue.queue.hasFocus())
    first = queue.current_camera_id()
    assert first is not None
    assert window.canvas.frame.selected == first  # the current draft is shown on the map
    qtbot.keyClick(queue.queue, Qt.Key.Key_C)
    assert window.session is not None
    camera = window.session.camera(first)
    assert camera is not None
    assert camera.status is Status.CONFIRMED
    row = window.model.row_of(first)
    assert row is not None
    listed = window.model.index(row, 0).data(CAMERA_ROLE)
    assert listed.status is Status.CONFIRMED
    frame = window.canvas.frame
    assert frame.survey.group[frame.survey.index_of(first)] == STATUS_GROUPS[Status.CONFIRMED]
    assert window.tabs.tabText(window.tabs.index_of(SideTab.REVIEW)) == "Drafts to review (1)"
    qtbot.keyClick(queue.queue, Qt.Key.Key_R)
    assert window.tabs.tabText(window.tabs.index_of(SideTab.REVIEW)) == "Drafts to review"
    rejected = [c for c in window.session.cameras() if c.status is Status.REJECTED]
    assert len(rejected) == 1
    window.commands.undo.trigger()
    assert window.tabs.tabText(window.tabs.index_of(SideTab.REVIEW)) == "Drafts to review (1)"


def test_show_on_map_selects_the_draft_in_the_map_and_the_form(
    qtbot: QtBot, window: MainWindow, survey_path: Path, tmp_path: Path
) -> None:
    _with_walk(survey_path, tmp_path / "walk")
    _reopen(window, survey_path, qtbot)
    window.show_review()
    queue = window.review.queue
    queue.queue.setCurrentIndex(queue.model.index(1))
    chosen = queue.current_camera_id()
    queue.map_button.click()
    assert window.form.camera_id == chosen
    assert window.edited_camera_id() == chosen
    assert window.canvas.frame.selected == chosen
    assert window.session is not None
    camera = window.session.camera(chosen or "")
    assert camera is not None
    lat, lon = window.canvas.view_center()
    assert distance_m(lat, lon, camera.lat, camera.lon) < 1.0


def test_an_unplaced_photo_is_placed_by_a_click_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow, survey_path: Path, tmp_path: Path
) -> None:
    _with_walk(survey_path, tmp_path / "walk")
    _reopen(window, survey_path, qtbot)
    window.show_review()
    unplaced = window.review.unplaced
    assert unplaced.isVisible()
    assert unplaced.title.text() == "1 photo(s) to place on the map"
    photo = unplaced.current_photo()
    assert photo is not None
    assert photo.id is not None
    window.canvas.center_on(48.85, 2.35, 18)
    unplaced.place_button.click()
    assert unplaced.placing()
    x, y = window.canvas.pixel_of(48.8502, 2.3503)
    qtbot.mouseClick(
        window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y))
    )
    assert not unplaced.placing()
    assert window.session is not None
    [placed] = [c for c in window.session.cameras() if c.source is PositionSource.MAP]
    assert distance_m(placed.lat, placed.lon, 48.8502, 2.3503) < 1.0
    assert placed.status is Status.DRAFT
    assert [(p.id, p.role) for p in window.session.survey.photos(placed.id)] == [
        (photo.id, PhotoRole.CLOSE_UP)
    ]
    assert window.form.camera_id == placed.id
    assert not unplaced.isVisible()  # nothing left to place
    window.commands.undo.trigger()
    assert window.session.camera(placed.id) is None
    assert [p.id for p in window.session.unplaced_photos()] == [photo.id]
    assert unplaced.isVisible()
    window.commands.redo.trigger()
    assert window.session.camera(placed.id) is not None
    assert window.session.unplaced_photos() == []


def test_a_map_click_without_place_adds_nothing(
    qtbot: QtBot, window: MainWindow, survey_path: Path, tmp_path: Path
) -> None:
    _with_walk(survey_path, tmp_path / "walk")
    _reopen(window, survey_path, qtbot)
    assert window.session is not None
    before = window.session.camera_count()
    window.canvas.map_clicked.emit(48.8502, 2.3503)
    assert window.session.camera_count() == before
    window.review.unplaced.place_button.click()
    window.commands.add_on_map.trigger()  # A takes over: one click, one meaning
    assert not window.review.unplaced.placing()


def test_photos_left_outside_the_survey_are_copied_in_when_it_opens(
    qtbot: QtBot, window: MainWindow, survey_path: Path, tmp_path: Path
) -> None:
    _with_walk(survey_path, tmp_path / "walk")  # drafts made, photo bytes not copied yet
    with SurveyFile.open(survey_path) as survey:
        assert survey.pending_count() == 4
    _reopen(window, survey_path)
    assert window.files.busy.isVisibleTo(window)
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=30_000)  # the copy
    assert window.session is not None
    assert window.session.survey.pending_count() == 0
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=30_000)  # the previews
    survey = window.session.survey
    assert all(survey.thumbnail(p.id) for p in survey.photos() if p.id is not None)
    assert all(
        window.session.survey.photo_data(p.id) for p in window.session.survey.photos() if p.id
    )
