"""Form inputs that accept documented values fast and still keep whatever the walker types."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QWidget

from contrechamp.ui.form.choices import CHOICES, choice_label, match_choice

__all__ = ["ChoiceField", "NotesField", "TextField"]


class ChoiceField(QComboBox):
    """An editable list of the documented values of one key, with type-ahead.

    Shows translated labels and keeps OSM values as item data; a text that matches no value
    is kept as typed (the form flags it). ``committed`` carries the value to write ("" clears).
    """

    committed = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        for choice in CHOICES[key]:
            self.addItem(choice_label(choice.value), choice.value)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.setCompleter(completer)
        self.activated.connect(self._on_activated)
        edit = self.lineEdit()
        assert edit is not None
        edit.editingFinished.connect(self.commit)

    def retranslate_ui(self) -> None:
        """Relabel the items in the current language, keeping the shown value."""
        current = self.value()
        for row in range(self.count()):
            self.setItemText(row, choice_label(str(self.itemData(row))))
        self.set_value(current)

    def set_value(self, raw: str | None) -> None:
        """Show a tag value: its label if documented, else the raw text."""
        self.blockSignals(True)
        row = self.findData(raw) if raw else -1
        self.setCurrentIndex(row)
        if row < 0:
            self.setEditText(raw or "")
        self.blockSignals(False)

    def value(self) -> str:
        """The OSM value for what is shown: a documented value, or the text as typed."""
        text = self.currentText().strip()
        return match_choice(self.key, text) or text

    def commit(self) -> None:
        """Announce the value now shown."""
        self.committed.emit(self.value())

    def _on_activated(self, _row: int) -> None:
        self.commit()


class TextField(QLineEdit):
    """A one-line input that announces its text when editing ends (Tab, Enter, focus out)."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self.commit)

    def set_value(self, raw: str | None) -> None:
        """Show a value without announcing it (keeps the cursor when unchanged)."""
        if self.text() != (raw or ""):
            self.setText(raw or "")

    def commit(self) -> None:
        """Announce the text now shown."""
        self.committed.emit(self.text().strip())


class NotesField(QPlainTextEdit):
    """Private notes: Tab leaves the field, Shift+Enter starts a new line, focus out commits."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.installEventFilter(self)

    def set_value(self, text: str) -> None:
        """Show notes without announcing them."""
        if self.toPlainText() != text:
            self.setPlainText(text)

    def commit(self) -> None:
        """Announce the notes now shown."""
        self.committed.emit(self.toPlainText().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Commit when focus leaves."""
        if watched is self and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Plain Enter is left to the form (it saves); Shift+Enter adds a line."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            event.ignore()
            return
        super().keyPressEvent(event)
