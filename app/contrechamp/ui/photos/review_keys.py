"""The review's one-letter keys (C, R, S, M, P...), caught in the widgets that hold the focus.

A QShortcut with a widget context fires only while Qt counts the window as active, and an
item view takes letters for its type-ahead search: in the drafts list, ``C`` then jumps to the
next line starting with "C" (every line reads "Camera…"). Catching the keys in the focused
widgets themselves does not depend on either.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

__all__ = ["ReviewKeys"]

_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class ReviewKeys(QObject):
    """Runs an action when one of its keys is pressed, without modifiers, in a watched widget.

    Keys bound with ``only_in`` act only while that widget has the focus (e.g. Enter and
    Delete in a list, where a focused button should keep its own meaning). The key is taken
    before the window's shortcuts: Delete in the drafts list rejects the draft, it does not
    delete the camera open in the form.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions: dict[Qt.Key, tuple[Callable[[], object], QWidget | None]] = {}

    def bind(self, keys: tuple[Qt.Key, ...], action: Callable[[], object]) -> None:
        """Run ``action`` for each of ``keys`` in every watched widget."""
        for key in keys:
            self._actions[key] = (action, None)

    def bind_in(
        self, widget: QWidget, keys: tuple[Qt.Key, ...], action: Callable[[], object]
    ) -> None:
        """Run ``action`` for each of ``keys`` only while ``widget`` has the focus."""
        for key in keys:
            self._actions[key] = (action, widget)

    def watch(self, root: QWidget) -> None:
        """Take the keys in ``root`` and in every widget inside it that can hold the focus."""
        for widget in (root, *root.findChildren(QWidget)):
            if widget is root or widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Claim the keys before the window's shortcuts, then run their action."""
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        action = self._action_for(watched, event)
        if action is None:
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            action()
        return True

    def _action_for(self, watched: QObject, event: QKeyEvent) -> Callable[[], object] | None:
        if event.modifiers() not in _PLAIN or event.isAutoRepeat():
            return None
        bound = self._actions.get(Qt.Key(event.key()))
        if bound is None:
            return None
        action, only_in = bound
        return action if only_in is None or only_in is watched else None
