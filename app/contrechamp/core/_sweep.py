"""The rotational sweep behind ``core.visibility``: the region a camera at the origin sees
among walls that do not cross, bounded by a closed outline of walls around it.

The bearings of every wall end cut the turn into elementary angular intervals; inside one no
wall starts or ends and no two cross, so one wall is the nearest along the whole interval,
found by comparing the walls spanning it along its middle bearing. The region is then, per
interval, the triangle from the camera to that wall: its corners are exact intersections of
the critical bearings with the walls. Bearings closer than ``_SAME_ANGLE`` are one bearing.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

__all__ = ["clipped_to_box", "clipped_to_convex", "cross", "sweep_ring", "window_angles"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
TAU = 2.0 * math.pi
SAME_POINT_M = 1e-9
_SAME_ANGLE = 1e-12  # radians: 4·10⁻¹¹ m at 40 m


def sweep_ring(walls: FloatArray, window: tuple[float, float] | None) -> FloatArray:
    """The outline of what the origin sees among ``walls`` in the bearing ``window`` (start,
    end clockwise from north, degrees; None: all round), as ring coordinates.

    ``walls`` are rows (px, py, qx, qy), q anticlockwise of p seen from the origin; none
    may cross another, and together they must close every bearing of the window (an outline
    around the origin is among them). A window's ring starts at the origin.

    >>> square = np.array([[1, -1, 1, 1], [1, 1, -1, 1], [-1, 1, -1, -1], [-1, -1, 1, -1]])
    >>> sweep_ring(square.astype(float), (45.0, 135.0)).round(6).tolist()
    [[0.0, 0.0], [1.0, -1.0], [1.0, 1.0]]
    """
    start, width = window_angles(window)
    p, q = walls[:, 0:2], walls[:, 2:4]
    ap, aq = _snapped(np.concatenate([_turn(p, start), _turn(q, start)]), width).reshape(2, -1)
    wraps = ap - aq > math.pi  # the wall crosses the window's first bearing
    usable = (aq > ap) | wraps
    p, q, ap, aq, wraps = p[usable], q[usable], ap[usable], aq[usable], wraps[usable]
    inside = np.concatenate([ap, aq])
    cuts = np.unique(np.concatenate([[0.0, width], inside[inside < width]]))
    lows = np.concatenate([ap, np.zeros(int(wraps.sum()))])
    highs = np.concatenate([np.where(wraps, TAU, aq), aq[wraps]])
    owner = np.concatenate([np.arange(len(p)), np.flatnonzero(wraps)])
    nearest = _nearest_walls(p, q, owner, lows, highs, cuts, start)
    return _star_ring(p[nearest], q[nearest], cuts, start, full=width >= TAU)


def window_angles(window: tuple[float, float] | None) -> tuple[float, float]:
    """A bearing window as (first anticlockwise angle from east, angular width), radians."""
    if window is None:
        return 0.0, TAU
    first, last = window
    span = (last - first) % 360.0 or 360.0
    return math.radians(90.0 - last), math.radians(span)


def _snapped(angles: FloatArray, width: float) -> FloatArray:
    """The angles with those less than ``_SAME_ANGLE`` apart made equal (to the window's
    ends when near them). Two corners on one ray a rounding error apart would otherwise
    leave a sliver of an interval between two walls that meet, seeing through their corner.
    """
    ends = np.array([0.0, width, TAU])
    values = np.concatenate([ends, angles])
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    cluster = np.cumsum(np.r_[True, np.diff(ordered) > _SAME_ANGLE]) - 1
    first = ordered[np.flatnonzero(np.r_[True, np.diff(cluster) > 0])]
    of_value = np.empty(len(values), dtype=np.int64)
    of_value[order] = cluster
    first[of_value[:3]] = ends  # a cluster holding an end of the window snaps to that end
    return first[of_value[3:]]


def _turn(points: FloatArray, start: float) -> FloatArray:
    """Anticlockwise angles of the points from the window's first bearing, in [0, 2π)."""
    turn = (np.arctan2(points[:, 1], points[:, 0]) - start) % TAU
    return np.where(turn >= TAU, 0.0, turn)


def _nearest_walls(
    p: FloatArray,
    q: FloatArray,
    owner: IntArray,
    lows: FloatArray,
    highs: FloatArray,
    cuts: FloatArray,
    start: float,
) -> IntArray:
    """For each interval between consecutive ``cuts``, the wall nearest to the camera.

    Wall ``owner[k]`` spans the angles ``lows[k]`` to ``highs[k]``: exactly the intervals
    between those two cuts. Each (interval, wall) pair is measured along the interval's
    middle bearing; in an interval walls neither cross nor end, so that one comparison holds
    for the whole interval.
    """
    last = len(cuts) - 1
    first = np.searchsorted(cuts, np.minimum(lows, cuts[-1]))
    stop = np.minimum(np.searchsorted(cuts, np.minimum(highs, cuts[-1])), last)
    counts = np.maximum(stop - first, 0)
    offsets = np.cumsum(counts) - counts
    interval = np.repeat(first - offsets, counts) + np.arange(counts.sum())
    wall = np.repeat(owner, counts)
    middle = start + (cuts[interval] + cuts[interval + 1]) / 2
    ray = np.column_stack([np.cos(middle), np.sin(middle)])
    edge = q[wall] - p[wall]
    distance = cross(p[wall], edge) / cross(ray, edge)
    order = np.lexsort((distance, interval))
    firsts = np.r_[True, interval[order][1:] != interval[order][:-1]]
    return wall[order][firsts]


def _star_ring(
    p: FloatArray, q: FloatArray, cuts: FloatArray, start: float, *, full: bool
) -> FloatArray:
    """The ring made of, for each interval, the camera's view onto its nearest wall."""
    edge = q - p
    reach = cross(p, edge)

    def on_wall(angles: FloatArray) -> FloatArray:
        ray = np.column_stack([np.cos(start + angles), np.sin(start + angles)])
        return ray * (reach / cross(ray, edge))[:, None]

    ring = np.stack([on_wall(cuts[:-1]), on_wall(cuts[1:])], axis=1).reshape(-1, 2)
    if not full:
        ring = np.vstack([[0.0, 0.0], ring])
    # One corner reached from both of its walls comes out twice, a rounding error apart:
    # GEOS would see the zigzag between the two copies as the ring crossing itself.
    apart = np.hypot(*(ring - np.roll(ring, 1, axis=0)).T) > SAME_POINT_M
    return ring[apart]  # type: ignore[no-any-return]


def cross(a: FloatArray, b: FloatArray) -> FloatArray:
    """The z component of the cross product of rows of 2-vectors."""
    return a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]


def clipped_to_box(walls: FloatArray, half: float) -> FloatArray:
    """The parts of the walls inside the square [-half, half]² (Liang–Barsky)."""
    start, delta = walls[:, 0:2], walls[:, 2:4] - walls[:, 0:2]
    low, high = np.zeros(len(walls)), np.ones(len(walls))
    keep = np.ones(len(walls), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for axis in (0, 1):
            for sign in (-1.0, 1.0):
                p = sign * delta[:, axis]
                q = half - sign * start[:, axis]
                keep &= ~((p == 0) & (q < 0))
                ratio = q / p
                low = np.where(p < 0, np.maximum(low, ratio), low)
                high = np.where(p > 0, np.minimum(high, ratio), high)
    keep &= low < high
    start, delta, low, high = start[keep], delta[keep], low[keep], high[keep]
    return np.hstack([start + delta * low[:, None], start + delta * high[:, None]])


def clipped_to_convex(walls: FloatArray, normals: FloatArray, offsets: FloatArray) -> FloatArray:
    """The parts of the walls inside the convex polygon {x : normals · x <= offsets}
    (Cyrus–Beck), in the walls' direction."""
    start, delta = walls[:, 0:2], walls[:, 2:4] - walls[:, 0:2]
    room = offsets[None, :] - start @ normals.T  # how far inside each side the start is
    along = delta @ normals.T
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = room / along
    low = np.max(np.where(along < 0, ratio, 0.0), axis=1, initial=0.0)
    high = np.min(np.where(along > 0, ratio, 1.0), axis=1, initial=1.0)
    keep = (low < high) & ~np.any((along == 0) & (room < 0), axis=1)
    start, delta, low, high = start[keep], delta[keep], low[keep], high[keep]
    return np.hstack([start + delta * low[:, None], start + delta * high[:, None]])
