"""What the side panel shows when no camera is selected: how to start, what to press next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

__all__ = ["SURVEY_FILTER", "StartPage"]

SURVEY_FILTER = "*.cartoparty"


class StartPage(QWidget):
    """Explains the keys when a survey is open; offers to open or create one otherwise."""

    survey_chosen = Signal(Path)
    survey_created = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open = False
        self.heading = QLabel()
        self.heading.setObjectName("formTitle")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton()
        self.new_button = QPushButton()
        self.open_button.clicked.connect(self.choose_survey)
        self.new_button.clicked.connect(self.create_survey)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.hint)
        column.addWidget(self.open_button)
        column.addWidget(self.new_button)
        column.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.open_button.setText(self.tr("Open a survey…"))
        self.new_button.setText(self.tr("Start a new survey…"))
        if self._open:
            self.heading.setText(self.tr("Ready"))
            self.hint.setText(
                self.tr(
                    "<p><b>N</b>: new camera at your position.<br>"
                    "<b>A</b>, then click: new camera on the map.<br>"
                    "Click a camera on the map to edit it.</p>"
                    "<p>In the form: type the first letters of a value, <b>Tab</b> to the "
                    "next field, <b>Enter</b> when done. Every change is saved at once; "
                    "<b>Ctrl+Z</b> undoes.</p>"
                    "<p>Not sure what you see? <b>F1</b> shows the glossary.</p>"
                )
            )
        else:
            self.heading.setText(self.tr("Welcome to Contrechamp"))
            self.hint.setText(
                self.tr(
                    "Open the survey of your walk, or start a new one. "
                    "Everything stays on this computer."
                )
            )
        self.open_button.setVisible(not self._open)
        self.new_button.setVisible(not self._open)

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_survey_open(self, is_open: bool) -> None:
        """Switch between the welcome and the key reminder."""
        self._open = is_open
        self.retranslate_ui()

    def choose_survey(self) -> None:
        """Ask for a survey file to open."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a survey"), "", self.tr("Surveys") + f" ({SURVEY_FILTER})"
        )
        if path:
            self.survey_chosen.emit(Path(path))

    def create_survey(self) -> None:
        """Ask where to save a new survey file."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New survey"),
            "walk.cartoparty",
            self.tr("Surveys") + f" ({SURVEY_FILTER})",
        )
        if path:
            chosen = Path(path)
            if chosen.suffix != ".cartoparty":
                chosen = chosen.with_name(chosen.name + ".cartoparty")
            self.survey_created.emit(chosen)
