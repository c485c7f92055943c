"""A compass rose to pick a camera's direction with the mouse or the arrow keys."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from contrechamp.core.direction import CARDINALS, Bearing, DirectionError, parse_direction
from contrechamp.core.fov import field_of_view

__all__ = ["CompassRose"]


class CompassRose(QWidget):
    """Shows the current direction; a click (or Left/Right) picks a bearing.

    Bearings snap to 8 or 16 points. Shift+click (or Shift+Left/Right) adds a bearing to the
    current ones instead of replacing them, for cameras that film several ways.
    ``direction_picked`` carries the new ``camera:direction`` text.
    """

    direction_picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points = 16
        self._text = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(124, 124)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Refresh the translated tooltip."""
        self.setToolTip(
            self.tr("Click a point, or use the arrow keys. Shift adds another direction.")
        )

    def sizeHint(self) -> QSize:
        """A square that is easy to hit."""
        return QSize(124, 124)

    def points(self) -> int:
        """How many points the rose snaps to (8 or 16)."""
        return self._points

    def set_points(self, points: int) -> None:
        """Snap to 8 or 16 points."""
        self._points = 16 if points >= 16 else 8
        self.update()

    def set_direction_text(self, text: str) -> None:
        """Show a ``camera:direction`` value (anything unreadable shows nothing)."""
        self._text = text
        self.update()

    def bearing_at(self, pos: QPointF) -> float:
        """Return the snapped bearing (degrees from north) of a point of the widget."""
        centre = QRectF(self.rect()).center()
        angle = math.degrees(math.atan2(pos.x() - centre.x(), centre.y() - pos.y())) % 360.0
        step = 360.0 / self._points
        return (round(angle / step) * step) % 360.0

    def _bearings(self) -> list[float]:
        try:
            direction = parse_direction(self._text)
        except DirectionError:
            return []
        return [b.degrees for b in direction.bearings]

    def _pick(self, degrees: float, add: bool) -> None:
        text = Bearing.of(degrees).text
        if add and self._text:
            parts = self._text.split(";")
            text = ";".join([*parts, text]) if text not in parts else self._text
        self._text = text
        self.update()
        self.direction_picked.emit(text)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Pick the bearing under the pointer (Shift adds it)."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._pick(self.bearing_at(event.position()), shift)
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Left/Right turn the (last) bearing by one point; Shift adds a new one."""
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        bearings = self._bearings()
        start = bearings[-1] if bearings else 0.0
        turned = start + step * 360.0 / self._points if bearings else 0.0
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if not shift and len(bearings) > 1:
            self._text = ";".join(self._text.split(";")[:-1])
            shift = True
        self._pick(turned, shift)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the rose, its point labels and the current direction."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 4
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        self._draw_dial(painter, box)
        self._draw_direction(painter, box)
        painter.end()

    def _draw_dial(self, painter: QPainter, box: QRectF) -> None:
        palette = self.palette()
        painter.setPen(QPen(palette.windowText().color(), 1.5))
        painter.setBrush(palette.base())
        painter.drawEllipse(box)
        centre, radius = box.center(), box.width() / 2
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        for name, degrees in CARDINALS.items():
            if len(name) > 2 or (self._points == 8 and len(name) == 3):
                continue
            if len(name) == 2 and self._points == 8 and name[1] not in "EW":
                continue
            point = _polar(centre, radius - 12, degrees)
            painter.drawText(
                QRectF(point.x() - 14, point.y() - 9, 28, 18), Qt.AlignmentFlag.AlignCenter, name
            )
        if self.hasFocus():
            painter.setPen(QPen(palette.highlight().color(), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box.adjusted(2, 2, -2, -2))

    def _draw_direction(self, painter: QPainter, box: QRectF) -> None:
        centre, radius = box.center(), box.width() / 2 - 24
        colour = QColor("#d9480f")
        painter.setPen(QPen(colour, 2))
        fill = QColor(colour)
        fill.setAlpha(90)
        painter.setBrush(fill)
        rect = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        for start, end in _sectors(self._text):
            span = (end - start) % 360.0 or 360.0
            painter.drawPie(rect, int((90.0 - start - span) * 16), int(span * 16))
        for degrees in self._bearings():
            painter.drawLine(centre, _polar(centre, radius, degrees))


def _polar(centre: QPointF, radius: float, degrees: float) -> QPointF:
    rad = math.radians(degrees)
    return QPointF(centre.x() + radius * math.sin(rad), centre.y() - radius * math.cos(rad))


def _sectors(text: str) -> list[tuple[float, float]]:
    if not text:
        return []
    fov = field_of_view({"camera:direction": text, "camera:type": "fixed"})
    return [(a, b) for a, b in fov.sectors]
