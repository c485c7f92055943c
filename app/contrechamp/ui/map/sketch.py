"""A sector or a route being drawn on the map: clicks add corners, Enter or a double-click
ends it, Backspace takes the last corner back, Escape gives up. Drawn live over the frame:
a sector as a filled polygon, a route (``start(line=True)``) as an open line."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from contrechamp.ui.map.projection import Viewport

__all__ = ["SKETCH_COLOR", "SectorSketch"]

SKETCH_COLOR = QColor("#c2185b")
_FILL = QColor(194, 24, 91, 40)
_CORNER_PX = 4.5
_CLOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_KEYS = (*_CLOSE_KEYS, Qt.Key.Key_Escape, Qt.Key.Key_Backspace)


class SectorSketch(QObject):
    """The corners (lat, lon) of a sector (or a route) being drawn, while drawing is armed.

    ``finished`` carries a sector's corners in order, ``line_finished`` a route's points
    (however many: checking them is the caller's); ``cancelled`` says the drawing was given
    up.
    """

    changed = Signal()
    finished = Signal(list)  # [(lat, lon), ...]
    line_finished = Signal(list)  # [(lat, lon), ...]
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.active = False
        self.corners: list[tuple[float, float]] = []
        self.hover: tuple[float, float] | None = None  # where the next corner would go
        self.line = False  # a route: an open line, not a sector

    def start(self, *, line: bool = False) -> None:
        """Arm drawing: the next clicks on the map are corners (of a route with ``line``)."""
        self.active, self.corners, self.hover, self.line = True, [], None, line
        self.changed.emit()

    def add(self, lat: float, lon: float) -> None:
        """Add a corner."""
        if self.active:
            self.corners.append((lat, lon))
            self.changed.emit()

    def hover_at(self, lat: float, lon: float) -> None:
        """Show the edge the next click would draw, to the pointer."""
        if self.active and self.corners:
            self.hover = (lat, lon)
            self.changed.emit()

    def remove_last(self) -> None:
        """Take the last corner back."""
        if self.corners:
            self.corners.pop()
            self.changed.emit()

    def finish(self) -> None:
        """Close the sector (end the route) and hand its corners over; drawing is disarmed."""
        if not self.active:
            return
        corners, line = list(self.corners), self.line
        self._stop()
        (self.line_finished if line else self.finished).emit(corners)

    def cancel(self) -> None:
        """Give up the drawing."""
        if self.active:
            self._stop()
            self.cancelled.emit()

    def wants_key(self, key: int) -> bool:
        """Tell whether a key belongs to the drawing (it goes before the window's shortcuts)."""
        return self.active and key in _KEYS

    def handle_key(self, key: int) -> bool:
        """Act on Enter, Escape or Backspace while drawing; return whether the key was used."""
        if not self.wants_key(key):
            return False
        if key in _CLOSE_KEYS:
            self.finish()
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        else:
            self.remove_last()
        return True

    def _stop(self) -> None:
        self.active, self.corners, self.hover = False, [], None
        self.changed.emit()

    def paint(self, painter: QPainter, view: Viewport) -> None:
        """Draw the corners so far, the edges between them and the edge to the pointer."""
        if not self.active or not self.corners:
            return
        points = [QPointF(*view.pixel_of(lat, lon)) for lat, lon in self.corners]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if len(points) >= 3 and not self.line:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(_FILL))
            painter.drawPolygon(QPolygonF(points))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(255, 255, 255, 220), 5))
        painter.drawPolyline(QPolygonF(points))
        painter.setPen(QPen(SKETCH_COLOR, 2.5))
        painter.drawPolyline(QPolygonF(points))
        if self.hover is not None:
            painter.setPen(QPen(SKETCH_COLOR, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(points[-1], QPointF(*view.pixel_of(*self.hover)))
            if len(points) >= 2 and not self.line:
                painter.drawLine(QPointF(*view.pixel_of(*self.hover)), points[0])
        painter.setPen(QPen(QColor("white"), 1.5))
        painter.setBrush(QBrush(SKETCH_COLOR))
        for point in points:
            painter.drawEllipse(point, _CORNER_PX, _CORNER_PX)
        painter.restore()
