"""Exposure along a route: which cameras see a walk, how many of its metres are filmed, where.

A route is the line through its points in order (a GPX track or a route drawn on the map),
measured in the area's local frame against the cameras' visible areas (``core.coverage``).
As CCTV-Exposure (Turtiainen et al. 2022) turns a track into exposure events, the filmed
metres come as stretches along the route, each with the cameras that see it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from contrechamp.core._segments import Pieces, Segments, pieces
from contrechamp.core.coverage import StreetCoverage

__all__ = ["FilmedStretch", "RouteCamera", "RouteExposure", "filmed_paths", "route_exposure"]

FloatArray = NDArray[np.float64]
_JOIN_M = 1e-6  # two filmed pieces this close along the route are one stretch


@dataclass(frozen=True, slots=True)
class RouteCamera:
    """A camera that sees the route: how many of its metres, and where it first does."""

    id: str
    metres: float
    first_seen_at_m: float  # along the route from its start


@dataclass(frozen=True, slots=True)
class FilmedStretch:
    """One stretch of the route inside at least one view, from and to metres along it, its
    ends as (lat, lon), and the cameras that see some of it."""

    from_m: float
    to_m: float
    start: tuple[float, float]
    end: tuple[float, float]
    cameras: tuple[str, ...]

    @property
    def length_m(self) -> float:
        """How long the stretch is."""
        return self.to_m - self.from_m


@dataclass(frozen=True)
class RouteExposure:
    """How exposed a route is to the cameras."""

    length_m: float
    filmed_m: float
    cameras: tuple[RouteCamera, ...]  # in the order the walker meets them
    stretches: tuple[FilmedStretch, ...]

    @property
    def percent_filmed(self) -> float:
        """The share of the route filmed, 0 to 100 (0 for a route of no length)."""
        return 100.0 * self.filmed_m / self.length_m if self.length_m > 0 else 0.0


def route_exposure(
    coverage: StreetCoverage,
    points: Sequence[tuple[float, float]],
    breaks: Collection[int] = (),
) -> RouteExposure:
    """The exposure of the route through ``points`` ((lat, lon), in walking order); the
    points whose index is in ``breaks`` start a new line (a GPX file's next segment: the gap
    from the point before is not walked).

    >>> from contrechamp.core.coverage import CoverageCamera
    >>> from contrechamp.core.local_frame import LocalFrame
    >>> cover = StreetCoverage(LocalFrame(43.73, 7.42), [])
    >>> cover.set_camera(CoverageCamera("a", 43.73, 7.42, {"camera:type": "dome"}))
    []
    >>> walk = route_exposure(cover, [(43.73, 7.419), (43.73, 7.421)])  # 161 m through it
    >>> round(walk.length_m), round(walk.filmed_m), [c.id for c in walk.cameras]
    (161, 70, ['a'])
    """
    route = _Route(coverage, points, breaks)
    placed = coverage.views()
    rows = route.segments.stretches(np.array([p.view for p in placed], dtype=object))
    ids = [p.camera.id for p in placed]
    along0, along1 = route.along(rows.segment, rows.t0), route.along(rows.segment, rows.t1)
    spans = _joined(route, pieces([rows])) if len(rows.t0) else []
    middle = (along0 + along1) / 2
    which = np.searchsorted(np.array([a for a, _ in spans]), middle, side="right") - 1
    stretches = tuple(
        FilmedStretch(
            a,
            b,
            route.position(a),
            route.position(b, end=True),
            _seen_by(ids, rows.owner[which == i]),
        )
        for i, (a, b) in enumerate(spans)
    )
    return RouteExposure(
        length_m=route.length_m,
        filmed_m=float(sum(s.length_m for s in stretches)),
        cameras=_cameras(ids, rows.owner, along0, along1),
        stretches=stretches,
    )


def filmed_paths(
    coverage: StreetCoverage,
    points: Sequence[tuple[float, float]],
    breaks: Collection[int],
    exposure: RouteExposure,
) -> list[list[tuple[float, float]]]:
    """Each filmed stretch of ``exposure`` (the route through ``points``) as the (lat, lon)
    points to draw it: its ends and the route's corners between them."""
    route = _Route(coverage, points, breaks)
    return [route.path(s.from_m, s.to_m) for s in exposure.stretches]


class _Route:
    """The route's segments in the local frame, and positions along it."""

    def __init__(
        self,
        coverage: StreetCoverage,
        points: Sequence[tuple[float, float]],
        breaks: Collection[int],
    ) -> None:
        lat = np.array([p[0] for p in points], dtype=np.float64)
        lon = np.array([p[1] for p in points], dtype=np.float64)
        x, y = coverage.frame.metres(lat, lon)
        ends = np.column_stack([x[:-1], y[:-1], x[1:], y[1:]]) if len(x) > 1 else np.zeros((0, 4))
        starts = np.isin(np.arange(len(x)), np.fromiter(breaks, dtype=np.int64))
        line = np.cumsum(starts)  # which line of the route each point is on
        walked = ~starts[1:]
        self.frame = coverage.frame
        self.segments = Segments(ends[walked], line[1:][walked].astype(np.int64))
        self.start_of = np.concatenate([[0.0], np.cumsum(self.segments.length)])
        self.length_m = float(self.start_of[-1])

    def along(self, segment: NDArray[np.int64], t: FloatArray) -> FloatArray:
        """Metres from the route's start of the points at ``t`` on the segments."""
        return self.start_of[segment] + t * self.segments.length[segment]

    def position(self, metres: float, *, end: bool = False) -> tuple[float, float]:
        """The (lat, lon) of the point ``metres`` along the route (with ``end``, where a
        line ends rather than where the next one starts)."""
        ends = self.segments.ends
        found = np.searchsorted(self.start_of, metres, side="left" if end else "right")
        i = int(np.clip(found - 1, 0, len(ends) - 1))
        t = (metres - self.start_of[i]) / self.segments.length[i]
        x, y = ends[i, 0:2] + t * (ends[i, 2:4] - ends[i, 0:2])
        lat, lon = self.frame.degrees(np.array([x]), np.array([y]))
        return float(lat[0]), float(lon[0])

    def path(self, start_m: float, end_m: float) -> list[tuple[float, float]]:
        """The points of the route from ``start_m`` to ``end_m`` along it (one of its lines)."""
        corners = self.start_of[:-1]
        inner = np.nonzero((corners > start_m) & (corners < end_m))[0]
        xy = self.segments.ends[inner, 0:2]
        lat, lon = self.frame.degrees(xy[:, 0], xy[:, 1])
        middle = list(zip(lat.tolist(), lon.tolist(), strict=True))
        return [self.position(start_m), *middle, self.position(end_m, end=True)]


def _joined(route: _Route, cut: Pieces) -> list[tuple[float, float]]:
    """The filmed pieces as (from, to) metres along the route, joined where they meet."""
    lo, hi = route.along(cut.segment, cut.t0), route.along(cut.segment, cut.t1)
    lines = route.segments.line[cut.segment].tolist()
    joined: list[tuple[float, float]] = []
    previous = -1
    for a, b, line in zip(lo.tolist(), hi.tolist(), lines, strict=True):
        if joined and line == previous and a - joined[-1][1] <= _JOIN_M:
            joined[-1] = (joined[-1][0], max(b, joined[-1][1]))
        else:
            joined.append((a, b))
        previous = line
    return joined


def _seen_by(ids: list[str], owners: NDArray[np.int64]) -> tuple[str, ...]:
    return tuple(ids[int(i)] for i in np.unique(owners))


def _cameras(
    ids: list[str], owner: NDArray[np.int64], along0: FloatArray, along1: FloatArray
) -> tuple[RouteCamera, ...]:
    """Each camera seeing the route, with its metres and where it is first seen."""
    found = []
    for index in np.unique(owner):
        mine = owner == index
        metres = float((along1[mine] - along0[mine]).sum())
        found.append(RouteCamera(ids[int(index)], metres, float(along0[mine].min())))
    return tuple(sorted(found, key=lambda c: (c.first_seen_at_m, c.id)))
