"""The glossary dialog: pick the drawing that looks like the camera to fill in its values."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrechamp.ui.glossary.entries import ENTRIES, GlossaryEntry

__all__ = ["GlossaryDialog", "drawing"]

translate = QCoreApplication.translate  # lupdate recognises this name
_ICON = QSize(200, 160)


def drawing(entry: GlossaryEntry, size: QSize = _ICON) -> QPixmap:
    """Render an entry's SVG drawing at a size (a blank pixmap if the file is missing)."""
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.white)
    renderer = QSvgRenderer(str(entry.path))
    if renderer.isValid():
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
    return pixmap


class GlossaryDialog(QDialog):
    """Drawings of camera kinds with their OSM tags; Enter uses the chosen one's values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: GlossaryEntry | None = None
        self.entries = QListWidget()
        self.entries.setViewMode(QListWidget.ViewMode.IconMode)
        self.entries.setIconSize(_ICON)
        self.entries.setGridSize(QSize(_ICON.width() + 24, _ICON.height() + 48))
        self.entries.setMovement(QListWidget.Movement.Static)
        self.entries.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.entries.setWordWrap(True)
        for entry in ENTRIES:
            item = QListWidgetItem(QIcon(drawing(entry)), "")
            self.entries.addItem(item)
        self._build_details()
        self._layout()
        self.entries.currentRowChanged.connect(self._on_row_changed)
        # A bound method, not a lambda holding ``self``: exec() hands the dialog to Python,
        # and a lambda on a child's signal would keep it alive until the app's teardown,
        # which then deletes it twice ("shared QObject was deleted directly").
        self.entries.itemActivated.connect(self._on_item_activated)
        self.buttons.accepted.connect(self._use)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()
        self.entries.setCurrentRow(0)
        self.resize(1040, 680)

    def _build_details(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("formTitle")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.tags = QLabel()
        self.tags.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.use_button = QPushButton()
        self.use_button.setDefault(True)
        self.buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)

    def _layout(self) -> None:
        details = QVBoxLayout()
        details.addWidget(self.title)
        details.addWidget(self.hint)
        details.addWidget(self.tags)
        details.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.entries, 5)
        row.addLayout(details, 2)
        column = QVBoxLayout(self)
        column.addLayout(row, 1)
        column.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.setWindowTitle(self.tr("Glossary: which camera is it?"))
        for row, entry in enumerate(ENTRIES):
            item = self.entries.item(row)
            item.setText(translate("Glossary", entry.title))
        self.use_button.setText(self.tr("Use these values"))
        self._on_row_changed(self.entries.currentRow())

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_can_apply(self, can: bool) -> None:
        """Offer "Use these values" only when a camera is being edited."""
        self.use_button.setVisible(can)

    def current_entry(self) -> GlossaryEntry | None:
        """The entry highlighted now."""
        row = self.entries.currentRow()
        return ENTRIES[row] if 0 <= row < len(ENTRIES) else None

    def _on_row_changed(self, row: int) -> None:
        if not 0 <= row < len(ENTRIES):
            return
        entry = ENTRIES[row]
        self.title.setText(translate("Glossary", entry.title))
        self.hint.setText(translate("Glossary", entry.hint))
        tags = "<br>".join(f"<code>{k}={v}</code>" for k, v in entry.tags.items())
        self.tags.setText(self.tr("In OpenStreetMap:") + "<br>" + tags)

    def _on_item_activated(self, _item: QListWidgetItem) -> None:
        self._use()

    def _use(self) -> None:
        if not self.use_button.isVisible():
            self.reject()
            return
        self.chosen = self.current_entry()
        self.accept()
