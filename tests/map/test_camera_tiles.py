"""The camera layer's tile cache: reuse across pans, exact invalidation on edits, toggles, LOD."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.ui.map import camera_tiles
from contrechamp.ui.map.camera_layer import CONE, POINT, TICK
from contrechamp.ui.map.camera_tiles import snap_zoom
from contrechamp.ui.map.canvas import MapCanvas, render_frame
from contrechamp.ui.map.frame import MapFrame
from contrechamp.ui.map.projection import Viewport, world_of
from contrechamp.ui.map.style import load_style
from contrechamp.ui.map.tile_cache import tile_cells

LAT, LON = 43.7384, 7.4246
STYLE = load_style()
DRAFT = STYLE.cameras["draft"].fill


def _camera(lat: float, lon: float, status: Status = Status.DRAFT, **tags: str) -> Camera:
    return Camera(lat, lon, {"man_made": "surveillance", **tags}, status=status)


def _scattered(count: int, seed: int = 1) -> list[Camera]:
    rnd = random.Random(seed)
    return [
        _camera(
            LAT + rnd.uniform(-0.004, 0.004),
            LON + rnd.uniform(-0.006, 0.006),
            **{"camera:direction": str(rnd.randrange(0, 360, 30))},
        )
        for _ in range(count)
    ]


def _close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _frame(cameras: list[Camera]) -> MapFrame:
    frame = MapFrame()
    frame.visible["basemap"] = False
    frame.set_cameras(cameras)
    return frame


def _view(zoom: float = 17.0, width: int = 800, height: int = 600) -> Viewport:
    x, y = world_of(LAT, LON)
    return Viewport(x, y, zoom, width, height)


def _tile_images(frame: MapFrame, zoom: float, cells: set[tuple[int, int]]) -> dict:
    """Paint tiles afresh (no cache) from the frame's current cameras."""
    scene = frame.camera_scene()
    return {cell: scene.render(zoom, *cell) for cell in cells}


def _same(a: QImage | None, b: QImage | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b


def test_a_pan_reuses_cached_tiles_and_paints_only_the_new_ones(qtbot: QtBot) -> None:
    frame = _frame(_scattered(400))
    view = _view()
    frame.render(view)
    first = frame.camera_tiles.rendered
    assert first == len(tile_cells(view, 17.0))
    seen = set(tile_cells(view, 17.0))
    for step in range(1, 13):  # a 300-px drag, as a hand would
        panned = view.panned(-25.0 * step, -10.0 * step)
        before = frame.camera_tiles.rendered
        frame.render(panned)
        new = set(tile_cells(panned, 17.0)) - seen
        assert frame.camera_tiles.rendered - before == len(new)
        seen |= new
    assert frame.camera_tiles.hits > 10 * first


def test_a_camera_edit_drops_exactly_the_tiles_it_changes_and_shows_at_once() -> None:
    cameras = _scattered(300, seed=2)
    frame = _frame(cameras)
    view = _view(17.0, 1024, 768)
    frame.render(view)
    zoom = snap_zoom(view.zoom)
    cells = frame.camera_tiles.cached(frame.camera_scene(), zoom)
    before = _tile_images(frame, zoom, cells)
    moved = cameras[0].moved_to(LAT + 0.0011, LON - 0.0013, cameras[0].source)
    frame.upsert(moved)
    after = _tile_images(frame, zoom, cells)
    changed = {cell for cell in cells if not _same(before[cell], after[cell])}
    dropped = {key[2:] for key in frame.last_dropped if key[1] == zoom}
    assert changed, "the edit must change some tile"
    assert changed <= dropped  # nothing stale is kept
    assert len(dropped) <= len(changed) + 2  # and little more is painted again
    assert len(dropped) < len(cells) / 3
    image = frame.render(view)  # the very next frame
    x, y = view.pixel_of(moved.lat, moved.lon)
    assert _close(image.pixelColor(round(x), round(y)), DRAFT)
    ox, oy = view.pixel_of(cameras[0].lat, cameras[0].lon)
    assert not _close(image.pixelColor(round(ox), round(oy)), DRAFT, tolerance=4)


def test_removing_a_camera_clears_it_from_its_tile_in_the_next_frame() -> None:
    lone = _camera(LAT, LON)
    frame = _frame([lone, *_scattered(50, seed=3)])
    view = _view(18.0)
    x, y = view.pixel_of(LAT, LON)
    assert _close(frame.render(view).pixelColor(round(x), round(y)), DRAFT)
    frame.remove(lone.id)
    assert not _close(frame.render(view).pixelColor(round(x), round(y)), DRAFT, tolerance=4)


def test_layer_toggles_hide_tiled_cameras_and_reuse_tiles_when_shown_again(
    canvas: MapCanvas,
) -> None:
    confirmed = _camera(LAT, LON, Status.CONFIRMED)
    draft = _camera(LAT + 0.0005, LON, Status.DRAFT)
    canvas.set_cameras([confirmed, draft])
    canvas.set_layer_visible("basemap", False)
    canvas.center_on(LAT, LON, 18.0)
    view = canvas.viewport_state(800, 600)
    spot = {
        "confirmed": (view.pixel_of(LAT, LON), STYLE.cameras["confirmed"].fill),
        "draft": (view.pixel_of(LAT + 0.0005, LON), DRAFT),
    }
    image = render_frame(canvas, 800, 600)
    for (x, y), color in spot.values():
        assert _close(image.pixelColor(round(x), round(y)), color)
    canvas.set_layer_visible("draft", False)
    hidden = render_frame(canvas, 800, 600)
    (dx, dy), _ = spot["draft"]
    assert not _close(hidden.pixelColor(round(dx), round(dy)), DRAFT)
    (cx, cy), color = spot["confirmed"]
    assert _close(hidden.pixelColor(round(cx), round(cy)), color)
    rendered = canvas.frame.camera_tiles.rendered
    canvas.set_layer_visible("draft", True)
    shown = render_frame(canvas, 800, 600)
    assert _close(shown.pixelColor(round(dx), round(dy)), DRAFT)
    assert canvas.frame.camera_tiles.rendered == rendered  # the earlier tiles came back


def test_the_worker_paints_the_ring_around_the_view_ahead_of_a_pan(
    qtbot: QtBot, canvas: MapCanvas
) -> None:
    canvas.set_cameras(_scattered(200, seed=4))
    canvas.set_layer_visible("basemap", False)
    canvas.center_on(LAT, LON, 17.0)
    canvas.viewport().repaint()
    tiles = canvas.frame.camera_tiles
    qtbot.waitUntil(lambda: tiles.rendered_ahead > 0 and tiles.pending() == 0)  # none queued
    rendered = tiles.rendered
    canvas.pan_by(-200.0, 0.0)  # less than the ring's width
    canvas.viewport().repaint()
    assert tiles.rendered == rendered  # everything newly in view was already painted


def test_a_stale_tile_from_the_worker_is_thrown_away_after_an_edit(
    qtbot: QtBot, canvas: MapCanvas
) -> None:
    cameras = _scattered(200, seed=5)
    canvas.set_cameras(cameras)
    canvas.set_layer_visible("basemap", False)
    canvas.center_on(LAT, LON, 17.0)
    tiles = canvas.frame.camera_tiles
    epoch = tiles.epoch
    canvas.upsert_camera(cameras[1].moved_to(LAT, LON, cameras[1].source))
    key = (canvas.frame.camera_scene().key, 17.0, 0, 0)
    tiles._on_job_finished(key, epoch, QImage(), True)  # a result painted before the edit
    assert key not in tiles._images


def test_crowded_cells_draw_ticks_then_points_instead_of_cones() -> None:
    x, y = world_of(LAT, LON)
    crowd = [_camera(LAT + i * 1e-6, LON, **{"camera:direction": "90"}) for i in range(30)]
    throng = [_camera(LAT - 0.002 + i * 1e-6, LON, **{"camera:direction": "90"}) for i in range(80)]
    lone = _camera(LAT + 0.002, LON, **{"camera:direction": "90"})
    frame = _frame([*crowd, *throng, lone])
    drawing = frame.survey_drawing()
    rows = frame.survey.visible(_view(17.0, 4000, 4000), drawing.shown, 0.0)
    looks = dict(zip(rows.tolist(), drawing.looks(17.0, frame.survey, rows).tolist(), strict=True))
    assert {looks[i] for i in range(30)} == {TICK}
    assert {looks[i] for i in range(30, 110)} == {POINT}
    assert looks[110] == CONE
    view = Viewport(x, y, 17.0, 800, 600)
    image = frame.render(view)
    east = view.pixel_of(LAT, LON + 0.0002)  # inside where the crowd's cones would be
    assert _close(image.pixelColor(*map(round, east)), STYLE.color("background"), tolerance=2)


def test_after_a_zoom_the_last_zoom_stands_in_until_the_worker_paints_the_tiles(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    lone = _camera(LAT, LON)
    frame = _frame([lone])
    view = _view(17.0)
    frame.render(view)  # complete at zoom 17
    monkeypatch.setattr(camera_tiles, "FRAME_BUDGET_S", -1.0)  # no time to paint any tile now
    zoomed = view.zoomed(17.5)
    image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(STYLE.color("background"))
    painter = QPainter(image)
    frame.camera_tiles.paint(painter, zoomed, frame.camera_scene(), request=True)
    painter.end()
    x, y = zoomed.pixel_of(LAT, LON)
    assert _close(image.pixelColor(round(x), round(y)), DRAFT)  # the zoom-17 tile, scaled
    tiles = frame.camera_tiles
    with qtbot.waitSignal(tiles.tiles_changed, timeout=5000):
        pass
    assert any(key[1] == 17.5 for key in tiles._images)


def test_a_dragged_camera_leaves_its_tile_and_follows_the_pointer_live() -> None:
    cam = _camera(LAT, LON)
    frame = _frame([cam, *_scattered(50, seed=6)])
    view = _view(18.0)
    x, y = view.pixel_of(LAT, LON)
    frame.render(view)
    rendered = frame.camera_tiles.rendered
    for step in range(1, 6):  # each move of the pointer repaints no tile
        frame.preview_move(cam.id, *view.to_world(x + 20 * step, y))
        image = frame.render(view)
    assert frame.camera_tiles.rendered - rendered <= len(frame.last_dropped)
    assert _close(image.pixelColor(round(x + 100), round(y)), DRAFT)
    assert not _close(image.pixelColor(round(x), round(y)), DRAFT, tolerance=4)
    frame.end_preview(cam.id)  # the window refused the move: back where the data says
    image = frame.render(view)
    assert _close(image.pixelColor(round(x), round(y)), DRAFT)
    assert not _close(image.pixelColor(round(x + 100), round(y)), DRAFT, tolerance=4)


def test_a_frame_says_whether_it_had_every_camera_tile(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = _frame([_camera(LAT, LON)])
    view = _view(17.0)
    image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    monkeypatch.setattr(camera_tiles, "FRAME_BUDGET_S", -1.0)  # no time to paint any tile now
    frame.camera_tiles.paint(painter, view, frame.camera_scene(), request=True)
    assert not frame.camera_tiles.last_complete
    frame.camera_tiles.paint(painter, view, frame.camera_scene(), request=False)  # no deadline
    assert frame.camera_tiles.last_complete
    painter.end()
