"""The base map drawn from OSM features: water, green, buildings, roads by class, rails, names.

Geometry is prepared once (world units, one QPainterPath per feature, an STRtree) the first
time anything is painted, so preparing and painting both run in worker threads. numpy,
shapely and the label placer are imported then too: a first frame whose tiles were kept
from an earlier run (``tile_folder``) paints none and needs none of them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

from contrechamp.core.area import ROAD_KINDS, BBox, FeatureKind, MapFeature
from contrechamp.ui.map.projection import TILE_PX, Viewport, world_of_arrays
from contrechamp.ui.map.style import MapStyle, RoadStyle
from contrechamp.ui.map.tile_folder import area_digest

if TYPE_CHECKING:
    import numpy as np
    import shapely
    from numpy.typing import NDArray

    from contrechamp.ui.map.labels import Label, LabelPlacer

__all__ = ["VectorBaseMap"]

_POLYGON_TYPES = frozenset({"Polygon", "MultiPolygon"})


@dataclass(frozen=True, slots=True)
class _PenScale:
    """Turns ground widths into cosmetic pen widths: metres per device pixel, screen density."""

    mpp: float
    dpr: float

    def width(self, metres: float, min_px: float, max_px: float = 1e3) -> float:
        """Return the device-pixel width of ``metres``, kept within [min_px, max_px] screen px."""
        return min(max_px * self.dpr, max(min_px * self.dpr, metres / self.mpp))


@dataclass(frozen=True, slots=True)
class _Prepared:
    """Features in world units, ready to draw."""

    kinds: list[FeatureKind]
    is_area: NDArray[np.bool_]
    paths: list[QPainterPath]
    geoms: NDArray[np.object_]
    tree: shapely.STRtree
    labels: LabelPlacer


class VectorBaseMap:
    """Paints the base map of one area into any QPainter: a tile, or a whole view."""

    def __init__(self, bbox: BBox | None, features: Sequence[MapFeature], style: MapStyle):
        self.bbox = bbox
        self._features = list(features)
        self._style = style
        self._lock = threading.Lock()
        self._prepared: _Prepared | None = None
        self._digests: dict[float, str] = {}
        self._digest_lock = threading.Lock()
        self._lat = 0.0 if bbox is None else (bbox.south + bbox.north) / 2

    def __len__(self) -> int:
        return len(self._features)

    def same_features(self, features: Sequence[MapFeature]) -> bool:
        """Tell whether ``features`` are this base map's, in the same order."""
        return list(features) == self._features

    def digest(self, dpr: float) -> str:
        """Name what this base map's tiles show at a pixel density (see ``tile_folder``);
        worked out once per density."""
        with self._digest_lock:  # not prepare's: the window's thread never waits for it
            if dpr not in self._digests:
                self._digests[dpr] = area_digest(self.bbox, self._features, self._style, dpr)
            return self._digests[dpr]

    def prepare(self) -> _Prepared:
        """Build paths and the spatial index once (safe to call from several threads)."""
        with self._lock:
            if self._prepared is None:
                self._prepared = _prepare(self._features, self._style)
            return self._prepared

    def render_tile(self, zoom: float, x: int, y: int, dpr: float = 1.0) -> QImage:
        """Return the 256-px tile (x, y) of the grid at ``zoom`` (zoom may be fractional).

        On a high-density screen (``dpr`` > 1) the image holds dpr × 256 device pixels.
        """
        size = round(TILE_PX * dpr)
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(self._style.color("background"))
        painter = QPainter(image)
        try:
            self.paint(painter, zoom, x * TILE_PX, y * TILE_PX, TILE_PX, TILE_PX)
        finally:
            painter.end()
        return image

    def paint_view(self, painter: QPainter, view: Viewport) -> None:
        """Paint a whole view straight from vectors (the reference the tile cache must beat)."""
        painter.fillRect(0, 0, view.width, view.height, self._style.color("background"))
        scale = view.scale
        left = view.center_x * scale - view.width / 2
        top = view.center_y * scale - view.height / 2
        self.paint(painter, view.zoom, left, top, view.width, view.height)

    def paint(
        self, painter: QPainter, zoom: float, left: float, top: float, width: int, height: int
    ) -> None:
        """Paint the features in the pixel rectangle whose top-left is (left, top) at ``zoom``."""
        import numpy as np
        import shapely

        prepared = self.prepare()
        scale = 2.0**zoom
        margin = 24.0 / scale
        rect = (left / scale, top / scale, (left + width) / scale, (top + height) / scale)
        hits = prepared.tree.query(shapely.box(*rect).buffer(margin, join_style="mitre"))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(-left, -top)
        painter.scale(scale, scale)
        # cosmetic pens are in device pixels: widths are scaled by the screen's density
        dpr = painter.device().devicePixelRatioF()
        mpp = Viewport(0, 0, zoom, 1, 1).metres_per_pixel(self._lat) / dpr
        self._paint_features(painter, prepared, np.sort(hits), zoom, _PenScale(mpp, dpr))
        painter.restore()
        labels = prepared.labels.labels_near(zoom, rect)
        _paint_labels(painter, labels, scale, left, top, self._style, dpr)

    def _paint_features(
        self, painter: QPainter, prep: _Prepared, hits: NDArray[np.intp], zoom: float, px: _PenScale
    ) -> None:
        """Paint the hit features layer by layer, bottom to top."""
        by_kind: dict[FeatureKind, list[int]] = {}
        for i in hits.tolist():
            by_kind.setdefault(prep.kinds[i], []).append(i)
        style = self._style
        self._fill(painter, prep, by_kind.get(FeatureKind.GREEN, []), "green", zoom, px)
        self._fill(painter, prep, by_kind.get(FeatureKind.WATER, []), "water", zoom, px)
        self._water_lines(painter, prep, by_kind.get(FeatureKind.WATER, []), px)
        self._fill(painter, prep, by_kind.get(FeatureKind.BUILDING, []), "building", zoom, px)
        roads = [(style.roads[k], by_kind.get(k, [])) for k in reversed(ROAD_KINDS)]
        roads = [(road, ids) for road, ids in roads if ids and zoom >= road.min_zoom]
        for road, ids in roads:
            _stroke(painter, prep, ids, _casing_pen(road, px))
        for road, ids in roads:
            _stroke(painter, prep, ids, _fill_pen(road, px))
        self._railways(painter, prep, by_kind.get(FeatureKind.RAILWAY, []), zoom, px)

    def _fill(
        self,
        painter: QPainter,
        prep: _Prepared,
        ids: list[int],
        layer: str,
        zoom: float,
        px: _PenScale,
    ) -> None:
        """Fill the polygons of one layer, with a thin outline when the style has one."""
        spec = self._style.raw[layer]
        if not ids or zoom < float(spec.get("min_zoom", 0)):
            return
        outline = self._style.color(layer, "outline") if "outline" in spec else None
        painter.setPen(_pen(outline, 0.8 * px.dpr) if outline and zoom >= 15 else Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self._style.color(layer, "fill")))
        for i in ids:
            if prep.is_area[i]:
                painter.drawPath(prep.paths[i])

    def _water_lines(
        self, painter: QPainter, prep: _Prepared, ids: list[int], px: _PenScale
    ) -> None:
        """Stroke rivers and streams."""
        width = px.width(
            self._style.number("water", "line_width_m"), self._style.number("water", "min_px")
        )
        lines = [i for i in ids if not prep.is_area[i]]
        _stroke(painter, prep, lines, _pen(self._style.color("water", "fill"), width))

    def _railways(
        self, painter: QPainter, prep: _Prepared, ids: list[int], zoom: float, px: _PenScale
    ) -> None:
        """Stroke railways as the classic grey line with white dashes."""
        if not ids or zoom < self._style.number("railway", "min_zoom"):
            return
        width = px.width(
            self._style.number("railway", "width_m"), self._style.number("railway", "min_px")
        )
        _stroke(painter, prep, ids, _pen(self._style.color("railway", "color"), width))
        dash = _pen(self._style.color("railway", "dash"), width * 0.5)
        dash.setDashPattern([4.0, 4.0])
        _stroke(painter, prep, ids, dash)


def _prepare(features: Sequence[MapFeature], style: MapStyle) -> _Prepared:
    """Project features to world units and build their paths and index."""
    import numpy as np
    import shapely

    from contrechamp.ui.map.labels import LabelPlacer

    geoms = shapely.from_wkb([f.wkb for f in features])
    if len(geoms):
        geoms = shapely.transform(geoms, _to_world)
    kinds = [f.kind for f in features]
    is_area = np.array([g.geom_type in _POLYGON_TYPES for g in geoms], dtype=bool)
    paths = [_path(g) for g in geoms]
    labels = LabelPlacer(kinds, [f.name for f in features], list(geoms), style)
    return _Prepared(kinds, is_area, paths, geoms, shapely.STRtree(geoms), labels)


def _to_world(lon_lat: NDArray[np.float64]) -> NDArray[np.float64]:
    """Shapely coordinate transform: (lon, lat) degrees to world units."""
    import numpy as np

    x, y = world_of_arrays(lon_lat[:, 1], lon_lat[:, 0])
    return np.column_stack([x, y])


def _path(geom: shapely.Geometry) -> QPainterPath:
    """Return a painter path of a line or polygon (rings as closed subpaths, odd-even fill)."""
    import shapely

    path = QPainterPath()
    parts = shapely.get_parts(geom)
    rings = shapely.get_rings(parts) if geom.geom_type in _POLYGON_TYPES else parts
    for ring in rings:
        coords = shapely.get_coordinates(ring).tolist()
        path.addPolygon(QPolygonF.fromList([QPointF(x, y) for x, y in coords]))
    return path


def _pen(color: QColor, width: float) -> QPen:
    """Return a cosmetic pen (width in pixels whatever the transform) with round ends."""
    pen = QPen(
        color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    pen.setCosmetic(True)
    return pen


def _road_width(road: RoadStyle, px: _PenScale) -> float:
    """Return a road's drawn width in device pixels: its ground width, within the style's bounds."""
    return px.width(road.width_m, road.min_px, road.max_px)


def _fill_pen(road: RoadStyle, px: _PenScale) -> QPen:
    """Return the pen of a road's fill (dashed for footpaths)."""
    pen = _pen(road.fill, _road_width(road, px))
    if road.dashed:
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([2.0, 1.5])
    return pen


def _casing_pen(road: RoadStyle, px: _PenScale) -> QPen | None:
    """Return the pen of a road's casing, a little wider than its fill, or None."""
    if road.casing is None:
        return None
    width = _road_width(road, px)
    return _pen(road.casing, width + (2.0 if width >= 3 * px.dpr else 1.0) * px.dpr)


def _stroke(painter: QPainter, prep: _Prepared, ids: list[int], pen: QPen | None) -> None:
    """Stroke the given features with one pen, no fill."""
    if pen is None or not ids:
        return
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for i in ids:
        painter.drawPath(prep.paths[i])


def _paint_labels(
    painter: QPainter,
    labels: list[Label],
    scale: float,
    left: float,
    top: float,
    style: MapStyle,
    dpr: float,
) -> None:
    """Paint street names glyph by glyph: every halo first, then the letters on top."""
    from contrechamp.ui.map.labels import glyph_path

    halo = _pen(style.color("labels", "halo"), style.number("labels", "halo_px") * dpr)
    ink = QBrush(style.color("labels", "color"))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for label in labels:
        for stroke in (True, False):
            for char, x, y, angle in label.glyphs:
                path = glyph_path(char, label.font_px)
                painter.save()
                painter.translate(x * scale - left, y * scale - top)
                painter.rotate(angle)
                if stroke:
                    painter.strokePath(path, halo)
                else:
                    painter.fillPath(path, ink)
                painter.restore()
    painter.restore()
