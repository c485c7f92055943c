"""A strip of photos (a camera's, a draft's, those to place) as one list model for QListView."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QListView, QStyle

from contrechamp.core.errors import ContrechampError
from contrechamp.core.photo import PhotoInfo
from contrechamp.store.survey import SurveyFile

__all__ = ["PHOTO_ROLE", "PhotoStripModel", "photo_strip_view"]

PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's PhotoInfo, a Python object: its id (an SQLite integer) never becomes a Qt int."""

_Index = QModelIndex | QPersistentModelIndex


class PhotoStripModel(QAbstractListModel):
    """Photos shown as thumbnails with a label (``label(photo)``) and their file name as tip.

    Thumbnails are read from the survey (the session's read-only snapshot) only when a row
    is drawn, and decoded once until ``set_photos`` is called again: after the previews are
    made in the background, setting the photos again shows the new ones.
    """

    def __init__(self, label: Callable[[PhotoInfo], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self._survey: SurveyFile | None = None
        self._photos: list[PhotoInfo] = []
        self._icons: dict[int, QIcon] = {}

    def set_photos(self, survey: SurveyFile | None, photos: Sequence[PhotoInfo]) -> None:
        """Show these photos of ``survey`` (photos not stored yet, without an id, are left out)."""
        self.beginResetModel()
        self._survey = survey
        self._photos = [p for p in photos if p.id is not None] if survey is not None else []
        self._icons.clear()
        self.endResetModel()

    def photo(self, row: int) -> PhotoInfo | None:
        """The photo shown on a row, None outside the strip."""
        return self._photos[row] if 0 <= row < len(self._photos) else None

    def row_of(self, photo_id: int | None) -> int:
        """The row showing a photo, -1 when it is not in the strip (or None)."""
        if photo_id is None:
            return -1
        return next((row for row, p in enumerate(self._photos) if p.id == photo_id), -1)

    def relabel(self) -> None:
        """Word every label again (the language changed)."""
        if self._photos:
            last = self.index(len(self._photos) - 1)
            self.dataChanged.emit(self.index(0), last, [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """How many photos the strip shows (a list: no children)."""
        return 0 if parent.isValid() else len(self._photos)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The label, thumbnail, file name (as tip) or PhotoInfo of one row."""
        photo = self.photo(index.row()) if index.isValid() else None
        if photo is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(photo)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(photo)
        if role == Qt.ItemDataRole.ToolTipRole:
            return photo.filename
        if role == PHOTO_ROLE:
            return photo
        return None

    def _icon(self, photo: PhotoInfo) -> QIcon:
        assert photo.id is not None
        icon = self._icons.get(photo.id)
        if icon is None:
            icon = self._icons[photo.id] = self._read_icon(photo.id)
        return icon

    def _read_icon(self, photo_id: int) -> QIcon:
        # A plain picture icon, never an empty square, when the photo has no preview yet
        # (previews are made after the import) or it cannot be read right now (a background
        # copy is moving it into the survey at this very moment).
        try:
            data = self._survey.thumbnail(photo_id) if self._survey is not None else None
        except ContrechampError:
            data = None
        image = QImage.fromData(data or b"")
        if image.isNull():
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        return QIcon(QPixmap.fromImage(image))


def photo_strip_view(model: PhotoStripModel, icon_px: int) -> QListView:
    """A view of a photo strip: thumbnails of ``icon_px`` with their label under them."""
    view = QListView()
    view.setModel(model)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setMovement(QListView.Movement.Static)  # the strip's order is the survey's
    view.setIconSize(QSize(icon_px, icon_px))
    return view
