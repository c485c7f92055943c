"""Pre-painted images of camera markers and fields of view, blitted instead of filled each frame.

Filling an antialiased translucent cone costs about 0.1 ms; blitting its image about 7 µs,
which is what keeps street-level frames with hundreds of cameras within budget.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict

import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPainterPath, QPen, QPolygonF

from contrechamp.core.fov import FieldOfView, FovKind
from contrechamp.ui.map.style import CameraStyle

__all__ = ["MAX_SPRITE_PX", "TICK_PX", "CameraSprites", "fov_path", "tick_bearings"]

MAX_SPRITE_PX = 640
TICK_PX = 9.0  # how far a direction tick reaches beyond the marker
_BUDGET_BYTES = 32 * 1024 * 1024  # sprites are kept until they fill this much memory
_TICK_STEP_DEG = 5.0  # tick sprites are shared by cameras within a few degrees


def fov_path(fov: FieldOfView) -> QPainterPath:
    """Return a field of view as a path in local metres (x east, y north)."""
    path = QPainterPath()
    for polygon in fov.polygons():
        coords = shapely.get_coordinates(polygon.exterior).tolist()
        path.addPolygon(QPolygonF.fromList([QPointF(x, y) for x, y in coords]))
        path.closeSubpath()
    return path


class CameraSprites:
    """An LRU cache of sprites keyed by shape, style and scale (shared by tile workers)."""

    def __init__(self) -> None:
        self._images: OrderedDict[tuple[object, ...], QImage] = OrderedDict()
        self._paths: dict[FieldOfView, QPainterPath] = {}
        self._lock = threading.RLock()
        self._bytes = 0
        # (field of view, id of the style, ...) -> (style, tick sprite): a short cut past
        # building the shared cache's key; the style is kept so that its id stays its own
        self._ticks: dict[tuple[object, ...], tuple[CameraStyle, QImage]] = {}

    def path(self, fov: FieldOfView) -> QPainterPath:
        """Return the (cached) path of a field of view in metres."""
        with self._lock:
            path = self._paths.get(fov)
            if path is None:
                path = self._paths[fov] = fov_path(fov)
            return path

    def fov(self, fov: FieldOfView, style: CameraStyle, hollow: bool, ppm: float) -> QImage | None:
        """Return the sprite of a field of view at ``ppm`` pixels per metre, centred on the
        camera; None when it would be too large (then it is drawn as a path)."""
        half = math.ceil(fov.radius_m * ppm) + 2
        if 2 * half > MAX_SPRITE_PX:
            return None
        key = ("fov", fov, style.fov.rgba(), hollow, round(ppm, 3))
        return self._cached(key, lambda: self._paint_fov(fov, style, hollow, ppm, half))

    def marker(self, style: CameraStyle, hollow: bool, crossed: bool, size_px: float) -> QImage:
        """Return the sprite of a camera marker: a dot, a ring (OSM), or a crossed dot."""
        key = ("marker", style.fill.rgba(), style.outline.rgba(), hollow, crossed, size_px)
        return self._cached(key, lambda: _paint_marker(style, hollow, crossed, size_px))

    def tick(
        self,
        fov: FieldOfView | None,
        style: CameraStyle,
        hollow: bool,
        crossed: bool,
        size_px: float,
    ) -> QImage:
        """Return a marker with short ticks along the bearings it films (a ring all round for
        domes and full circles); the plain marker when the direction is unknown or hidden."""
        if fov is None or fov.kind is FovKind.NONE:
            return self.marker(style, hollow, crossed, size_px)
        fast = (fov, id(style), hollow, crossed, size_px)
        found = self._ticks.get(fast)
        if found is None or found[0] is not style:
            found = self._ticks[fast] = (style, self._tick(fov, style, hollow, crossed, size_px))
        return found[1]

    def _tick(
        self, fov: FieldOfView, style: CameraStyle, hollow: bool, crossed: bool, size_px: float
    ) -> QImage:
        """Return the tick sprite from the shared cache, painting it on a miss."""
        colors = (style.fill.rgba(), style.outline.rgba(), style.fov_outline.rgba())
        bearings = tick_bearings(fov)
        key = ("tick", bearings, colors, hollow, crossed, size_px)
        return self._cached(key, lambda: _paint_tick(bearings, style, hollow, crossed, size_px))

    def paint_fov_path(
        self, painter: QPainter, fov: FieldOfView, style: CameraStyle, hollow: bool, ppm: float
    ) -> None:
        """Draw a field of view directly (for the few cones too large for a sprite)."""
        painter.setPen(_fov_pen(style, hollow))
        painter.setBrush(QBrush(style.fov))
        painter.scale(ppm, -ppm)
        painter.drawPath(self.path(fov))

    def _cached(self, key: tuple[object, ...], make: object) -> QImage:
        """Return a sprite from the cache, painting it on a miss."""
        with self._lock:
            image = self._images.get(key)
            if image is None:
                assert callable(make)
                image = self._images[key] = make()
                self._bytes += image.sizeInBytes()
                while self._bytes > _BUDGET_BYTES and len(self._images) > 1:
                    self._bytes -= self._images.popitem(last=False)[1].sizeInBytes()
            else:
                self._images.move_to_end(key)
            return image

    def _paint_fov(
        self, fov: FieldOfView, style: CameraStyle, hollow: bool, ppm: float, half: int
    ) -> QImage:
        """Paint one field-of-view sprite."""
        image = _blank(2 * half)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(half, half)
        self.paint_fov_path(painter, fov, style, hollow, ppm)
        painter.end()
        return image


def _fov_pen(style: CameraStyle, hollow: bool) -> QPen:
    """Return the outline pen of a field of view (dashed for cameras already in OSM)."""
    pen = QPen(style.fov_outline, 1.3)
    pen.setCosmetic(True)
    if hollow:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _blank(size: int) -> QImage:
    """Return a transparent square image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    return image


def _paint_marker(
    style: CameraStyle, hollow: bool, crossed: bool, size_px: float, reach: float = 0.0
) -> QImage:
    """Paint one marker sprite (with room for ticks ``reach`` pixels beyond it)."""
    r = size_px / 2 + 1
    half = math.ceil(r + 3 + reach)
    image = _blank(2 * half)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.translate(half, half)
    _paint_dot(painter, style, hollow, crossed, r)
    painter.end()
    return image


def tick_bearings(fov: FieldOfView) -> tuple[float | None, ...]:
    """Return the bearings of a camera's direction ticks, in steps of a few degrees; None
    stands for a ring (domes, full circles)."""
    bearings: list[float | None] = []
    for start, end in fov.sectors:
        span = (end - start) % 360.0 or 360.0
        if fov.kind is FovKind.CIRCLE or span >= 359.0:
            bearings.append(None)
        else:
            mid = (start + span / 2) % 360.0
            bearings.append(round(mid / _TICK_STEP_DEG) * _TICK_STEP_DEG % 360.0)
    return tuple(bearings)


def _paint_tick(
    bearings: tuple[float | None, ...],
    style: CameraStyle,
    hollow: bool,
    crossed: bool,
    size_px: float,
) -> QImage:
    """Paint a marker with its direction ticks, the ticks under the dot."""
    image = _paint_marker(style, hollow, crossed, size_px, TICK_PX)
    half = image.width() / 2
    r = size_px / 2 + 1
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOver)
    painter.translate(half, half)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(style.fov_outline, 2.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for bearing in bearings:
        if bearing is None:
            painter.drawEllipse(QPointF(0, 0), r + 3, r + 3)
            continue
        rad = math.radians(bearing)
        dx, dy = math.sin(rad), -math.cos(rad)
        painter.drawLine(QPointF(dx * r, dy * r), QPointF(dx * (r + TICK_PX), dy * (r + TICK_PX)))
    painter.end()
    return image


def _paint_dot(
    painter: QPainter, style: CameraStyle, hollow: bool, crossed: bool, r: float
) -> None:
    """Draw a marker's dot (a ring with a centre for OSM cameras, crossed when rejected)."""
    painter.setPen(QPen(style.outline, 2.5 if hollow else 1.5))
    painter.setBrush(QBrush(style.fill))
    painter.drawEllipse(QRectF(-r, -r, 2 * r, 2 * r))
    if hollow:
        painter.setBrush(QBrush(style.outline))
        painter.drawEllipse(QRectF(-1.5, -1.5, 3, 3))
    elif crossed:
        d = r * 0.6
        painter.drawLine(QPointF(-d, -d), QPointF(d, d))
        painter.drawLine(QPointF(-d, d), QPointF(d, -d))
