"""What the window's parts share, instead of the whole window: the open survey and a status sink.

Every part (file commands, sightings, review links, photo intake, the survey's view, a new
panel) takes an :class:`OpenSurvey`, a :class:`StatusSink` and the few widgets it drives, and
tells the window what it wants with signals. A part never imports the window, so a new panel
plugs in without touching the others (``tests/architecture/test_window_parts.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from contrechamp.ui.session import SurveySession

__all__ = ["OpenSurvey", "StatusSink"]


class StatusSink(Protocol):
    """Where a part tells the walker what happened (the window's status bar and boxes)."""

    def say(self, text: str) -> None:
        """Show a short message."""

    def show_error(self, error: BaseException) -> None:
        """Say in plain words what failed."""

    def warn(self, title: str, text: str) -> None:
        """Tell in a box that a requested step failed."""


class OpenSurvey(QObject):
    """The survey open in the window: its session, and a signal when another one is shown."""

    changed = Signal(object)  # SurveySession | None, after it was set

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: SurveySession | None = None

    @property
    def session(self) -> SurveySession | None:
        """The open survey's session (None before one is opened)."""
        return self._session

    def set(self, session: SurveySession | None) -> None:
        """Show another survey (the window closes the previous one) and tell every part."""
        self._session = session
        self.changed.emit(session)
