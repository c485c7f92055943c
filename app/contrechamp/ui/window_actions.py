"""The window's commands: one QAction each, with its key, in the toolbar and the menus."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

__all__ = ["WindowActions"]


class WindowActions(QObject):
    """Creates the actions on a window; the window connects their ``triggered`` signals.

    Single-letter keys (N, A, F, G) only fire when the focus is not in a text field, so typing
    in the form never triggers them.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.new_here = self._action("N")
        self.add_on_map = self._action("A", checkable=True)
        self.undo = self._action(QKeySequence.StandardKey.Undo)
        self.redo = self._action(QKeySequence.StandardKey.Redo)
        self.delete = self._action(QKeySequence.StandardKey.Delete)
        self.glossary = self._action("F1")
        self.follow = self._action("F", checkable=True)
        self.go_to_area = self._action("G")
        self.show_list = self._action("Ctrl+L")
        self.show_review = self._action("Ctrl+R")
        self.import_photos = self._action("Ctrl+I")
        self.import_cameras = self._action("Ctrl+Shift+I")
        self.merge_surveys = self._action("Ctrl+M")
        self.load_area = self._action(None)
        self.export = self._action("Ctrl+E")
        self.export_photos = self._action("Ctrl+Shift+E")
        self.review_blur = self._action(None)
        self.print_sheets = self._action(QKeySequence.StandardKey.Print)
        self.upload = self._action("Ctrl+U")
        self.campaign = self._action(None)
        self.open_file = self._action(QKeySequence.StandardKey.Open)
        self.new_file = self._action(QKeySequence.StandardKey.New)
        self.preferences = self._action("Ctrl+,")
        self.quit = self._action(QKeySequence.StandardKey.Quit)
        self.toolbar = self._build_toolbar()
        self.menus = self._build_menus()
        self.retranslate_ui()

    def _action(
        self, shortcut: QKeySequence.StandardKey | str | None, checkable: bool = False
    ) -> QAction:
        action = QAction(self._window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every key of the platform (Ctrl+Y and Ctrl+Shift+Z)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        self._window.addAction(action)
        return action

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar()
        toolbar.setObjectName("fieldToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for action in (self.new_here, self.add_on_map, self.undo, self.redo, self.glossary):
            toolbar.addAction(action)
        toolbar.addAction(self.follow)
        self._window.addToolBar(toolbar)
        return toolbar

    def _build_menus(self) -> tuple[QMenu, QMenu, QMenu]:
        bar = self._window.menuBar()
        file_menu: tuple[QAction | None, ...] = (
            self.new_file,
            self.open_file,
            None,
            self.import_photos,
            self.import_cameras,
            self.merge_surveys,
        )
        file_menu += (self.load_area, None, self.export, self.export_photos, self.review_blur)
        file_menu += (self.print_sheets,)
        file_menu += (self.upload, self.campaign, None)
        groups: tuple[tuple[QAction | None, ...], ...] = (
            (*file_menu, self.preferences, self.quit),
            (self.new_here, self.add_on_map, self.undo, self.redo, self.delete),
            (self.show_list, self.show_review, self.glossary, self.follow, self.go_to_area),
        )
        menus = []
        for actions in groups:
            menu = bar.addMenu("")
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
            menus.append(menu)
        return menus[0], menus[1], menus[2]

    def retranslate_ui(self) -> None:
        """Refresh the texts of the actions and menus."""
        texts = (
            (self.new_here, self.tr("New camera here (N)")),
            (self.add_on_map, self.tr("Add on map (A)")),
            (self.undo, self.tr("Undo")),
            (self.redo, self.tr("Redo")),
            (self.delete, self.tr("Delete camera")),
            (self.glossary, self.tr("Glossary (F1)")),
            (self.follow, self.tr("Follow GPS (F)")),
            (self.go_to_area, self.tr("Go to the survey area (G)")),
            (self.show_list, self.tr("Camera list")),
            (self.show_review, self.tr("Drafts to review")),
            (self.import_photos, self.tr("Import photos…")),
            (self.import_cameras, self.tr("Import cameras…")),
            (self.merge_surveys, self.tr("Merge surveys…")),
            (self.load_area, self.tr("Load map area from OSM extract…")),
            (self.export, self.tr("Export…")),
            (self.export_photos, self.tr("Export photos…")),
            (self.review_blur, self.tr("Review blurred photos…")),
            (self.print_sheets, self.tr("Print field sheets…")),
            (self.upload, self.tr("Upload to OpenStreetMap…")),
            (self.campaign, self.tr("Campaign…")),
            (self.open_file, self.tr("Open survey…")),
            (self.new_file, self.tr("New survey…")),
            (self.preferences, self.tr("Settings…")),
            (self.quit, self.tr("Quit")),
        )
        for action, text in texts:
            action.setText(text)
        titles = (self.tr("&File"), self.tr("&Edit"), self.tr("&View"))
        for menu, title in zip(self.menus, titles, strict=True):
            menu.setTitle(title)
