"""Street-name labels placed once per zoom for the whole area, so tiles agree and never pile up.

A label follows a gently curving piece of its street, glyph by glyph, reading left to right,
and is dropped when it would overlap a label already placed or repeat its name too close by.
Major roads are placed first.
"""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
import shapely.affinity
from numpy.typing import NDArray
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF, QPainterPath

from contrechamp.core.area import ROAD_KINDS, FeatureKind
from contrechamp.ui.map.label_path import glyph_placements, label_outline
from contrechamp.ui.map.style import MapStyle, RoadStyle, label_font

__all__ = ["Label", "LabelPlacer", "glyph_path"]

_GRID_PX = 128.0
_CELL_PX = 1024
_REACH_PX = 512.0
_PAD_PX = 10.0


@dataclass(frozen=True, slots=True)
class Label:
    """A placed street name: its centre and each glyph's world position and angle (degrees)."""

    text: str
    x: float
    y: float
    font_px: float
    glyphs: tuple[tuple[str, float, float, float], ...]


@dataclass
class _ZoomLabels:
    """The labels placed so far at one zoom, and the 1024-px cells already worked out."""

    grid: dict[tuple[int, int], list[shapely.Polygon]] = field(
        default_factory=lambda: defaultdict(list)
    )
    seen: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    placed: list[tuple[Label, shapely.Polygon]] = field(default_factory=list)
    bounds: list[tuple[float, float, float, float]] = field(default_factory=list)
    cells: set[tuple[int, int]] = field(default_factory=set)


class LabelPlacer:
    """Places the area's street names for each zoom on demand (thread safe, cached).

    Placement is worked out cell by cell (1024 px at that zoom) as tiles ask for them, so
    zooming in close never waits for the whole area; a cell respects the labels of the
    cells done before it, and once placed a label never moves.
    """

    def __init__(
        self,
        kinds: Sequence[FeatureKind],
        names: Sequence[str],
        lines: Sequence[shapely.Geometry],
        style: MapStyle,
    ):
        self._style = style
        self._streets = _streets(kinds, names, lines, style)
        self._tree = shapely.STRtree([line for _, _, line in self._streets])
        self._lock = threading.Lock()
        self._zooms: dict[float, _ZoomLabels] = {}

    def labels_near(self, zoom: float, rect: tuple[float, float, float, float]) -> list[Label]:
        """Return the labels at ``zoom`` whose box meets the world rectangle ``rect``."""
        return [label for label, _ in self.placed(zoom, rect)]

    def placed(
        self, zoom: float, rect: tuple[float, float, float, float]
    ) -> list[tuple[Label, shapely.Polygon]]:
        """Return the labels (with their world boxes) meeting ``rect``, placing them if needed."""
        scale = 2.0**zoom
        reach = _REACH_PX / scale  # a label may start in a cell and reach into the next
        with self._lock:
            state = self._zooms.setdefault(zoom, _ZoomLabels())
            for cell in _cells_of(
                (rect[0] - reach, rect[1] - reach, rect[2] + reach, rect[3] + reach), scale
            ):
                if cell not in state.cells:
                    state.cells.add(cell)
                    self._place_cell(state, zoom, cell)
            if not state.bounds:
                return []
            b = np.asarray(state.bounds)
            hit = (
                (b[:, 0] <= rect[2])
                & (b[:, 2] >= rect[0])
                & (b[:, 1] <= rect[3])
                & (b[:, 3] >= rect[1])
            )
            return [state.placed[i] for i in np.flatnonzero(hit)]

    def _place_cell(self, state: _ZoomLabels, zoom: float, cell: tuple[int, int]) -> None:
        """Place the labels whose middle falls in one cell, most important streets first."""
        scale = 2.0**zoom
        x0, y0 = cell[0] * _CELL_PX, cell[1] * _CELL_PX
        area = shapely.box(x0 / scale, y0 / scale, (x0 + _CELL_PX) / scale, (y0 + _CELL_PX) / scale)
        spacing = self._style.number("labels", "same_name_spacing_px")
        for i in sorted(self._tree.query(area).tolist()):
            name, road, line = self._streets[i]
            if zoom < road.label_min_zoom:
                continue
            advances = _advances(name, road.label_px)
            for glyphs in _placements(
                shapely.clip_by_rect(line, *area.buffer(_REACH_PX / scale).bounds), advances, scale
            ):
                centre = float(glyphs[:, 0].mean()), float(glyphs[:, 1].mean())
                inside = x0 <= centre[0] < x0 + _CELL_PX and y0 <= centre[1] < y0 + _CELL_PX
                if not inside or _too_close(state.seen[name], centre, spacing):
                    continue
                box = label_outline(glyphs, advances[0], advances[-1], road.label_px * 1.3)
                if _collides(state.grid, box):
                    continue
                _remember(state.grid, box)
                state.seen[name].append(centre)
                world_box = shapely.affinity.scale(box, 1 / scale, 1 / scale, origin=(0, 0))
                state.placed.append((_label(name, road.label_px, glyphs, scale), world_box))
                state.bounds.append(world_box.bounds)


def _cells_of(rect: tuple[float, float, float, float], scale: float) -> list[tuple[int, int]]:
    """Return the placement cells covering a world rectangle, row by row."""
    x0, y0 = int(rect[0] * scale // _CELL_PX), int(rect[1] * scale // _CELL_PX)
    x1, y1 = int(rect[2] * scale // _CELL_PX), int(rect[3] * scale // _CELL_PX)
    return [(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]


def _streets(
    kinds: Sequence[FeatureKind],
    names: Sequence[str],
    lines: Sequence[shapely.Geometry],
    style: MapStyle,
) -> list[tuple[str, RoadStyle, shapely.Geometry]]:
    """Merge the ways of each named street into long lines, most important class first."""
    roads = set(ROAD_KINDS)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (kind, name) in enumerate(zip(kinds, names, strict=True)):
        if name and kind in roads:
            groups[name].append(i)
    streets = []
    for name, ids in groups.items():
        road = max((style.roads[kinds[i]] for i in ids), key=lambda r: r.rank)
        merged = shapely.line_merge(shapely.union_all([lines[i] for i in ids]))
        streets.append((name, road, merged))
    streets.sort(key=lambda s: (-s[1].rank, -s[2].length))
    return streets


def _advances(text: str, font_px: float) -> list[float]:
    """Return the width of each glyph of a label."""
    metrics = QFontMetricsF(label_font(font_px))
    return [metrics.horizontalAdvance(ch) for ch in text]


def _placements(
    line: shapely.Geometry, advances: list[float], scale: float
) -> Iterator[NDArray[np.float64]]:
    """Yield glyph rows (x, y, angle) in pixels along each part of a line, middle first."""
    for part in shapely.get_parts(line):
        pixels = shapely.affinity.scale(part, scale, scale, origin=(0, 0))
        coords = shapely.get_coordinates(shapely.simplify(pixels, 1.0))
        yield from glyph_placements(coords, advances, _PAD_PX)


def _label(text: str, font_px: float, glyphs: NDArray[np.float64], scale: float) -> Label:
    """Turn glyph rows in pixels into a label in world units."""
    world = glyphs[:, :2] / scale
    placed = tuple(
        (ch, x, y, a)
        for ch, (x, y), a in zip(text, world.tolist(), glyphs[:, 2].tolist(), strict=True)
    )
    centre = world.mean(axis=0)
    return Label(text, float(centre[0]), float(centre[1]), font_px, placed)


def _too_close(
    seen: list[tuple[float, float]], centre: tuple[float, float], spacing: float
) -> bool:
    """Tell whether the same name was already placed within ``spacing`` pixels."""
    return any(math.hypot(centre[0] - x, centre[1] - y) < spacing for x, y in seen)


def _cells(box: shapely.Polygon) -> list[tuple[int, int]]:
    """Return the grid cells a pixel box covers."""
    x0, y0, x1, y1 = box.bounds
    xs = range(int(x0 // _GRID_PX), int(x1 // _GRID_PX) + 1)
    return [(x, y) for x in xs for y in range(int(y0 // _GRID_PX), int(y1 // _GRID_PX) + 1)]


def _collides(grid: dict[tuple[int, int], list[shapely.Polygon]], box: shapely.Polygon) -> bool:
    """Tell whether a box overlaps a label already placed."""
    return any(box.intersects(other) for cell in _cells(box) for other in grid.get(cell, ()))


def _remember(grid: dict[tuple[int, int], list[shapely.Polygon]], box: shapely.Polygon) -> None:
    """Record a placed box in the grid."""
    for cell in _cells(box):
        grid[cell].append(box)


_GLYPH_PATHS: dict[tuple[str, float], QPainterPath] = {}


def glyph_path(char: str, font_px: float) -> QPainterPath:
    """Return one glyph as a path centred on (0, 0), ready to rotate and translate (cached)."""
    key = (char, font_px)
    cached = _GLYPH_PATHS.get(key)
    if cached is None:
        font = label_font(font_px)
        metrics = QFontMetricsF(font)
        baseline = (metrics.ascent() - metrics.descent()) / 2
        cached = QPainterPath()
        cached.addText(QPointF(-metrics.horizontalAdvance(char) / 2, baseline), font, char)
        _GLYPH_PATHS[key] = cached
    return cached
