"""The list of the survey's cameras: a table model kept in step row by row, and the sorted,
filtered view of it that the list shows.

Sorting 100,000 rows through ``QSortFilterProxyModel`` asked the model for a cell some two
million times (10 s when a large survey opened). Here the model gives each column's sort
values at once, computed once per distinct raw value and kept in step row by row, and the
view sorts plain Python lists of row numbers by them: the whole list at a sort or a change of
filter, one row (a bisection) at an edit, an addition or a removal.
"""

from __future__ import annotations

import bisect
import operator
from array import array
from collections.abc import Callable, Hashable, Mapping, Sequence
from datetime import datetime
from itertools import islice
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor

from contrechamp.core.camera import Camera, Status
from contrechamp.core.stored_tags import read_once
from contrechamp.core.validation import Problem, TagsChecker
from contrechamp.ui.form.choices import choice_label, status_label
from contrechamp.ui.messages import problem_text

__all__ = [
    "CAMERA_ROLE",
    "PROBLEM_COUNT_ROLE",
    "TIME_COLUMN",
    "CameraFilter",
    "CamerasModel",
]

CAMERA_ROLE = Qt.ItemDataRole.UserRole + 1  # the Camera of the row
PROBLEM_COUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # how many things to check (int)

_Index = QModelIndex | QPersistentModelIndex
_STATUS, _PROBLEMS, _WHAT, _DIRECTION, _MOUNT, _TIME = range(6)
TIME_COLUMN = _TIME
SortValue = str | int | datetime
"""What a column sorts by: text for the text columns, a count, the logging time (the
camera's own aware datetime: no new object per row)."""
# The raw values a text column's cell is made from: equal raw values, equal cells (the tags
# read once: sorting a million cameras by one does not keep their tags decoded).
_RAW: dict[int, Callable[[Camera], Hashable]] = {
    _STATUS: lambda c: c.status,
    _WHAT: lambda c: _what(read_once(c.tags)),
    _DIRECTION: lambda c: _direction(read_once(c.tags)),
    _MOUNT: lambda c: read_once(c.tags).get("camera:mount", ""),
}


def _what(tags: Mapping[str, str]) -> Hashable:
    return tags.get("surveillance:type", ""), tags.get("camera:type", "")


def _direction(tags: Mapping[str, str]) -> Hashable:
    return tags.get("camera:direction") or tags.get("direction", "")


_PROBLEM_LISTS_AT_MOST = 65_536  # distinct problem lists kept once


def _itself(problem: Problem) -> Problem:
    return problem


class CamerasModel(QAbstractTableModel):
    """One row per camera of the survey; ``upsert``/``remove`` touch only the row concerned.

    A row's problems are checked the first time they are asked for (a view asks only for
    the rows it shows), not for every camera when a survey of 100k cameras opens; the other
    rows are checked while the window is idle, a few milliseconds at a time, so that a sort
    or a filter by problems later need not check a million cameras at once (7 s). A check
    does not keep the camera's tags decoded, and equal problem lists are kept once.
    """

    AHEAD_ROWS = 500
    """Rows checked ahead per turn of an idle event loop (about 2.5 ms: a frame of the map
    panning meanwhile waits no longer than that)."""
    AHEAD_AFTER_MS = 500
    """How long after the rows are set the checks ahead start (the first frames come first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cameras: list[Camera] = []
        self._problems: list[tuple[Problem, ...] | None] = []  # None: not checked yet
        self._check = TagsChecker[Problem](_itself)  # sorting by problems checks every row
        self._rows: dict[str, int] | None = {}  # id -> row; None: made when first asked
        self._sort_values: dict[int, list[SortValue]] = {}  # by column, made when first asked
        self._ranks: dict[int, NDArray[np.integer]] = {}  # dropped at any change
        self._problem_lists: dict[tuple[Problem, ...], tuple[Problem, ...]] = {}  # each once
        self._ahead = QTimer(self)  # checks the rows not asked for yet, while idle
        self._ahead.timeout.connect(self._check_ahead)
        self._ahead_row = 0

    def set_cameras(self, cameras: list[Camera]) -> None:
        """Replace every row (opening a survey)."""
        self.beginResetModel()
        self._cameras = list(cameras)
        self._problems = [None] * len(cameras)
        self._rows = None  # a million rows are seldom looked up by id: not built yet
        self._sort_values = {}
        self._ranks = {}
        self._problem_lists = {}
        self.endResetModel()
        self._ahead_row = 0
        self._ahead.start(self.AHEAD_AFTER_MS)

    def _check_ahead_from(self, row: int) -> None:
        """Check a changed or added row now if the checks ahead will not reach it (one row:
        microseconds; a new pass would look at every row after it again)."""
        if row < self._ahead_row or not self._ahead.isActive():
            self._problems_of(row)

    def _check_ahead(self) -> None:
        """Check the problems of the next rows not checked yet; stop after the last row."""
        self._ahead.setInterval(0)  # from now on: at each turn of an idle event loop
        problems, start = self._problems, self._ahead_row
        stop = min(start + self.AHEAD_ROWS, len(problems))
        for row in range(start, stop):
            if problems[row] is None:
                self._problems_of(row)
        self._ahead_row = stop
        if stop >= len(problems):
            self._ahead.stop()

    def forget_texts(self) -> None:
        """The language changed: the text columns sort by their new texts from now on."""
        for column in _RAW:
            self._sort_values.pop(column, None)
        self._ranks = {}

    def camera_at(self, row: int) -> Camera:
        """The camera of a row."""
        return self._cameras[row]

    def problem_count(self, row: int) -> int:
        """How many things to check the camera of a row has."""
        return len(self._problems_of(row))

    def sort_values(self, column: int) -> Sequence[SortValue]:
        """Every row's sort value in ``column`` (a list kept in step with the rows: read it,
        never change it)."""
        values = self._sort_values.get(column)
        if values is None:
            values = self._sort_values[column] = self._column_values(column)
        return values

    def sort_ranks(self, column: int) -> NDArray[np.integer]:
        """Each row's place among the distinct sort values of ``column`` (equal values, equal
        places): what a sort of many rows orders by at once. For the time column, whose
        values are nearly all distinct, each row's place in the order of times, ties by row:
        a stable sort of any rows by it orders them as by time."""
        ranks = self._ranks.get(column)
        if ranks is None:
            values = self.sort_values(column)
            ranks = _places_in_order(values) if column == _TIME else _value_places(values)
            self._ranks[column] = ranks
        return ranks

    def rows_with_status(self, status: Status) -> list[int]:
        """The rows whose camera has ``status``, in order."""
        return [row for row, camera in enumerate(self._cameras) if camera.status is status]

    def _column_values(self, column: int) -> list[SortValue]:
        """The sort values of a whole column, each distinct cell worked out once."""
        if column == _TIME:
            return [c.created_at for c in self._cameras]
        if column == _PROBLEMS:
            return [self.problem_count(row) for row in range(len(self._cameras))]
        raw = _RAW.get(column)
        if raw is None:
            return [""] * len(self._cameras)
        texts: dict[Hashable, str] = {}
        values: list[SortValue] = []
        for row, camera in enumerate(self._cameras):
            key = raw(camera)
            text = texts.get(key)
            if text is None:
                text = texts[key] = self._cell(row, column) or ""
            values.append(text)
        return values

    def _sort_value(self, row: int, column: int) -> SortValue:
        """One row's sort value (as ``_column_values`` gives it)."""
        if column == _TIME:
            return self._cameras[row].created_at
        if column == _PROBLEMS:
            return self.problem_count(row)
        return self._cell(row, column) or ""

    def _refresh_sort_values(self, row: int) -> None:
        self._ranks = {}
        for column, values in self._sort_values.items():
            values[row] = self._sort_value(row, column)

    def upsert(self, camera: Camera) -> None:
        """Add a camera at the end, or refresh its row with dataChanged."""
        row = self._index().get(camera.id)
        if row is None:
            row = len(self._cameras)
            self.beginInsertRows(QModelIndex(), row, row)
            self._cameras.append(camera)
            self._problems.append(None)
            self._index()[camera.id] = row
            self._ranks = {}
            for column, values in self._sort_values.items():
                values.append(self._sort_value(row, column))
            self.endInsertRows()
            self._check_ahead_from(row)
            return
        self._cameras[row], self._problems[row] = camera, None
        self._refresh_sort_values(row)
        self._check_ahead_from(row)
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def remove(self, camera_id: str) -> None:
        """Remove a camera's row, if present."""
        row = self._index().get(camera_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._cameras[row], self._problems[row]
        if row < self._ahead_row:
            self._ahead_row -= 1  # the rows after it moved up one
        self._ranks = {}
        for values in self._sort_values.values():
            del values[row]
        self._rows = None
        self.endRemoveRows()

    def row_of(self, camera_id: str) -> int | None:
        """Return the row of a camera, if present."""
        return self._index().get(camera_id)

    def _index(self) -> dict[str, int]:
        """The row of each camera id."""
        if self._rows is None:
            self._rows = {c.id: i for i, c in enumerate(self._cameras)}
        return self._rows

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
            problems = tuple(self._check(read_once(self._cameras[row].tags)))
            if len(self._problem_lists) < _PROBLEM_LISTS_AT_MOST:
                problems = self._problem_lists.setdefault(problems, problems)
            self._problems[row] = problems
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


class CameraFilter(QAbstractTableModel):
    """The rows of a :class:`CamerasModel` that the list shows, sorted: those of one status
    (or all) and, optionally, only those with something to check.

    It holds the source rows it shows, in ascending order of the sort column (ties in source
    order); a descending sort reads that list from its end. A sort or a change of filter
    rebuilds the list and keeps the chosen rows chosen; an edit, an addition or a removal in
    the source moves, adds or removes one row.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: CamerasModel | None = None
        self._status: Status | None = None
        self._problems_only = False
        self._column = -1  # -1: the source's order
        self._descending = False
        # 8 bytes a row, not a list of int objects (36 MB for a million rows)
        self._rows: array[int] = array("q")

    # --- the source -----------------------------------------------------------------------

    def setSourceModel(self, model: CamerasModel) -> None:
        """Show the rows of ``model`` (its resets, row changes and removals followed)."""
        self.beginResetModel()
        self._source = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.rowsInserted.connect(self._source_rows_inserted)
        model.rowsAboutToBeRemoved.connect(self._source_rows_about_to_be_removed)
        model.rowsRemoved.connect(self._source_rows_removed)
        model.dataChanged.connect(self._source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._rows = self._shown_rows()
        self.endResetModel()

    def sourceModel(self) -> CamerasModel | None:
        """The model whose rows are shown."""
        return self._source

    def mapToSource(self, index: _Index) -> QModelIndex:
        """The source index of a shown cell."""
        if self._source is None or not index.isValid():
            return QModelIndex()
        return self._source.index(self._source_row(index.row()), index.column())

    def mapFromSource(self, index: _Index) -> QModelIndex:
        """Where a source cell is shown (invalid when it is filtered out)."""
        row = self._shown_at(index.row()) if index.isValid() else None
        return QModelIndex() if row is None else self.index(row, index.column())

    # --- filters and sorting ----------------------------------------------------------------

    def set_status(self, status: Status | None) -> None:
        """Keep only cameras with this status (None: every status)."""
        self._refilter(lambda: setattr(self, "_status", status))

    def set_problems_only(self, on: bool) -> None:
        """Keep only cameras that have something to check."""
        self._refilter(lambda: setattr(self, "_problems_only", on))

    def _refilter(self, change: Callable[[], None]) -> None:
        self.beginResetModel()
        change()
        self._rows = self._shown_rows()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown rows by ``column`` (-1: the source's order); chosen rows stay chosen."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        sources = [self._source_row(i.row()) if i.isValid() else -1 for i in before]
        self._column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self._rows = self._sorted(self._rows)
        after = []
        for index, source in zip(before, sources, strict=True):
            row = self._shown_at(source) if source >= 0 else None
            after.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def resort(self) -> None:
        """Sort again by the same column (its texts changed language)."""
        self.sort(self._column, self.sort_order())

    def sort_column(self) -> int:
        """The column sorted by, -1 for the source's order."""
        return self._column

    def sort_order(self) -> Qt.SortOrder:
        """Ascending or descending."""
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    # --- the table ------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of cameras shown."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The source's columns."""
        if parent.isValid() or self._source is None:
            return 0
        return self._source.columnCount()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The source cell's data."""
        if self._source is None or not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._source.data(self.mapToSource(index), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The source's column titles."""
        if self._source is None:
            return None
        return self._source.headerData(section, orientation, role)

    # --- rows shown -----------------------------------------------------------------------

    def _source_row(self, row: int) -> int:
        return self._rows[len(self._rows) - 1 - row] if self._descending else self._rows[row]

    def _view_row(self, position: int) -> int:
        """The table row of a position in ``_rows`` (and back: the mapping is its own inverse)."""
        return len(self._rows) - 1 - position if self._descending else position

    def _key(self) -> Callable[[int], tuple[SortValue, int]]:
        """The order of ``_rows``: by sort value, ties by source row."""
        if self._source is None or self._column < 0:
            return lambda row: (0, row)
        values = self._source.sort_values(self._column)
        return lambda row: (values[row], row)

    def _position(self, source_row: int) -> int | None:
        """Where a source row is in ``_rows`` (None when it is not shown)."""
        key = self._key()
        at = bisect.bisect_left(self._rows, key(source_row), key=key)
        return at if at < len(self._rows) and self._rows[at] == source_row else None

    def _shown_at(self, source_row: int) -> int | None:
        position = self._position(source_row)
        return None if position is None else self._view_row(position)

    def _accepts(self, row: int) -> bool:
        assert self._source is not None
        if self._status is not None and self._source.camera_at(row).status != self._status:
            return False
        return not self._problems_only or self._source.problem_count(row) > 0

    def _shown_rows(self) -> array[int]:
        """The source rows that pass the filters, sorted."""
        if self._source is None:
            return array("q")
        source = self._source
        rows: Sequence[int] = (
            range(source.rowCount())
            if self._status is None
            else source.rows_with_status(self._status)
        )
        if self._problems_only:
            rows = [row for row in rows if source.problem_count(row) > 0]
        return self._sorted(rows)

    def _sorted(self, rows: Sequence[int]) -> array[int]:
        """``rows`` by the sort column, ties in source order."""
        if self._source is None or self._column < 0:
            return _row_array(np.sort(_numbered(rows)))
        ranks = self._source.sort_ranks(self._column)
        if len(rows) == len(ranks):  # every row (rows are distinct)
            ordered = np.arange(len(ranks))
        else:  # the rows in source order, without sorting them
            shown = np.zeros(len(ranks), dtype=np.bool_)
            shown[_numbered(rows)] = True
            ordered = np.flatnonzero(shown)
        return _row_array(ordered[np.argsort(ranks[ordered], kind="stable")])

    def _insert(self, source_row: int) -> None:
        """Show one source row at its place."""
        key = self._key()
        at = bisect.bisect_left(self._rows, key(source_row), key=key)
        row = len(self._rows) - at if self._descending else at
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(at, source_row)
        self.endInsertRows()

    def _take(self, position: int) -> None:
        """Stop showing the row at ``position`` of ``_rows``."""
        row = self._view_row(position)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[position]
        self.endRemoveRows()

    # --- following the source -------------------------------------------------------------

    def _source_reset(self) -> None:
        self._rows = self._shown_rows()
        self.endResetModel()

    def _source_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        rows = np.frombuffer(self._rows, dtype=np.int64)
        self._rows = _row_array(rows + (last - first + 1) * (rows >= first))
        for row in range(first, last + 1):
            if self._accepts(row):
                self._insert(row)

    def _source_rows_about_to_be_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(last, first - 1, -1):
            position = self._position(row)
            if position is not None:
                self._take(position)

    def _source_rows_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        rows = np.frombuffer(self._rows, dtype=np.int64)
        self._rows = _row_array(rows - (last - first + 1) * (rows > last))

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        for row in range(top.row(), bottom.row() + 1):
            self._follow_change(row)

    def _follow_change(self, source_row: int) -> None:
        """A source row changed: it may enter or leave the filter, or move."""
        try:
            position: int | None = self._rows.index(source_row)  # by value: its key changed
        except ValueError:
            position = None
        shown = self._accepts(source_row)
        if position is not None and shown and self._in_place(position):
            row = self._view_row(position)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return
        if position is not None:
            self._take(position)
        if shown:
            self._insert(source_row)

    def _in_place(self, position: int) -> bool:
        """Whether the row at ``position`` is still in order with its neighbours."""
        key, rows = self._key(), self._rows
        here = key(rows[position])
        before = position == 0 or key(rows[position - 1]) <= here
        return before and (position == len(rows) - 1 or here <= key(rows[position + 1]))


def _value_places(values: Sequence[SortValue]) -> NDArray[np.integer]:
    """Each value's place among the distinct values (equal values, equal places)."""
    place = {value: n for n, value in enumerate(sorted(set(values)))}
    kind = np.int16 if len(place) < 2**15 else np.int32  # 16 bits: a radix sort
    return np.fromiter(map(place.__getitem__, values), dtype=kind, count=len(values))


def _places_in_order(values: Sequence[SortValue]) -> NDArray[np.integer]:
    """Each row's place in a stable sort by ``values`` (ties by row), for values nearly all
    distinct (times), which ``_value_places`` would number one by one."""
    count = len(values)
    kind = np.int32 if count < 2**31 else np.int64
    if all(map(operator.le, values, islice(values, 1, None))):  # a survey's usual order
        return np.arange(count, dtype=kind)  # and no list of a million row numbers
    by_value = sorted(range(count), key=values.__getitem__)  # times come mostly in order: fast
    places: NDArray[np.integer] = np.empty(count, dtype=kind)
    places[np.fromiter(by_value, dtype=np.int64, count=count)] = np.arange(count)
    return places


def _numbered(rows: Sequence[int]) -> NDArray[np.int64]:
    """``rows`` as a numpy array, a range made at C speed."""
    if type(rows) is range:
        return np.arange(rows.start, rows.stop, rows.step, dtype=np.int64)
    return np.asarray(rows, dtype=np.int64)


def _row_array(rows: NDArray[np.int64]) -> array[int]:
    """Source rows as an ``array("q")``, 8 bytes each, filled from numpy at C speed.

    >>> _row_array(np.array([3, 1, 2]))
    array('q', [3, 1, 2])
    """
    packed = array("q")
    packed.frombytes(np.ascontiguousarray(rows, dtype=np.int64).tobytes())
    return packed
