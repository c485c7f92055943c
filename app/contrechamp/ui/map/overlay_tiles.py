"""Tiles of a vector overlay painted over the base map (sectors, coverage): the zoom they are
drawn at, the world box a tile covers, and the transparent image it is painted into."""

from __future__ import annotations

from collections.abc import Callable

import shapely
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from contrechamp.ui.map.projection import TILE_PX

__all__ = ["MARGIN_PX", "overlay_tile_zoom", "paint_overlay_tile", "tile_world_box"]

TILE_ZOOM_STEP = 0.25  # as the vector base map: lines keep their width between zooms
MARGIN_PX = 8.0  # the widest pen's half width, and antialiasing


def overlay_tile_zoom(zoom: float) -> float:
    """Snap to the nearest quarter zoom."""
    return round(zoom / TILE_ZOOM_STEP) * TILE_ZOOM_STEP


def tile_world_box(zoom: float, x: int, y: int) -> shapely.Geometry:
    """The world box of tile (x, y) at ``zoom``, grown by ``MARGIN_PX`` on each side so that
    a stroke crossing the tile's edge is painted on both tiles."""
    scale, m = 2.0**zoom, MARGIN_PX
    return shapely.box(
        (x * TILE_PX - m) / scale,
        (y * TILE_PX - m) / scale,
        ((x + 1) * TILE_PX + m) / scale,
        ((y + 1) * TILE_PX + m) / scale,
    )


def paint_overlay_tile(
    zoom: float, x: int, y: int, dpr: float, paint: Callable[[QPainter], None]
) -> QImage:
    """A transparent tile image that ``paint`` draws on, the painter in world units."""
    size = round(TILE_PX * dpr)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(-x * TILE_PX, -y * TILE_PX)
        painter.scale(2.0**zoom, 2.0**zoom)
        paint(painter)
    finally:
        painter.end()
    return image
