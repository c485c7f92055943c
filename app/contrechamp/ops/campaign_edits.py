"""An offline edit of a pulled camera, brought back to the campaign as an edit (three-way).

A pulled survey keeps, for each campaign camera, the revision it was pulled at (its base).
When it is pushed back, each camera that differs from its base is an edit. Every part the
walker changed (a tag, the position, the status, the OSM link) is applied unless the
campaign changed the same part differently since the pull: then the campaign's value stays,
the camera goes back to draft, and the two values are recorded as a conflict to decide,
as a merge records its own. Notes changed on both sides are kept both.

>>> from contrechamp.core.camera import Camera
>>> base = Camera(43.7, 7.4, {"camera:type": "fixed", "operator": "Ville"}, id="c1")
>>> ours = base.with_tags({"camera:type": "dome", "operator": "Ville"})
>>> theirs = base.with_tags({"camera:type": "fixed", "operator": "Métropole"})
>>> edit = three_way_edit(base, theirs, ours)
>>> dict(edit.camera.tags), edit.conflicts
({'camera:type': 'dome', 'operator': 'Métropole'}, ())
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from contrechamp.core.camera import Camera, Status

__all__ = ["EditConflict", "ThreeWayEdit", "changed_since", "three_way_edit"]

_ABSENT = ""  # a tag that is not there, as a conflict shows it
_Part = TypeVar("_Part")


@dataclass(frozen=True, slots=True)
class EditConflict:
    """One part both sides changed differently: the campaign's value (kept) and the pushed one."""

    key: str
    campaign_value: str
    pushed_value: str


@dataclass(frozen=True, slots=True)
class ThreeWayEdit:
    """The camera as the campaign should now hold it (None: nothing changes) and what is
    left to decide."""

    camera: Camera | None
    conflicts: tuple[EditConflict, ...] = ()


def _content(camera: Camera) -> tuple[Hashable, ...]:
    """What an edit can change (not the dates, the pseudonyms nor how it was placed)."""
    return (
        camera.lat,
        camera.lon,
        camera.accuracy_m,
        camera.status,
        camera.osm_id,
        camera.osm_version,
        camera.notes,
        tuple(sorted(camera.tags.items())),
    )


def changed_since(base: Camera, camera: Camera) -> bool:
    """Whether ``camera`` differs from ``base`` in anything an edit can change."""
    return _content(base) != _content(camera)


def _pick(base: _Part, theirs: _Part, ours: _Part) -> tuple[_Part, bool]:
    """The value to keep of one part, and whether both sides changed it differently."""
    if ours in (base, theirs):
        return theirs, False
    if theirs == base:
        return ours, False
    return theirs, True


def _merged_tags(
    base: Mapping[str, str], theirs: Mapping[str, str], ours: Mapping[str, str]
) -> tuple[dict[str, str], list[EditConflict]]:
    merged, conflicts = dict(theirs), []
    for key in dict.fromkeys([*theirs, *ours, *base]):
        value, clash = _pick(base.get(key), theirs.get(key), ours.get(key))
        if clash:
            conflicts.append(EditConflict(key, theirs.get(key, _ABSENT), ours.get(key, _ABSENT)))
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged, conflicts


def _position_text(camera: Camera) -> str:
    return f"{camera.lat:.7f}, {camera.lon:.7f}"


def three_way_edit(
    base: Camera, theirs: Camera, ours: Camera, now: datetime | None = None
) -> ThreeWayEdit:
    """Apply the walker's changes (``base`` → ``ours``) to the campaign's camera (``theirs``)."""
    if not changed_since(base, ours) or not changed_since(theirs, ours):
        return ThreeWayEdit(None)
    tags, conflicts = _merged_tags(base.tags, theirs.tags, ours.tags)
    where, clash = _pick(
        (base.lat, base.lon, base.accuracy_m),
        (theirs.lat, theirs.lon, theirs.accuracy_m),
        (ours.lat, ours.lon, ours.accuracy_m),
    )
    if clash:
        conflicts.append(EditConflict("position", _position_text(theirs), _position_text(ours)))
    status, clash = _pick(base.status, theirs.status, ours.status)
    if clash:
        conflicts.append(EditConflict("status", theirs.status.value, ours.status.value))
    link, _ = _pick(
        (base.osm_id, base.osm_version),
        (theirs.osm_id, theirs.osm_version),
        (ours.osm_id, ours.osm_version),
    )
    notes, clash = _pick(base.notes, theirs.notes, ours.notes)
    if clash:
        notes = "\n".join(n for n in (theirs.notes, ours.notes) if n)
    lat, lon, accuracy = where
    osm_id, osm_version = link
    camera = replace(
        theirs,
        lat=lat,
        lon=lon,
        accuracy_m=accuracy,
        tags=tags,
        status=Status.DRAFT if conflicts else status,
        osm_id=osm_id,
        osm_version=osm_version,
        notes=notes,
        updated_at=now or max(theirs.updated_at, ours.updated_at),
    )
    if not changed_since(theirs, camera):
        return ThreeWayEdit(None, tuple(conflicts))
    return ThreeWayEdit(camera, tuple(conflicts))
