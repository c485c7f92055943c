"""The review queue's model: the photo drafts of the open survey, in the order of the walk."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from contrechamp.core.camera import Camera
from contrechamp.core.drafts import direction_is_proposal
from contrechamp.core.review import in_review_queue
from contrechamp.ui.photos.texts import direction_shown
from contrechamp.ui.session import SurveySession

__all__ = ["CAMERA_ID_ROLE", "DraftQueueModel"]

CAMERA_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class DraftQueueModel(QAbstractListModel):
    """One row per photo draft; rows leave as drafts are confirmed, rejected or deleted.

    ``draft_returned`` carries the id of a draft that came back to the queue because its
    review was undone (or its status set back to draft).
    """

    draft_returned = Signal(str)  # camera id

    def __init__(self, session: SurveySession | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: SurveySession | None = None
        self._ids: list[str] = []
        self._photo_counts: dict[str, int] = {}
        self.set_session(session)

    def set_session(self, session: SurveySession | None) -> None:
        """Show the drafts of another open survey (None: none)."""
        if self._session is not None:
            self._session.camera_added.disconnect(self._on_camera_added)
            self._session.camera_changed.disconnect(self._on_camera_changed)
            self._session.camera_removed.disconnect(self._on_camera_removed)
            self._session.photos_changed.disconnect(self._on_photos_changed)
        self.beginResetModel()
        self._session = session
        self._ids = [c.id for c in session.cameras() if in_review_queue(c)] if session else []
        self._photo_counts.clear()
        self.endResetModel()
        if session is not None:
            session.camera_added.connect(self._on_camera_added)
            session.camera_changed.connect(self._on_camera_changed)
            session.camera_removed.connect(self._on_camera_removed)
            session.photos_changed.connect(self._on_photos_changed)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of drafts (a list model has no children)."""
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The draft's one-line description, its id, or a tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        camera_id = self._ids[index.row()]
        if role == CAMERA_ID_ROLE:
            return camera_id
        camera = self._session.camera(camera_id) if self._session else None
        if camera is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._describe(index.row(), camera)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{camera.lat:.6f}, {camera.lon:.6f}"
        return None

    def camera_id(self, row: int) -> str | None:
        """The id of the draft on a row."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, camera_id: str) -> int:
        """The row of a draft, -1 when it is not in the queue."""
        return self._ids.index(camera_id) if camera_id in self._ids else -1

    def _describe(self, row: int, camera: Camera) -> str:
        photos = self._photos_of(camera.id)
        text = self.tr("Camera %1 · %n photo(s)", "", photos).replace("%1", str(row + 1))
        if direction_is_proposal(camera):
            direction = camera.tags.get("camera:direction", "")
            text += " · " + self.tr("looks %1 (to check)").replace("%1", direction_shown(direction))
        return text

    def _photos_of(self, camera_id: str) -> int:
        if camera_id not in self._photo_counts and self._session is not None:
            self._photo_counts[camera_id] = len(self._session.survey.photos(camera_id))
        return self._photo_counts.get(camera_id, 0)

    def _on_camera_added(self, camera: Camera) -> None:
        if not in_review_queue(camera) or camera.id in self._ids:
            return
        # In the session's order (the walk's): a draft coming back on undo regains its place.
        order = {c.id: n for n, c in enumerate(self._session.cameras())} if self._session else {}
        place = order.get(camera.id, len(order))
        row = sum(1 for other in self._ids if order.get(other, -1) < place)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, camera.id)
        self.endInsertRows()

    def _on_camera_changed(self, camera: Camera) -> None:
        row = self.row_of(camera.id)
        if row >= 0 and not in_review_queue(camera):
            self._remove_row(row)
        elif row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))
        elif in_review_queue(camera):  # undo of a confirmation brings it back
            self._on_camera_added(camera)
            self.draft_returned.emit(camera.id)

    def _on_camera_removed(self, camera_id: str) -> None:
        row = self.row_of(camera_id)
        if row >= 0:
            self._remove_row(row)

    def _on_photos_changed(self, camera_id: str) -> None:
        self._photo_counts.pop(camera_id, None)
        row = self.row_of(camera_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._photo_counts.pop(self._ids.pop(row), None)
        self.endRemoveRows()
