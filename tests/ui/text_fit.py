"""Find the texts of a window that do not fit: elided, clipped, or pushed out of sight.

Used by the layout tests: each finding is one readable line (widget kind, its text, why),
so a failing test says which text a walker could not read.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QToolBar,
    QWidget,
)

__all__ = ["cut_texts"]

_LINE_EDIT_MARGIN = 2  # QLineEdit keeps 2 px of each side of its contents free for the cursor


def cut_texts(window: QWidget) -> list[str]:
    """Every text shown in ``window`` that a walker cannot read whole, as readable lines.

    Only widgets that are visible now count (the tabs not shown are checked by showing them).
    Widgets a scroll area moves out of sight vertically can be scrolled to, so they count only
    when cut sideways.
    """
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        found.extend(_cut(widget))
    return found


def _cut(widget: QWidget) -> list[str]:
    if isinstance(widget, QTabBar):
        return _cut_tabs(widget)
    if isinstance(widget, QToolBar):
        return _hidden_actions(widget)
    if isinstance(widget, QComboBox):
        return _cut_combo(widget)
    found = [] if _whole_width_in_sight(widget) else [_line(widget, _text(widget), "out of sight")]
    if isinstance(widget, QLabel):
        found += _cut_label(widget)
    elif isinstance(widget, QAbstractButton):
        found += _cut_button(widget)
    elif isinstance(widget, QLineEdit):
        found += _cut_line_edit(widget)
    return found


def _text(widget: QWidget) -> str:
    for attribute in ("text", "placeholderText"):
        getter = getattr(widget, attribute, None)
        if callable(getter):
            text = getter()
            if isinstance(text, str) and text:
                return text
    return ""


def _line(widget: QWidget, text: str, why: str) -> str:
    return f"{type(widget).__name__} {text!r}: {why}"


def _shown(text: str) -> str:
    """The text as drawn: mnemonic ampersands are not drawn, a doubled one is."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _whole_width_in_sight(widget: QWidget) -> bool:
    """False when a parent (a scroll area's viewport, a splitter, the window) cuts the widget
    sideways: scrolling down to a field is fine, scrolling sideways to read it is not."""
    if not _text(widget) or isinstance(widget, QAbstractScrollArea):
        return True
    left, right = 0, widget.width()
    child, parent = widget, widget.parentWidget()
    while parent is not None and not child.isWindow():
        left, right = left + child.x(), right + child.x()
        if left < 0 or right > parent.width():
            return False
        child, parent = parent, parent.parentWidget()
    return True


def _cut_label(label: QLabel) -> list[str]:
    """A label clips its text: one line must fit its width, wrapped lines its height."""
    text = label.text()
    if not text:
        return []
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return [_line(label, text, f"needs {needed} px of height, has {label.height()}")]
        return []
    if _rich(label):
        needed, room = label.sizeHint().width(), label.width()
    else:
        room = label.contentsRect().width() - 2 * max(label.margin(), 0) - max(label.indent(), 0)
        metrics = label.fontMetrics()
        needed = max(metrics.horizontalAdvance(line) for line in _shown(text).split("\n"))
    if needed > room:
        return [_line(label, text, f"needs {needed} px, has {room}")]
    return []


def _rich(label: QLabel) -> bool:
    """Whether the label lays its text out as HTML (as QLabel decides for AutoText)."""
    auto = label.textFormat() == Qt.TextFormat.AutoText and label.text().lstrip().startswith("<")
    return auto or label.textFormat() == Qt.TextFormat.RichText


def _cut_button(button: QAbstractButton) -> list[str]:
    """A button draws its text centred and clips it: it needs its whole size hint's width."""
    text = button.text()
    needed = button.sizeHint().width()
    if text and button.width() < needed:
        return [_line(button, text, f"needs {needed} px, has {button.width()}")]
    return []


def _cut_line_edit(edit: QLineEdit) -> list[str]:
    """A field's text, or its placeholder (the hint shown while empty), must fit the field;
    a placeholder must also fit when the layout squeezes the field to its minimum width."""
    text = edit.text() or edit.placeholderText()
    if not text:
        return []
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    room = contents.width() - margins.left() - margins.right() - 2 * _LINE_EDIT_MARGIN
    needed = edit.fontMetrics().horizontalAdvance(text)
    if needed > room:
        return [_line(edit, text, f"needs {needed} px, has {room}")]
    squeezed = room - (edit.width() - _minimum_width(edit))
    if not edit.text() and not isinstance(edit.parent(), QComboBox) and needed > squeezed:
        return [_line(edit, text, f"needs {needed} px, may shrink to {squeezed}")]
    return []


def _minimum_width(widget: QWidget) -> int:
    """The width a layout may squeeze a widget to (as Qt's layouts compute it)."""
    return widget.minimumWidth() or widget.minimumSizeHint().width()


def _cut_combo(combo: QComboBox) -> list[str]:
    """The value shown in a list (its line edit, when editable, is checked as a field)."""
    if combo.isEditable() or not combo.currentText():
        return []
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if needed > field.width():
        return [_line(combo, combo.currentText(), f"needs {needed} px, has {field.width()}")]
    return []


def _cut_tabs(bar: QTabBar) -> list[str]:
    """Each tab must show its whole title inside the bar (not elided, not scrolled away), and
    the bar must not be allowed to shrink below its titles when the panel narrows."""
    found = []
    inside = QRect(0, 0, bar.width(), bar.height())
    shown = [index for index in range(bar.count()) if bar.isTabVisible(index)]
    needed = [bar.tabSizeHint(index).width() for index in shown]
    for index, width in zip(shown, needed, strict=True):
        text, rect = bar.tabText(index), bar.tabRect(index)
        if rect.width() < width:
            found.append(_line(bar, text, f"tab needs {width} px, has {rect.width()}"))
        elif not inside.contains(rect):
            found.append(_line(bar, text, "tab out of sight"))
    narrowest = bar.minimumSizeHint().width()
    if narrowest < sum(needed):
        titles = ", ".join(repr(bar.tabText(index)) for index in shown)
        found.append(
            f"QTabBar {titles}: may shrink to {narrowest} px, its titles need {sum(needed)}"
        )
    return found


def _hidden_actions(toolbar: QToolBar) -> list[str]:
    """A toolbar action hidden in the overflow (») menu, or whose button is cut."""
    found = []
    for action in toolbar.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        button = toolbar.widgetForAction(action)
        if button is None or not button.isVisible():
            found.append(f"QToolBar action {action.text()!r}: in the overflow menu")
        elif button.width() < button.sizeHint().width():
            found.append(_line(button, action.text(), "button narrower than its text"))
    return found
