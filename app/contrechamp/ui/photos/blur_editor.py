"""A photo shown large with its blur regions: drag a rectangle to blur it, click a region
and press Delete to stop blurring it. Every change is an undo step of the session."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from contrechamp.core.blur import BlurRegion, RegionKind, RegionSource, applied_regions

__all__ = ["BlurEditor"]

_MIN_DRAG_PX = 6  # a shorter drag is a click: it selects
_HAND, _AUTO, _SELECTED = QColor("#ff8c00"), QColor("#e53935"), QColor("#2196f3")


class BlurEditor(QWidget):
    """The photo (an upright preview) with its regions outlined; emits what the user asks."""

    region_drawn = Signal(object)  # BlurRegion (fractions of the photo), not yet stored
    region_taken_out = Signal(object)  # BlurRegion as stored

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = image
        self._regions: list[BlurRegion] = []
        self._selected: BlurRegion | None = None
        self._drag_from: QPoint | None = None
        self._drag_to: QPoint | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(image.size().boundedTo(image.size().scaled(480, 480,
                            Qt.AspectRatioMode.KeepAspectRatio)))  # fmt: skip
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def image(self) -> QImage:
        """The photo shown (its preview, never changed by the regions)."""
        return self._image

    def set_regions(self, regions: list[BlurRegion]) -> None:
        """Show these regions (removed ones and the detector's empty marks are not shown)."""
        self._regions = applied_regions(regions)
        if self._selected not in self._regions:
            self._selected = None
        self.update()

    def regions(self) -> list[BlurRegion]:
        """The regions shown."""
        return list(self._regions)

    def selected(self) -> BlurRegion | None:
        """The region clicked last, if any."""
        return self._selected

    def select(self, region: BlurRegion | None) -> None:
        """Select a region (for Delete)."""
        self._selected = region
        self.update()

    def photo_rect(self) -> QRectF:
        """Where the photo is drawn: fitted in the widget, centred."""
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) / 2
        top = (self.height() - size.height()) / 2
        return QRectF(left, top, size.width(), size.height())

    def region_rect(self, region: BlurRegion) -> QRectF:
        """A region in widget coordinates."""
        photo = self.photo_rect()
        return QRectF(photo.left() + region.x * photo.width(),
                      photo.top() + region.y * photo.height(),
                      region.w * photo.width(), region.h * photo.height())  # fmt: skip

    def paintEvent(self, event: QPaintEvent) -> None:
        """The photo, each region outlined, and the rectangle being dragged."""
        painter = QPainter(self)
        painter.drawImage(self.photo_rect(), self._image)
        for region in self._regions:
            colour = _SELECTED if region == self._selected else (
                _HAND if region.source is RegionSource.HAND else _AUTO)  # fmt: skip
            painter.setPen(QPen(colour, 3 if region == self._selected else 2))
            painter.fillRect(self.region_rect(region), QColor(colour.red(), colour.green(),
                             colour.blue(), 60))  # fmt: skip
            painter.drawRect(self.region_rect(region))
        if self._drag_from is not None and self._drag_to is not None:
            painter.setPen(QPen(_HAND, 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(QPointF(self._drag_from), QPointF(self._drag_to)).normalized())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a drag (or a click that selects)."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = self._drag_to = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Follow the drag."""
        if self._drag_from is not None:
            self._drag_to = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """End a drag: a rectangle drawn is a new region; a click selects the region there."""
        start, end = self._drag_from, event.position().toPoint()
        self._drag_from = self._drag_to = None
        self.update()
        if start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if (end - start).manhattanLength() < _MIN_DRAG_PX:
            self.select(self._region_at(QPointF(end)))
            return
        drawn = self._fractions(QRectF(QPointF(start), QPointF(end)).normalized())
        if drawn is not None:
            self.region_drawn.emit(drawn)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete (or Backspace) takes the selected region out of the blur."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._selected:
            self.region_taken_out.emit(self._selected)
            return
        super().keyPressEvent(event)

    def _region_at(self, point: QPointF) -> BlurRegion | None:
        """The smallest region under ``point`` (the one the user most likely means)."""
        under = [r for r in self._regions if self.region_rect(r).contains(point)]
        return min(under, key=lambda r: r.w * r.h, default=None)

    def _fractions(self, rect: QRectF) -> BlurRegion | None:
        """A widget rectangle as a hand region of the photo, cut to it (None: outside)."""
        photo = self.photo_rect()
        region = BlurRegion((rect.left() - photo.left()) / photo.width(),
                            (rect.top() - photo.top()) / photo.height(),
                            rect.width() / photo.width(), rect.height() / photo.height(),
                            RegionKind.OTHER, RegionSource.HAND).clamped()  # fmt: skip
        return None if region.empty else region
