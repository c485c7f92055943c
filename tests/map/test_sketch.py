"""Drawing a sector on the map: clicks add corners, Backspace takes one back, Enter or a
double-click closes it, Escape gives up; a drag still pans and never adds a corner."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from contrechamp.ui.map.canvas import MapCanvas

CORNERS_PX = ((300, 200), (500, 220), (480, 420), (320, 400))


def _click(qtbot: QtBot, canvas: MapCanvas, x: int, y: int) -> None:
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, y))


def test_clicks_add_corners_and_enter_hands_them_over(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.center_on(43.73, 7.42, 17.0)
    canvas.sketch.start()
    for x, y in CORNERS_PX:
        _click(qtbot, canvas, x, y)
    _click(qtbot, canvas, 600, 500)
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)  # the last click was a slip
    with qtbot.waitSignal(canvas.sketch.finished) as finished:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    corners = finished.args[0]
    assert len(corners) == 4
    for (lat, lon), (x, y) in zip(corners, CORNERS_PX, strict=True):
        px, py = canvas.pixel_of(lat, lon)
        assert abs(px - x) < 1
        assert abs(py - y) < 1
    assert not canvas.sketch.active


def test_a_double_click_closes_and_escape_cancels(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.sketch.start()
    for x, y in CORNERS_PX[:2]:
        _click(qtbot, canvas, x, y)
    with qtbot.waitSignal(canvas.sketch.finished) as finished:
        qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(480, 420))
    assert len(finished.args[0]) == 3  # the double-click's first click is the last corner
    canvas.sketch.start()
    _click(qtbot, canvas, 300, 200)
    with qtbot.waitSignal(canvas.sketch.cancelled):
        qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert not canvas.sketch.active
    assert canvas.sketch.corners == []


def test_a_drag_pans_instead_of_adding_a_corner(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.center_on(43.73, 7.42, 17.0)
    canvas.sketch.start()
    before = canvas.view_center()
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    qtbot.mouseMove(viewport, QPoint(440, 330))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(440, 330))
    assert canvas.view_center() != before
    assert canvas.sketch.corners == []
