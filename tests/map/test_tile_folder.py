"""Base map tiles kept on disk: the next run shows them without painting, never a stale one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contrechamp.core.area import BBox
from contrechamp.formats.basemap import Area
from contrechamp.ui.map import tile_folder
from contrechamp.ui.map.projection import Viewport, world_of
from contrechamp.ui.map.style import load_style
from contrechamp.ui.map.tile_folder import (
    KEPT_AT_MOST_ZOOM,
    TileFolder,
    area_digest,
    forget_old_areas,
)
from contrechamp.ui.map.tile_layer import TileLayer
from contrechamp.ui.map.tile_sources import VectorProvider
from contrechamp.ui.map.vector_basemap import VectorBaseMap

CASINO = (43.7394, 7.4285)


@pytest.fixture(autouse=True)
def _painting(qapp: QApplication) -> None:
    """Tiles are painted with text: the Qt application must exist."""


def _tile_at(zoom: float) -> tuple[int, int]:
    x, y = world_of(*CASINO)
    return int(x * 2.0**zoom / 256), int(y * 2.0**zoom / 256)


def _provider(area: Area, root: Path, features: int | None = None) -> VectorProvider:
    """A provider as a new run makes it: a base map of its own, nothing painted yet."""
    chosen = area.features if features is None else area.features[:features]
    return VectorProvider(VectorBaseMap(area.bbox, chosen, load_style()), 0, 1.0, root)


def _pixels(image: QImage) -> bytes:
    return bytes(image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied).constBits())


def test_an_overview_tile_painted_once_is_read_back_by_the_next_run(
    monaco_area: Area, tmp_path: Path
) -> None:
    x, y = _tile_at(15.0)
    painted = _provider(monaco_area, tmp_path).render(15.0, x, y)
    assert painted is not None
    next_run = _provider(monaco_area, tmp_path)
    kept = next_run.kept_tile(15.0, x, y)
    assert kept is not None
    assert _pixels(kept) == _pixels(painted)  # PNG is lossless: the very same tile
    assert next_run.basemap._prepared is None  # nothing was prepared, nothing painted


def test_another_extract_never_shows_an_old_tile(monaco_area: Area, tmp_path: Path) -> None:
    x, y = _tile_at(15.0)
    _provider(monaco_area, tmp_path).render(15.0, x, y)
    assert _provider(monaco_area, tmp_path, features=100).kept_tile(15.0, x, y) is None


def test_street_level_tiles_are_painted_every_run(monaco_area: Area, tmp_path: Path) -> None:
    zoom = KEPT_AT_MOST_ZOOM + 1
    x, y = _tile_at(zoom)
    assert _provider(monaco_area, tmp_path).render(zoom, x, y) is not None
    assert _provider(monaco_area, tmp_path).kept_tile(zoom, x, y) is None
    assert not list(tmp_path.rglob("*.png"))


def test_an_area_keeps_its_first_tiles_up_to_its_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tile_folder, "TILES_PER_AREA", 3)
    kept = TileFolder(tmp_path, "area")
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFF336699)
    for x in range(5):
        kept.write(15.0, x, 0, image)
    again = TileFolder(tmp_path, "area")
    assert [again.has(15.0, x, 0) for x in range(5)] == [True, True, True, False, False]


def test_a_damaged_kept_tile_is_painted_again(monaco_area: Area, tmp_path: Path) -> None:
    x, y = _tile_at(15.0)
    painted = _provider(monaco_area, tmp_path).render(15.0, x, y)
    assert painted is not None
    (kept_file,) = tmp_path.rglob("*.png")
    kept_file.write_bytes(b"not a png")
    again = _provider(monaco_area, tmp_path)
    assert again.kept_tile(15.0, x, y) is None
    repainted = again.render(15.0, x, y)
    assert repainted is not None
    assert _pixels(repainted) == _pixels(painted)
    assert _provider(monaco_area, tmp_path).kept_tile(15.0, x, y) is not None  # kept anew


def test_a_cache_that_cannot_be_written_still_shows_the_map(
    monaco_area: Area, tmp_path: Path
) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be")
    x, y = _tile_at(15.0)
    image = _provider(monaco_area, blocked).render(15.0, x, y)
    assert image is not None
    assert not image.isNull()
    assert _provider(monaco_area, blocked).kept_tile(15.0, x, y) is None


def test_only_the_areas_used_last_are_kept(tmp_path: Path) -> None:
    for age in range(10):
        folder = tmp_path / f"area-{age}"
        folder.mkdir()
        os.utime(folder, (1_000_000 - age, 1_000_000 - age))
    gone = forget_old_areas(tmp_path, 8)
    assert sorted(p.name for p in gone) == ["area-8", "area-9"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"area-{age}" for age in range(8)]


def _square(size: int = 256) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFF336699)
    return image


def test_an_area_read_again_is_kept_when_another_is_written(tmp_path: Path) -> None:
    TileFolder(tmp_path, "old-area").write(15.0, 1, 2, _square())
    for age, name in enumerate("abcdefgh"):
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (100 + age, 100 + age))
    os.utime(tmp_path / "old-area", (1, 1))  # used longest ago...
    assert TileFolder(tmp_path, "old-area").read(15.0, 1, 2, 1.0) is not None  # ...until now
    TileFolder(tmp_path, "new-area").write(15.0, 1, 2, _square())
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["c", "d", "e", "f", "g", "h", "new-area", "old-area"]


def test_a_kept_tile_says_nothing_of_when_it_was_seen(tmp_path: Path) -> None:
    TileFolder(tmp_path, "area").write(15.0, 1, 2, _square())
    (tile,) = tmp_path.rglob("*.png")
    assert tile.stat().st_mtime == 0


def test_a_kept_tile_of_another_size_is_painted_again(tmp_path: Path) -> None:
    TileFolder(tmp_path, "area").write(15.0, 1, 2, _square(64))
    assert TileFolder(tmp_path, "area").read(15.0, 1, 2, 1.0) is None
    TileFolder(tmp_path, "area").write(15.0, 3, 4, _square(512))
    assert TileFolder(tmp_path, "area").read(15.0, 3, 4, 2.0) is not None  # a HiDPI tile


def test_the_same_features_in_another_box_are_another_area(monaco_area: Area) -> None:
    other = BBox(
        monaco_area.bbox.west,
        monaco_area.bbox.south - 1,
        monaco_area.bbox.east,
        monaco_area.bbox.north,
    )
    style = load_style()
    assert area_digest(monaco_area.bbox, monaco_area.features, style, 1.0) != area_digest(
        other, monaco_area.features, style, 1.0
    )


def test_a_frame_of_kept_tiles_is_whole_at_once(monaco_area: Area, tmp_path: Path) -> None:
    view = Viewport(*world_of(*CASINO), 15.0, 600, 400)
    first = TileLayer(_provider(monaco_area, tmp_path))
    first.fill(view)  # the earlier run painted (and kept) the view's tiles
    layer = TileLayer(_provider(monaco_area, tmp_path))
    image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    complete = layer.paint(painter, view, request=False)
    painter.end()
    assert complete  # the first frame: no tile waited for the pool
    assert layer.pending() == 0
    assert layer.rendered == first.rendered  # every tile came from the source once


def test_once_a_frame_was_whole_kept_tiles_are_read_in_the_pool(
    qtbot: QtBot, monaco_area: Area, tmp_path: Path
) -> None:
    here = Viewport(*world_of(*CASINO), 15.0, 600, 400)
    closer = Viewport(*world_of(*CASINO), 15.25, 600, 400)
    earlier = TileLayer(_provider(monaco_area, tmp_path))
    earlier.fill(here)
    earlier.fill(closer)  # an earlier run kept the tiles of both zooms
    layer = TileLayer(_provider(monaco_area, tmp_path))
    assert _frame(layer, here, request=False)  # the first frame: read here, whole at once
    assert not _frame(layer, closer)  # after it, a pan or zoom never waits for the disk
    qtbot.waitUntil(lambda: layer.pending() == 0, timeout=30_000)
    assert _frame(layer, closer, request=False)
    assert layer.provider.basemap._prepared is None  # read from disk, in the pool


def _frame(layer: TileLayer, view: Viewport, request: bool = True) -> bool:
    """Paint a frame; ``request``: ask for its missing tiles (the ring around it too, once
    the frame is whole)."""
    image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    complete = layer.paint(painter, view, request=request)
    painter.end()
    return complete
