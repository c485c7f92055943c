"""Field hints: a short placeholder the field is always wide enough for, details in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect
from PySide6.QtWidgets import QLabel, QLineEdit, QStyle, QStyleOptionFrame

__all__ = ["field_hint", "placeholder_width", "set_hint"]

translate = QCoreApplication.translate  # lupdate recognises this name

_CURSOR_MARGIN = 2  # QLineEdit keeps this many pixels free on each side of its text
_PROBE_WIDTH = 1000


def field_hint(key: str) -> tuple[str, str]:
    """The placeholder and the tooltip of a form field (its OSM key), in the current language."""
    hints = {
        "camera:direction": (
            translate("FieldHints", "90, NE or 90-270"),
            translate(
                "FieldHints",
                "Where the camera looks: degrees (90), a compass point (NE), "
                "a range (90-270) or several directions (90;270)",
            ),
        ),
        "height": (
            translate("FieldHints", "e.g. 4"),
            translate("FieldHints", "Metres above the ground"),
        ),
        "camera:angle": (
            translate("FieldHints", "e.g. 15"),
            translate(
                "FieldHints", "Degrees below the horizon: 0 looks straight ahead, 90 straight down"
            ),
        ),
        "operator": (
            translate("FieldHints", "who owns the images"),
            translate("FieldHints", "The company, shop or public body the camera belongs to"),
        ),
    }
    return hints[key]


def placeholder_width(edit: QLineEdit) -> int:
    """The narrowest width at which ``edit`` shows its whole placeholder, frame included."""
    edit.ensurePolished()  # the style sheet's font, not the default one
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    option.rect = QRect(0, 0, _PROBE_WIDTH, edit.sizeHint().height())
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    chrome = _PROBE_WIDTH - contents.width() + margins.left() + margins.right()
    text = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    return text + chrome + 2 * _CURSOR_MARGIN


def set_hint(edit: QLineEdit, placeholder: str, tooltip: str, label: QLabel | None = None) -> None:
    """Show ``placeholder`` in the empty field, never cut, and ``tooltip`` on it and its label."""
    edit.setPlaceholderText(placeholder)
    edit.setToolTip(tooltip)
    if label is not None:
        label.setToolTip(tooltip)
    if edit.property("placeholderFit") is None:
        edit.installEventFilter(_PlaceholderFit(edit))
        edit.setProperty("placeholderFit", True)
    edit.setMinimumWidth(placeholder_width(edit))


class _PlaceholderFit(QObject):
    """Widens the field again when its font changes (a style sheet applied later)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit on font and style changes; never consume the event."""
        changed = event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange)
        if changed and isinstance(watched, QLineEdit):
            watched.setMinimumWidth(placeholder_width(watched))
        return False
