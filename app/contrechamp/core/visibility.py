"""What a camera can see among the buildings: an exact visibility polygon, clipped to its field.

Everything is in local metres (x east, y north). Building footprints are walls: a camera sees
a point when the segment between them crosses no footprint's interior. The visibility polygon
is computed exactly by a rotational sweep (Asano's algorithm, vectorised): the bearings of
every wall corner around the camera cut the turn into elementary angular intervals; inside one
interval no wall starts or ends and no two walls cross, so a single wall is the nearest all
along it, and the visible region there is the triangle from the camera to that wall. Each
corner of the polygon is an exact intersection of a critical bearing with a wall: no fan of
sampled rays, nothing missed between two rays (``core._sweep``). Only walls facing the camera
are swept (a closed footprint's back walls lie behind its front ones), and overlapping
footprints are merged first, so that no two walls cross. The field of view bounds the sweep:
its far edge (the arc as ``fov`` draws it) closes the turn, and the walls are clipped to it,
so the swept ring is the visibility polygon already cut to the field, with no overlay.

A camera mapped on its wall (on or just inside the footprint, as mappers draw wall cameras)
looks out from ``WALL_OFFSET_M`` outside the nearest wall; one more than ``MOUNT_SNAP_M``
inside a footprint is indoors and sees no street.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely import Geometry, Polygon

from contrechamp.core._sweep import (
    SAME_POINT_M,
    clipped_to_box,
    clipped_to_convex,
    cross,
    sweep_ring,
)
from contrechamp.core.fov import FieldOfView, FovKind

__all__ = [
    "MOUNT_SNAP_M",
    "WALL_OFFSET_M",
    "Obstacles",
    "visibility_polygon",
    "visible_area",
    "visible_from",
]

MOUNT_SNAP_M = 5.0
"""How far inside a footprint a camera may be mapped and still be on its wall (GPS and
hand placement are off by a few metres)."""
WALL_OFFSET_M = 0.2
"""How far in front of its wall a wall camera looks from."""
_ON_WALL_M = 1e-3
"""A camera closer than this to a wall is on it (and would see the wall edge-on, a
wall through its own eye, which no sweep can order)."""

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
_EMPTY = Polygon()
_ARC_STEP_DEG = 5.0  # as ``fov.sector_polygon`` draws arcs: the same corners, to the bit


class Obstacles:
    """Building footprints (polygons in local metres) ready for visibility queries.

    Their walls are kept as segments with the solid on their left (exterior rings
    anticlockwise, courtyards clockwise), grouped by footprint under an STRtree.

    >>> walls = Obstacles([shapely.box(0, 0, 10, 10)])
    >>> walls.footprint_count, len(walls.edges)
    (1, 4)
    """

    def __init__(self, footprints: Sequence[Geometry]) -> None:
        self.footprints = _disjoint_polygons(footprints)
        self.edges, first = _oriented_edges(self.footprints)
        self._first_edge = first  # footprint i owns edges first[i]:first[i + 1]
        self._tree = shapely.STRtree(self.footprints)

    @property
    def footprint_count(self) -> int:
        """How many footprints remain once overlapping ones are merged."""
        return len(self.footprints)

    def facing_walls(self, x: float, y: float, half_size: float) -> FloatArray:
        """The walls of the footprints meeting the square of ``half_size`` around (x, y) that
        face it, relative to (x, y): rows (px, py, qx, qy) with q anticlockwise of p."""
        box = shapely.box(x - half_size, y - half_size, x + half_size, y + half_size)
        owners = self._tree.query(box)
        if len(owners) == 0:
            return np.zeros((0, 4))
        starts, ends = self._first_edge[owners], self._first_edge[owners + 1]
        counts = ends - starts
        index = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        walls = self.edges[index] - np.array([x, y, x, y])
        facing = cross(walls[:, 0:2], walls[:, 2:4]) < 0.0  # the camera on the free side
        seen: FloatArray = walls[facing][:, [2, 3, 0, 1]]  # q anticlockwise of p, from (x, y)
        return seen

    def walls_around(self, x: float, y: float, half_size: float) -> FloatArray:
        """The walls :meth:`facing_walls` gives, clipped to their square."""
        return clipped_to_box(self.facing_walls(x, y, half_size), half_size)

    def placement(self, x: float, y: float) -> tuple[float, float] | None:
        """Where a camera mapped at (x, y) looks from: there when outside every footprint,
        ``WALL_OFFSET_M`` out of the nearest wall when within ``MOUNT_SNAP_M`` inside one,
        None when deeper inside (an indoor camera).

        >>> walls = Obstacles([shapely.box(0, 0, 20, 20)])
        >>> walls.placement(-3.0, 5.0), walls.placement(1.0, 5.0), walls.placement(10.0, 10.0)
        ((-3.0, 5.0), (-0.2, 5.0), None)
        """
        point = shapely.Point(x, y)
        if len(self._tree.query(point, predicate="dwithin", distance=_ON_WALL_M)) == 0:
            return x, y
        near = self._tree.query(point, predicate="dwithin", distance=MOUNT_SNAP_M)
        region = shapely.union_all(self.footprints[near])  # with the footprints it touches
        if shapely.contains(region, point) and region.boundary.distance(point) > MOUNT_SNAP_M:
            return None
        return _out_of(region, x, y)


def _disjoint_polygons(footprints: Sequence[Geometry]) -> NDArray[np.object_]:
    """Valid polygons of the footprints, those overlapping each other merged."""
    shapes = np.asarray(footprints, dtype=object)
    shapes = shapes[~shapely.is_empty(shapes)] if len(shapes) else shapes
    bad = ~shapely.is_valid(shapes)
    shapes[bad] = shapely.make_valid(shapes[bad])
    parts = shapely.get_parts(shapes)
    polygons = parts[(shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 0)]
    if len(polygons) < 2:
        return polygons  # type: ignore[no-any-return]
    left, right = shapely.STRtree(polygons).query(polygons, predicate="overlaps")
    if len(left) == 0:
        return polygons  # type: ignore[no-any-return]
    group = _groups(len(polygons), left, right)
    merged = [
        shapely.get_parts(shapely.union_all(polygons[group == g]))
        for g in np.unique(group[np.isin(np.arange(len(polygons)), left)])
    ]
    alone = polygons[~np.isin(np.arange(len(polygons)), left)]
    return np.concatenate([alone, *merged])


def _groups(count: int, left: IntArray, right: IntArray) -> IntArray:
    """The connected groups of a graph of ``count`` nodes given by its edges (union-find)."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        parent[root(a)] = root(b)
    return np.array([root(i) for i in range(count)], dtype=np.int64)


def _oriented_edges(polygons: NDArray[np.object_]) -> tuple[FloatArray, IntArray]:
    """Every wall (ax, ay, bx, by) with the footprint on its left, grouped by footprint, and
    the index of each footprint's first wall (plus one past the last)."""
    if len(polygons) == 0:
        return np.zeros((0, 4)), np.zeros(1, dtype=np.int64)
    rings, owner = shapely.get_rings(polygons, return_index=True)
    xy, ring = shapely.get_coordinates(rings, return_index=True)
    same = ring[1:] == ring[:-1]
    edges = np.hstack([xy[:-1][same], xy[1:][same]])
    edge_ring = ring[:-1][same]
    # A ring is anticlockwise when its shoelace sum is positive; exteriors must be, holes not.
    twice_area = np.bincount(edge_ring, cross(edges[:, 0:2], edges[:, 2:4]), len(rings))
    exterior = np.r_[True, owner[1:] != owner[:-1]]
    flip = (twice_area > 0) != exterior
    edges[flip[edge_ring]] = edges[flip[edge_ring]][:, [2, 3, 0, 1]]
    first = np.searchsorted(owner[edge_ring], np.arange(len(polygons) + 1))
    return edges, first.astype(np.int64)


def _out_of(region: Geometry, x: float, y: float) -> tuple[float, float] | None:
    """The point ``WALL_OFFSET_M`` out of the wall of ``region`` nearest to (x, y): straight
    out of a wall, along the bisector out of a corner."""
    edges, _ = _oriented_edges(shapely.get_parts(region))
    a, delta = edges[:, 0:2], edges[:, 2:4] - edges[:, 0:2]
    lengths = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-12)
    u = np.clip(((np.array([x, y]) - a) * delta).sum(axis=1) / lengths**2, 0.0, 1.0)
    foot = a + delta * u[:, None]
    i = int(np.argmin(np.hypot(foot[:, 0] - x, foot[:, 1] - y)))
    there = np.hypot(foot[:, 0] - foot[i, 0], foot[:, 1] - foot[i, 1]) < SAME_POINT_M
    normals = (np.column_stack([delta[:, 1], -delta[:, 0]]) / lengths[:, None])[there].sum(axis=0)
    norm = float(np.hypot(*normals))
    if norm < 1e-6:  # walls of opposite sides meet there: no way out
        return None
    for step in (WALL_OFFSET_M, WALL_OFFSET_M / 10):
        px, py = (float(v) for v in foot[i] + normals / norm * step)
        if shapely.distance(region, shapely.Point(px, py)) > _ON_WALL_M:
            return px, py
    return None  # wedged in a gap narrower than the offset


def visibility_polygon(
    walls: FloatArray, half_size: float, window: tuple[float, float] | None = None
) -> Polygon:
    """The region a camera at (0, 0) sees among ``walls`` within the square of ``half_size``,
    in the bearing ``window`` (start, end clockwise from north, degrees; None: all round).

    ``walls`` are rows (px, py, qx, qy) with q anticlockwise of p seen from the camera (as
    :meth:`Obstacles.walls_around` gives them), none crossing another or the square.

    >>> wall = np.array([[10.0, -10.0, 10.0, 10.0]])  # a wall 10 m east, 20 m wide
    >>> round(visibility_polygon(wall, 20.0, (45.0, 135.0)).area, 6)
    100.0
    >>> round(visibility_polygon(np.zeros((0, 4)), 1.0).area, 6)
    4.0
    """
    h = half_size
    square = np.array([[h, -h, h, h], [h, h, -h, h], [-h, h, -h, -h], [-h, -h, h, -h]])
    return _polygon(sweep_ring(np.vstack([walls.reshape(-1, 4), square]), window), (0.0, 0.0))


def _polygon(ring: FloatArray, at: tuple[float, float]) -> Polygon:
    """The polygon of a swept ring, moved to ``at``; empty for a ring of no area."""
    if len(ring) < 3:
        return _EMPTY
    polygon = Polygon(ring + np.array(at))
    if not polygon.is_valid:  # slivers of rounding at grazing angles
        parts = shapely.get_parts(shapely.make_valid(polygon))
        polygon = max(parts[shapely.get_type_id(parts) == 3], key=shapely.area, default=_EMPTY)
    return polygon


@dataclass(frozen=True, eq=False)
class _FieldPiece:
    """A convex part of a field of view: its bearing window (None: all round), its far edge
    as walls (q anticlockwise of p) and the half-planes that bound it."""

    window: tuple[float, float] | None
    outline: FloatArray
    normals: FloatArray
    offsets: FloatArray

    @classmethod
    def of_ring(
        cls, window: tuple[float, float] | None, ring: FloatArray, far: FloatArray
    ) -> _FieldPiece:
        """The piece bounded by the anticlockwise ``ring``, whose far edge is ``far``
        (points in anticlockwise order)."""
        a, b = ring, np.roll(ring, -1, axis=0)
        normals = np.column_stack([b[:, 1] - a[:, 1], a[:, 0] - b[:, 0]])  # outward
        offsets = (normals * a).sum(axis=1)
        return cls(window, np.hstack([far[:-1], far[1:]]), normals, offsets)


def _field_pieces(fov: FieldOfView) -> tuple[_FieldPiece, ...]:
    """The field of view as convex pieces: the circle, or each wedge (those wider than a
    half-turn cut in two), with the very corners ``FieldOfView.polygons`` draws."""
    if fov.kind is FovKind.CIRCLE:
        return (_circle_piece(fov.radius_m),)
    return tuple(piece for s in fov.sectors for piece in _wedge_pieces(*s, fov.radius_m))


@lru_cache(maxsize=64)
def _circle_piece(radius: float) -> _FieldPiece:
    ring = np.asarray(FieldOfView(FovKind.CIRCLE, (), radius).polygons()[0].exterior.coords)
    ring = ring[:-1]
    if cross(ring[:-1], ring[1:]).sum() < 0:
        ring = ring[::-1]
    return _FieldPiece.of_ring(None, ring, np.vstack([ring, ring[:1]]))


@lru_cache(maxsize=4096)
def _wedge_pieces(start: float, end: float, radius: float) -> tuple[_FieldPiece, ...]:
    span = (end - start) % 360.0 or 360.0
    steps = max(2, math.ceil(span / _ARC_STEP_DEG))
    bearings = np.radians(start + span * np.arange(steps + 1) / steps)
    arc = radius * np.column_stack([np.sin(bearings), np.cos(bearings)])
    halves = [(start, end, arc)]
    if span > 180.0:  # no longer convex: two halves meeting at the middle corner
        middle = steps // 2
        turn = (start + span * middle / steps) % 360.0
        halves = [(start, turn, arc[: middle + 1]), (turn, end, arc[middle:])]
    pieces = []
    for first, last, part in halves:
        far = part[::-1]  # the arc runs clockwise; walls run anticlockwise
        pieces.append(_FieldPiece.of_ring((first, last), np.vstack([[0.0, 0.0], far]), far))
    return tuple(pieces)


def visible_area(obstacles: Obstacles, x: float, y: float, fov: FieldOfView) -> Geometry:
    """What a camera mapped at (x, y) with field of view ``fov`` films: its field clipped by
    the footprints in its line of sight (a polygon, a multipolygon, or empty).

    >>> from contrechamp.core.fov import field_of_view
    >>> fov = field_of_view({"camera:direction": "0", "height": "5"})  # 35 m, due north
    >>> open_air = visible_area(Obstacles([]), 0.0, 0.0, fov)
    >>> wall = visible_area(Obstacles([shapely.box(-50, 10, 50, 20)]), 0.0, 0.0, fov)
    >>> round(open_air.area), round(wall.area, 2)  # a wall 10 m ahead: 100 × tan(35°) m²
    (747, 70.02)
    """
    eye = obstacles.placement(x, y)
    return _EMPTY if eye is None else visible_from(obstacles, eye, fov)


def visible_from(obstacles: Obstacles, eye: tuple[float, float], fov: FieldOfView) -> Geometry:
    """What a camera looking from ``eye`` (outside every footprint, as
    :meth:`Obstacles.placement` puts it) films with field of view ``fov``.

    Each convex piece of the field is swept with the walls clipped to it and its far edge
    as the outline: the ring is the visibility polygon already cut to the field, exactly.
    """
    if fov.kind is FovKind.NONE or fov.radius_m <= 0:
        return _EMPTY
    walls = obstacles.facing_walls(eye[0], eye[1], fov.radius_m + 1.0)
    seen = []
    for piece in _field_pieces(fov):
        inside = clipped_to_convex(walls, piece.normals, piece.offsets)
        polygon = _polygon(sweep_ring(np.vstack([inside, piece.outline]), piece.window), eye)
        if not polygon.is_empty:
            seen.append(polygon)
    if len(seen) < 2:
        return seen[0] if seen else _EMPTY
    return shapely.union_all(seen)
