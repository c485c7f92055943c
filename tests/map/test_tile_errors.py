"""A tile that fails in a worker is logged (type and traceback), never where it was."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from contrechamp import logs
from contrechamp.ui.map.camera_tiles import CameraLayerTiles
from contrechamp.ui.map.projection import TILE_PX, Viewport, lat_lon_of, world_of
from contrechamp.ui.map.tile_cache import TileJob, TileSignals
from contrechamp.ui.map.tile_layer import TileLayer

LAT, LON = 43.73842, 7.42462
TAGS = {"man_made": "surveillance", "surveillance:type": "camera"}


def _fail_at(zoom: float, x: int, y: int) -> None:
    lat, lon = lat_lon_of((x + 0.5) * TILE_PX / 2.0**zoom, (y + 0.5) * TILE_PX / 2.0**zoom)
    raise ValueError(f"tile {zoom}/{x}/{y} at {lat:.5f},{lon:.5f} near {TAGS}")


class BrokenSource:
    """A base map source whose every tile fails with its position in the message."""

    key, attribution, prefetch = "broken", "", False

    def __init__(self) -> None:
        self.asked: list[tuple[int, int]] = []

    def tile_zoom(self, zoom: float) -> float:
        return zoom

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        self.asked.append((x, y))
        _fail_at(zoom, x, y)
        return None


class BrokenScene:
    """A camera scene that fails the same way."""

    key = "broken"

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        _fail_at(zoom, x, y)
        return None


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    logs._repeats.clear()
    path = logs.log_to_file(tmp_path)
    yield path
    logs.stop_log_file()


def _written(path: Path) -> str:
    for handler in logging.getLogger("contrechamp").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def _assert_no_place(text: str, cells: list[tuple[int, int]]) -> None:
    for secret in (f"{LAT:.2f}", f"{LON:.2f}", "surveillance", *(str(n) for c in cells for n in c)):
        assert secret not in text, secret


def test_a_base_map_tile_failing_in_the_pool_is_logged_without_its_place(
    qtbot: QtBot, log_file: Path
) -> None:
    source = BrokenSource()
    layer = TileLayer(source)  # type: ignore[arg-type]
    view = Viewport(*world_of(LAT, LON), 17.0, 600, 400)
    image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    layer.paint(painter, view, True)
    painter.end()
    qtbot.waitUntil(lambda: layer.pending() == 0, timeout=30_000)
    assert len(source.asked) > 1
    text = _written(log_file)
    assert "ERROR contrechamp.ui.map.tile_cache: a base map tile failed (BrokenSource)" in text
    assert text.count("Traceback") == 1  # the same failure on every tile: logged once
    assert "map/tile_cache.py" in text
    assert "in _fail_at" in text
    assert text.rstrip().endswith("builtins.ValueError")
    _assert_no_place(text, source.asked)


def test_a_camera_tile_failing_in_the_worker_is_logged_without_its_place(
    qtbot: QtBot, log_file: Path
) -> None:
    x, y = (int(v * 2.0**17 / TILE_PX) for v in world_of(LAT, LON))
    signals = TileSignals()
    scene = BrokenScene()
    failure = CameraLayerTiles.failure
    job = TileJob(scene, ("broken", 17.0, x, y), 0, signals, lambda _: True, failure)
    with qtbot.waitSignal(signals.finished) as finished:
        job.run()
    assert finished.args is not None
    assert finished.args[3] is False  # not rendered: left to the frame
    text = _written(log_file)
    assert "ERROR contrechamp.ui.map.tile_cache: a camera tile failed in the worker" in text
    assert "map/tile_cache.py" in text
    assert "builtins.ValueError" in text
    _assert_no_place(text, [(x, y)])
