"""Lines cut into straight segments, and which stretches of them lie inside polygons.

A stretch is a parameter interval [t0, t1] of one segment (0 at its start, 1 at its end):
exact, since a polygon meets a straight segment in straight pieces. Counting how many
polygons hold each point of a segment is a one-dimensional sweep over the stretches'
ends, vectorised over every segment at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray

__all__ = ["Pieces", "Segments", "Stretches", "pieces"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
_LINESTRING = 1


@dataclass(frozen=True)
class Stretches:
    """Parameter intervals of segments, each inside polygon ``owner`` (rows of equal length)."""

    owner: IntArray
    segment: IntArray
    t0: FloatArray
    t1: FloatArray

    @classmethod
    def empty(cls) -> Stretches:
        """No stretch at all."""
        none = np.zeros(0)
        return cls(none.astype(np.int64), none.astype(np.int64), none, none)

    def where(self, keep: NDArray[np.bool_]) -> Stretches:
        """The stretches where ``keep`` is true."""
        return Stretches(self.owner[keep], self.segment[keep], self.t0[keep], self.t1[keep])

    def plus(self, other: Stretches) -> Stretches:
        """These stretches and then ``other``'s."""
        return Stretches(
            np.concatenate([self.owner, other.owner]),
            np.concatenate([self.segment, other.segment]),
            np.concatenate([self.t0, other.t0]),
            np.concatenate([self.t1, other.t1]),
        )


@dataclass(frozen=True)
class Pieces:
    """The segments cut where a count of polygons changes: per piece its segment, its
    interval and, per layer of polygons, how many of that layer hold it."""

    segment: IntArray
    t0: FloatArray
    t1: FloatArray
    counts: IntArray  # one column per layer


class Segments:
    """Straight segments (x0, y0, x1, y1) in metres, each belonging to a line, indexed.

    >>> lines = Segments.of_lines(np.array([shapely.LineString([(0, 0), (10, 0), (10, 5)])]))
    >>> lines.line.tolist(), lines.length.tolist()
    ([0, 0], [10.0, 5.0])
    >>> inside = lines.stretches(np.array([shapely.box(5, -1, 20, 2)]))
    >>> inside.segment.tolist(), inside.t0.tolist(), inside.t1.tolist()
    ([0, 1], [0.5, 0.0], [1.0, 0.4])
    """

    def __init__(self, ends: FloatArray, line: IntArray) -> None:
        keep = np.hypot(ends[:, 2] - ends[:, 0], ends[:, 3] - ends[:, 1]) > 0
        self.ends, self.line = ends[keep], line[keep]
        self.length = np.hypot(self.ends[:, 2] - self.ends[:, 0], self.ends[:, 3] - self.ends[:, 1])
        self.lines = shapely.linestrings(self.ends.reshape(-1, 2, 2))
        self._tree = shapely.STRtree(self.lines)

    @classmethod
    def of_lines(cls, lines: NDArray[np.object_]) -> Segments:
        """The segments of (multi)linestrings, each tagged with the index of its line."""
        parts, owner = shapely.get_parts(lines, return_index=True)
        xy, part = shapely.get_coordinates(parts, return_index=True)
        if len(xy) < 2:
            return cls(np.zeros((0, 4)), np.zeros(0, dtype=np.int64))
        same = part[1:] == part[:-1]
        ends = np.hstack([xy[:-1][same], xy[1:][same]])
        return cls(ends, owner[part[:-1][same]].astype(np.int64))

    def __len__(self) -> int:
        return len(self.ends)

    def near(self, polygons: NDArray[np.object_]) -> tuple[IntArray, IntArray]:
        """(polygon, segment) index pairs of the segments that meet each polygon."""
        if len(polygons) == 0 or len(self) == 0:
            none = np.zeros(0, dtype=np.int64)
            return none, none
        found = self._tree.query(polygons, predicate="intersects")
        return found[0].astype(np.int64), found[1].astype(np.int64)

    def stretches(self, polygons: NDArray[np.object_]) -> Stretches:
        """Every stretch of a segment inside one of the polygons (touching points left out)."""
        owner, segment = self.near(polygons)
        if len(owner) == 0:
            return Stretches.empty()
        cut = shapely.intersection(self.lines[segment], polygons[owner])
        parts, pair = shapely.get_parts(cut, return_index=True)
        lines = shapely.get_type_id(parts) == _LINESTRING
        parts, pair = parts[lines], pair[lines]
        xy, part = shapely.get_coordinates(parts, return_index=True)
        if len(xy) == 0:
            return Stretches.empty()
        seg = segment[pair[part]]
        start, delta = self.ends[seg, 0:2], self.ends[seg, 2:4] - self.ends[seg, 0:2]
        t = np.clip(((xy - start) * delta).sum(axis=1) / (self.length[seg] ** 2), 0.0, 1.0)
        bounds = np.flatnonzero(np.r_[True, part[1:] != part[:-1]])
        t0, t1 = np.minimum.reduceat(t, bounds), np.maximum.reduceat(t, bounds)
        kept = t1 > t0
        first = pair[part[bounds]][kept]
        return Stretches(owner[first], segment[first], t0[kept], t1[kept])


def pieces(layers: list[Stretches]) -> Pieces:
    """Cut the segments at every stretch end: each piece with how many stretches of each
    layer cover it (pieces covered by nothing are left out).

    >>> a = Stretches(np.array([0, 1]), np.array([0, 0]), np.array([0.0, 0.5]), np.array([0.6, 1]))
    >>> cut = pieces([a])
    >>> cut.t0.tolist(), cut.t1.tolist(), cut.counts[:, 0].tolist()
    ([0.0, 0.5, 0.6], [0.5, 0.6, 1.0], [1, 2, 1])
    """
    segment = np.concatenate([s.segment for s in layers for _ in (0, 1)])
    t = np.concatenate([v for s in layers for v in (s.t0, s.t1)])
    deltas = np.zeros((len(t), len(layers)), dtype=np.int64)
    row = 0
    for column, layer in enumerate(layers):
        n = len(layer.t0)
        deltas[row : row + n, column], deltas[row + n : row + 2 * n, column] = 1, -1
        row += 2 * n
    order = np.lexsort((t, segment))
    segment, t, counts = segment[order], t[order], np.cumsum(deltas[order], axis=0)
    real = (segment[1:] == segment[:-1]) & (t[1:] > t[:-1]) & (counts[:-1] > 0).any(axis=1)
    return Pieces(segment[:-1][real], t[:-1][real], t[1:][real], counts[:-1][real])
