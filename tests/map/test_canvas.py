"""The map canvas: clicks, drags, keys, wheel, layer toggles, 100k cameras, MBTiles."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import InputError
from contrechamp.formats.basemap import Area
from contrechamp.ui.map.canvas import MapCanvas, render_frame
from contrechamp.ui.map.overlays import HANDLE_DISTANCE_PX
from contrechamp.ui.map.projection import lat_lon_of
from contrechamp.ui.map.style import load_style
from contrechamp.ui.map.tile_sources import MBTilesFile, OnlineTiles, VectorTiles
from tests.map.mbtiles_samples import make_mbtiles, tile_color

LAT, LON = 43.7384, 7.4246
STYLE = load_style()


def _camera(lat: float, lon: float, status: Status = Status.DRAFT, **tags: str) -> Camera:
    return Camera(lat, lon, {"man_made": "surveillance", **tags}, status=status)


def _pixel(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(round(x), round(y))


def _close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _point(x: float, y: float) -> QPoint:
    return QPoint(round(x), round(y))


def _drag(qtbot: QtBot, canvas: MapCanvas, start: QPoint, end: QPoint) -> None:
    """Press, move in steps, release: as a hand would."""
    target = canvas.viewport()
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(target, start + (end - start) * step / 5)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=end)


def test_click_on_an_empty_spot_emits_its_lat_lon(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.center_on(LAT, LON, 17.0)
    x, y = canvas.pixel_of(LAT + 0.0004, LON - 0.0007)
    with qtbot.waitSignal(canvas.map_clicked) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=_point(x, y))
    lat, lon = clicked.args
    expected = canvas.lat_lon_at(round(x), round(y))
    assert lat == pytest.approx(expected[0], abs=1e-9)
    assert lon == pytest.approx(expected[1], abs=1e-9)
    assert abs(lat - (LAT + 0.0004)) < 1e-5  # within half a pixel at zoom 17


def test_pixel_and_lat_lon_round_trip(canvas: MapCanvas) -> None:
    rnd = random.Random(3)
    for zoom in (3.0, 12.5, 17.0, 21.0):
        canvas.center_on(LAT, LON, zoom)
        for _ in range(50):
            x, y = rnd.uniform(0, 800), rnd.uniform(0, 600)
            lat, lon = canvas.lat_lon_at(x, y)
            back = canvas.pixel_of(lat, lon)
            assert back == pytest.approx((x, y), abs=1e-6)
        assert canvas.view_center() == pytest.approx((LAT, LON), abs=1e-9)


def test_clicking_cameras_emits_their_ids(qtbot: QtBot, canvas: MapCanvas) -> None:
    own = _camera(LAT, LON)
    canvas.set_cameras([own])
    canvas.set_existing_cameras([ExistingCamera(42, 3, LAT + 0.0003, LON, {})])
    canvas.center_on(LAT, LON, 18.0)
    with qtbot.waitSignal(canvas.camera_clicked) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(402, 299))
    assert clicked.args == [own.id]
    x, y = canvas.pixel_of(LAT + 0.0003, LON)
    with qtbot.waitSignal(canvas.existing_camera_clicked) as clicked:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=_point(x + 3, y))
    assert clicked.args == [42]


def test_dragging_a_camera_emits_camera_moved(qtbot: QtBot, canvas: MapCanvas) -> None:
    cam = _camera(LAT, LON)
    canvas.set_cameras([cam])
    canvas.center_on(LAT, LON, 18.0)
    start, end = QPoint(400, 300), QPoint(470, 250)
    with qtbot.waitSignal(canvas.camera_moved) as moved:
        _drag(qtbot, canvas, start, end)
    cam_id, lat, lon = moved.args
    assert cam_id == cam.id
    assert (lat, lon) == pytest.approx(canvas.lat_lon_at(470, 250), abs=1e-9)
    # the window did not accept the move: the camera is drawn where its data says
    row = canvas.frame.survey.index_of(cam.id)
    assert canvas.frame.survey.x[row] == pytest.approx(
        canvas.viewport_state().to_world(400, 300)[0]
    )


def test_dragging_the_map_pans_and_emits_no_click(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.center_on(LAT, LON, 16.0)
    before = canvas.lat_lon_at(500, 300)
    with qtbot.assertNotEmitted(canvas.map_clicked):
        _drag(qtbot, canvas, QPoint(500, 300), QPoint(400, 300))
    assert canvas.lat_lon_at(400, 300) == pytest.approx(before, abs=1e-7)


def test_dragging_the_handle_emits_the_bearing(qtbot: QtBot, canvas: MapCanvas) -> None:
    cam = _camera(LAT, LON, **{"camera:direction": "90"})
    canvas.set_cameras([cam])
    canvas.set_selected(cam.id)
    canvas.center_on(LAT, LON, 18.0)
    handle = QPoint(400 + round(HANDLE_DISTANCE_PX), 300)  # east of the camera: bearing 90
    with qtbot.waitSignal(canvas.camera_direction_dragged) as dragged:
        _drag(qtbot, canvas, handle, QPoint(400, 380))
    assert dragged.args == [cam.id, 180.0]
    with qtbot.waitSignal(canvas.camera_direction_dragged) as dragged:
        _drag(qtbot, canvas, handle, QPoint(340, 240))
    assert dragged.args == [cam.id, 315.0]


def test_keys_zoom_and_pan(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.center_on(LAT, LON, 15.0)
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.zoom == 16.0
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.zoom == 14.0
    lat, lon = canvas.view_center()
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.view_center()[1] < lon
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert canvas.view_center()[0] > lat


def test_wheel_zooms_around_the_pointer(canvas: MapCanvas) -> None:
    canvas.center_on(LAT, LON, 15.0)
    anchor = canvas.lat_lon_at(200, 150)
    event = QWheelEvent(
        QPointF(200, 150),
        canvas.mapToGlobal(QPointF(200, 150)),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.zoom == 16.0
    assert canvas.lat_lon_at(200, 150) == pytest.approx(anchor, abs=1e-9)


def test_layer_toggles_hide_what_they_name(canvas: MapCanvas) -> None:
    confirmed = _camera(LAT, LON, Status.CONFIRMED, **{"camera:direction": "0"})
    canvas.set_cameras([confirmed])
    canvas.set_existing_cameras([ExistingCamera(7, 1, LAT, LON + 0.0006, {})])
    canvas.set_gps(LAT - 0.0004, LON, 5.0, None)
    canvas.set_layer_visible("basemap", False)
    canvas.center_on(LAT, LON, 18.0)
    view = canvas.viewport_state(800, 600)
    spots = {
        "confirmed": (view.pixel_of(LAT, LON), STYLE.cameras["confirmed"].fill),
        "existing": (view.pixel_of(LAT, LON + 0.0006), STYLE.cameras["existing"].outline),
        "gps": (view.pixel_of(LAT - 0.0004, LON), STYLE.color("gps", "dot")),
    }
    cone = view.pixel_of(LAT + 0.00015, LON)  # ~17 m north, inside the wedge
    image = render_frame(canvas, 800, 600)
    background = STYLE.color("background")
    assert not _close(_pixel(image, *cone), background)
    for layer, ((x, y), color) in spots.items():
        dx = 4 if layer == "existing" else 0  # the ring, not its white centre
        assert _close(_pixel(image, x + dx, y), color), layer
        canvas.set_layer_visible(layer, False)
        hidden = render_frame(canvas, 800, 600)
        assert not _close(_pixel(hidden, x + dx, y), color), layer
    canvas.set_layer_visible("confirmed", True)
    canvas.set_layer_visible("fov", False)
    assert _close(_pixel(render_frame(canvas, 800, 600), *cone), background)


def test_unknown_layer_is_refused(canvas: MapCanvas) -> None:
    with pytest.raises(ValueError, match="unknown map layer"):
        canvas.set_layer_visible("buildings", False)


def test_basemap_layer_shows_the_sea(canvas: MapCanvas, monaco_area: Area) -> None:
    canvas.set_area(monaco_area.bbox, monaco_area.features)
    sea = (43.7300, 7.4330)  # off the Fontvieille coast
    canvas.center_on(*sea, 16.0)
    water = STYLE.color("water", "fill")
    assert _close(render_frame(canvas, 400, 300).pixelColor(200, 150), water)
    canvas.set_layer_visible("basemap", False)
    assert not _close(render_frame(canvas, 400, 300).pixelColor(200, 150), water)


def test_upsert_and_remove_change_the_frame(canvas: MapCanvas) -> None:
    canvas.set_layer_visible("basemap", False)
    canvas.center_on(LAT, LON, 18.0)
    cam = _camera(LAT, LON)
    canvas.upsert_camera(cam)
    draft = STYLE.cameras["draft"].fill
    assert _close(render_frame(canvas, 800, 600).pixelColor(400, 300), draft)
    canvas.upsert_camera(cam.moved_to(LAT + 0.001, LON, cam.source))
    assert not _close(render_frame(canvas, 800, 600).pixelColor(400, 300), draft)
    canvas.remove_camera(cam.id)
    assert len(canvas.frame.survey) == 0


def test_100k_cameras_zoomed_out_are_drawn_as_points(canvas: MapCanvas) -> None:
    rnd = random.Random(5)
    cams = [
        Camera(LAT + rnd.uniform(-0.05, 0.05), LON + rnd.uniform(-0.07, 0.07), {})
        for _ in range(100_000)
    ]
    canvas.set_cameras(cams)
    canvas.set_layer_visible("basemap", False)
    canvas.center_on(LAT, LON, 12.0)
    image = render_frame(canvas, 800, 600)
    assert canvas.frame.last_cones is False
    draft = STYLE.cameras["draft"].fill
    x, y = canvas.pixel_of(cams[0].lat, cams[0].lon)
    assert _close(image.pixelColor(round(x), round(y)), draft)
    sample = [image.pixelColor(px, py) for px in range(300, 500, 4) for py in range(200, 400, 4)]
    assert sum(_close(c, draft) for c in sample) > len(sample) * 0.5
    canvas.center_on(cams[0].lat, cams[0].lon, 19.0)
    render_frame(canvas, 800, 600)
    assert canvas.frame.last_cones is True


def test_mbtiles_source_renders_with_the_row_flip(canvas: MapCanvas, tmp_path: Path) -> None:
    zoom, x, y = 4, 8, 5
    path = make_mbtiles(tmp_path / "t.mbtiles", zoom, range(7, 10), range(4, 7))
    canvas.set_tile_source(MBTilesFile(path))
    canvas.center_on(*lat_lon_of((x + 0.5) * 256 / 2**zoom, (y + 0.5) * 256 / 2**zoom), zoom)
    image = render_frame(canvas, 200, 200)
    assert image.pixelColor(100, 60) == QColor(*tile_color(zoom, x, y))
    assert canvas.frame.attribution() == "Sample tiles | © OpenStreetMap contributors"


def test_a_bad_mbtiles_file_keeps_the_current_source(canvas: MapCanvas, tmp_path: Path) -> None:
    junk = tmp_path / "junk.mbtiles"
    junk.write_bytes(b"not sqlite" * 50)
    with pytest.raises(InputError):
        canvas.set_tile_source(MBTilesFile(junk))
    assert isinstance(canvas.frame.source, VectorTiles)
    assert "OpenStreetMap" in canvas.frame.attribution()


def test_pinch_on_a_touchpad_zooms_around_the_fingers(canvas: MapCanvas) -> None:
    canvas.center_on(LAT, LON, 15.0)
    anchor = canvas.lat_lon_at(600, 400)
    pinch = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        QPointF(600, 400),
        QPointF(600, 400),
        canvas.mapToGlobal(QPointF(600, 400)),
        1.0,  # fingers spread to twice their distance: one zoom level
        QPointF(0, 0),
    )
    QApplication.sendEvent(canvas.viewport(), pinch)
    assert canvas.zoom == pytest.approx(16.0)
    assert canvas.lat_lon_at(600, 400) == pytest.approx(anchor, abs=1e-9)


def test_track_layer_draws_and_hides_the_walk(canvas: MapCanvas) -> None:
    canvas.set_layer_visible("basemap", False)
    canvas.center_on(LAT, LON, 17.0)
    canvas.set_track([(LAT, LON - 0.002), (LAT, LON + 0.002)])
    background = STYLE.color("background")
    assert not _close(render_frame(canvas, 400, 300).pixelColor(200, 150), background)
    canvas.set_layer_visible("track", False)
    assert _close(render_frame(canvas, 400, 300).pixelColor(200, 150), background)


def test_the_credit_is_always_drawn(canvas: MapCanvas) -> None:
    canvas.set_layer_visible("basemap", False)
    image = render_frame(canvas, 400, 300)
    corner = [image.pixelColor(x, y) for x in range(250, 398, 2) for y in range(284, 300)]
    dark = [c for c in corner if c.lightness() < 120]
    assert dark, "the attribution text should be in the bottom-right corner"


def test_the_widget_paints_the_same_frame_on_screen(canvas: MapCanvas) -> None:
    canvas.set_layer_visible("basemap", False)
    canvas.set_cameras([_camera(LAT, LON, Status.CONFIRMED)])
    canvas.center_on(LAT, LON, 18.0)
    x, y = canvas.pixel_of(LAT, LON)
    shot = canvas.viewport().grab().toImage()
    assert _close(_pixel(shot, x, y), STYLE.cameras["confirmed"].fill)


def test_the_pointer_shows_what_a_press_would_grab(qtbot: QtBot, canvas: MapCanvas) -> None:
    cam = _camera(LAT, LON, **{"camera:direction": "90"})
    canvas.set_cameras([cam])
    canvas.set_selected(cam.id)
    canvas.center_on(LAT, LON, 18.0)
    shapes = {}
    for name, pos in (
        ("camera", QPoint(400, 300)),
        ("handle", QPoint(400 + round(HANDLE_DISTANCE_PX), 300)),
        ("map", QPoint(100, 100)),
    ):
        qtbot.mouseMove(canvas.viewport(), pos)
        shapes[name] = canvas.viewport().cursor().shape()
    assert shapes == {
        "camera": Qt.CursorShape.PointingHandCursor,
        "handle": Qt.CursorShape.CrossCursor,
        "map": Qt.CursorShape.OpenHandCursor,
    }


def test_only_the_local_base_map_shown_is_worth_waiting_for_whole(canvas: MapCanvas) -> None:
    frame = canvas.frame
    assert frame.paints_base_map_here()
    canvas.set_layer_visible("basemap", False)
    assert not frame.paints_base_map_here()  # hidden: no frame will be whole
    canvas.set_layer_visible("basemap", True)
    canvas.set_tile_source(OnlineTiles(url="http://127.0.0.1:9/{z}/{x}/{y}.png"))
    assert not frame.paints_base_map_here()  # online tiles come as they come


def test_the_first_frame_builds_no_camera_layer_and_a_click_finds_no_camera(
    qtbot: QtBot, canvas: MapCanvas
) -> None:
    canvas.viewport().repaint()
    assert not canvas.frame.layers_built  # nothing needed them: numpy is not asked for
    clicked: list[tuple[float, float]] = []
    canvas.map_clicked.connect(lambda lat, lon: clicked.append((lat, lon)))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert len(clicked) == 1  # an empty spot of the map
    assert not canvas.frame.layers_built
    canvas.set_cameras([Camera(43.7394, 7.4285)])
    assert canvas.frame.layers_built
    assert len(canvas.frame.survey) == 1
