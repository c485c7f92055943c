"""Undo steps as the walker makes them: what was typed and saved is never folded into a drag."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, PositionSource
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.overlays import handle_position

LAT, LON = 43.7320, 7.4230


def _new_camera(window: MainWindow) -> Camera:
    camera = window.sightings.add_camera_at(LAT, LON, PositionSource.MAP, None)
    assert camera is not None
    window.canvas.center_on(LAT, LON, 18)
    return camera


def _direction(window: MainWindow, camera_id: str) -> str | None:
    assert window.session is not None
    camera = window.session.camera(camera_id)
    assert camera is not None
    return camera.tags.get("camera:direction")


def _type_direction(qtbot: QtBot, window: MainWindow, text: str, then: Qt.Key) -> None:
    field = window.form.direction
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, then)


def _drag_handle(qtbot: QtBot, window: MainWindow, camera_id: str, to: QPoint) -> None:
    """Press on the selected camera's direction handle, move in steps, release: as a hand."""
    canvas = window.canvas
    assert canvas.frame.selected == camera_id
    x, y = canvas.pixel_of(LAT, LON)
    bearing = float(_direction(window, camera_id) or 0)
    hx, hy = handle_position(x, y, bearing)
    start, end = QPoint(round(hx), round(hy)), QPoint(round(x), round(y)) + to
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _redo(qtbot: QtBot, window: MainWindow) -> None:
    """The platform's redo key: Ctrl+Shift+Z on X11, Ctrl+Y first on the offscreen platform."""
    combination = window.commands.redo.shortcut()[0]
    qtbot.keyClick(window.canvas, combination.key(), combination.keyboardModifiers())


def _focus_map(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)


def test_undo_after_a_handle_drag_gives_back_the_direction_typed_and_saved(
    qtbot: QtBot, window: MainWindow
) -> None:
    camera = _new_camera(window)
    _type_direction(qtbot, window, "90", Qt.Key.Key_Return)
    assert _direction(window, camera.id) == "90"
    assert window.canvas.hasFocus()  # Enter: saved for good, back on the map
    _drag_handle(qtbot, window, camera.id, QPoint(0, 80))  # straight down: south
    assert _direction(window, camera.id) == "180"
    _undo(qtbot, window)
    assert _direction(window, camera.id) == "90"
    assert window.form.direction.text() == "90"
    _undo(qtbot, window)
    assert _direction(window, camera.id) is None
    _redo(qtbot, window)
    assert _direction(window, camera.id) == "90"
    _redo(qtbot, window)
    assert _direction(window, camera.id) == "180"


def test_a_typed_direction_left_with_tab_is_not_folded_into_the_drag_either(
    qtbot: QtBot, window: MainWindow
) -> None:
    camera = _new_camera(window)
    _type_direction(qtbot, window, "90", Qt.Key.Key_Tab)
    _focus_map(qtbot, window)
    _drag_handle(qtbot, window, camera.id, QPoint(0, 80))
    _drag_handle(qtbot, window, camera.id, QPoint(-80, 0))  # drags in a row: one step
    assert _direction(window, camera.id) == "270"
    _undo(qtbot, window)
    assert _direction(window, camera.id) == "90"


def test_typing_after_a_drag_is_a_step_of_its_own(qtbot: QtBot, window: MainWindow) -> None:
    camera = _new_camera(window)
    _focus_map(qtbot, window)
    _drag_handle(qtbot, window, camera.id, QPoint(0, 80))
    _type_direction(qtbot, window, "45", Qt.Key.Key_Return)
    _undo(qtbot, window)
    assert _direction(window, camera.id) == "180"


def test_a_second_visit_to_the_form_is_a_step_of_its_own(qtbot: QtBot, window: MainWindow) -> None:
    camera = _new_camera(window)
    _type_direction(qtbot, window, "90", Qt.Key.Key_Return)
    _type_direction(qtbot, window, "120", Qt.Key.Key_Return)
    _undo(qtbot, window)
    assert _direction(window, camera.id) == "90"


def test_an_edit_after_an_undo_does_not_merge_into_the_step_below(
    qtbot: QtBot, window: MainWindow
) -> None:
    camera = _new_camera(window)
    _type_direction(qtbot, window, "90", Qt.Key.Key_Tab)  # a step still open to merges
    _focus_map(qtbot, window)
    _drag_handle(qtbot, window, camera.id, QPoint(0, 80))
    _undo(qtbot, window)
    assert _direction(window, camera.id) == "90"
    _type_direction(qtbot, window, "100", Qt.Key.Key_Tab)
    _undo(qtbot, window)
    assert _direction(window, camera.id) == "90"
