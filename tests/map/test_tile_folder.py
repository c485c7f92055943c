"""Base map tiles kept on disk: the next run shows them without painting, never a stale one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from contrechamp.formats.basemap import Area
from contrechamp.ui.map import tile_folder
from contrechamp.ui.map.projection import Viewport, world_of
from contrechamp.ui.map.style import load_style
from contrechamp.ui.map.tile_folder import KEPT_AT_MOST_ZOOM, TileFolder, forget_old_areas
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


def test_using_an_area_keeps_it_among_the_last_used(tmp_path: Path) -> None:
    old = TileFolder(tmp_path, "old-area")
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFF336699)
    old.write(15.0, 1, 2, image)
    os.utime(old.folder, (1, 1))  # used long ago
    for name in ("a", "b", "c", "d", "e", "f", "g", "h"):
        (tmp_path / name).mkdir()
    TileFolder(tmp_path, "old-area").read(15.0, 1, 2, 1.0)  # used again now
    assert (tmp_path / "old-area").is_dir()
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 8


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
