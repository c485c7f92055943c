"""The window's review tab: the photo drafts to confirm, then the photos to place on the map."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from contrechamp.ui.photos.review_model import CAMERA_ID_ROLE
from contrechamp.ui.photos.review_queue import DraftReviewQueue
from contrechamp.ui.photos.unplaced import UnplacedPhotos
from contrechamp.ui.session import SurveySession

__all__ = ["ReviewTab"]


class ReviewTab(QWidget):
    """Holds the DraftReviewQueue and the UnplacedPhotos of the open survey.

    ``count_changed`` carries how many drafts wait for review (for the tab's title);
    ``draft_current`` the draft the walker moved to, to show it on the map.
    """

    count_changed = Signal(int)
    draft_current = Signal(str)  # camera id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = DraftReviewQueue()
        self.unplaced = UnplacedPhotos()
        column = QVBoxLayout(self)
        column.addWidget(self.queue, 1)
        column.addWidget(self.unplaced)
        # Every review key works wherever the focus is in the tab: P in the drafts list,
        # C, R, S and M among the photos to place.
        self.queue.keys.watch(self.unplaced)
        self.unplaced.keys.watch(self.queue)
        model = self.queue.model
        for signal in (model.rowsInserted, model.rowsRemoved):
            signal.connect(self._on_rows_changed)
        model.modelReset.connect(self._emit_count)
        selection = self.queue.queue.selectionModel()
        selection.currentChanged.connect(self._on_current_changed)

    def set_session(self, session: SurveySession | None) -> None:
        """Review another open survey (None when closed)."""
        self.queue.set_session(session)
        self.unplaced.set_session(session)
        self._emit_count()

    def refresh_photos(self) -> None:
        """Show the photos again (their previews were made in the background)."""
        self.queue.refresh()
        self.unplaced.refresh()

    def draft_count(self) -> int:
        """How many photo drafts wait for review."""
        return self.queue.model.rowCount()

    def focus_queue(self) -> None:
        """Put the keyboard in the queue, so C, R, S, M and P act on the current draft."""
        self.queue.queue.setFocus()

    def _on_rows_changed(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        self._emit_count()

    def _emit_count(self) -> None:
        self.count_changed.emit(self.draft_count())

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        camera_id = current.data(CAMERA_ID_ROLE) if current.isValid() else None
        if camera_id:
            self.draft_current.emit(str(camera_id))
