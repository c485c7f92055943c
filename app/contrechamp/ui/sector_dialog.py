"""The small box that names a sector just drawn on the map and the pair it is handed to."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

__all__ = ["SectorDialog"]


class SectorDialog(QDialog):
    """Asks for the sector's name and pair. OK emits ``chosen`` and leaves the box open:
    the panel closes it once the sector is saved, or shows why not (``show_problem``)."""

    chosen = Signal(str, str)  # name, pair (as typed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.pair = QLineEdit(self), QLineEdit(self)
        self.name.setMaxLength(80)
        self.pair.setMaxLength(120)
        self.name_label, self.pair_label = QLabel(self), QLabel(self)
        self.name_label.setBuddy(self.name)
        self.pair_label.setBuddy(self.pair)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.pair_label, self.pair)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)
        self.retranslate_ui()

    def show_problem(self, text: str) -> None:
        """Say in the box why the sector was not saved (the walker fixes it and retries)."""
        self.problem.setText(text)
        self.problem.show()

    def _on_ok(self) -> None:
        self.chosen.emit(self.name.text(), self.pair.text())

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        self.setWindowTitle(self.tr("New sector"))
        self.name_label.setText(self.tr("&Name"))
        self.pair_label.setText(self.tr("&Pair"))
        self.pair.setPlaceholderText(self.tr("Pseudonyms, e.g. Zoé & Ana (may stay empty)"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
