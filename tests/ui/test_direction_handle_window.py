"""A dome typed at 90° in the form shows its map handle east, and a drag east keeps it there."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.overlays import HANDLE_DISTANCE_PX


def _handle_cursor(qtbot: QtBot, window: MainWindow, bearing: float) -> Qt.CursorShape:
    """The pointer over where the handle would be at ``bearing``: a cross if it is there."""
    camera_id = window.form.camera_id
    assert camera_id is not None
    assert window.session is not None
    camera = window.session.camera(camera_id)
    assert camera is not None
    x, y = window.canvas.pixel_of(camera.lat, camera.lon)
    rad = math.radians(bearing)
    at = QPoint(
        round(x + HANDLE_DISTANCE_PX * math.sin(rad)), round(y - HANDLE_DISTANCE_PX * math.cos(rad))
    )
    qtbot.mouseMove(window.canvas.viewport(), at)
    return window.canvas.viewport().cursor().shape()


def test_a_dome_typed_at_90_has_its_handle_east_and_dragging_keeps_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    qtbot.keyClick(window.canvas, Qt.Key.Key_N)  # a dome on a wall facing east, as walkers do
    for keys in ("d", "\t", "w", "\t", "90"):
        focused = window.focusWidget()
        assert focused is not None
        if keys == "\t":
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
        else:
            qtbot.keyClicks(focused, keys)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert window.session is not None
    [dome] = window.session.cameras()
    assert (dome.tags["camera:type"], dome.tags["camera:direction"]) == ("dome", "90")
    window.select_camera(dome.id)
    assert _handle_cursor(qtbot, window, 90.0) == Qt.CursorShape.CrossCursor
    assert _handle_cursor(qtbot, window, 0.0) != Qt.CursorShape.CrossCursor
    x, y = window.canvas.pixel_of(dome.lat, dome.lon)
    east = QPoint(round(x + HANDLE_DISTANCE_PX), round(y))
    target = window.canvas.viewport()
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=east)
    for step in range(1, 6):  # a little further round: 180°
        qtbot.mouseMove(target, QPoint(round(x + 12 * (5 - step)), round(y + 16 * step)))
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y + 80)))
    [turned] = window.session.cameras()
    assert turned.tags["camera:direction"] == "180"
    assert window.form.direction.text() == "180"
    assert _handle_cursor(qtbot, window, 180.0) == Qt.CursorShape.CrossCursor
    assert _handle_cursor(qtbot, window, 0.0) != Qt.CursorShape.CrossCursor
