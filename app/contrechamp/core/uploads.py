"""Uploading cameras to OSM, as values: nodes read from the API, the journal, the links back.

An upload sends each camera as a ``<create>`` (a new node) or a ``<modify>`` (a node it is
linked to). Before a diff is sent, each of its changes is written down (:class:`SentChange`);
once OSM's answer is known the camera is linked to its node (:class:`NodeLink`) and the entry
goes. When the answer was lost, what OSM applied is read back from the changeset and matched
against the entries (:func:`applied_changes`), so that no camera is ever created twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Action",
    "NodeLink",
    "OsmNode",
    "SentChange",
    "applied_changes",
    "merged_tags",
    "same_place",
]

_DEGREE_STEP = 1e-7  # OSM stores coordinates to 7 decimals


class Action(StrEnum):
    """What a change does to OSM."""

    CREATE = "create"
    MODIFY = "modify"


@dataclass(frozen=True, slots=True)
class OsmNode:
    """A node as the API gives it (``visible`` false: deleted)."""

    id: int
    version: int
    lat: float
    lon: float
    tags: Mapping[str, str]
    visible: bool = True


@dataclass(frozen=True, slots=True)
class SentChange:
    """A change written down before its diff is sent: which camera, in which changeset, as
    which node (a negative placeholder to create, or an OSM id with the version modified),
    exactly what was sent, and the camera's ``updated_at`` it was planned from."""

    camera_id: str
    changeset_id: int
    action: Action
    node_id: int
    version: int | None
    lat: float
    lon: float
    tags: Mapping[str, str]
    based_on: str


@dataclass(frozen=True, slots=True)
class NodeLink:
    """A camera now in OSM as node ``osm_id`` at ``version``, with what was sent."""

    camera_id: str
    osm_id: int
    version: int
    lat: float
    lon: float
    tags: Mapping[str, str]
    based_on: str

    @classmethod
    def of(cls, sent: SentChange, osm_id: int, version: int) -> NodeLink:
        """The link a sent change gets once OSM gave it ``osm_id`` and ``version``."""
        return cls(
            sent.camera_id, osm_id, version, sent.lat, sent.lon, dict(sent.tags), sent.based_on
        )


def same_place(lat: float, lon: float, other_lat: float, other_lon: float) -> bool:
    """Whether two positions are one at the 7 decimals OSM keeps.

    >>> same_place(48.85661234, 2.3522, 48.8566123, 2.35220004)
    True
    >>> same_place(48.8566, 2.3522, 48.8567, 2.3522)
    False
    """
    return round(lat / _DEGREE_STEP) == round(other_lat / _DEGREE_STEP) and round(
        lon / _DEGREE_STEP
    ) == round(other_lon / _DEGREE_STEP)


def merged_tags(
    ours: Mapping[str, str], base: Mapping[str, str] | None, current: Mapping[str, str]
) -> dict[str, str]:
    """The node's current tags with the survey's edits: a three-way merge.

    ``base`` is the node as the survey knew it (None when unknown). A key ours sets
    differently from ``base`` takes our value; a key we removed from ``base`` goes only if
    the node still holds the value we removed; every other tag of the node stays, so tags
    someone added since the survey, or that the survey never knew, are never lost.

    >>> merged_tags({"camera:type": "dome", "ref": "1"}, {"camera:type": "fixed", "ref": "1",
    ...     "note": "x"}, {"camera:type": "fixed", "ref": "2", "note": "x", "operator": "Y"})
    {'camera:type': 'dome', 'ref': '2', 'operator': 'Y'}
    >>> merged_tags({"camera:type": "dome"}, None, {"operator": "Y"})
    {'operator': 'Y', 'camera:type': 'dome'}
    """
    known = {} if base is None else base
    tags = dict(current)
    for key, value in ours.items():
        if base is None or known.get(key) != value:
            tags[key] = value
    for key, value in known.items():
        if key not in ours and tags.get(key) == value:
            del tags[key]
    return tags


def _create_key(lat: float, lon: float, tags: Mapping[str, str]) -> tuple[object, ...]:
    step = _DEGREE_STEP
    return (round(lat / step), round(lon / step), frozenset(tags.items()))


def applied_changes(
    sent: Sequence[SentChange],
    changeset: Iterable[tuple[Action, OsmNode]],
    taken: Iterable[int] = (),
) -> dict[str, NodeLink]:
    """Which sent changes OSM applied, read from their changeset's content: camera id -> link.

    A create is applied when the changeset created a node with exactly its position and
    tags (each such node matched once, never one already ``taken`` by another camera); a
    modify when the changeset holds the node at the version after the one sent.
    """
    created: dict[tuple[object, ...], list[OsmNode]] = {}
    modified: dict[tuple[int, int], OsmNode] = {}
    used = set(taken)
    for action, node in changeset:
        if action is Action.CREATE and node.id not in used:
            created.setdefault(_create_key(node.lat, node.lon, node.tags), []).append(node)
        elif action is Action.MODIFY:
            modified[node.id, node.version] = node
    for nodes in created.values():
        nodes.sort(key=lambda node: node.id, reverse=True)  # popped lowest id first
    links: dict[str, NodeLink] = {}
    for change in sorted(sent, key=lambda c: -c.node_id if c.node_id < 0 else 0):
        if change.action is Action.CREATE:
            same = created.get(_create_key(change.lat, change.lon, change.tags))
            if same:
                node = same.pop()
                links[change.camera_id] = NodeLink.of(change, node.id, node.version)
        elif change.version is not None:
            found = modified.get((change.node_id, change.version + 1))
            if found is not None:
                links[change.camera_id] = NodeLink.of(change, found.id, found.version)
    return links
