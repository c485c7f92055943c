"""The side panel's tabs: short titles, always whole, each tab's full name in its tooltip."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QTabWidget, QWidget

__all__ = ["SidePanelTabs"]


class SidePanelTabs(QTabWidget):
    """Camera, List, Drafts to review, Layers.

    Titles are never elided nor scrolled out of sight: the bar asks for the width of all its
    titles, so the panel cannot be narrowed below them. The review tab's title carries a
    count and is set by ReviewLinks; this class gives it only its tooltip.
    """

    def __init__(self, pages: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabBar().setUsesScrollButtons(False)
        for page in pages:
            self.addTab(page, "")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the titles and tooltips in the current language."""
        tabs = (  # in the order of window_review.REVIEW_TAB's comment
            (self.tr("Camera"), self.tr("The chosen camera (click one on the map)")),
            (self.tr("List"), self.tr("All the cameras of the survey (Ctrl+L)")),
            (None, self.tr("Drafts made from photos, to confirm or reject (Ctrl+R)")),
            (self.tr("Layers"), self.tr("The map's layers, to show or hide")),
        )
        for index, (title, tooltip) in enumerate(tabs[: self.count()]):
            if title is not None:  # the review tab's title is ReviewLinks'
                self.setTabText(index, title)
            self.setTabToolTip(index, tooltip)

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
