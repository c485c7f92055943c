"""The street coverage on the map: each street coloured by how many cameras film it, the
cameras' visible areas faintly under them, painted into transparent tiles.

The classes read without colour too: the more cameras, the darker and the wider the line
(plasma's colours, ordered in lightness and told apart with every common colour blindness);
streets nobody films are thin and grey, and dashed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, Qt, SignalInstance
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from contrechamp.core.coverage import StreetCoverage
from contrechamp.core.coverage_classes import COVERAGE_STYLES, VIEW_FILL_RGBA
from contrechamp.ui.map.overlay_tiles import overlay_tile_zoom, paint_overlay_tile, tile_world_box
from contrechamp.ui.map.projection import Viewport, world_of_arrays
from contrechamp.ui.map.tile_layer import TileLayer

__all__ = [
    "COVERAGE_CLASSES",
    "VIEW_FILL",
    "CoverageClass",
    "CoverageLayer",
    "CoverageShapes",
    "CoverageTiles",
]

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class CoverageClass:
    """One class of the legend: the fewest cameras it holds, its colour and line width."""

    least: int
    label: str  # English, marked for translation in the context "CoverageLegend"
    color: QColor
    width_px: float
    dashed: bool = False


COVERAGE_CLASSES = tuple(
    CoverageClass(s.least, s.label, QColor(s.colour), s.width_px, s.dashed) for s in COVERAGE_STYLES
)  # the colours are core.coverage_classes': the HTML export draws the same
VIEW_FILL = QColor(*VIEW_FILL_RGBA)  # what the cameras see, under the streets


class CoverageShapes:
    """The streets, their filmed pieces and the visible areas in world units, built once per
    change (the tile workers only read them)."""

    def __init__(
        self,
        streets: FloatArray,
        pieces: FloatArray,
        counts: NDArray[np.int64],
        views: Sequence[shapely.Geometry] = (),
    ) -> None:
        self.streets, self.pieces = streets, pieces
        self.classes = (
            np.searchsorted([c.least for c in COVERAGE_CLASSES], counts, side="right") - 1
        )
        self._street_tree = shapely.STRtree(_lines(streets))
        self._piece_tree = shapely.STRtree(_lines(pieces))
        self.views = list(views)
        self._view_tree = shapely.STRtree(self.views)

    @classmethod
    def empty(cls) -> CoverageShapes:
        """Nothing to show."""
        none = np.zeros((0, 4))
        return cls(none, none, np.zeros(0, dtype=np.int64))

    @classmethod
    def of(cls, model: StreetCoverage) -> CoverageShapes:
        """The shapes of a coverage, from its local frame to world units."""
        pieces, counts = model.filmed_pieces()
        views = [p.view for p in model.views()]
        frame = model.frame

        def world(rows: FloatArray) -> FloatArray:
            xy = rows.reshape(-1, 2)
            lat, lon = frame.degrees(xy[:, 0], xy[:, 1])
            wx, wy = world_of_arrays(lat, lon)
            return np.column_stack([wx, wy]).reshape(-1, 4)

        def world_xy(xy: FloatArray) -> FloatArray:
            return world(np.hstack([xy, xy]))[:, 0:2]

        shapes = shapely.transform(np.array(views, dtype=object), world_xy) if views else []
        return cls(world(model.segments.ends), world(pieces), counts, list(shapes))

    def __bool__(self) -> bool:
        return len(self.streets) > 0

    def meets(self, rect: shapely.Geometry) -> bool:
        """Whether a street of the area crosses a world rectangle."""
        return len(self._street_tree.query(rect)) > 0

    def paths_in(self, rect: shapely.Geometry) -> tuple[QPainterPath, list[QPainterPath]]:
        """The visible areas and, per class, the streets near a world rectangle."""
        views = QPainterPath()
        for i in np.sort(self._view_tree.query(rect)).tolist():
            for ring in shapely.get_rings(shapely.get_parts(self.views[i])):
                views.addPolygon(_polygon(ring))
        per_class = [QPainterPath() for _ in COVERAGE_CLASSES]
        for i in self._street_tree.query(rect).tolist():
            _add_segment(per_class[0], self.streets[i])
        for i in self._piece_tree.query(rect).tolist():
            _add_segment(per_class[int(self.classes[i])], self.pieces[i])
        return views, per_class

    def paint(self, painter: QPainter, rect: shapely.Geometry, dpr: float) -> None:
        """Paint what lies in a world rectangle, the painter already in world units."""
        views, per_class = self.paths_in(rect)
        if not views.isEmpty():
            views.setFillRule(Qt.FillRule.WindingFill)
            painter.fillPath(views, QBrush(VIEW_FILL))
        for item, path in zip(COVERAGE_CLASSES, per_class, strict=True):
            if not path.isEmpty():
                painter.strokePath(path, _pen(item, dpr))


class CoverageTiles:
    """Tiles of the coverage (a TileLayer's provider); an empty tile has no image."""

    prefetch = True
    attribution = ""

    def __init__(self, shapes: CoverageShapes, generation: int, dpr: float) -> None:
        self.shapes, self.dpr = shapes, dpr
        self.key = f"coverage:{generation}@{dpr:g}"

    def tile_zoom(self, zoom: float) -> float:
        """Snap to the nearest quarter zoom."""
        return overlay_tile_zoom(zoom)

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        """Paint the tile, or return None when no street of the area crosses it."""
        rect = tile_world_box(zoom, x, y)
        if not self.shapes.meets(rect):
            return None
        return paint_overlay_tile(
            zoom, x, y, self.dpr, lambda painter: self.shapes.paint(painter, rect, self.dpr)
        )


class CoverageLayer:
    """The coverage tiles of a map frame: shapes to show (none by default), painted over the
    base map and the sectors, under the cameras."""

    def __init__(self) -> None:
        self.shapes = CoverageShapes.empty()
        self.dpr = 1.0
        self._generation = 0
        self.tiles = TileLayer(CoverageTiles(self.shapes, 0, 1.0))

    @property
    def tiles_changed(self) -> SignalInstance:
        """Emitted when tiles came in (the canvas repaints)."""
        return self.tiles.tiles_changed

    def set_shapes(self, shapes: CoverageShapes) -> None:
        """Show other shapes (``CoverageShapes.empty()`` hides the layer)."""
        self.shapes = shapes
        self._renew()

    def set_device_pixel_ratio(self, dpr: float) -> None:
        """Paint tiles for the screen's pixel density."""
        if dpr != self.dpr:
            self.dpr = dpr
            self._renew()

    def _renew(self) -> None:
        self._generation += 1
        self.tiles.set_provider(CoverageTiles(self.shapes, self._generation, self.dpr))

    def paint(self, painter: QPainter, view: Viewport, request: bool) -> None:
        """Paint the layer's tiles for a frame."""
        if self.shapes:
            self.tiles.paint(painter, view, request)

    def fill(self, view: Viewport) -> None:
        """Paint the view's missing tiles now (screenshots, tests)."""
        if self.shapes:
            self.tiles.fill(view)


def _lines(rows: FloatArray) -> NDArray[np.object_]:
    return shapely.linestrings(rows.reshape(-1, 2, 2)) if len(rows) else np.array([], dtype=object)


def _add_segment(path: QPainterPath, row: FloatArray) -> None:
    path.moveTo(QPointF(float(row[0]), float(row[1])))
    path.lineTo(QPointF(float(row[2]), float(row[3])))


def _polygon(ring: shapely.Geometry) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in shapely.get_coordinates(ring).tolist()])


def _pen(item: CoverageClass, dpr: float) -> QPen:
    """A cosmetic pen (device pixels whatever the transform), round ends, dashed if told."""
    pen = QPen(item.color, item.width_px * dpr)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if item.dashed else Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if item.dashed:
        pen.setDashPattern([3.0, 2.0])
    return pen
