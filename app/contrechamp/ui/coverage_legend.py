"""The coverage legend (how many cameras film a street, what they see), on screen and on
paper, and the numbers of the coverage written as the language writes them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from contrechamp.core.coverage_classes import VIEWS_LABEL
from contrechamp.ui.map.coverage_layer import COVERAGE_CLASSES, VIEW_FILL, CoverageClass

__all__ = ["CoverageLegend", "local_length", "local_number", "paint_legend"]

_SWATCH = (28, 14)
_VIEWS = VIEWS_LABEL


def local_number(value: float, decimals: int) -> str:
    """A number as the language writes it (1.5 in English, 1,5 in French)."""
    return QLocale().toString(float(value), "f", decimals)


def local_length(metres: float) -> str:
    """A length in metres, or in kilometres from 1 km."""
    if metres >= 1000:
        return f"{local_number(metres / 1000, 1)} km"
    return f"{local_number(metres, 0)} m"


def _label(text: str) -> str:
    return QCoreApplication.translate("CoverageLegend", text)


def _paint_swatch(painter: QPainter, box: QRectF, item: CoverageClass | None, scale: float) -> None:
    """One symbol: a street line of the class, or the visible areas' fill (None)."""
    if item is None:
        painter.fillRect(box, QBrush(VIEW_FILL))
        painter.setPen(QPen(VIEW_FILL.darker(300), 0.6 * scale))
        painter.drawRect(box)
        return
    pen = QPen(item.color, item.width_px * scale)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if item.dashed else Qt.PenCapStyle.RoundCap)
    if item.dashed:
        pen.setDashPattern([3.0, 2.0])
    painter.setPen(pen)
    y = box.center().y()
    painter.drawLine(QPointF(box.left() + 2 * scale, y), QPointF(box.right() - 2 * scale, y))


def _swatch(item: CoverageClass | None) -> QPixmap:
    pixmap = QPixmap(*_SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _paint_swatch(painter, QRectF(1, 1, _SWATCH[0] - 2, _SWATCH[1] - 2), item, 1.0)
    painter.end()
    return pixmap


class CoverageLegend(QWidget):
    """The classes of the coverage layer, each with its symbol: colour, width and dashes
    tell them apart, so the legend reads with any colour vision and in grey."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self._labels: list[tuple[QLabel, str]] = []
        entries: list[tuple[CoverageClass | None, str]] = [(c, c.label) for c in COVERAGE_CLASSES]
        entries.append((None, _VIEWS))
        for row, (item, text) in enumerate(entries):
            symbol = QLabel()
            symbol.setPixmap(_swatch(item))
            label = QLabel()
            grid.addWidget(symbol, row // 2, 2 * (row % 2))
            grid.addWidget(label, row // 2, 2 * (row % 2) + 1)
            self._labels.append((label, text))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.retranslate_ui()

    def texts(self) -> list[str]:
        """The legend's texts as shown (for tests)."""
        return [label.text() for label, _ in self._labels]

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        for label, text in self._labels:
            label.setText(_label(text))


def paint_legend(painter: QPainter, top_left: QPointF, font: QFont, scale: float) -> float:
    """Paint the legend on paper, one entry a line; return its height in device units."""
    metrics = QFontMetricsF(font)
    line = max(metrics.height(), _SWATCH[1] * scale) * 1.25
    painter.setFont(font)
    entries: list[tuple[CoverageClass | None, str]] = [(c, c.label) for c in COVERAGE_CLASSES]
    entries.append((None, _VIEWS))
    for row, (item, text) in enumerate(entries):
        y = top_left.y() + row * line
        box = QRectF(
            top_left.x(), y + (line - _SWATCH[1] * scale) / 2, *(v * scale for v in _SWATCH)
        )
        _paint_swatch(painter, box, item, scale)
        painter.setPen(QPen(Qt.GlobalColor.black))
        text_box = QRectF(box.right() + 6 * scale, y, 400 * scale, line)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, _label(text))
    return line * len(entries)
