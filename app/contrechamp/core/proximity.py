"""Metric positions of many points at once, and every pair of them within a distance.

Positions go into a transverse Mercator projection centred on the data (UTM's projection,
its central meridian and origin through the middle of the points, pyproj): its scale is off
by d²/2R², 3·10⁻⁵ at 50 km from the centre, so distances over a city are true to the
millimetre. Never Web Mercator, which stretches them by 1/cos(latitude). (An azimuthal
equidistant projection is as exact but five times slower in PROJ: geodesics per point.)
Pairs are found on a numpy grid: no Python loop over points.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from pyproj import Transformer

__all__ = ["PairFilter", "local_metres", "pairs_within"]

FloatArray = NDArray[np.float64]
IndexArray = NDArray[np.int64]

# The neighbour cells that, with the cell itself, see each pair of cells once.
_HALF_NEIGHBOURHOOD = ((1, 0), (-1, 1), (0, 1), (1, 1))
_CHUNK_PAIRS = 1 << 17
"""Candidate pairs tested at once: few enough for their arrays to stay in the CPU's cache
(tens of millions at once would go through memory several times over)."""


@dataclass(frozen=True)
class PairFilter:
    """Pairs to leave out of :func:`pairs_within` as they are found: those of points whose
    ``values`` (one per point) ``agree`` says no to. ``agree(values_i, values_j)``, on arrays
    of pairs, must give the same answer both ways round."""

    values: NDArray[Any]
    agree: Callable[[NDArray[Any], NDArray[Any]], NDArray[np.bool_]]


def _transformer(lat0: float, lon0: float) -> Transformer:
    from pyproj import CRS, Transformer  # slow to import: only when positions are projected

    local = f"+proj=tmerc +lat_0={lat0:.9f} +lon_0={lon0:.9f} +k_0=1 +ellps=WGS84 +units=m"
    return Transformer.from_crs("EPSG:4326", CRS.from_proj4(local), always_xy=True)


def _centre(lat: FloatArray, lon: FloatArray) -> tuple[float, float]:
    """A centre for the projection: the middle of the points' extent (longitudes unwrapped
    around the first point, so a survey across the antimeridian stays in one piece)."""
    spread = (lon - lon[0] + 180.0) % 360.0 - 180.0
    middle = (float(np.min(spread)) + float(np.max(spread))) / 2.0
    lon0 = (float(lon[0]) + middle + 180.0) % 360.0 - 180.0
    return (float(np.min(lat)) + float(np.max(lat))) / 2.0, lon0


def local_metres(lat: FloatArray, lon: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Project WGS 84 degrees to metres east and north of the points' centre.

    Over 12 km in Helsinki the projected distance is the geodesic one to the millimetre:

    >>> from contrechamp.core.geo import distance_m
    >>> x, y = local_metres(np.array([60.1, 60.2]), np.array([24.9, 25.0]))
    >>> round(float(np.hypot(x[1] - x[0], y[1] - y[0])) - distance_m(60.1, 24.9, 60.2, 25.0), 3)
    0.0
    """
    if lat.size == 0:
        return np.zeros(0), np.zeros(0)
    x, y = _transformer(*_centre(lat, lon)).transform(lon, lat)
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


def _cells(x: FloatArray, y: FloatArray, size: float) -> tuple[IndexArray, int]:
    """Each point's grid cell as one integer key, and the key step from a row to the next."""
    cx = np.floor(x / size).astype(np.int64)
    cy = np.floor(y / size).astype(np.int64)
    cx -= np.min(cx)
    cy -= np.min(cy)
    width = int(np.max(cx)) + 3  # a margin column: a neighbour key never wraps onto a row
    return cy * width + cx, width


def _expand(starts: IndexArray, counts: IndexArray) -> IndexArray:
    """Concatenate ``arange(s, s + c)`` for every (s, c), without a Python loop.

    >>> _expand(np.array([10, 20]), np.array([2, 3])).tolist()
    [10, 11, 20, 21, 22]
    """
    total = int(counts.sum())
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(starts, counts) + offsets


def _cell_pairs(
    start: IndexArray, count: IndexArray, ci: IndexArray, cj: IndexArray
) -> tuple[IndexArray, IndexArray]:
    """Every (point of cell ci, point of cell cj), as positions in the sorted order."""
    a = _expand(start[ci], count[ci])
    partners = np.repeat(count[cj], count[ci])
    b = _expand(np.repeat(start[cj], count[ci]), partners)
    return np.repeat(a, partners), b


def pairs_within(
    x: FloatArray, y: FloatArray, distance: float, keep: PairFilter | None = None
) -> tuple[IndexArray, IndexArray]:
    """Every pair (i, j), i < j, of points at most ``distance`` apart (same unit as x, y).

    ``keep`` leaves out the pairs its values disagree on as they are found (millions of
    pairs need not be gathered to be dropped after); the others come in the same order as
    without it.

    >>> a, b = pairs_within(np.array([0.0, 3.0, 10.0]), np.array([0.0, 4.0, 0.0]), 5.0)
    >>> list(zip(a.tolist(), b.tolist()))
    [(0, 1)]
    """
    if x.size < 2 or not distance > 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    keys, width = _cells(x, y, distance)
    order = np.argsort(keys, kind="stable")
    cells, start, count = np.unique(keys[order], return_index=True, return_counts=True)
    xs, ys = x[order], y[order]  # in cell order: a cell's points lie side by side
    values = keep.values[order] if keep is not None else None
    found_a, found_b = [], []
    for dx, dy in ((0, 0), *_HALF_NEIGHBOURHOOD):
        wanted = cells + dy * width + dx
        at = np.minimum(np.searchsorted(cells, wanted), cells.size - 1)
        hit = cells[at] == wanted
        for ci, cj in _chunks(np.nonzero(hit)[0], at[hit], count):
            a, b = _cell_pairs(start, count, ci, cj)
            if dx == dy == 0:
                once = a < b
                a, b = a[once], b[once]
            if keep is not None and values is not None:  # first: it may leave out far more
                agreed = keep.agree(values[a], values[b])
                a, b = a[agreed], b[agreed]
            near = (xs[a] - xs[b]) ** 2 + (ys[a] - ys[b]) ** 2 <= distance * distance
            a, b = a[near], b[near]
            found_a.append(order[a])
            found_b.append(order[b])
    a, b = np.concatenate(found_a), np.concatenate(found_b)
    return np.minimum(a, b), np.maximum(a, b)


def _chunks(
    ci: IndexArray, cj: IndexArray, count: IndexArray
) -> Iterator[tuple[IndexArray, IndexArray]]:
    """The pairs of cells (ci, cj), in order, in runs of about ``_CHUNK_PAIRS`` point pairs.

    >>> [c.tolist() for c, _ in _chunks(np.arange(4), np.arange(4), np.array([400, 1, 1, 1]))]
    [[0], [1, 2, 3]]
    """
    load = np.cumsum(count[ci] * count[cj])
    total = int(load[-1]) if load.size else 0
    cuts = np.searchsorted(load, np.arange(_CHUNK_PAIRS, total, _CHUNK_PAIRS)) + 1
    bounds = [0, *np.unique(cuts).tolist(), ci.size]
    for low, high in itertools.pairwise(bounds):
        if high > low:
            yield ci[low:high], cj[low:high]
