"""The list of the survey's cameras: a table model kept in step row by row, and its filter."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class _Row:
    camera: Camera
    problems: tuple[Problem, ...]


class CamerasModel(QAbstractTableModel):
    """One row per camera of the survey; ``upsert``/``remove`` touch only the row concerned."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._index: dict[str, int] = {}

    def set_cameras(self, cameras: list[Camera]) -> None:
        """Replace every row (opening a survey)."""
        self.beginResetModel()
        self._rows = [_row(c) for c in cameras]
        self._index = {r.camera.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def upsert(self, camera: Camera) -> None:
        """Add a camera at the end, or refresh its row with dataChanged."""
        row = self._index.get(camera.id)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(_row(camera))
            self._index[camera.id] = row
            self.endInsertRows()
            return
        self._rows[row] = _row(camera)
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def remove(self, camera_id: str) -> None:
        """Remove a camera's row, if present."""
        row = self._index.get(camera_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._index = {r.camera.id: i for i, r in enumerate(self._rows)}
        self.endRemoveRows()

    def row_of(self, camera_id: str) -> int | None:
        """Return the row of a camera, if present."""
        return self._index.get(camera_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of cameras (a table: children of valid indexes have none)."""
        return 0 if parent.isValid() else len(self._rows)

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == CAMERA_ROLE:
            return row.camera
        if role == PROBLEM_COUNT_ROLE:
            return len(row.problems)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == SORT_ROLE:
            return self._sort_key(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return "\n".join(problem_text(p) for p in row.problems)
        if role == Qt.ItemDataRole.BackgroundRole and row.problems and index.column() == _PROBLEMS:
            return QBrush(QColor("#ffdeeb"))
        return None

    def _cell(self, row: _Row, column: int) -> str | None:
        camera, tags = row.camera, row.camera.tags
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
            return str(len(row.problems)) if row.problems else ""
        if column == _TIME:
            return camera.created_at.astimezone().strftime("%H:%M")
        return None

    def _sort_key(self, row: _Row, column: int) -> str | int | None:
        if column == _TIME:
            return row.camera.created_at.isoformat()
        if column == _PROBLEMS:
            return len(row.problems)
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


def _row(camera: Camera) -> _Row:
    return _Row(camera, tuple(check_tags(camera.tags)))
