"""The OSM cameras on a printed map: a dot where the camera is, an arrow where it films, and
its number in a ring set beside it, clear of the other numbers, with a leader line."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen, QPolygonF

from contrechamp.ops.field_sheets import NumberedCamera
from contrechamp.ui.sheets.paper import INK, Paper, sheet_font

__all__ = ["paint_cameras", "place_rings"]

_RING_MM = 3.4  # radius of a number's ring: two digits at 10 pt, bold
_DOT_MM = 1.1
_ARROW_MM = 5.0
_ANGLES = (45, 135, 315, 225, 0, 90, 180, 270)  # screen degrees, y down: NE first


def place_rings(
    points: Sequence[QPointF], frame: QRectF, radius: float, reach: float
) -> list[QPointF]:
    """Return a ring centre beside each point, overlapping no other ring or point if possible.

    Candidates are tried at ``reach`` then 1.7 × ``reach`` from the point, in eight directions;
    a ring that cannot be kept clear goes to the first candidate inside the frame.
    """
    placed: list[QPointF] = []
    for point in points:
        candidates = [
            QPointF(
                point.x() + step * math.cos(math.radians(a)),
                point.y() - step * math.sin(math.radians(a)),
            )
            for step in (reach, 1.7 * reach)
            for a in _ANGLES
        ]
        inside = [
            c for c in candidates if frame.adjusted(radius, radius, -radius, -radius).contains(c)
        ]
        inside = inside or candidates
        free = [c for c in inside if _clear(c, radius, placed, points)]
        placed.append(free[0] if free else inside[0])
    return placed


def _clear(
    centre: QPointF, radius: float, rings: Sequence[QPointF], dots: Sequence[QPointF]
) -> bool:
    """Tell whether a ring at ``centre`` keeps clear of the rings placed and of every dot."""
    near_ring = any(_distance(centre, r) < 2.15 * radius for r in rings)
    return not near_ring and not any(_distance(centre, d) < 1.25 * radius for d in dots)


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


def paint_cameras(
    painter: QPainter,
    frame: QRectF,
    place: Callable[[NumberedCamera], QPointF],
    cameras: Sequence[NumberedCamera],
) -> None:
    """Paint the cameras of one page: arrows and dots, then leader lines, then the rings."""
    mm = Paper.mm
    dots = [place(c) for c in cameras]
    rings = place_rings(dots, frame, mm(_RING_MM), mm(_RING_MM + 3.2))
    painter.save()
    painter.setClipRect(frame)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for camera, dot in zip(cameras, dots, strict=True):
        _paint_arrows(painter, dot, camera.bearings)
    painter.setPen(QPen(INK, mm(0.35)))
    for dot, ring in zip(dots, rings, strict=True):
        painter.drawLine(dot, ring)
    painter.setPen(QPen(Qt.GlobalColor.white, mm(0.4)))
    painter.setBrush(QBrush(INK))
    for dot in dots:
        painter.drawEllipse(dot, mm(_DOT_MM), mm(_DOT_MM))
    painter.setFont(sheet_font(10, bold=True))
    for camera, ring in zip(cameras, rings, strict=True):
        _paint_ring(painter, ring, camera.number)
    painter.restore()


def _paint_arrows(painter: QPainter, dot: QPointF, bearings: Sequence[float]) -> None:
    """An arrow from the dot along each bearing the camera films."""
    mm = Paper.mm
    pen = QPen(INK, mm(0.5))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    for bearing in bearings:
        rad = math.radians(bearing)
        dx, dy = math.sin(rad), -math.cos(rad)
        tip = QPointF(dot.x() + dx * mm(_ARROW_MM), dot.y() + dy * mm(_ARROW_MM))
        painter.setPen(pen)
        painter.drawLine(dot, tip)
        side = mm(1.2)
        head = QPolygonF(
            [
                tip,
                QPointF(tip.x() - dx * 2 * side - dy * side, tip.y() - dy * 2 * side + dx * side),
                QPointF(tip.x() - dx * 2 * side + dy * side, tip.y() - dy * 2 * side - dx * side),
            ]
        )
        painter.setBrush(QBrush(INK))
        painter.drawPolygon(head)


def _paint_ring(painter: QPainter, centre: QPointF, number: int) -> None:
    """A white disc with a thick black ring and the camera's number in bold."""
    r = Paper.mm(_RING_MM) * (1.18 if number >= 100 else 1.0)
    painter.setPen(QPen(INK, Paper.mm(0.55)))
    painter.setBrush(QBrush(Qt.GlobalColor.white))
    painter.drawEllipse(centre, r, r)
    box = QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
    painter.setPen(INK)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number))
