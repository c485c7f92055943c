"""Base map tiles: painted off the GUI thread, cached, labels that never overlap."""

from __future__ import annotations

import threading

import numpy as np
import shapely
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from contrechamp.core.area import FeatureKind
from contrechamp.formats.basemap import Area
from contrechamp.ui.map.label_path import glyph_placements
from contrechamp.ui.map.projection import Viewport, world_of
from contrechamp.ui.map.style import load_style
from contrechamp.ui.map.tile_layer import TileLayer
from contrechamp.ui.map.tile_sources import VectorProvider
from contrechamp.ui.map.vector_basemap import VectorBaseMap

CASINO = (43.7394, 7.4285)


class RecordingProvider(VectorProvider):
    """A vector provider that notes the thread each tile is painted in."""

    def __init__(self, basemap: VectorBaseMap) -> None:
        super().__init__(basemap, 0)
        self.threads: set[int] = set()

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        self.threads.add(threading.get_ident())
        return super().render(zoom, x, y)


def _view(zoom: float, width: int = 600, height: int = 400) -> Viewport:
    return Viewport(*world_of(*CASINO), zoom, width, height)


def _paint(layer: TileLayer, view: Viewport, request: bool = True) -> bool:
    image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    complete = layer.paint(painter, view, request)
    painter.end()
    return complete


def _colours(image: QImage) -> int:
    return len({image.pixel(x, y) for x in range(0, 256, 4) for y in range(0, 256, 4)})


def test_tiles_are_painted_off_the_gui_thread(qtbot: QtBot, monaco_area: Area) -> None:
    basemap = VectorBaseMap(monaco_area.bbox, monaco_area.features, load_style())
    provider = RecordingProvider(basemap)
    layer = TileLayer(provider)
    view = _view(16.0)
    assert _paint(layer, view) is False
    qtbot.waitUntil(lambda: layer.pending() == 0, timeout=60_000)
    assert threading.get_ident() not in provider.threads
    assert provider.threads
    assert _paint(layer, view) is True
    images = list(layer._images.values())
    assert images
    assert sum(_colours(image) > 3 for image in images) > len(images) / 2  # some are all sea


def test_second_paint_is_served_from_the_cache(monaco_area: Area) -> None:
    basemap = VectorBaseMap(monaco_area.bbox, monaco_area.features, load_style())
    layer = TileLayer(VectorProvider(basemap, 0))
    view = _view(17.0)
    rendered = layer.fill(view)
    assert rendered > 0
    assert _paint(layer, view) is True
    hits = layer.hits
    assert _paint(layer, view) is True
    assert layer.hits == 2 * hits
    assert layer.rendered == rendered
    assert layer.misses == 0


def test_between_grid_zooms_the_last_complete_level_is_shown(monaco_area: Area) -> None:
    basemap = VectorBaseMap(monaco_area.bbox, monaco_area.features, load_style())
    layer = TileLayer(VectorProvider(basemap, 0))
    layer.fill(_view(16.0))
    assert _paint(layer, _view(16.0), request=False)
    image = QImage(600, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    assert layer.paint(painter, _view(16.5), request=False) is False
    painter.end()
    assert image.pixel(300, 200) != 0  # the zoom-16 tiles, scaled, fill the gap


def test_vector_tiles_snap_to_quarter_zooms(monaco_area: Area) -> None:
    provider = VectorProvider(VectorBaseMap(monaco_area.bbox, [], load_style()), 0)
    assert [provider.tile_zoom(z) for z in (16.0, 16.1, 16.2, 16.9)] == [16.0, 16.0, 16.25, 17.0]


def _area_rect(area: Area) -> tuple[float, float, float, float]:
    x0, y0 = world_of(area.bbox.north, area.bbox.west)
    x1, y1 = world_of(area.bbox.south, area.bbox.east)
    return x0, y0, x1, y1


def test_street_labels_never_overlap(monaco_area: Area) -> None:
    basemap = VectorBaseMap(monaco_area.bbox, monaco_area.features, load_style())
    placer = basemap.prepare().labels
    for zoom in (16.5, 17.0, 18.0):
        placed = placer.placed(zoom, _area_rect(monaco_area))
        assert len(placed) > 20
        tree = shapely.STRtree([box for _, box in placed])
        boxes = tree.geometries
        left, right = tree.query(boxes, predicate="intersects")
        overlaps = [
            (i, j)
            for i, j in zip(left, right, strict=True)
            if i < j and shapely.area(shapely.intersection(boxes[i], boxes[j])) > 1e-18
        ]
        assert overlaps == []


def test_street_labels_are_readable_left_to_right(monaco_area: Area) -> None:
    basemap = VectorBaseMap(monaco_area.bbox, monaco_area.features, load_style())
    labels = basemap.prepare().labels.labels_near(17.0, _area_rect(monaco_area))
    for label in labels:
        angles = np.radians([g[3] for g in label.glyphs])
        assert np.cos(angles).sum() >= -1e-6, label.text  # on average, the text runs rightwards
        assert "".join(g[0] for g in label.glyphs) == label.text
    names = {f.name for f in monaco_area.features if f.kind is FeatureKind.PRIMARY}
    assert names & {label.text for label in labels}


def test_labels_follow_gentle_curves_only() -> None:
    bend = np.array([[0.0, 0.0], [60.0, 0.0], [60.0, 60.0]])  # a right angle
    assert list(glyph_placements(bend, [8.0] * 10, 4.0)) == []
    arc = np.array([[100 * np.cos(t), 100 * np.sin(t)] for t in np.linspace(0, 1.2, 60)])
    [glyphs, *_] = list(glyph_placements(arc, [8.0] * 10, 4.0))
    turns = np.abs(np.diff(glyphs[:, 2]))
    assert turns.max() <= 30.0
    assert np.allclose(np.hypot(*glyphs[:, :2].T), 100.0, atol=0.01)  # on the curve


def test_tiles_are_sharp_on_high_density_screens(monaco_area: Area) -> None:
    basemap = VectorBaseMap(monaco_area.bbox, monaco_area.features, load_style())
    x, y = world_of(*CASINO)
    tx, ty = int(x * 2**17 // 256), int(y * 2**17 // 256)
    normal, dense = basemap.render_tile(17.0, tx, ty), basemap.render_tile(17.0, tx, ty, 2.0)
    assert (normal.width(), dense.width(), dense.devicePixelRatio()) == (256, 512, 2.0)
    assert _colours(dense) > 3
    # the same ground is drawn: shrunk back to 256 px, the dense tile looks like the normal one
    small = dense.scaled(256, 256)
    same = sum(
        abs(QColor(small.pixel(i, j)).lightness() - QColor(normal.pixel(i, j)).lightness()) < 40
        for i in range(0, 256, 8)
        for j in range(0, 256, 8)
    )
    assert same > 0.8 * 32 * 32
