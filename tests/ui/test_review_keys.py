"""The review keys with real key presses where the walker's focus is: C, R, S, M, P, Delete."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Status
from contrechamp.ops.photo_import import import_photos
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.side_tabs import SideTab
from tests.photos.photo_factory import T0, write_photo, write_walk


@pytest.fixture
def reviewing(qtbot: QtBot, window: MainWindow, survey_path: Path, tmp_path: Path) -> MainWindow:
    """The window on the drafts of a walk (2 drafts, 2 photos to place), Ctrl+R pressed."""
    walk = write_walk(tmp_path / "walk")
    write_photo(walk, "IMG_5.jpg", taken_at=T0 + timedelta(minutes=20))  # no position either
    with SurveyFile.open(survey_path) as survey:
        import_photos(survey, [walk])
    assert window.open_survey(survey_path)
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=30_000)  # photos copied in
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    qtbot.keyClick(window.canvas, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.review.queue.queue.hasFocus)
    return window


def _status(window: MainWindow, camera_id: str | None) -> Status:
    assert window.session is not None
    assert camera_id is not None
    camera = window.session.camera(camera_id)
    assert camera is not None
    return camera.status


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_p_in_the_drafts_list_starts_placing_the_photo(qtbot: QtBot, reviewing: MainWindow) -> None:
    queue, unplaced = reviewing.review.queue, reviewing.review.unplaced
    assert _focused() is queue.queue
    qtbot.keyClick(_focused(), Qt.Key.Key_P)
    assert unplaced.placing()
    qtbot.keyClick(_focused(), Qt.Key.Key_P)  # P again: no more placing
    assert not unplaced.placing()


def test_c_and_r_work_among_the_photos_to_place(qtbot: QtBot, reviewing: MainWindow) -> None:
    queue, unplaced = reviewing.review.queue, reviewing.review.unplaced
    first = queue.current_camera_id()
    unplaced.photos.setFocus()
    qtbot.waitUntil(unplaced.photos.hasFocus)
    qtbot.keyClick(_focused(), Qt.Key.Key_R)
    assert _status(reviewing, first) is Status.REJECTED
    second = queue.current_camera_id()
    qtbot.keyClick(_focused(), Qt.Key.Key_C)
    assert _status(reviewing, second) is Status.CONFIRMED


def test_delete_in_the_drafts_list_rejects_the_draft(qtbot: QtBot, reviewing: MainWindow) -> None:
    queue = reviewing.review.queue
    first = queue.current_camera_id()
    assert reviewing.session is not None
    cameras = reviewing.session.camera_count()
    qtbot.keyClick(_focused(), Qt.Key.Key_Delete)
    assert _status(reviewing, first) is Status.REJECTED
    assert reviewing.session.camera_count() == cameras  # rejected, not deleted


def test_c_confirms_even_when_qt_does_not_count_the_window_as_active(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    queue = reviewing.review.queue
    first = queue.current_camera_id()
    other = QWidget()  # e.g. a dialog just closed, focus not yet handed back by the desktop
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    qtbot.keyClick(queue.queue, Qt.Key.Key_C)
    assert _status(reviewing, first) is Status.CONFIRMED
    assert queue.current_camera_id() != first  # the next draft, not a type-ahead jump


def test_m_shows_the_draft_and_leaves_the_keyboard_in_the_drafts(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    queue, canvas = reviewing.review.queue, reviewing.canvas
    queue.queue.setCurrentIndex(queue.model.index(1))
    chosen = queue.current_camera_id()
    canvas.zoom = 15.0
    qtbot.keyClick(_focused(), Qt.Key.Key_M)
    assert reviewing.tabs.current_key() == SideTab.REVIEW
    assert _focused() is queue.queue
    assert canvas.frame.selected == chosen
    assert canvas.zoom >= 18.0  # close enough to drag its direction handle
    assert reviewing.form.camera_id == chosen
    direction = reviewing.form.direction.text()
    qtbot.keyClick(_focused(), Qt.Key.Key_C)  # C confirms: it is not typed into a field
    assert _status(reviewing, chosen) is Status.CONFIRMED
    assert reviewing.form.direction.text() == direction


def test_undoing_a_rejection_goes_back_to_that_draft(qtbot: QtBot, reviewing: MainWindow) -> None:
    queue = reviewing.review.queue
    first = queue.current_camera_id()
    qtbot.keyClick(_focused(), Qt.Key.Key_R)
    assert queue.current_camera_id() != first
    qtbot.keyClick(_focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _status(reviewing, first) is Status.DRAFT
    assert queue.current_camera_id() == first  # the walker decides again on the same one
    assert reviewing.canvas.frame.selected == first


def _click_the_map(qtbot: QtBot, window: MainWindow, dx: int) -> None:
    """Click an empty spot ``dx`` pixels east of the view's centre (the current draft)."""
    x, y = window.canvas.pixel_of(*window.canvas.view_center())
    where = QPoint(round(x) + dx, round(y))
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_p_then_a_click_then_p_places_photo_after_photo(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    unplaced = reviewing.review.unplaced
    assert unplaced.photo_model.rowCount() == 2
    for left, dx in ((1, 80), (0, -80)):
        qtbot.keyClick(_focused(), Qt.Key.Key_P)
        assert unplaced.placing()
        _click_the_map(qtbot, reviewing, dx)
        assert unplaced.photo_model.rowCount() == left
        assert reviewing.tabs.current_key() == SideTab.REVIEW
    assert _focused() is reviewing.review.queue.queue  # no photo left: back in the drafts
    first = reviewing.review.queue.current_camera_id()
    qtbot.keyClick(_focused(), Qt.Key.Key_C)  # and the review keys work there
    assert _status(reviewing, first) is Status.CONFIRMED


def test_the_photo_chosen_with_the_arrows_is_the_one_placed(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    unplaced = reviewing.review.unplaced
    unplaced.photos.setFocus()
    qtbot.waitUntil(unplaced.photos.hasFocus)
    qtbot.keyClick(_focused(), Qt.Key.Key_Right)
    chosen = unplaced.current_photo()
    shown = unplaced.photo_model.photo(1)
    assert chosen is not None
    assert shown is not None
    assert chosen.id == shown.id
    unplaced.refresh()  # the photos read again (previews made): the choice stays
    again = unplaced.current_photo()
    assert again is not None
    assert again.id == chosen.id
    qtbot.keyClick(_focused(), Qt.Key.Key_P)
    with qtbot.waitSignal(unplaced.camera_placed) as placed:
        _click_the_map(qtbot, reviewing, 80)
    assert reviewing.session is not None
    assert [p.id for p in reviewing.session.survey.photos(placed.args[0])] == [chosen.id]
