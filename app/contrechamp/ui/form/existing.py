"""A camera already in OpenStreetMap: its tags, and "I saw this one" instead of a duplicate."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.area import ExistingCamera

__all__ = ["ExistingCameraView"]


class ExistingCameraView(QWidget):
    """Shows one OSM camera; Enter or the button logs a confirmed sighting of it."""

    seen = Signal(object)  # OSM node id: 64-bit, more than a Qt int holds
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._node: ExistingCamera | None = None
        self.title = QLabel()
        self.title.setObjectName("formTitle")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.tags = QTableWidget(0, 2)
        self.tags.verticalHeader().hide()
        self.tags.horizontalHeader().setStretchLastSection(True)
        self.tags.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.seen_button = QPushButton()
        self.seen_button.setDefault(True)
        self.seen_button.clicked.connect(self._on_seen_clicked)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.explanation)
        column.addWidget(self.tags, 1)
        column.addWidget(self.seen_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        node = self._node
        number = "" if node is None else str(node.osm_id)
        if node is not None and node.version is not None:
            number += f" (v{node.version})"
        self.title.setText(self.tr("Camera already in OpenStreetMap %1").replace("%1", number))
        self.explanation.setText(
            self.tr(
                "Seen it? Log it as confirmed: it stays linked to this OSM camera "
                "and is marked as checked today."
            )
        )
        self.tags.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Value")])
        self.seen_button.setText(self.tr("I saw this one (Enter)"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def node(self) -> ExistingCamera | None:
        """The OSM camera shown."""
        return self._node

    def show_node(self, node: ExistingCamera | None) -> None:
        """Show another OSM camera."""
        self._node = node
        items = sorted(node.tags.items()) if node is not None else []
        self.tags.setRowCount(len(items))
        for row, (key, value) in enumerate(items):
            self.tags.setItem(row, 0, QTableWidgetItem(key))
            self.tags.setItem(row, 1, QTableWidgetItem(value))
        self.retranslate_ui()

    def _on_seen_clicked(self) -> None:
        if self._node is not None:
            self.seen.emit(self._node.osm_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter: I saw this one; Escape: back to the map."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_seen_clicked()
        elif event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)
