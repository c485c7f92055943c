"""Accessible names for every control, given in one place.

Qt already names most controls for screen readers: a button by its text, a field by its buddy
label. What it leaves unnamed (lists and tables under a section title, fields laid out beside
a label that is not their buddy, icon-only buttons, custom widgets with only a tooltip) is
named here from what a sighted user reads next to it: the buddy label, the form row's label,
the section title just before it, the group box or tab it sits in, its tooltip or its
placeholder text. The description falls back to the tooltip (Qt does the same when none is
set).

``install`` is called once, from the main window: an application-wide event filter names each
widget when it is shown (dialogs opened later included) and names a window's widgets again
after a change of language, so a name never stays in the previous language. A name given by a
UI file (``setAccessibleName``) is never replaced.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollBar,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

__all__ = ["accessible_texts", "describe", "install", "is_control"]

# Marks a name set here, so that it is worked out again (new language, new text), never one
# set by the UI itself.
_AUTO = "contrechampAutoAccessibleName"
_AUTO_DESCRIPTION = "contrechampAutoAccessibleDescription"
_CONTROLS = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QAbstractSlider,
    QAbstractScrollArea,
    QTabBar,
)
# Parts of another control, named through it: scroll bars and headers of a view, the line
# edit of a combo box or spin box, the corner button of a table.
_PARTS = (QScrollBar, QHeaderView)
_NAME_LIMIT = 80
_CONTEXT = "Accessibility"
# The controls whose name nothing beside them gives (a list under a changing status line, a
# drawing), by the class of the panel holding them and the panel's attribute; None names the
# panel itself.
_OWN_NAMES: dict[tuple[str, str | None], object] = {
    ("MapCanvas", None): QT_TRANSLATE_NOOP("Accessibility", "Map"),
    ("CameraForm", "compass"): QT_TRANSLATE_NOOP("Accessibility", "Direction compass"),
    ("PhotoStrip", "thumbnails"): QT_TRANSLATE_NOOP("Accessibility", "Photos of the camera"),
    ("ExistingCameraView", "tags"): QT_TRANSLATE_NOOP("Accessibility", "Tags in OpenStreetMap"),
    ("CameraList", "table"): QT_TRANSLATE_NOOP("Accessibility", "Cameras"),
    ("DraftReviewQueue", "queue"): QT_TRANSLATE_NOOP("Accessibility", "Drafts to review"),
    ("DraftReviewQueue", "photos"): QT_TRANSLATE_NOOP("Accessibility", "Photos of the draft"),
    ("UnplacedPhotos", "photos"): QT_TRANSLATE_NOOP("Accessibility", "Photos to place on the map"),
    ("MergeReviewPanel", "queue"): QT_TRANSLATE_NOOP("Accessibility", "Cameras to review"),
    ("MergeReviewPanel", "sightings"): QT_TRANSLATE_NOOP(
        "Accessibility", "Sightings of the camera"
    ),
    ("MergeReviewPanel", "photos"): QT_TRANSLATE_NOOP("Accessibility", "Photos of the camera"),
    ("OfficialListPanel", "choice"): QT_TRANSLATE_NOOP("Accessibility", "Official list"),
    ("OfficialListPanel", "tree"): QT_TRANSLATE_NOOP(
        "Accessibility", "Cameras of the official list"
    ),
    ("SectorsPanel", "table"): QT_TRANSLATE_NOOP("Accessibility", "Sectors"),
    ("GlossaryDialog", "entries"): QT_TRANSLATE_NOOP("Accessibility", "Kinds of cameras"),
}
_TITLES = {"sectionTitle", "formTitle"}


def is_control(widget: QWidget) -> bool:
    """Whether a screen reader user can reach ``widget`` and so needs its name: a standard
    control, or a custom widget that takes the keyboard focus."""
    if isinstance(widget, _PARTS) or widget.objectName().startswith("qt_"):
        return False
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
        return False  # the scroll area (the map, a list) is the control
    if _inside_combo_box(widget):
        return False  # its pop-up list, named through the combo box
    if isinstance(widget, QGraphicsView):
        return True
    if isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return False
    if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QAbstractItemView):
        # Plain scroll areas only frame their contents; text views are controls.
        return widget.focusPolicy() != widget.focusPolicy().NoFocus and _is_text_view(widget)
    if isinstance(widget, _CONTROLS):
        return True
    if isinstance(widget, (QLabel, QGroupBox, QStackedWidget, QTabWidget)):
        return False
    return widget.focusPolicy() != widget.focusPolicy().NoFocus


def _inside_combo_box(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _is_text_view(widget: QWidget) -> bool:
    return widget.metaObject().className() in {"QTextEdit", "QPlainTextEdit", "QTextBrowser"}


def accessible_texts(widget: QWidget) -> tuple[str, str]:
    """The name and the description a screen reader gets for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return "", ""
    return (
        interface.text(QAccessible.Text.Name).strip(),
        interface.text(QAccessible.Text.Description).strip(),
    )


def _plain(text: str) -> str:
    """A label's text as a name: no mnemonic ampersand, no markup, no trailing colon."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    if "<" in text:
        from PySide6.QtGui import QTextDocumentFragment

        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = " ".join(text.split()).rstrip(":").strip()
    if len(text) > _NAME_LIMIT:
        text = text[:_NAME_LIMIT].rsplit(" ", 1)[0] + "…"
    return text


def _buddy_label(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return _plain(label.text())
    return ""


def _layout_of(widget: QWidget) -> QLayout | None:
    """The layout that holds ``widget`` (possibly nested in its parent's layout)."""
    parent = widget.parentWidget()
    top = None if parent is None else parent.layout()
    stack: list[QLayout] = [] if top is None else [top]
    while stack:
        layout = stack.pop()
        if layout.indexOf(widget) >= 0:
            return layout
        for index in range(layout.count()):
            item = layout.itemAt(index)
            child = None if item is None else item.layout()
            if child is not None:
                stack.append(child)
    return None


def _form_label(widget: QWidget, layout: QLayout | None) -> str:
    if isinstance(layout, QFormLayout):
        label = layout.labelForField(widget)
        if isinstance(label, QLabel) and label.text():
            return _plain(label.text())
    return ""


def _title_before(widget: QWidget, layout: QLayout | None) -> str:
    """The nearest label shown before ``widget`` in its layout (a section title)."""
    if layout is None or isinstance(layout, QFormLayout):
        return ""
    for index in range(layout.indexOf(widget) - 1, -1, -1):
        entry = layout.itemAt(index)
        item = None if entry is None else entry.widget()
        if isinstance(item, QLabel) and item.objectName() in _TITLES and item.text():
            return _plain(item.text())
        if item is not None and is_control(item):
            return ""  # another control sits between them: the label is that one's
    return ""


def _container_title(widget: QWidget) -> str:
    """The title of the group box or tab page ``widget`` is the main control of."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QGroupBox) and parent.title():
            return _plain(parent.title())
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            index = tabs.indexOf(child)
            if index >= 0 and len([w for w in child.findChildren(QWidget) if is_control(w)]) <= 1:
                return _plain(tabs.tabText(index))
            return ""
        child, parent = parent, parent.parentWidget()
    return ""


def _own_name(widget: QWidget) -> str:
    """The name ``_OWN_NAMES`` gives ``widget``, translated, or ""."""
    english = _OWN_NAMES.get((type(widget).__name__, None))
    parent = widget.parentWidget()
    while english is None and parent is not None:
        for attribute, value in vars(parent).items():
            if value is widget:
                english = _OWN_NAMES.get((type(parent).__name__, attribute))
                break
        parent = None if parent.isWindow() else parent.parentWidget()
    return QCoreApplication.translate(_CONTEXT, str(english)) if english else ""


def _name_for(widget: QWidget) -> str:
    """What a sighted user reads as the name of ``widget``."""
    layout = _layout_of(widget)
    for found in (
        _own_name(widget),
        _buddy_label(widget),
        _form_label(widget, layout),
        _title_before(widget, layout),
        _container_title(widget),
        _plain(widget.toolTip()),
        _plain(widget.placeholderText()) if isinstance(widget, QLineEdit) else "",
        _plain(widget.windowTitle()) if widget.isWindow() else "",
    ):
        if found:
            return found
    return ""


def describe_one(widget: QWidget) -> None:
    """Name ``widget`` for screen readers when Qt gives it no name, and describe it by its
    tooltip; names set here before are worked out again."""
    if not is_control(widget):
        return
    if widget.property(_AUTO):
        widget.setAccessibleName("")
    if widget.property(_AUTO_DESCRIPTION):
        widget.setAccessibleDescription("")
    name, description = accessible_texts(widget)
    if not name:
        found = _name_for(widget)
        widget.setAccessibleName(found)
        widget.setProperty(_AUTO, bool(found))
    if not description and widget.toolTip():
        widget.setAccessibleDescription(_plain(widget.toolTip()))
        widget.setProperty(_AUTO_DESCRIPTION, True)


def describe(root: QWidget) -> None:
    """Name every control of ``root`` and its children (see ``describe_one``)."""
    describe_one(root)
    for widget in root.findChildren(QWidget):
        describe_one(widget)


class _Namer(QObject):
    """Names each widget as it is shown, and a window's widgets after a change of language."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QWidget):
            describe_one(watched)
        elif (
            kind == QEvent.Type.LanguageChange
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            # After the window has put its new texts in place.
            window = watched
            QTimer.singleShot(0, window, lambda: describe(window))
        return False


_namer: _Namer | None = None


def install(window: QWidget) -> None:
    """Name the controls of ``window`` now and of every widget shown from now on (once per
    application; later calls only name ``window``)."""
    global _namer
    app = QApplication.instance()
    if _namer is None and app is not None:
        _namer = _Namer(app)
        app.installEventFilter(_namer)
    describe(window)
