"""The cameras seen on a walk against an official list of authorised cameras.

A seen camera and a listed one are the same when they lie within the radius (default 30 m:
lists place a camera at its address or its crossing, not on its pole), measured in a
projection centred on the data. Pairs are made one to one, the nearest first. A list is a
comparison layer only: nothing of it is ever exported nor uploaded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from contrechamp.core.area import BBox
from contrechamp.core.proximity import local_metres, pairs_within

__all__ = [
    "DEFAULT_LIST_RADIUS_M",
    "MAX_LIST_RADIUS_M",
    "ListComparison",
    "ListMatch",
    "ListedCamera",
    "Placement",
    "SeenCamera",
    "compare_with_list",
]

DEFAULT_LIST_RADIUS_M = 30.0
MAX_LIST_RADIUS_M = 1000.0


class Placement(StrEnum):
    """Where a listed camera's position comes from."""

    COORDINATES = "coordinates"  # the list gives them
    CROSSING = "crossing"  # found where the two streets it names meet on the base map
    UNPLACED = "unplaced"  # neither: an address, or streets not found


@dataclass(frozen=True, slots=True)
class ListedCamera:
    """One row of an official list, as the list gave it, with the position found for it."""

    list_name: str
    line: int  # its line in the file (its feature's number in a GeoJSON list)
    place: str  # its address or crossing as written, "" when the list gives none
    placed: Placement
    lat: float | None = None
    lon: float | None = None
    ref: str | None = None
    tags: Mapping[str, str] = field(default_factory=dict)  # the list's other columns
    id: int | None = None

    def __post_init__(self) -> None:
        if (self.placed is Placement.UNPLACED) != (self.lat is None or self.lon is None):
            raise ValueError("a placed row has a position, an unplaced one has none")


@dataclass(frozen=True, slots=True)
class SeenCamera:
    """A camera of the survey (not rejected), by id and position."""

    id: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class ListMatch:
    """A seen camera that is a listed one."""

    seen: SeenCamera
    listed: ListedCamera
    distance_m: float


@dataclass(frozen=True)
class ListComparison:
    """The seen cameras against one list."""

    radius_m: float
    matches: tuple[ListMatch, ...] = ()
    seen_not_listed: tuple[SeenCamera, ...] = ()
    listed_not_seen: tuple[ListedCamera, ...] = ()
    unplaced: tuple[ListedCamera, ...] = ()
    outside_area: tuple[ListedCamera, ...] = ()  # placed beyond the survey's area

    def counts(self) -> dict[str, int]:
        """The figures of the comparison, by name (the keys of ``info --json``)."""
        return {
            "seen_and_listed": len(self.matches),
            "seen_not_listed": len(self.seen_not_listed),
            "listed_not_seen": len(self.listed_not_seen),
            "unplaced": len(self.unplaced),
            "outside_area": len(self.outside_area),
        }


def compare_with_list(
    seen: Sequence[SeenCamera],
    listed: Sequence[ListedCamera],
    radius_m: float = DEFAULT_LIST_RADIUS_M,
    area: BBox | None = None,
) -> ListComparison:
    """Pair seen and listed cameras one to one within ``radius_m``, the nearest pairs first.

    Listed cameras placed outside ``area`` (a list covers a whole town, a walk a few
    streets) are set apart instead of counting as not seen; unplaced ones are set apart too.

    >>> a = ListedCamera("city", 2, "", Placement.COORDINATES, 43.7330, 7.4190)
    >>> b = ListedCamera("city", 3, "Rue A", Placement.UNPLACED)
    >>> result = compare_with_list([SeenCamera("s1", 43.7331, 7.4191)], [a, b])
    >>> result.counts()["seen_and_listed"], result.unplaced == (b,)
    (1, True)
    """
    unplaced = tuple(c for c in listed if c.placed is Placement.UNPLACED)
    placed = [c for c in listed if c.placed is not Placement.UNPLACED]
    outside = tuple(c for c in placed if area is not None and not _inside(area, c))
    candidates = [c for c in placed if area is None or _inside(area, c)]
    pairs = _nearest_pairs(seen, candidates, radius_m)
    paired_seen = {i for i, _, _ in pairs}
    paired_listed = {j for _, j, _ in pairs}
    return ListComparison(
        radius_m=radius_m,
        matches=tuple(ListMatch(seen[i], candidates[j], d) for i, j, d in pairs),
        seen_not_listed=tuple(s for i, s in enumerate(seen) if i not in paired_seen),
        listed_not_seen=tuple(c for j, c in enumerate(candidates) if j not in paired_listed),
        unplaced=unplaced,
        outside_area=outside,
    )


def _inside(area: BBox, camera: ListedCamera) -> bool:
    return (
        camera.lat is not None and camera.lon is not None and area.contains(camera.lat, camera.lon)
    )


def _nearest_pairs(
    seen: Sequence[SeenCamera], listed: Sequence[ListedCamera], radius_m: float
) -> list[tuple[int, int, float]]:
    """(seen index, listed index, metres) one to one, the closest pairs taken first."""
    if not seen or not listed:
        return []
    lat = np.array([c.lat for c in seen] + [c.lat for c in listed], dtype=np.float64)
    lon = np.array([c.lon for c in seen] + [c.lon for c in listed], dtype=np.float64)
    x, y = local_metres(lat, lon)
    a, b = pairs_within(x, y, radius_m)
    cross = (a < len(seen)) & (b >= len(seen))  # a < b: a seen camera and a listed one
    a, b = a[cross], b[cross]
    distance = np.hypot(x[a] - x[b], y[a] - y[b])
    order = np.lexsort((b, a, distance))
    taken_seen: set[int] = set()
    taken_listed: set[int] = set()
    pairs = []
    for k in order.tolist():
        i, j = int(a[k]), int(b[k]) - len(seen)
        if i not in taken_seen and j not in taken_listed:
            taken_seen.add(i)
            taken_listed.add(j)
            pairs.append((i, j, round(float(distance[k]), 2)))
    return sorted(pairs)
