"""The side panel's tabs, declared once: short titles, always whole, full names in tooltips."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from contrechamp.core.messages import QT_TRANSLATE_NOOP

__all__ = ["SidePanelTabs", "SideTab", "TabTexts"]


class SideTab(StrEnum):
    """The window's own panels; a plugged-in panel brings a key of its own (any str)."""

    CAMERA = "camera"
    LIST = "list"
    REVIEW = "review"
    LAYERS = "layers"


@dataclass(frozen=True, slots=True)
class TabTexts:
    """A tab's title and tooltip in English, marked for translation in ``context``
    (``QT_TRANSLATE_NOOP``) and translated each time they are shown."""

    context: str
    title: str
    tooltip: str

    def translated(self) -> tuple[str, str]:
        """The title and tooltip in the current language."""
        translate = QCoreApplication.translate
        return translate(self.context, self.title), translate(self.context, self.tooltip)


_C = "SidePanelTabs"
_BUILT_IN = {
    SideTab.CAMERA: TabTexts(
        _C,
        QT_TRANSLATE_NOOP("SidePanelTabs", "Camera"),
        QT_TRANSLATE_NOOP("SidePanelTabs", "The chosen camera (click one on the map)"),
    ),
    SideTab.LIST: TabTexts(
        _C,
        QT_TRANSLATE_NOOP("SidePanelTabs", "List"),
        QT_TRANSLATE_NOOP("SidePanelTabs", "All the cameras of the survey (Ctrl+L)"),
    ),
    SideTab.REVIEW: TabTexts(
        _C,
        QT_TRANSLATE_NOOP("SidePanelTabs", "Drafts to review"),
        QT_TRANSLATE_NOOP(
            "SidePanelTabs", "Drafts made from photos, to confirm or reject (Ctrl+R)"
        ),
    ),
    SideTab.LAYERS: TabTexts(
        _C,
        QT_TRANSLATE_NOOP("SidePanelTabs", "Layers"),
        QT_TRANSLATE_NOOP("SidePanelTabs", "The map's layers, to show or hide"),
    ),
}


class SidePanelTabs(QTabWidget):
    """Camera, List, Drafts to review, Layers, then any panel plugged in with ``add_panel``.

    Panels are named by key, never by index. Titles are never elided nor scrolled out of
    sight: the bar asks for the width of all its titles, so the panel cannot be narrowed
    below them. A title may carry a count (``set_count``).
    """

    def __init__(self, panels: dict[SideTab, QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabBar().setUsesScrollButtons(False)
        self._keys: list[str] = []
        self._texts: dict[str, TabTexts] = {}
        self._counts: dict[str, int] = {}
        for key, page in panels.items():
            self.add_panel(key, page, _BUILT_IN[key])

    def add_panel(self, key: str, page: QWidget, texts: TabTexts) -> None:
        """Add a panel after the others, named by ``key``."""
        self._keys.append(key)
        self._texts[key] = texts
        self.addTab(page, "")
        self._retranslate_tab(key)

    def index_of(self, key: str) -> int:
        """The position of the panel named ``key`` (ValueError if there is none)."""
        return self._keys.index(key)

    def current_key(self) -> str:
        """The key of the panel shown."""
        return self._keys[self.currentIndex()]

    def show_panel(self, key: str) -> None:
        """Bring the panel named ``key`` to the front."""
        self.setCurrentIndex(self.index_of(key))

    def set_panel_visible(self, key: str, visible: bool) -> None:
        """Show or hide a panel's tab (a panel with no use for the open survey)."""
        self.setTabVisible(self.index_of(key), visible)

    def set_count(self, key: str, count: int) -> None:
        """Show how many items wait in a panel in its title (0: the bare title)."""
        self._counts[key] = count
        self._retranslate_tab(key)

    def retranslate_ui(self) -> None:
        """Set the titles and tooltips in the current language."""
        for key in self._keys:
            self._retranslate_tab(key)

    def _retranslate_tab(self, key: str) -> None:
        index, (title, tooltip) = self.index_of(key), self._texts[key].translated()
        count = self._counts.get(key, 0)
        self.setTabText(index, f"{title} ({count})" if count else title)
        self.setTabToolTip(index, tooltip)

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
