"""The review tab in the window: drafts shown on the map, photos placed by a click, the count."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from contrechamp.ui.map import MapCanvas
from contrechamp.ui.photos.review_tab import ReviewTab
from contrechamp.ui.side_tabs import SidePanelTabs, SideTab
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

__all__ = ["ReviewLinks"]

_CLOSE_ZOOM = 18.0  # M shows a draft at least this close: its direction handle can be dragged


class ReviewLinks(QObject):
    """Connects the ReviewTab to the map, its tab's title and the status bar; a draft to
    open in the form is told with ``camera_shown``."""

    camera_shown = Signal(str)  # camera id: load it in the form

    def __init__(
        self,
        review: ReviewTab,
        canvas: MapCanvas,
        tabs: SidePanelTabs,
        survey: OpenSurvey,
        status: StatusSink,
        add_on_map: QAction,
    ) -> None:
        super().__init__(review)
        self._review, self._canvas, self._tabs = review, canvas, tabs
        self._survey, self._status, self._add_on_map = survey, status, add_on_map
        canvas.map_clicked.connect(review.unplaced.place_at)
        add_on_map.triggered.connect(self._on_add_on_map_triggered)
        review.count_changed.connect(self.update_title)
        review.draft_current.connect(self._on_draft_current)
        review.queue.camera_chosen.connect(self._on_draft_chosen)
        review.queue.failed.connect(status.show_error)
        review.unplaced.failed.connect(status.show_error)
        review.unplaced.placing_changed.connect(self._on_placing_changed)
        review.unplaced.camera_placed.connect(self._on_photo_placed)
        survey.changed.connect(review.set_session)

    def update_title(self, count: int) -> None:
        """Name the tab with how many drafts wait."""
        self._tabs.set_count(SideTab.REVIEW, count)

    def show_current_draft(self) -> None:
        """Show the queue's current draft on the map (when the tab is opened)."""
        camera_id = self._review.queue.current_camera_id()
        if camera_id is not None:
            self._on_draft_current(camera_id)

    def _on_draft_current(self, camera_id: str) -> None:
        """Moving through the queue shows each draft on the map."""
        session = self._survey.session
        camera = session.camera(camera_id) if session is not None else None
        if camera is not None:
            self._canvas.set_selected(camera_id)
            self._canvas.center_on(camera.lat, camera.lon)

    def _on_draft_chosen(self, camera_id: str) -> None:
        """M: the draft close up on the map and loaded in the form, the keyboard left in the
        drafts (the next C or R still reviews it; nothing is typed into a field)."""
        session = self._survey.session
        camera = session.camera(camera_id) if session is not None else None
        if camera is None:
            return
        self.camera_shown.emit(camera_id)
        canvas = self._canvas
        canvas.center_on(camera.lat, camera.lon, max(canvas.zoom, _CLOSE_ZOOM))
        self._status.say(self.tr("Shown on the map: drag it or its handle to adjust it."))

    def _on_add_on_map_triggered(self) -> None:
        if self._add_on_map.isChecked():
            self._review.unplaced.place_button.setChecked(False)

    def _on_placing_changed(self, placing: bool) -> None:
        if not placing:
            return
        if self._add_on_map.isChecked():
            self._add_on_map.trigger()  # one click on the map, one meaning
        self._status.say(self.tr("Click the map where the camera of this photo is."))

    def _on_photo_placed(self, camera_id: str) -> None:
        self.camera_shown.emit(camera_id)
        self._status.say(self.tr("Photo placed as a draft camera. Ctrl+Z takes it back."))
        # The click gave the map the keyboard: give it back, so P places the next photo.
        review = self._review
        if review.unplaced.photo_model.rowCount():
            review.unplaced.photos.setFocus()
        else:
            review.focus_queue()
