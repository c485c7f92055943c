"""Merged cameras against the cameras already in OSM: new, the same node, or possibly it.

A camera is the *same* as a node when a walker linked one of its sightings to it ("I saw
this one"), or when the node lies within reach (``radius + 2.5 × sqrt(acc² + 5²)``, a mapped
node being good to about 5 m), is of a compatible kind and no tag of theirs says otherwise.
It is *possibly* the node, for the organiser to decide, when it lies within twice that
reach, or within reach but with a value that disagrees on what the camera is (dome against
fixed, 90 against 270, wall against pole, 3 m against 8 m). Each node goes to one camera
at most, the most alike first. Otherwise the camera is *new*.

The same camera keeps the node's position and tags: the survey adds the tags the node lacks,
cleans a value it writes messily, replaces a value it says otherwise (it is newer), sets
``check_date`` to the last day it was seen, and never removes a tag nor changes a value that
agrees (a bearing 30° off, a height 1 m off), so an upload does not bump nodes for nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import shapely

from contrechamp.core.area import ExistingCamera
from contrechamp.core.dedup import DEFAULT_RADIUS_M, DIRECTION_TOLERANCE_DEG, MAX_ACCURACY_M
from contrechamp.core.proximity import local_metres
from contrechamp.core.tag_merge import DIRECTION_AGREEMENT_DEG, bearings_of, meaning
from contrechamp.core.tags import DIRECTION_KEYS

__all__ = [
    "NODE_ACCURACY_M",
    "Conflation",
    "Match",
    "MergedCamera",
    "conflate",
    "disagreeing_keys",
    "tags_onto_node",
]

NODE_ACCURACY_M = 5.0
"""How well a node already in OSM is placed (mapped on the spot or from imagery)."""
_SPAN = 2.5
_WIDER = 2.0  # "possibly the same" reaches twice as far
_HEIGHT_AGREEMENT_M = 1.0
_HEIGHT_SPREAD_M = 2.5
_DECISIVE = frozenset({"camera:type", "camera:mount", "height", *DIRECTION_KEYS})
"""What a walker sees plainly: values that disagree are a sign of another camera. Other
values (zone, operator, placement...) that differ are the survey's newer word."""
_NEVER_ONTO_NODE = frozenset({"survey:date"})  # a node re-checked gets check_date instead


class Match(StrEnum):
    """How a merged camera stands against the cameras already in OSM."""

    NEW = "new"
    SAME = "same"
    POSSIBLE = "possible"


@dataclass(frozen=True, slots=True)
class MergedCamera:
    """What conflation reads of one merged camera; ``osm_id`` when a walker linked it."""

    lat: float
    lon: float
    tags: Mapping[str, str]
    accuracy_m: float | None = None
    osm_id: int | None = None


@dataclass(frozen=True, slots=True)
class Conflation:
    """One camera's match: the node (same or possibly), how far, the tags it would have as
    that node, the keys it adds or changes on it (key -> (node's value, new value)) and
    the keys on which they disagree (why a match is only possible)."""

    match: Match
    node: ExistingCamera | None = None
    distance_m: float | None = None
    tags: dict[str, str] = field(default_factory=dict)
    changes: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    disagreements: tuple[str, ...] = ()


_AGREE, _UPDATE, _DISAGREE = 0, 1, 2


def _bearing(value: str) -> float | None:
    found = bearings_of(value)
    return found[0] if found is not None and len(found) == 1 else None


def _grade(gap: float, agree: float, tolerate: float) -> int:
    if gap <= agree:
        return _AGREE
    return _UPDATE if gap <= tolerate else _DISAGREE


def _compare(key: str, ours: str, theirs: str) -> int:
    """How a survey's value stands against a node's: _AGREE (they say the same, close
    enough for estimates: keep the node's), _UPDATE (near enough to be one camera: take
    ours) or _DISAGREE (a sign of two cameras).

    >>> _compare("camera:direction", "95", "90"), _compare("camera:direction", "130", "90")
    (0, 1)
    >>> _compare("camera:type", "Dome", "dome"), _compare("camera:type", "dome", "fixed")
    (0, 2)
    """
    if meaning(key, ours) == meaning(key, theirs):
        return _AGREE
    if key in DIRECTION_KEYS:
        a, b = _bearing(ours), _bearing(theirs)
        if a is None or b is None:
            return _DISAGREE
        turn = abs((a - b + 180.0) % 360.0 - 180.0)
        return _grade(turn, DIRECTION_AGREEMENT_DEG, DIRECTION_TOLERANCE_DEG)
    if key == "height":
        try:
            apart = abs(float(meaning(key, ours)) - float(meaning(key, theirs)))
        except ValueError:
            return _DISAGREE
        return _grade(apart, _HEIGHT_AGREEMENT_M, _HEIGHT_SPREAD_M)
    return _DISAGREE


def _direction_of(tags: Mapping[str, str]) -> tuple[str, str] | None:
    """The direction the form reads (the first direction key given), with its key."""
    return next(((k, tags[k]) for k in DIRECTION_KEYS if k in tags), None)


def _standing(key: str, value: str, node: Mapping[str, str]) -> int | None:
    """How one of our tags stands against the node; None when the node does not say."""
    if key in DIRECTION_KEYS:
        theirs = _direction_of(node)
        return None if theirs is None else _compare(key, value, theirs[1])
    return None if key not in node else _compare(key, value, node[key])


def disagreeing_keys(ours: Mapping[str, str], node: Mapping[str, str]) -> tuple[str, ...]:
    """The keys on which our tags and the node's disagree about what the camera is (type,
    mount, height, direction: compared whatever key each writes it under)."""
    return tuple(
        key
        for key, value in ours.items()
        if key in _DECISIVE and _standing(key, value, node) == _DISAGREE
    )


def tags_onto_node(
    ours: Mapping[str, str], node: Mapping[str, str], seen_on: str | None = None
) -> tuple[dict[str, str], dict[str, tuple[str | None, str]]]:
    """The node's tags with what the survey adds or changes, and those changes.

    Agreeing values stay as the node writes them, unless ours is the clean form of its messy
    one; others take ours (the survey is newer). ``seen_on`` (YYYY-MM-DD) becomes
    ``check_date``. Nothing is removed.

    >>> tags, changes = tags_onto_node(
    ...     {"camera:type": "dome", "camera:mount": "pole", "survey:date": "2026-06-13"},
    ...     {"man_made": "surveillance", "camera:type": "Dome", "ref": "12"}, "2026-06-13")
    >>> list(tags.items())[1:]
    [('camera:type', 'dome'), ('ref', '12'), ('camera:mount', 'pole'), ('check_date', '2026-06-13')]
    >>> changes["camera:type"], changes["camera:mount"]
    (('Dome', 'dome'), (None, 'pole'))
    """
    tags = dict(node)
    for key, value in ours.items():
        if key in _NEVER_ONTO_NODE or key == "check_date":
            continue
        standing, theirs = _standing(key, value, node), node.get(key)
        if (standing is None and theirs is None) or standing != _AGREE:
            tags[key] = value
        elif theirs is not None and meaning(key, theirs) != theirs and meaning(key, value) == value:
            tags[key] = value  # the same meaning, written as OSM documents it
    if seen_on is not None and tags.get("check_date", "") < seen_on:
        tags["check_date"] = seen_on
    changes = {k: (node.get(k), v) for k, v in tags.items() if node.get(k) != v}
    return tags, changes


def _reach(accuracy: float | None, radius_m: float) -> float:
    mine = NODE_ACCURACY_M if accuracy is None else min(max(accuracy, 1.0), MAX_ACCURACY_M)
    return radius_m + _SPAN * math.hypot(mine, NODE_ACCURACY_M)


def _kind_clash(ours: Mapping[str, str], node: Mapping[str, str]) -> bool:
    families = {"camera": 1, "alpr": 1, "anpr": 1}
    a = ours.get("surveillance:type", "").strip().lower()
    b = node.get("surveillance:type", "").strip().lower()
    return bool(a and b) and families.get(a, a) != families.get(b, b)


@dataclass(frozen=True, slots=True)
class _Candidate:
    score: float
    camera: int
    node: int
    distance_m: float
    same: bool


def _candidates(
    cameras: Sequence[MergedCamera], nodes: Sequence[ExistingCamera], radius_m: float
) -> list[_Candidate]:
    """Every (camera, node) close enough to be possibly the same, best first."""
    if not cameras or not nodes:
        return []
    lat = np.array([c.lat for c in cameras] + [n.lat for n in nodes], dtype=np.float64)
    lon = np.array([c.lon for c in cameras] + [n.lon for n in nodes], dtype=np.float64)
    x, y = local_metres(lat, lon)
    points = shapely.points(x, y)
    reach = np.array([_reach(c.accuracy_m, radius_m) for c in cameras])
    tree = shapely.STRtree(points[len(cameras) :])
    near, node_of = tree.query(
        points[: len(cameras)], predicate="dwithin", distance=_WIDER * float(reach.max())
    )
    found = []
    for i, j in zip(near.tolist(), node_of.tolist(), strict=True):
        camera, node = cameras[i], nodes[j]
        distance = math.hypot(x[i] - x[len(cameras) + j], y[i] - y[len(cameras) + j])
        if distance > _WIDER * reach[i] or _kind_clash(camera.tags, node.tags):
            continue
        odd = len(disagreeing_keys(camera.tags, node.tags))
        same = distance <= reach[i] and odd == 0
        score = distance / reach[i] + 0.25 * odd + (0.0 if same else 10.0)
        found.append(_Candidate(float(score), i, j, distance, bool(same)))
    return sorted(found, key=lambda c: (c.score, c.camera, c.node))


def _linked(
    camera: MergedCamera, nodes: Mapping[int, ExistingCamera], seen_on: str | None
) -> Conflation:
    node = nodes.get(camera.osm_id) if camera.osm_id is not None else None
    if node is None:  # linked to a node whose original is not known: kept as it is
        return Conflation(Match.SAME, tags=dict(camera.tags))
    tags, changes = tags_onto_node(camera.tags, node.tags, seen_on)
    return Conflation(Match.SAME, node, None, tags, changes)


def conflate(
    cameras: Sequence[MergedCamera],
    existing: Sequence[ExistingCamera],
    radius_m: float = DEFAULT_RADIUS_M,
    *,
    seen_on: Sequence[str | None] | None = None,
) -> list[Conflation]:
    """Classify each camera against the existing nodes, in the order given.

    ``seen_on`` gives, per camera, the day (YYYY-MM-DD) it was last seen: ``check_date``
    of the node it is the same as.
    """
    days = list(seen_on) if seen_on is not None else [None] * len(cameras)
    by_id = {node.osm_id: node for node in existing}
    results: list[Conflation | None] = [None] * len(cameras)
    taken: set[int] = set()
    for i, camera in enumerate(cameras):
        if camera.osm_id is not None:
            results[i] = _linked(camera, by_id, days[i])
            taken.add(camera.osm_id)
    free = [node for node in existing if node.osm_id not in taken]
    open_cameras = [i for i, c in enumerate(cameras) if c.osm_id is None]
    chosen: set[int] = set()
    for candidate in _candidates([cameras[i] for i in open_cameras], free, radius_m):
        index, node = open_cameras[candidate.camera], free[candidate.node]
        if results[index] is not None or candidate.node in chosen:
            continue
        chosen.add(candidate.node)
        tags, changes = tags_onto_node(cameras[index].tags, node.tags, days[index])
        odd = disagreeing_keys(cameras[index].tags, node.tags)
        match = Match.SAME if candidate.same else Match.POSSIBLE
        results[index] = Conflation(match, node, round(candidate.distance_m, 1), tags, changes, odd)
    return [
        r if r is not None else Conflation(Match.NEW, tags=dict(cameras[i].tags))
        for i, r in enumerate(results)
    ]
