"""What is drawn over the map in screen space: GPS, track, selection, handle, scale, credits."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
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

from contrechamp.ui.map.projection import Viewport
from contrechamp.ui.map.style import MapStyle

__all__ = [
    "HANDLE_DISTANCE_PX",
    "handle_position",
    "nice_scale_length",
    "paint_attribution",
    "paint_gps",
    "paint_north_arrow",
    "paint_scale_bar",
    "paint_selection",
    "paint_track",
]

HANDLE_DISTANCE_PX = 56.0
HANDLE_RADIUS_PX = 10.0


def handle_position(x: float, y: float, bearing: float) -> tuple[float, float]:
    """Return the pixel of the direction handle of a camera drawn at (x, y)."""
    rad = math.radians(bearing)
    return x + HANDLE_DISTANCE_PX * math.sin(rad), y - HANDLE_DISTANCE_PX * math.cos(rad)


def paint_selection(
    painter: QPainter, style: MapStyle, x: float, y: float, bearing: float | None
) -> None:
    """Draw the selected camera's ring and the handle that sets its direction by dragging."""
    color = style.color("cameras", "selected")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(255, 255, 255, 230), 6))
    painter.drawEllipse(QPointF(x, y), 11, 11)
    painter.setPen(QPen(color, 3))
    painter.drawEllipse(QPointF(x, y), 11, 11)
    hx, hy = handle_position(x, y, 0.0 if bearing is None else bearing)
    pen = QPen(color, 2.5, Qt.PenStyle.SolidLine if bearing is not None else Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawLine(QPointF(x, y), QPointF(hx, hy))
    painter.setPen(QPen(QColor("white"), 2.5))
    painter.setBrush(QBrush(color))
    painter.drawEllipse(QPointF(hx, hy), HANDLE_RADIUS_PX, HANDLE_RADIUS_PX)
    _arrow_head(painter, hx, hy, 0.0 if bearing is None else bearing)


def _arrow_head(painter: QPainter, x: float, y: float, bearing: float) -> None:
    """Draw a small white arrow inside the handle, pointing along the bearing."""
    painter.save()
    painter.translate(x, y)
    painter.rotate(bearing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor("white")))
    painter.drawPolygon(QPolygonF([QPointF(0, -6), QPointF(5, 4), QPointF(-5, 4)]))
    painter.restore()


def paint_gps(
    painter: QPainter,
    view: Viewport,
    style: MapStyle,
    lat: float,
    lon: float,
    accuracy_m: float | None,
    heading: float | None,
) -> None:
    """Draw the walker's position: accuracy circle, heading wedge, blue dot with a white rim."""
    x, y = view.pixel_of(lat, lon)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if accuracy_m is not None and accuracy_m > 0:
        r = accuracy_m / view.metres_per_pixel(lat)
        painter.setPen(QPen(style.color("gps", "accuracy_outline"), 1.5))
        painter.setBrush(QBrush(style.color("gps", "accuracy")))
        painter.drawEllipse(QPointF(x, y), r, r)
    dot = style.color("gps", "dot")
    if heading is not None:
        painter.save()
        painter.translate(x, y)
        painter.rotate(heading)
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(dot))
        painter.drawPolygon(QPolygonF([QPointF(0, -22), QPointF(9, -6), QPointF(-9, -6)]))
        painter.restore()
    painter.setPen(QPen(style.color("gps", "halo"), 3))
    painter.setBrush(QBrush(dot))
    painter.drawEllipse(QPointF(x, y), 8, 8)


def paint_track(
    painter: QPainter, view: Viewport, style: MapStyle, points: Sequence[tuple[float, float]]
) -> None:
    """Draw the walked track as a line."""
    if len(points) < 2:
        return
    polygon = QPolygonF([QPointF(*view.pixel_of(lat, lon)) for lat, lon in points])
    pen = QPen(style.color("track", "color"), style.number("track", "width_px"))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(polygon)


def nice_scale_length(metres_per_pixel: float, max_px: float = 120.0) -> float:
    """Return the longest 1, 2 or 5 × 10^n metres that fits in ``max_px`` pixels.

    >>> nice_scale_length(1.0), nice_scale_length(0.3)
    (100.0, 20.0)
    """
    limit = metres_per_pixel * max_px
    power = 10.0 ** math.floor(math.log10(limit))
    return max(step * power for step in (1.0, 2.0, 5.0) if step * power <= limit)


def _scale_text(metres: float) -> str:
    """Format a scale length: metres below 1 km, kilometres above."""
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def paint_scale_bar(painter: QPainter, view: Viewport) -> None:
    """Draw a scale bar in the bottom-left corner (ground metres at the view's centre)."""
    mpp = view.metres_per_pixel()
    metres = nice_scale_length(mpp)
    image = _scale_bar_image(round(metres / mpp), _scale_text(metres))
    painter.drawImage(QPoint(6, view.height - image.height() - 6), image)


def paint_attribution(painter: QPainter, view: Viewport, text: str) -> None:
    """Draw the data credit in the bottom-right corner on a light band (always visible)."""
    image = _attribution_image(text)
    painter.drawImage(QPoint(view.width - image.width(), view.height - image.height()), image)


def paint_north_arrow(painter: QPainter, view: Viewport) -> None:
    """Draw a small north arrow in the top-right corner (the map is always north up)."""
    image = _north_arrow_image()
    painter.drawImage(QPoint(view.width - image.width() - 6, 6), image)


def _overlay_image(width: int, height: int) -> tuple[QImage, QPainter]:
    """Return a transparent image and an antialiased painter on it."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    return image, painter


@lru_cache(maxsize=64)
def _scale_bar_image(length_px: int, text: str) -> QImage:
    """Paint a scale bar of a given length with its label (cached: it rarely changes)."""
    image, painter = _overlay_image(length_px + 12, 30)
    x, y = 6.0, 22.0
    path = QPainterPath()
    path.moveTo(x, y - 6)
    path.lineTo(x, y)
    path.lineTo(x + length_px, y)
    path.lineTo(x + length_px, y - 6)
    painter.strokePath(path, QPen(QColor(255, 255, 255, 220), 5))
    painter.strokePath(path, QPen(QColor("#222222"), 2))
    _halo_text(painter, QPointF(x + 4, y - 9), text, 12)
    painter.end()
    return image


@lru_cache(maxsize=8)
def _attribution_image(text: str) -> QImage:
    """Paint the credit line on its light band."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(11)
    metrics = QFontMetricsF(font)
    width, height = round(metrics.horizontalAdvance(text) + 10), round(metrics.height() + 4)
    image, painter = _overlay_image(width, height)
    painter.fillRect(QRectF(0, 0, width, height), QColor(255, 255, 255, 200))
    painter.setFont(font)
    painter.setPen(QColor("#333333"))
    painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


@lru_cache(maxsize=1)
def _north_arrow_image() -> QImage:
    """Paint the north arrow."""
    image, painter = _overlay_image(36, 56)
    x, y = 18.0, 22.0
    painter.setPen(QPen(QColor(255, 255, 255, 230), 2))
    painter.setBrush(QBrush(QColor("#333333")))
    arrow = [QPointF(x, y - 14), QPointF(x + 8, y + 8), QPointF(x, y + 3), QPointF(x - 8, y + 8)]
    painter.drawPolygon(QPolygonF(arrow))
    _halo_text(painter, QPointF(x - 4.5, y + 24), "N", 12)
    painter.end()
    return image


def _halo_text(painter: QPainter, at: QPointF, text: str, size_px: int) -> None:
    """Draw short dark text with a white halo so it reads on any background."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(size_px)
    font.setBold(True)
    path = QPainterPath()
    path.addText(at, font, text)
    painter.strokePath(path, QPen(QColor(255, 255, 255, 230), 3))
    painter.fillPath(path, QBrush(QColor("#222222")))
