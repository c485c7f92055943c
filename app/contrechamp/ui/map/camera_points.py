"""One set of cameras as numpy arrays: positions, status groups, tags, fields of view, density.

Arrays keep 100k cameras cheap to cull and hit-test; ``snapshot`` gives an unchanging copy that
tile workers can read while the GUI thread edits the live set.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from contrechamp.core.fov import MAX_HEIGHT_M, REACH_PER_HEIGHT, FieldOfView, field_of_view
from contrechamp.ui.map.projection import (
    EARTH_CIRCUMFERENCE_M,
    TILE_PX,
    Viewport,
    world_of,
    world_of_arrays,
)

__all__ = ["MAX_REACH_M", "CameraPoints", "Density", "pixels_per_metre"]

MAX_REACH_M = REACH_PER_HEIGHT * MAX_HEIGHT_M  # the longest field of view drawn (84 m)

# equal fields of view share one object, so painters can memoise sprites by id()
_SHAPES: dict[FieldOfView, FieldOfView] = {}
# Scans of the ids before the set builds its id -> row index (56 MB for a million): the
# selected, the dragged and the edited camera are looked up again and again, and are found
# at once (remembered); past this many scans since the ids were last replaced or one removed
# (cameras added one by one, many different ones looked up), the index is built.
_SCANS_AT_MOST = 16


def pixels_per_metre(y: NDArray[np.float64] | float, zoom: float) -> NDArray[np.float64]:
    """Return the ground scale at world rows ``y``, in 0.5 % steps so sprites are shared.

    The step depends only on the position and zoom, so a cone cut by a tile edge is painted
    at the same size in both tiles.
    """
    exact = 2.0**zoom * TILE_PX * np.cosh(np.pi * (1 - 2 * np.asarray(y) / TILE_PX))
    ppm = exact / EARTH_CIRCUMFERENCE_M
    return np.asarray(np.exp(np.round(np.log(ppm) * 200.0) / 200.0), dtype=np.float64)


class Density:
    """How crowded each camera's cell is, on a world grid of ``scale`` cells per world unit."""

    def __init__(self, x: NDArray[np.float64], y: NDArray[np.float64], scale: float):
        self.scale = scale
        self.keys = self._keys(x, y)
        _, inverse, counts = np.unique(self.keys, return_inverse=True, return_counts=True)
        self.counts = counts[inverse]

    def _keys(self, x: NDArray[np.float64], y: NDArray[np.float64]) -> NDArray[np.int64]:
        """Return one integer per grid cell for each position."""
        col = np.floor(np.asarray(x) * self.scale).astype(np.int64)
        row = np.floor(np.asarray(y) * self.scale).astype(np.int64)
        return (col << 32) + row


class CameraPoints:
    """One set of cameras (the survey's, or those already in OSM) as parallel arrays."""

    def __init__(self) -> None:
        self.ids: list[Hashable] | range = []  # a range: rows of a first look, kept as such
        self.tags: list[Mapping[str, str]] = []
        self.x = np.empty(0, dtype=np.float64)
        self.y = np.empty(0, dtype=np.float64)
        self.group = np.empty(0, dtype=np.int8)
        self._rows: dict[Hashable, int] | None = {}  # id -> row; None: not made yet
        self._scanned: dict[Hashable, int | None] = {}  # rows found without _rows, by id
        self._scans = 0  # scans since the ids were replaced or one removed
        # id -> (the tags it was computed from, field of view); shared with snapshots, and
        # checked against the row's tags, so a stale entry from a worker is never used
        self._fovs: dict[Hashable, tuple[Mapping[str, str], FieldOfView]] = {}
        self._density: dict[tuple[float, bytes], Density] = {}
        self._lent = False  # whether a snapshot shares the columns (copied before an edit)

    def __len__(self) -> int:
        return len(self.ids)

    def replace(
        self,
        ids: Sequence[Hashable],
        lat: NDArray[np.float64],
        lon: NDArray[np.float64],
        group: NDArray[np.int8],
        tags: list[Mapping[str, str]],
        *,
        owned: bool = False,
    ) -> None:
        """Replace every camera with these columns (one entry per camera, in the same order).
        Ids given as a range stay one until an edit (a million row numbers: 40 MB as a list).
        ``owned``: the columns are new and given up to the set, which keeps the ids list and
        turns the positions into its own (a million cameras: 32 MB less while replacing)."""
        if isinstance(ids, range) or (owned and isinstance(ids, list)):
            self.ids = ids
        else:
            self.ids = list(ids)
        self.tags = tags
        self.x, self.y = world_of_arrays(lat, lon, in_place=owned)
        self.group = np.asarray(group, dtype=np.int8)
        self._rows = None  # a million cameras are seldom looked up by id: not built yet
        self._scanned, self._scans = {}, 0
        self._fovs = {}
        self._density = {}
        self._lent = False

    def clear(self) -> None:
        """Forget every camera: their columns are freed, unless a snapshot holds them."""
        self.replace(range(0), np.empty(0), np.empty(0), np.empty(0, dtype=np.int8), [])

    def upsert(
        self, cam_id: Hashable, lat: float, lon: float, group: int, tags: Mapping[str, str]
    ) -> None:
        """Add a camera or update one in place."""
        x, y = world_of(lat, lon)
        ids = self._own_columns()
        i = self.index_of(cam_id)
        if i is None:
            if self._rows is not None:
                self._rows[cam_id] = len(ids)
            self._scanned = {}  # it was not there
            ids.append(cam_id)
            self.tags.append(tags)
            self.x, self.y = np.append(self.x, x), np.append(self.y, y)
            self.group = np.append(self.group, np.int8(group))
        else:
            self.x[i], self.y[i], self.group[i], self.tags[i] = x, y, group, tags
        self._density = {}

    def remove(self, cam_id: Hashable) -> None:
        """Remove a camera (nothing happens for an unknown id)."""
        i = self.index_of(cam_id)
        if i is None:
            return
        ids = self._own_columns()
        del ids[i], self.tags[i]
        self.x, self.y = np.delete(self.x, i), np.delete(self.y, i)
        self.group = np.delete(self.group, i)
        self._rows, self._scanned, self._scans = None, {}, 0  # the rows after it moved up
        self._fovs.pop(cam_id, None)
        self._density = {}

    def move(self, row: int, x: float, y: float) -> None:
        """Put the camera of ``row`` at a world position (a drag's preview)."""
        self._own_columns()
        self.x[row], self.y[row] = x, y

    def snapshot(self) -> CameraPoints:
        """Return a copy that later edits do not change (for tile workers); fields of view
        computed by either side are shared. The columns are shared until this set is next
        edited (a million cameras are snapshotted several times while a survey opens)."""
        copy = CameraPoints()
        copy.ids, copy.tags = self.ids, self.tags
        copy.x, copy.y, copy.group = self.x, self.y, self.group
        copy._fovs = self._fovs  # ids are not indexed: a snapshot is only drawn
        copy._lent = self._lent = True  # neither edits columns the other reads
        return copy

    def _own_columns(self) -> list[Hashable]:
        """Copy the columns a snapshot shares before they are edited in place, and make
        ids given as a range a list; return the ids."""
        if self._lent:
            self.ids, self.tags = list(self.ids), list(self.tags)
            self.x, self.y, self.group = self.x.copy(), self.y.copy(), self.group.copy()
            self._lent = False
        if type(self.ids) is range:
            self.ids = list(self.ids)
        assert type(self.ids) is list
        return self.ids

    def row_copy(self, row: int) -> CameraPoints:
        """Return a set holding one camera of this one, as it is now."""
        one = CameraPoints()
        one.ids, one.tags = [self.ids[row]], [self.tags[row]]
        one.x, one.y = self.x[row : row + 1].copy(), self.y[row : row + 1].copy()
        one.group = self.group[row : row + 1].copy()
        one._fovs = self._fovs
        return one

    def index_of(self, cam_id: Hashable) -> int | None:
        """Return the row of a camera id (None if the set does not hold it)."""
        rows = self._rows
        if rows is not None:
            return rows.get(cam_id)
        scanned = self._scanned
        if cam_id in scanned:
            return scanned[cam_id]
        if self._scans >= _SCANS_AT_MOST:
            self._rows = {cam_id: i for i, cam_id in enumerate(self.ids)}
            return self._rows.get(cam_id)
        self._scans += 1
        ids: Sequence[Hashable] = self.ids  # a range (a first look) or a list
        try:
            row: int | None = ids.index(cam_id)  # in C: 3 ms for a million
        except ValueError:
            row = None
        scanned[cam_id] = row
        return row

    def visible(
        self, view: Viewport, shown: NDArray[np.bool_], margin_px: float
    ) -> NDArray[np.intp]:
        """Return the rows inside the view (grown by a margin) whose group is shown."""
        x0, y0, x1, y1 = view.world_rect(margin_px)
        inside = (self.x >= x0) & (self.x <= x1) & (self.y >= y0) & (self.y <= y1)
        return np.flatnonzero(inside & shown[self.group])

    def nearest(
        self, view: Viewport, px: float, py: float, shown: NDArray[np.bool_], radius_px: float
    ) -> int | None:
        """Return the row of the shown camera nearest to a pixel, within ``radius_px``."""
        rows = self.visible(view, shown, radius_px)
        if len(rows) == 0:
            return None
        wx, wy = view.to_world(px, py)
        dist = np.hypot(self.x[rows] - wx, self.y[rows] - wy) * view.scale
        best = int(np.argmin(dist))
        return int(rows[best]) if dist[best] <= radius_px else None

    def fov(self, row: int) -> FieldOfView:
        """Return the (cached) field of view of a row."""
        cam_id, tags = self.ids[row], self.tags[row]
        cached = self._fovs.get(cam_id)
        if cached is not None and cached[0] is tags:
            return cached[1]
        fov = field_of_view(tags)
        fov = _SHAPES.setdefault(fov, fov)
        self._fovs[cam_id] = (tags, fov)
        return fov

    def density(self, scale: float, shown: NDArray[np.bool_]) -> Density:
        """Return the (cached) crowding of the shown cameras on a grid of ``scale`` cells per
        world unit."""
        key = (scale, shown.tobytes())
        found = self._density.get(key)
        if found is None:
            keep = shown[self.group]
            found = self._density[key] = Density(self.x[keep], self.y[keep], scale)
            found.counts = _spread(found.counts, keep)
        return found


def _spread(counts: NDArray[np.intp], keep: NDArray[np.bool_]) -> NDArray[np.intp]:
    """Return per-row counts for every row (0 for rows of hidden groups)."""
    full = np.zeros(len(keep), dtype=np.intp)
    full[keep] = counts
    return full
