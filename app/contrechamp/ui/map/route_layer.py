"""A route on the map (drawn by clicks or read from a GPX file) and the stretches of it that
cameras film, painted live over the frame.

The route is a thin dashed line, its filmed stretches a thick solid one over it: they differ
by width and dashes, not only by colour.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from contrechamp.ui.map.projection import Viewport

__all__ = ["FILMED_COLOR", "ROUTE_COLOR", "RouteOverlay"]

ROUTE_COLOR = QColor("#1e3a8a")
FILMED_COLOR = QColor("#d7301f")
_CASING = QColor(255, 255, 255, 220)
_ROUTE_PX, _FILMED_PX = 3.0, 7.0

Points = Sequence[tuple[float, float]]


class RouteOverlay(QObject):
    """The route shown (none by default): its lines and its filmed stretches, (lat, lon)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[list[tuple[float, float]]] = []
        self.filmed: list[list[tuple[float, float]]] = []

    def __bool__(self) -> bool:
        return bool(self.lines)

    def set_route(self, points: Points, breaks: Collection[int], filmed: Sequence[Points]) -> None:
        """Show a route through ``points``, a new line at each index of ``breaks``, and its
        filmed stretches."""
        lines: list[list[tuple[float, float]]] = []
        for index, point in enumerate(points):
            if not lines or index in breaks:
                lines.append([])
            lines[-1].append(point)
        self.lines = [line for line in lines if len(line) >= 2]
        self.filmed = [list(path) for path in filmed if len(path) >= 2]
        self.changed.emit()

    def clear(self) -> None:
        """Show no route."""
        if self.lines or self.filmed:
            self.lines, self.filmed = [], []
            self.changed.emit()

    def paint(self, painter: QPainter, view: Viewport) -> None:
        """Draw the route, then its filmed stretches over it."""
        if not self.lines:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        routes = [_polyline(view, line) for line in self.lines]
        filmed = [_polyline(view, path) for path in self.filmed]
        for shapes, width, colour, dashed in (
            (routes, _ROUTE_PX, ROUTE_COLOR, True),
            (filmed, _FILMED_PX, FILMED_COLOR, False),
        ):
            casing = QPen(_CASING, width + 3)
            casing.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen = QPen(colour, width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap if dashed else Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            if dashed:
                pen.setDashPattern([3.0, 1.5])
            for chosen in (casing, pen):
                painter.setPen(chosen)
                for shape in shapes:
                    painter.drawPolyline(shape)
        painter.restore()


def _polyline(view: Viewport, points: Points) -> QPolygonF:
    return QPolygonF([QPointF(*view.pixel_of(lat, lon)) for lat, lon in points])
