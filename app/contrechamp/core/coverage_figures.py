"""The figures of a street coverage for the whole area or one sector: the share of street
length filmed, cameras per kilometre, the most filmed streets and the blind spots.

Cameras per kilometre are given twice: over every street counted (footpaths included), and
over the roads alone (motorway to residential and pedestrian streets, without service roads
and footpaths), the measure street-view studies report (Sheng, Yao and Goel 2021: 0.1 to 0.9
cameras per km of street in 16 cities, Paris 0.76, London 0.45). Streets are ranked by name:
the OSM ways of one named street count as one street.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely import Geometry

from contrechamp.core._segments import Stretches, pieces
from contrechamp.core.area import FeatureKind
from contrechamp.core.coverage import StreetCoverage, ViewKind

__all__ = [
    "MIN_RANKED_M",
    "ROADS",
    "CoverageSummary",
    "KindShare",
    "StreetShare",
    "summarise",
]

FloatArray = NDArray[np.float64]
ROADS = frozenset(
    {
        FeatureKind.MOTORWAY,
        FeatureKind.PRIMARY,
        FeatureKind.SECONDARY,
        FeatureKind.TERTIARY,
        FeatureKind.RESIDENTIAL,
    }
)
MIN_RANKED_M = 30.0
"""Streets shorter than this (in the zone) are left out of the rankings: a corner of a street
crossing a sector's edge says nothing about that street."""


def _percent(part: float, whole: float) -> float:
    return min(100.0, 100.0 * part / whole) if whole > 0 else 0.0  # rounding: never 100.0001


@dataclass(frozen=True, slots=True)
class StreetShare:
    """One named street (all its ways) in the zone: its length, the metres filmed, and how
    many cameras film some of it."""

    name: str
    length_m: float
    filmed_m: float
    cameras: int

    @property
    def percent_filmed(self) -> float:
        """The share of its length filmed, 0 to 100."""
        return _percent(self.filmed_m, self.length_m)


@dataclass(frozen=True, slots=True)
class KindShare:
    """The streets of one kind (primary, footpath…) in the zone: length and metres filmed."""

    kind: FeatureKind
    length_m: float
    filmed_m: float


@dataclass(frozen=True)
class CoverageSummary:
    """The coverage of a zone (a sector, or the whole area)."""

    street_m: float
    filmed_m: float
    filmed_twice_m: float
    within_reach_m: float  # filmed, or within reach of a camera without a direction
    road_m: float
    cameras: int  # in the zone and on the street: drawn, or without a direction
    cameras_drawn: int
    cameras_without_direction: int
    cameras_indoor: int
    by_kind: tuple[KindShare, ...]
    streets: tuple[StreetShare, ...]  # the named streets, by name

    @property
    def percent_filmed(self) -> float:
        """The share of street length inside at least one camera's view, 0 to 100."""
        return _percent(self.filmed_m, self.street_m)

    @property
    def percent_within_reach(self) -> float:
        """The share of street length filmed or within reach of a camera without a
        direction: what the share filmed would be if each of them filmed all round."""
        return _percent(self.within_reach_m, self.street_m)

    @property
    def cameras_per_km(self) -> float:
        """Cameras per kilometre of every street counted."""
        return self.cameras / (self.street_m / 1000.0) if self.street_m > 0 else 0.0

    @property
    def cameras_per_road_km(self) -> float:
        """Cameras per kilometre of road (no service roads, no footpaths)."""
        return self.cameras / (self.road_m / 1000.0) if self.road_m > 0 else 0.0

    def most_filmed(self, count: int = 10) -> list[StreetShare]:
        """The streets with the largest share filmed (then the most metres), at least
        ``MIN_RANKED_M`` long and filmed somewhere."""
        ranked = [s for s in self.streets if s.length_m >= MIN_RANKED_M and s.filmed_m > 0]
        ranked.sort(key=lambda s: (-s.percent_filmed, -s.filmed_m, s.name))
        return ranked[:count]

    def blind_spots(self, count: int = 10) -> list[StreetShare]:
        """The streets with the smallest share filmed, the longest first among equals."""
        ranked = [s for s in self.streets if s.length_m >= MIN_RANKED_M]
        ranked.sort(key=lambda s: (round(s.percent_filmed, 6), -s.length_m, s.name))
        return ranked[:count]


def summarise(coverage: StreetCoverage, zone: Geometry | None = None) -> CoverageSummary:
    """The figures of the streets inside ``zone`` (a polygon in WGS 84; None: everywhere).

    A street crossing the zone's edge counts for its part inside; so do the metres filmed.
    """
    local = None if zone is None else coverage.frame.forward(np.array([zone], dtype=object))
    *metres, rows = _zone_metres(coverage, local)
    per_street = [np.bincount(coverage.segments.line, v, len(coverage.streets)) for v in metres]
    kinds = np.array([s.kind.value for s in coverage.streets], dtype=object)
    road = np.isin(kinds, [k.value for k in ROADS])
    drawn, blind, indoor = _cameras_in(coverage, None if local is None else local[0])
    return CoverageSummary(
        street_m=float(per_street[0].sum()),
        filmed_m=float(per_street[1].sum()),
        filmed_twice_m=float(per_street[2].sum()),
        within_reach_m=float(per_street[3].sum()),
        road_m=float(per_street[0][road].sum()) if len(road) else 0.0,
        cameras=drawn + blind,
        cameras_drawn=drawn,
        cameras_without_direction=blind,
        cameras_indoor=indoor,
        by_kind=_by_kind(kinds, per_street[0], per_street[1]),
        streets=_named(coverage, per_street[0], per_street[1], rows),
    )


def _zone_metres(
    coverage: StreetCoverage, zone: NDArray[np.object_] | None
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, Stretches]:
    """Per segment: metres in the zone, filmed there, filmed twice there, within reach
    there; and the camera stretches on the segments that reach into the zone."""
    segments, rows = coverage.segments, coverage.rows
    if zone is None:
        return segments.length, *coverage.segment_metres(), rows
    inside = segments.stretches(zone)
    near = np.isin(rows.segment, inside.segment)
    rows, maybe = (
        rows.where(near),
        coverage.reach_rows.where(np.isin(coverage.reach_rows.segment, inside.segment)),
    )
    count = len(segments)
    length = np.bincount(
        inside.segment, (inside.t1 - inside.t0) * segments.length[inside.segment], count
    )
    cut = pieces([rows, inside, maybe])
    metres = (cut.t1 - cut.t0) * segments.length[cut.segment]
    seen = cut.counts[:, 1] > 0
    views = cut.counts[:, 0]
    totals = [
        np.bincount(cut.segment[kept], metres[kept], count)
        for kept in (
            seen & (views >= 1),
            seen & (views >= 2),
            seen & (views + cut.counts[:, 2] >= 1),
        )
    ]
    return length, totals[0], totals[1], totals[2], rows


def _cameras_in(coverage: StreetCoverage, zone: Geometry | None) -> tuple[int, int, int]:
    """How many cameras in the zone are drawn, without a direction, and indoors."""
    placed = list(coverage.cameras.values())
    if zone is not None and placed:
        x = np.array([p.x for p in placed])
        y = np.array([p.y for p in placed])
        placed = [p for p, ok in zip(placed, shapely.intersects_xy(zone, x, y), strict=True) if ok]
    kinds = [p.kind for p in placed]
    return (
        kinds.count(ViewKind.DRAWN),
        kinds.count(ViewKind.NO_DIRECTION),
        kinds.count(ViewKind.INDOOR),
    )


def _by_kind(
    kinds: NDArray[np.object_], length: FloatArray, filmed: FloatArray
) -> tuple[KindShare, ...]:
    """The length and metres filmed of each kind of street present in the zone."""
    shares = []
    for kind in FeatureKind:
        mine = kinds == kind.value
        if mine.any() and length[mine].sum() > 0:
            shares.append(KindShare(kind, float(length[mine].sum()), float(filmed[mine].sum())))
    return tuple(shares)


def _named(
    coverage: StreetCoverage, length: FloatArray, filmed: FloatArray, rows: Stretches
) -> tuple[StreetShare, ...]:
    """The named streets in the zone, the ways of one name added together."""
    names = np.array([s.name.strip() for s in coverage.streets], dtype=object)
    if len(names) == 0:
        return ()
    unique, code = np.unique(names, return_inverse=True)
    total = np.bincount(code, length, len(unique))
    seen = np.bincount(code, filmed, len(unique))
    line = coverage.segments.line[rows.segment]
    pairs = np.unique(np.column_stack([code[line], rows.owner]), axis=0)
    cameras = (
        np.bincount(pairs[:, 0], minlength=len(unique))
        if len(pairs)
        else np.zeros(len(unique), int)
    )
    return tuple(
        StreetShare(str(unique[i]), float(total[i]), float(seen[i]), int(cameras[i]))
        for i in range(len(unique))
        if unique[i] and total[i] > 0
    )
