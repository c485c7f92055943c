"""The survey's sectors on the map: their edges and walked streets painted into transparent
tiles (a pan only blits them), their names drawn live over them (a handful of small images).

The pair's own sector is drawn in a warmer colour, thicker and faintly filled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from numpy.typing import NDArray
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from contrechamp.core.area import Sector
from contrechamp.ui.map.overlay_tiles import overlay_tile_zoom, paint_overlay_tile, tile_world_box
from contrechamp.ui.map.projection import Viewport, world_of_arrays

__all__ = [
    "OWN_SECTOR_COLOR",
    "SECTOR_COLOR",
    "WALKED_COLOR",
    "SectorShapes",
    "SectorTiles",
    "paint_sector_labels",
]

SECTOR_COLOR = QColor("#5e35b1")
OWN_SECTOR_COLOR = QColor("#e65100")
WALKED_COLOR = QColor(46, 160, 67, 150)
_OWN_FILL = QColor(230, 81, 0, 22)
_HALO = QColor(255, 255, 255, 200)
_LABEL_MIN_PX = 48.0  # a sector narrower than this on screen gets no name


@dataclass(frozen=True, slots=True)
class _Outline:
    """One sector's edge in world units, and where its name goes."""

    name: str
    own: bool
    path: QPainterPath
    label_at: tuple[float, float]
    width: float  # of its bounding box, in world units


class SectorShapes:
    """The sectors' edges and the walked street pieces in world units, built once per change
    (the tile workers only read them)."""

    def __init__(
        self,
        sectors: Sequence[Sector] = (),
        own_id: int | None = None,
        walked: Sequence[bytes] = (),
    ) -> None:
        polygons = _to_world(shapely.from_wkb([s.wkb for s in sectors]))
        self.outlines = [
            _outline(sector, polygon, sector.id is not None and sector.id == own_id)
            for sector, polygon in zip(sectors, polygons, strict=True)
        ]
        self._edges = shapely.STRtree(polygons)
        pieces = [shapely.get_parts(shapely.from_wkb(w)) for w in walked if w]
        self._pieces = _to_world(np.concatenate(pieces) if pieces else np.array([]))
        self._piece_lines = [_polygon(piece) for piece in self._pieces]
        self._walked = shapely.STRtree(self._pieces)

    def __bool__(self) -> bool:
        return bool(self.outlines) or bool(self._piece_lines)

    def edges_in(self, rect: shapely.Geometry) -> list[_Outline]:
        """The sectors whose edge may cross a world rectangle."""
        hits = self._edges.query(rect, predicate="intersects")
        return [self.outlines[i] for i in np.sort(hits).tolist()]

    def walked_in(self, rect: shapely.Geometry) -> QPainterPath:
        """The walked pieces near a world rectangle, as one path (overlaps not darkened)."""
        path = QPainterPath()
        for i in np.sort(self._walked.query(rect)).tolist():
            path.addPolygon(self._piece_lines[i])
        return path


class SectorTiles:
    """Tiles of the sectors' edges and walked streets (a TileLayer's provider); an empty
    tile has no image, so the cache keeps nothing for the sea and the streets far off."""

    prefetch = True
    attribution = ""

    def __init__(
        self, shapes: SectorShapes, generation: int, dpr: float, edges: bool, walked: bool
    ) -> None:
        self.shapes, self.dpr, self.edges, self.walked = shapes, dpr, edges, walked
        self.key = f"sectors:{generation}:{int(edges)}{int(walked)}@{dpr:g}"

    def tile_zoom(self, zoom: float) -> float:
        """Snap to the nearest quarter zoom."""
        return overlay_tile_zoom(zoom)

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        """Paint the tile, or return None when nothing of the layer crosses it."""
        rect = tile_world_box(zoom, x, y)
        walked = self.shapes.walked_in(rect) if self.walked else QPainterPath()
        edges = self.shapes.edges_in(rect) if self.edges else []
        if walked.isEmpty() and not edges:
            return None
        return paint_overlay_tile(
            zoom, x, y, self.dpr, lambda painter: self._paint(painter, walked, edges, zoom)
        )

    def _paint(
        self, painter: QPainter, walked: QPainterPath, edges: list[_Outline], zoom: float
    ) -> None:
        """Walked streets under the edges; the own sector last, on top."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if not walked.isEmpty():
            painter.strokePath(walked, _pen(WALKED_COLOR, _walked_width(zoom) * self.dpr))
        for outline in sorted(edges, key=lambda o: o.own):
            color, width = (OWN_SECTOR_COLOR, 3.5) if outline.own else (SECTOR_COLOR, 2.5)
            if outline.own:
                painter.fillPath(outline.path, QBrush(_OWN_FILL))
            painter.strokePath(outline.path, _pen(_HALO, (width + 3) * self.dpr))
            painter.strokePath(outline.path, _pen(color, width * self.dpr))


def paint_sector_labels(painter: QPainter, view: Viewport, shapes: SectorShapes) -> None:
    """Draw each sector's name inside it, where the sector is wide enough on screen."""
    x0, y0, x1, y1 = view.world_rect()
    for outline in shapes.outlines:
        lx, ly = outline.label_at
        if not (x0 <= lx <= x1 and y0 <= ly <= y1) or outline.width * view.scale < _LABEL_MIN_PX:
            continue
        image = _label_image(outline.name, outline.own)
        px, py = view.to_pixel(lx, ly)
        painter.drawImage(
            QPoint(round(px - image.width() / 2), round(py - image.height() / 2)), image
        )


@lru_cache(maxsize=128)
def _label_image(name: str, own: bool) -> QImage:
    """Paint a sector's name in its colour with a white halo (cached: it never changes)."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(15 if own else 13)
    font.setBold(True)
    metrics = QFontMetricsF(font)
    width, height = round(metrics.horizontalAdvance(name) + 10), round(metrics.height() + 6)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    path = QPainterPath()
    path.addText(QPointF(5, 3 + metrics.ascent()), font, name)
    painter.strokePath(path, QPen(QColor(255, 255, 255, 235), 4))
    painter.fillPath(path, QBrush(OWN_SECTOR_COLOR if own else SECTOR_COLOR))
    painter.end()
    return image


def _outline(sector: Sector, polygon: shapely.Geometry, own: bool) -> _Outline:
    """A sector's edge as a world-unit path, its name at a point inside it."""
    path = QPainterPath()
    for ring in shapely.get_rings(shapely.get_parts(polygon)):
        path.addPolygon(_polygon(ring))
    inside = shapely.point_on_surface(polygon)
    west, _, east, _ = polygon.bounds
    return _Outline(sector.name, own, path, (inside.x, inside.y), east - west)


def _to_world(geoms: NDArray[np.object_]) -> NDArray[np.object_]:
    """(lon, lat) degrees to world units."""
    if not len(geoms):
        return geoms

    def world(lon_lat: NDArray[np.float64]) -> NDArray[np.float64]:
        x, y = world_of_arrays(lon_lat[:, 1], lon_lat[:, 0])
        return np.column_stack([x, y])

    moved: NDArray[np.object_] = shapely.transform(geoms, world)
    return moved


def _polygon(line: shapely.Geometry) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in shapely.get_coordinates(line).tolist()])


def _walked_width(zoom: float) -> float:
    """Wide enough to read as a street at street zoom, thinner zoomed out."""
    return min(8.0, max(2.5, 8.0 - (17.0 - zoom) * 1.5))


def _pen(color: QColor, width: float) -> QPen:
    """A cosmetic pen (device pixels whatever the transform) with round ends and joins."""
    pen = QPen(color, width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen
