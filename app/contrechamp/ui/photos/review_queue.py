"""The review queue: go through the drafts made from photos, keyboard first.

Enter or C confirms, Delete or R rejects, S splits a draft holding two cameras, M shows it
on the map; the arrow keys move through the queue. Every action is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.camera import Status
from contrechamp.core.errors import ContrechampError, SurveyError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.ui.photos.photo_strip_model import PhotoStripModel, photo_strip_view
from contrechamp.ui.photos.review_actions import set_status, split_draft
from contrechamp.ui.photos.review_keys import ReviewKeys
from contrechamp.ui.photos.review_model import DraftQueueModel
from contrechamp.ui.photos.texts import direction_shown
from contrechamp.ui.session import SurveySession

__all__ = ["DraftReviewQueue"]

_THUMB_PX = 160


class DraftReviewQueue(QWidget):
    """The photo drafts of the open survey with their photos and the review actions.

    ``camera_chosen`` asks the window to show a camera on the map (and its form);
    ``failed`` carries a ContrechampError the window words for the user.
    """

    camera_chosen = Signal(str)  # camera id
    failed = Signal(object)  # ContrechampError

    def __init__(self, session: SurveySession | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = DraftQueueModel(session, self)
        self._build()
        self._bind_keys()
        self.retranslate_ui()
        self.model.rowsRemoved.connect(self._on_model_rows_removed)
        self.model.rowsInserted.connect(self._on_model_rows_inserted)
        self.model.draft_returned.connect(self.select_camera)  # undo: back to that draft
        self.model.modelReset.connect(self._select_first)
        self._select_first()

    def _build(self) -> None:
        self.queue = QListView()
        self.queue.setObjectName("draftQueue")
        self.queue.setModel(self.model)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.selectionModel().selectionChanged.connect(self._on_queue_selection_changed)
        self.queue.activated.connect(self._on_queue_activated)
        self.photo_model = PhotoStripModel(self._role_text, self)
        self.photos = photo_strip_view(self.photo_model, _THUMB_PX)
        self.photos.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.details, self.empty = QLabel(), QLabel()
        self.details.setWordWrap(True)
        self.confirm_button, self.reject_button = QPushButton(), QPushButton()
        self.split_button, self.map_button = QPushButton(), QPushButton()
        self.confirm_button.clicked.connect(self.confirm_current)
        self.reject_button.clicked.connect(self.reject_current)
        self.split_button.clicked.connect(self.split_current)
        self.map_button.clicked.connect(self.show_current_on_map)
        self._layout()

    def _layout(self) -> None:
        actions = QHBoxLayout()
        for button in (self.confirm_button, self.reject_button, self.split_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.map_button)
        # One column: the side panel is narrow, and each draft's line must be read whole.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.queue, 2)
        column.addWidget(self.empty)
        column.addWidget(self.photos, 3)
        column.addWidget(self.details)
        column.addLayout(actions)

    def _bind_keys(self) -> None:
        self.keys = ReviewKeys(self)
        self.keys.bind((Qt.Key.Key_C,), self.confirm_current)
        self.keys.bind((Qt.Key.Key_R,), self.reject_current)
        self.keys.bind((Qt.Key.Key_S,), self.split_current)
        self.keys.bind((Qt.Key.Key_M,), self.show_current_on_map)
        self.keys.bind_in(self.queue, (Qt.Key.Key_Return, Qt.Key.Key_Enter), self.confirm_current)
        self.keys.bind_in(self.queue, (Qt.Key.Key_Delete,), self.reject_current)
        self.keys.watch(self)

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.confirm_button.setText(self.tr("Confirm (C)"))
        self.confirm_button.setToolTip(self.tr("The camera is there and looks that way"))
        self.reject_button.setText(self.tr("Reject (R)"))
        self.reject_button.setToolTip(self.tr("Not a camera, or not worth mapping"))
        self.split_button.setText(self.tr("Split (S)"))
        self.split_button.setToolTip(self.tr("These photos show two different cameras"))
        self.map_button.setText(self.tr("Show on map (M)"))
        self.empty.setText(self.tr("Nothing left to review."))
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_session(self, session: SurveySession | None) -> None:
        """Review the drafts of another open survey (None when closed)."""
        self._session = session
        self.model.set_session(session)

    def refresh(self) -> None:
        """Show the current draft's photos again (after their previews were made)."""
        self._show_current()

    def current_camera_id(self) -> str | None:
        """The draft being reviewed."""
        return self.model.camera_id(self.queue.currentIndex().row())

    def select_camera(self, camera_id: str) -> None:
        """Make a draft the current one."""
        row = self.model.row_of(camera_id)
        if row >= 0:
            self.queue.setCurrentIndex(self.model.index(row))

    def confirm_current(self) -> None:
        """Confirm the current draft (position and direction) and go to the next one."""
        self._set_status(Status.CONFIRMED, self.tr("Confirm camera"))

    def reject_current(self) -> None:
        """Reject the current draft and go to the next one."""
        self._set_status(Status.REJECTED, self.tr("Reject camera"))

    def split_current(self) -> None:
        """Move the last wide photo of the current draft to a draft of its own."""
        camera_id = self.current_camera_id()
        if self._session is None or camera_id is None:
            return
        try:
            split_draft(self._session, camera_id, self.tr("Split camera"))
        except ContrechampError as error:
            self.failed.emit(error)
        self._show_current()

    def show_current_on_map(self) -> None:
        """Ask the window to show the current draft on the map."""
        camera_id = self.current_camera_id()
        if camera_id is not None:
            self.camera_chosen.emit(camera_id)

    def _set_status(self, status: Status, text: str) -> None:
        camera_id = self.current_camera_id()
        if self._session is None or camera_id is None:
            return
        try:
            set_status(self._session, camera_id, status, text)
        except ContrechampError as error:
            self.failed.emit(error)

    def _select_first(self) -> None:
        if self.model.rowCount() and not self.queue.currentIndex().isValid():
            self.queue.setCurrentIndex(self.model.index(0))
        self._show_current()

    def _on_model_rows_removed(self, _parent: QModelIndex, first: int, _last: int) -> None:
        # The reviewed draft left the queue: the next one (or the new last) becomes current.
        count = self.model.rowCount()
        if count:
            self.queue.setCurrentIndex(self.model.index(min(first, count - 1)))
        self._show_current()

    def _on_model_rows_inserted(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        # Drafts just imported: the first one is current at once, shown on the map, ready
        # for C or R (the list may not have had the focus yet to pick one itself).
        if not self.queue.currentIndex().isValid():
            self._select_first()

    def _on_queue_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_current()

    def _on_queue_activated(self, _index: QModelIndex) -> None:
        self.show_current_on_map()

    def _show_current(self) -> None:
        camera_id = self.current_camera_id()
        camera = self._session.camera(camera_id) if self._session and camera_id else None
        has_draft = camera is not None
        for button in (self.confirm_button, self.reject_button, self.map_button):
            button.setEnabled(has_draft)
        self.empty.setVisible(self.model.rowCount() == 0)
        if camera is None or self._session is None:
            self.photo_model.set_photos(None, [])
            self.details.clear()
            self.split_button.setEnabled(False)
            return
        try:
            photos = self._session.survey.photos(camera.id)
        except SurveyError:  # the survey was closed under us: show the draft without photos
            photos = []
        self.split_button.setEnabled(len(photos) >= 2)
        self.photo_model.set_photos(self._session.survey, photos)
        self.details.setText(self._direction_text(camera.tags.get("camera:direction")))

    def _direction_text(self, direction: str | None) -> str:
        if direction is None:
            return self.tr("No direction: the photo had no compass heading. Set it on the form.")
        return self.tr("Looks towards %1 (from the photo's compass: check it).").replace(
            "%1", direction_shown(direction)
        )

    def _role_text(self, photo: PhotoInfo) -> str:
        labels = {
            PhotoRole.CLOSE_UP: self.tr("Close-up"),
            PhotoRole.WIDE: self.tr("Wide"),
            PhotoRole.OTHER: self.tr("Other"),
        }
        return labels[photo.role]
