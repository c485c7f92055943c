"""The review tab in the window: drafts shown on the map, photos placed by a click, the count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from contrechamp.ui.main_window import MainWindow

__all__ = ["REVIEW_TAB", "ReviewLinks"]

REVIEW_TAB = 2  # the window's tabs: Camera, All cameras, Drafts to review, Map layers
_CLOSE_ZOOM = 18.0  # M shows a draft at least this close: its direction handle can be dragged


class ReviewLinks(QObject):
    """Connects the window's ReviewTab to its map, form, tab title and status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        review = window.review
        window.canvas.map_clicked.connect(review.unplaced.place_at)
        window.commands.add_on_map.triggered.connect(self._on_add_on_map_triggered)
        review.count_changed.connect(self.update_title)
        review.draft_current.connect(self._on_draft_current)
        review.queue.camera_chosen.connect(self._on_draft_chosen)
        review.queue.failed.connect(window.show_error)
        review.unplaced.failed.connect(window.show_error)
        review.unplaced.placing_changed.connect(self._on_placing_changed)
        review.unplaced.camera_placed.connect(self._on_photo_placed)

    def update_title(self, count: int) -> None:
        """Name the tab with how many drafts wait."""
        title = self.tr("Drafts to review")
        self._window.tabs.setTabText(REVIEW_TAB, f"{title} ({count})" if count else title)

    def show_current_draft(self) -> None:
        """Show the queue's current draft on the map (when the tab is opened)."""
        camera_id = self._window.review.queue.current_camera_id()
        if camera_id is not None:
            self._on_draft_current(camera_id)

    def _on_draft_current(self, camera_id: str) -> None:
        """Moving through the queue shows each draft on the map."""
        session = self._window.session
        camera = session.camera(camera_id) if session is not None else None
        if camera is not None:
            self._window.canvas.set_selected(camera_id)
            self._window.canvas.center_on(camera.lat, camera.lon)

    def _on_draft_chosen(self, camera_id: str) -> None:
        """M: the draft close up on the map and loaded in the form, the keyboard left in the
        drafts (the next C or R still reviews it; nothing is typed into a field)."""
        session = self._window.session
        camera = session.camera(camera_id) if session is not None else None
        if camera is None:
            return
        self._window.show_in_form(camera_id)
        canvas = self._window.canvas
        canvas.center_on(camera.lat, camera.lon, max(canvas.zoom, _CLOSE_ZOOM))
        self._window.say(self.tr("Shown on the map: drag it or its handle to adjust it."))

    def _on_add_on_map_triggered(self) -> None:
        if self._window.commands.add_on_map.isChecked():
            self._window.review.unplaced.place_button.setChecked(False)

    def _on_placing_changed(self, placing: bool) -> None:
        if not placing:
            return
        add_on_map = self._window.commands.add_on_map
        if add_on_map.isChecked():
            add_on_map.trigger()  # one click on the map, one meaning
        self._window.say(self.tr("Click the map where the camera of this photo is."))

    def _on_photo_placed(self, camera_id: str) -> None:
        self._window.show_in_form(camera_id)
        self._window.say(self.tr("Photo placed as a draft camera. Ctrl+Z takes it back."))
        # The click gave the map the keyboard: give it back, so P places the next photo.
        review = self._window.review
        if review.unplaced.photo_model.rowCount():
            review.unplaced.photos.setFocus()
        else:
            review.focus_queue()
