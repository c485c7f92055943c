"""Which sightings from several surveys are one physical camera.

Two sightings may be one camera when they come from different surveys (or are the same
record), lie within ``radius_m`` of each other widened by their accuracies (``radius + 2.5 ×
sqrt(acc_a² + acc_b²)``, metres in a projection centred on the data), are of compatible
kinds, link to no two different OSM nodes, and agree on what they saw: single bearings
within ``DIRECTION_TOLERANCE_DEG``, and the same camera type, mount, placement, zone and
operator where both say. One disagreement (a wrong value) is allowed when they are close.
Domes, panning cameras and directions that are not one bearing (ranges, lists) never tell
two cameras apart. Groups grow from the most alike pair on (``core/_clustering.py``).

The default radius, 15 m, is a street from one pavement to the other: pairs walk each side,
and a camera on the far side is logged where the pair stood. Widened by two phone fixes of
5 m it reaches 33 m, while cameras on one pole (same place, other directions) stay apart.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from contrechamp.core._clustering import Points, cluster
from contrechamp.core._sighting_features import read_features
from contrechamp.core.collector import collector_paused
from contrechamp.core.proximity import local_metres
from contrechamp.core.stored_tags import copy_of, readable
from contrechamp.core.tag_merge import Conflict, merge_tags

__all__ = [
    "DEFAULT_ACCURACY_M",
    "DEFAULT_RADIUS_M",
    "DIRECTION_TOLERANCE_DEG",
    "MAX_ACCURACY_M",
    "Conflict",
    "Group",
    "Sighting",
    "group_sightings",
]

DEFAULT_RADIUS_M = 15.0
DIRECTION_TOLERANCE_DEG = 60.0
"""Single bearings further apart than this are different cameras (on one pole they differ
by 90° or more; two walkers' estimates of one camera rarely by more than 30°)."""
DEFAULT_ACCURACY_M = 5.0
"""The accuracy assumed for a position that gives none (a phone fix, a point on the map)."""
MAX_ACCURACY_M = 20.0
"""Worse accuracies count as this: one poor fix must not reach across a whole square."""
_MIN_ACCURACY_M = 1.0


@dataclass(frozen=True, slots=True)
class Sighting:
    """One camera as one survey logged it.

    ``survey`` names the survey (its id); ``record`` the sighting within it (its camera
    id): the same record in two surveys (a copy imported from one into the other) is the
    same camera. ``osm_id``: the OSM node the walker said it is, if any.
    """

    lat: float
    lon: float
    tags: Mapping[str, str]
    survey: str
    record: str = ""
    surveyor: str | None = None
    accuracy_m: float | None = None
    osm_id: int | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """Sightings of one camera: their indices in the input (in input order), where the
    camera stands (accuracy-weighted), its merged tags and the values left to decide."""

    members: tuple[int, ...]
    lat: float
    lon: float
    accuracy_m: float | None
    tags: Mapping[str, str] = field(default_factory=dict)
    conflicts: tuple[Conflict, ...] = ()


def _seed_keys(sightings: Sequence[Sighting], kept: Sequence[str | None]) -> list[Hashable]:
    """What each sighting starts with: its kept group; else that of the same record, or of
    the same OSM node (the walker said which camera it is), elsewhere; else its own."""
    by_record: dict[str, str] = {}
    by_node: dict[int, str] = {}
    for sighting, label in zip(sightings, kept, strict=True):
        if label is not None:
            if sighting.record:
                by_record.setdefault(sighting.record, label)
            if sighting.osm_id is not None:
                by_node.setdefault(sighting.osm_id, label)
    keys: list[Hashable] = []
    for i, (sighting, label) in enumerate(zip(sightings, kept, strict=True)):
        if label is None:
            label = by_record.get(sighting.record) or by_node.get(sighting.osm_id or 0)
        keys.append(("kept", label) if label is not None else _own_key(i, sighting))
    return keys


def _own_key(index: int, sighting: Sighting) -> Hashable:
    return ("node", sighting.osm_id) if sighting.osm_id is not None else sighting.record or index


def _seeds(sightings: Sequence[Sighting], kept: Sequence[str | None] | None) -> list[int]:
    """Each sighting's starting group, numbered: sightings with equal keys start together."""
    if kept is None or all(label is None for label in kept):
        keys: list[Hashable] = [_own_key(i, s) for i, s in enumerate(sightings)]
    else:
        keys = _seed_keys(sightings, kept)
    numbers: dict[Hashable, int] = {}
    return [numbers.setdefault(key, len(numbers)) for key in keys]


def _accuracies(sightings: Sequence[Sighting]) -> NDArray[np.float64]:
    given = np.array(
        [math.nan if s.accuracy_m is None else s.accuracy_m for s in sightings], dtype=np.float64
    )
    given = np.where(np.isfinite(given), given, DEFAULT_ACCURACY_M)
    return np.clip(given, _MIN_ACCURACY_M, MAX_ACCURACY_M)


def _points(
    sightings: Sequence[Sighting],
    kept: Sequence[str | None] | None,
    tags: Sequence[Mapping[str, str]],
    where: tuple[NDArray[np.float64], NDArray[np.float64]],
) -> Points:
    x, y = local_metres(*where)
    surveys: dict[str, int] = {}
    features = read_features(tags)
    return Points(
        x=x,
        y=y,
        accuracy=_accuracies(sightings),
        survey=np.array([surveys.setdefault(s.survey, len(surveys)) for s in sightings]),
        kind=features.kind,
        osm=np.array([s.osm_id or 0 for s in sightings], dtype=np.int64),
        bearing=features.bearing,
        traits=features.traits,
        height=features.height,
        seed=np.array(_seeds(sightings, kept), dtype=np.int64),
        locked=np.array([label is not None for label in kept or [None] * len(sightings)]),
    )


def _positions(
    lat: NDArray[np.float64],
    lon: NDArray[np.float64],
    labels: NDArray[np.int64],
    weight: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Each label's accuracy-weighted position and accuracy (arrays indexed by label).

    Longitudes are averaged as offsets from the label's first sighting, so a group astride
    the antimeridian stays where it is.
    """
    size = labels.size
    total = np.bincount(labels, weight, minlength=size)
    total[total == 0] = 1.0
    offset = (lon - lon[labels] + 180.0) % 360.0 - 180.0  # a label is one of its sightings
    mean_lat = np.bincount(labels, weight * lat, minlength=size) / total
    mean_lon = lon + np.bincount(labels, weight * offset, minlength=size) / total
    return mean_lat, (mean_lon + 180.0) % 360.0 - 180.0, 1.0 / np.sqrt(total)


def _groups(
    sightings: Sequence[Sighting],
    tags: Sequence[Mapping[str, str]],
    labels: NDArray[np.int64],
    points: Points,
    where: tuple[NDArray[np.float64], NDArray[np.float64]],
) -> list[Group]:
    """The groups of the labelled sightings (``tags``: theirs, as dicts), in the order of
    their first member."""
    order = np.argsort(labels, kind="stable")
    ends = (np.flatnonzero(np.diff(labels[order])) + 1).tolist()
    members = order.tolist()
    parts = [members[a:b] for a, b in zip([0, *ends], [*ends, len(members)], strict=True)]
    parts.sort(key=lambda m: m[0])
    # Per label, as Python values: read once, not one numpy scalar at a time.
    lat, lon, accuracy = (a.tolist() for a in _positions(*where, labels, 1.0 / points.accuracy**2))
    stated = [s.accuracy_m is not None for s in sightings]
    given = np.bincount(labels, stated, minlength=labels.size).tolist()
    label_of = labels.tolist()
    groups = []
    for part in parts:
        if len(part) == 1:
            first = sightings[part[0]]
            groups.append(
                Group((part[0],), first.lat, first.lon, first.accuracy_m, copy_of(first.tags))
            )
            continue
        label = label_of[part[0]]
        merged, conflicts = merge_tags([tags[m] for m in part], part)
        precision = round(accuracy[label], 2) if given[label] else None
        groups.append(Group(tuple(part), lat[label], lon[label], precision, merged, conflicts))
    return groups


def group_sightings(
    sightings: Sequence[Sighting],
    radius_m: float = DEFAULT_RADIUS_M,
    *,
    kept: Sequence[str | None] | None = None,
) -> list[Group]:
    """Group the sightings by physical camera; groups come in the order of their first member.

    ``kept`` (one label or None per sighting) holds groups decided earlier: sightings with
    the same label stay together, and two labelled groups never join (a later merge adds
    sightings to them, never undoes them).

    >>> pole = [Sighting(43.73, 7.42, {"camera:direction": d}, s) for s, d in
    ...         [("a", "90"), ("a", "270"), ("b", "95"), ("b", "265")]]
    >>> [g.members for g in group_sightings(pole)]
    [(0, 2), (1, 3)]
    """
    if not radius_m > 0 or not math.isfinite(radius_m):
        raise ValueError(f"the merge radius must be a positive number of metres, not {radius_m}")
    if not sightings:
        return []
    with collector_paused():
        where = (
            np.array([s.lat for s in sightings], dtype=np.float64),
            np.array([s.lon for s in sightings], dtype=np.float64),
        )
        tags = [readable(s.tags) for s in sightings]  # dicts: read at C level from here on
        points = _points(sightings, kept, tags, where)
        labels = cluster(points, radius_m, DIRECTION_TOLERANCE_DEG)
        return _groups(sightings, tags, labels, points, where)
