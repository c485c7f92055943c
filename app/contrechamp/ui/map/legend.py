"""The map legend: one checkbox per layer with its symbol, to show or hide it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from contrechamp.core.area import FeatureKind
from contrechamp.ui.map.canvas import MapCanvas
from contrechamp.ui.map.sector_layer import SECTOR_COLOR, WALKED_COLOR
from contrechamp.ui.map.style import MapStyle, load_style

__all__ = ["MapLegend"]

_SWATCH_PX = 18


class MapLegend(QWidget):
    """Checkboxes for the map layers; bound to a canvas, toggling one shows or hides it there."""

    layer_toggled = Signal(str, bool)

    def __init__(self, canvas: MapCanvas | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = load_style()
        self._boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        for layer in _LAYER_ORDER:
            box = QCheckBox(self)
            box.setChecked(True)
            box.setIcon(QIcon(_swatch(layer, self._style)))
            box.toggled.connect(lambda on, name=layer: self.layer_toggled.emit(name, on))
            layout.addWidget(box)
            self._boxes[layer] = box
        layout.addStretch(1)
        self.retranslate_ui()
        if canvas is not None:
            self.bind(canvas)

    def bind(self, canvas: MapCanvas) -> None:
        """Mirror the canvas's layers and toggle them from the checkboxes."""
        for layer, box in self._boxes.items():
            box.setChecked(canvas.layer_visible(layer))
        self.layer_toggled.connect(canvas.set_layer_visible)

    def checkbox(self, layer: str) -> QCheckBox:
        """Return the checkbox of a layer (for tests and keyboard focus)."""
        return self._boxes[layer]

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        labels = {
            "basemap": self.tr("Base map"),
            "existing": self.tr("Cameras already in OpenStreetMap"),
            "draft": self.tr("Draft cameras"),
            "confirmed": self.tr("Confirmed cameras"),
            "rejected": self.tr("Rejected cameras"),
            "fov": self.tr("What cameras film"),
            "gps": self.tr("My position"),
            "track": self.tr("My track"),
            "sectors": self.tr("Sectors"),
            "walked": self.tr("Walked streets"),
        }
        for layer, box in self._boxes.items():
            box.setText(labels[layer])

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


_LAYER_ORDER = (
    *("existing", "draft", "confirmed", "rejected", "fov", "gps", "track"),
    *("sectors", "walked", "basemap"),
)


def _swatch(layer: str, style: MapStyle) -> QPixmap:
    """Paint the small symbol of a layer, as it looks on the map."""
    pixmap = QPixmap(_SWATCH_PX, _SWATCH_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    centre = QPointF(_SWATCH_PX / 2, _SWATCH_PX / 2)
    if layer in style.cameras:
        cam = style.cameras[layer]
        painter.setPen(QPen(cam.outline, 2.5 if layer == "existing" else 1.5))
        painter.setBrush(QBrush(cam.fill))
        painter.drawEllipse(centre, 5.5, 5.5)
    elif layer == "fov":
        cam = style.cameras["draft"]
        painter.setPen(QPen(cam.fov_outline, 1.2))
        painter.setBrush(QBrush(cam.fov))
        painter.drawPie(QRectF(-10, 1, 36, 36), 60 * 16, 60 * 16)
    elif layer == "gps":
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(QBrush(style.color("gps", "dot")))
        painter.drawEllipse(centre, 6, 6)
    elif layer == "sectors":
        painter.setPen(QPen(SECTOR_COLOR, 2))
        painter.drawPolygon([QPointF(2, 4), QPointF(15, 2), QPointF(16, 15), QPointF(4, 14)])
    elif layer == "walked":
        pen = QPen(WALKED_COLOR, 5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(3, 13), QPointF(15, 5))
    elif layer == "track":
        painter.setPen(QPen(style.color("track", "color"), 3))
        painter.drawLine(QPointF(2, 14), QPointF(16, 4))
    else:
        painter.fillRect(QRectF(1, 1, 16, 16), style.color("background"))
        painter.setPen(QPen(style.roads[FeatureKind.PRIMARY].casing or QColor("gray"), 4))
        painter.drawLine(QPointF(1, 12), QPointF(17, 6))
    painter.end()
    return pixmap
