"""The list of the survey's cameras: a table model kept in step row by row, and its filter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from contrechamp.core.camera import Camera, Status
from contrechamp.core.validation import Problem, check_tags
from contrechamp.ui.form.choices import choice_label, status_label
from contrechamp.ui.messages import problem_text

__all__ = [
    "CAMERA_ROLE",
    "PROBLEM_COUNT_ROLE",
    "SORT_ROLE",
    "TIME_COLUMN",
    "CameraFilter",
    "CamerasModel",
]

CAMERA_ROLE = Qt.ItemDataRole.UserRole + 1  # the Camera of the row
PROBLEM_COUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # how many things to check (int)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a value that sorts right (times across days, counts)

_Index = QModelIndex | QPersistentModelIndex
_STATUS, _PROBLEMS, _WHAT, _DIRECTION, _MOUNT, _TIME = range(6)
TIME_COLUMN = _TIME


class CamerasModel(QAbstractTableModel):
    """One row per camera of the survey; ``upsert``/``remove`` touch only the row concerned.

    A row's problems are checked the first time they are asked for (a view asks only for
    the rows it shows), not for every camera when a survey of 100k cameras opens.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cameras: list[Camera] = []
        self._problems: list[tuple[Problem, ...] | None] = []  # None: not checked yet
        self._index: dict[str, int] = {}

    def set_cameras(self, cameras: list[Camera]) -> None:
        """Replace every row (opening a survey)."""
        self.beginResetModel()
        self._cameras = list(cameras)
        self._problems = [None] * len(cameras)
        self._index = {c.id: i for i, c in enumerate(self._cameras)}
        self.endResetModel()

    def upsert(self, camera: Camera) -> None:
        """Add a camera at the end, or refresh its row with dataChanged."""
        row = self._index.get(camera.id)
        if row is None:
            row = len(self._cameras)
            self.beginInsertRows(QModelIndex(), row, row)
            self._cameras.append(camera)
            self._problems.append(None)
            self._index[camera.id] = row
            self.endInsertRows()
            return
        self._cameras[row], self._problems[row] = camera, None
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def remove(self, camera_id: str) -> None:
        """Remove a camera's row, if present."""
        row = self._index.get(camera_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._cameras[row], self._problems[row]
        self._index = {c.id: i for i, c in enumerate(self._cameras)}
        self.endRemoveRows()

    def row_of(self, camera_id: str) -> int | None:
        """Return the row of a camera, if present."""
        return self._index.get(camera_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of cameras (a table: children of valid indexes have none)."""
        return 0 if parent.isValid() else len(self._cameras)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Status, to check, camera, direction, mount, time."""
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Translated column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Status"),
            self.tr("To check"),
            self.tr("Camera"),
            self.tr("Direction"),
            self.tr("Mount"),
            self.tr("Logged"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, tooltips with every problem, and the camera itself for CAMERA_ROLE."""
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._cameras):
            return None
        if role == CAMERA_ROLE:
            return self._cameras[row]
        if role == SORT_ROLE:
            return self._sort_key(row, index.column())
        if role == PROBLEM_COUNT_ROLE:
            return len(self._problems_of(row))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and (problems := self._problems_of(row)):
            return "\n".join(problem_text(p) for p in problems)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == _PROBLEMS:
            return QBrush(QColor("#ffdeeb")) if self._problems_of(row) else None
        return None

    def _problems_of(self, row: int) -> tuple[Problem, ...]:
        """The problems of a row's camera, checked on first use and kept until it changes."""
        problems = self._problems[row]
        if problems is None:
            problems = self._problems[row] = tuple(check_tags(self._cameras[row].tags))
        return problems

    def _cell(self, row: int, column: int) -> str | None:
        camera = self._cameras[row]
        tags = camera.tags
        if column == _STATUS:
            return status_label(camera.status)
        if column == _WHAT:
            kind = tags.get("surveillance:type", "")
            parts = [kind if kind != "camera" else "", tags.get("camera:type", "")]
            return " · ".join(choice_label(p) for p in parts if p) or choice_label(kind)
        if column == _DIRECTION:
            return tags.get("camera:direction") or tags.get("direction", "")
        if column == _MOUNT:
            return choice_label(tags.get("camera:mount", ""))
        if column == _PROBLEMS:
            count = len(self._problems_of(row))
            return str(count) if count else ""
        if column == _TIME:
            return camera.created_at.astimezone().strftime("%H:%M")
        return None

    def _sort_key(self, row: int, column: int) -> str | int | None:
        if column == _TIME:
            return self._cameras[row].created_at.isoformat()
        if column == _PROBLEMS:
            return len(self._problems_of(row))
        return self._cell(row, column)


class CameraFilter(QSortFilterProxyModel):
    """Shows the cameras of one status (or all) and, optionally, only those with a problem."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: Status | None = None
        self._problems_only = False
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: Status | None) -> None:
        """Keep only cameras with this status (None: every status)."""
        self._refilter(lambda: setattr(self, "_status", status))

    def set_problems_only(self, on: bool) -> None:
        """Keep only cameras that have something to check."""
        self._refilter(lambda: setattr(self, "_problems_only", on))

    def _refilter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() with begin/endFilterChange(); 6.8 lacks them.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        """Apply the status and problem filters to one source row."""
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        camera = model.data(index, CAMERA_ROLE)
        if self._status is not None and camera.status != self._status:
            return False
        return not self._problems_only or model.data(index, PROBLEM_COUNT_ROLE) > 0
