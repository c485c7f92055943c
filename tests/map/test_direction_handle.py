"""The direction handle of the selected camera points along its direction, domes included."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera
from contrechamp.ui.map.camera_layer import direction_of
from contrechamp.ui.map.canvas import MapCanvas, render_frame
from contrechamp.ui.map.overlays import HANDLE_DISTANCE_PX, HANDLE_RADIUS_PX
from contrechamp.ui.map.style import load_style

LAT, LON = 43.7384, 7.4246
SELECTED = load_style().color("cameras", "selected")


def _dome(direction: str | None = None) -> Camera:
    tags = {"man_made": "surveillance", "camera:type": "dome"}
    if direction is not None:
        tags["camera:direction"] = direction
    return Camera(LAT, LON, tags)


def _handle_share(image: QImage, bearing: float) -> float:
    """The share of the handle's disc, if drawn towards ``bearing``, in the selection colour."""
    rad = math.radians(bearing)
    cx, cy = 400 + HANDLE_DISTANCE_PX * math.sin(rad), 300 - HANDLE_DISTANCE_PX * math.cos(rad)
    inside = hits = 0
    r = int(HANDLE_RADIUS_PX) - 2
    for dx in range(-r, r + 1):
        for dy in range(-r, r + 1):
            if dx * dx + dy * dy <= r * r:
                inside += 1
                colour = image.pixelColor(round(cx) + dx, round(cy) + dy)
                hits += _near(colour, SELECTED)
    return hits / inside


def _near(a: QColor, b: QColor, tolerance: int = 24) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _show_selected(canvas: MapCanvas, camera: Camera) -> QImage:
    canvas.set_layer_visible("basemap", False)
    canvas.set_cameras([camera])
    canvas.set_selected(camera.id)
    canvas.center_on(LAT, LON, 18.0)
    return render_frame(canvas, 800, 600)


def test_direction_of_a_dome_is_its_typed_direction() -> None:
    assert direction_of(_dome("90").tags) == 90.0
    assert direction_of(_dome("E").tags) == 90.0
    assert direction_of(_dome("90-270").tags) == 180.0
    assert direction_of(_dome().tags) is None
    assert direction_of({"camera:direction": "0-359"}) == 179.5  # a full circle, still a bearing


def test_a_dome_at_90_draws_its_handle_east_not_north(canvas: MapCanvas) -> None:
    image = _show_selected(canvas, _dome("90"))
    assert _handle_share(image, 90.0) > 0.5
    assert _handle_share(image, 0.0) < 0.1


def test_dragging_a_dome_handle_east_keeps_it_east(qtbot: QtBot, canvas: MapCanvas) -> None:
    dome = _dome()  # no direction yet: the handle waits north
    _show_selected(canvas, dome)
    north, east = QPoint(400, 300 - round(HANDLE_DISTANCE_PX)), QPoint(460, 299)
    with qtbot.waitSignal(canvas.camera_direction_dragged) as dragged:
        _drag(qtbot, canvas, north, east)
    cam_id, bearing = dragged.args
    assert (cam_id, bearing) == (dome.id, 89.0)
    turned = Camera(LAT, LON, {**dome.tags, "camera:direction": "89"}, id=dome.id)
    canvas.upsert_camera(turned)  # what the window does once the edit is saved
    image = render_frame(canvas, 800, 600)
    assert _handle_share(image, 89.0) > 0.5
    assert _handle_share(image, 0.0) < 0.1
    with qtbot.waitSignal(canvas.camera_direction_dragged) as dragged:  # grabbed where drawn
        _drag(qtbot, canvas, QPoint(400 + round(HANDLE_DISTANCE_PX), 300), QPoint(400, 380))
    assert dragged.args == [dome.id, 180.0]


def _drag(qtbot: QtBot, canvas: MapCanvas, start: QPoint, end: QPoint) -> None:
    target = canvas.viewport()
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(target, start + (end - start) * step / 5)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=end)
