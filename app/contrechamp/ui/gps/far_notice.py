"""A status-bar notice for a GPS position far from the survey: how far, and whether the map
stopped following it (with a button to follow anyway)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

__all__ = ["FarFromAreaNotice"]


class FarFromAreaNotice(QWidget):
    """Hidden until ``show_far``; ``follow_anyway`` fires when the walker asks to follow."""

    follow_anyway = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._km: float | None = None
        self._paused = False
        self.label = QLabel()
        self.label.setObjectName("farFromArea")
        self.follow_button = QPushButton()
        self.follow_button.clicked.connect(self.follow_anyway)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 6, 0)
        row.addWidget(self.label)
        row.addWidget(self.follow_button)
        self.hide()
        self.retranslate_ui()

    @property
    def paused(self) -> bool:
        """Whether the notice says that the map stopped following the GPS."""
        return self._km is not None and self._paused

    @property
    def km(self) -> float | None:
        """The distance shown, or None when the notice is hidden."""
        return self._km

    def show_far(self, km: float, paused: bool) -> None:
        """Say the walker is ``km`` from the survey area, and whether following is paused."""
        self._km, self._paused = km, paused
        self.retranslate_ui()
        self.show()

    def clear(self) -> None:
        """Hide the notice: the position is near the area again, or gone."""
        self._km, self._paused = None, False
        self.hide()

    def retranslate_ui(self) -> None:
        """Refresh the texts (the distance in whole kilometres)."""
        far = self.tr("You are %1 km from the survey area").replace(
            "%1", "" if self._km is None else f"{self._km:.0f}"
        )
        if self._paused:
            far += " · " + self.tr("following paused")
        self.label.setText(far)
        self.follow_button.setText(self.tr("Follow anyway"))
        self.follow_button.setVisible(self._paused)
        self.setToolTip(self.tr("View → Go to the survey area (G) brings the map back."))

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
