"""What a merge changes in the merged survey, worked out before anything is written.

The sightings already merged keep their cameras (the organiser's splits and joins stand);
new sightings join one of them or each other (``core.dedup``). A merged camera the organiser
has touched (edited, accepted, reviewed, a conflict decided, or added by hand) is never
rewritten: new sightings are only attached to it, and a value they bring that disagrees
reopens its conflict. A camera left as the merge made it is worked out again from all its
sightings. New and reworked cameras are then matched against the cameras already in OSM.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Camera, Status, new_camera_id
from contrechamp.core.conflation import Conflation, Match, MergedCamera, conflate
from contrechamp.core.dedup import Group, Sighting, group_sightings
from contrechamp.core.stored_tags import copy_of
from contrechamp.store.merge_records import (
    CameraMerge,
    ConflictRecord,
    MergedSighting,
    SightingKey,
    StoredChoice,
    written_row,
)

__all__ = ["MergePlan", "MergeState", "plan_merge"]


@dataclass
class MergeState:
    """What the merged survey holds already (all empty for a first merge)."""

    survey_id: str
    cameras: dict[str, Camera] = field(default_factory=dict)
    sightings: list[MergedSighting] = field(default_factory=list)
    merges: dict[str, CameraMerge] = field(default_factory=dict)
    conflicts: dict[str, list[ConflictRecord]] = field(default_factory=dict)
    existing: list[ExistingCamera] = field(default_factory=list)

    def owned(self, camera_id: str) -> bool:
        """Whether the organiser has touched this camera since the merge wrote it."""
        merge = self.merges.get(camera_id)
        return (
            merge is None
            or merge.reviewed
            or merge.written != written_row(self.cameras[camera_id])
            or any(c.decided for c in self.conflicts.get(camera_id, []))
        )


@dataclass
class MergePlan:
    """The writes of one merge."""

    new_cameras: list[Camera] = field(default_factory=list)
    reworked_cameras: list[Camera] = field(default_factory=list)
    sightings: list[MergedSighting] = field(default_factory=list)
    merges: list[CameraMerge] = field(default_factory=list)
    conflicts: dict[str, list[ConflictRecord]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Entry:
    key: SightingKey
    camera: Camera
    label: str | None  # the merged camera it already belongs to
    new: bool
    sheet_line: str | None = None


def _entries(state: MergeState, new: Sequence[MergedSighting]) -> list[_Entry]:
    """The sightings to group: those merged before (kept with their cameras), each camera
    without any (added by hand) standing for itself, then the new ones."""
    entries = [
        _Entry(s.key, s.camera, s.camera_id, False)
        for s in state.sightings
        if s.camera_id in state.cameras
    ]
    with_sightings = {e.label for e in entries}
    entries += [
        _Entry((state.survey_id, c.id), c, c.id, False)
        for c in state.cameras.values()
        if c.id not in with_sightings
    ]
    return entries + [_Entry(s.key, s.camera, None, True, s.sheet_line) for s in new]


def _sighting(entry: _Entry) -> Sighting:
    c = entry.camera
    return Sighting(c.lat, c.lon, c.tags, entry.key[0], c.id, c.surveyor, c.accuracy_m, c.osm_id)


def _records(
    camera_id: str, group: Group, entries: Sequence[_Entry], before: Sequence[ConflictRecord]
) -> list[ConflictRecord]:
    """The group's conflicts as records; a decision stands unless a new value came."""
    decided = {c.key: {v for v, _ in c.choices} for c in before if c.decided}
    records = []
    for conflict in group.conflicts:
        choices: tuple[StoredChoice, ...] = tuple(
            (choice.value, tuple(entries[i].key for i in choice.sightings))
            for choice in conflict.choices
        )
        known = decided.get(conflict.key)
        settled = known is not None and set(conflict.values) <= known
        records.append(ConflictRecord(camera_id, conflict.key, choices, settled))
    return records


def _last_seen(members: Sequence[_Entry]) -> str:
    days = [m.camera.created_at.date().isoformat() for m in members]
    days += [m.camera.tags["survey:date"] for m in members if "survey:date" in m.camera.tags]
    return max(days)


def _status(members: Sequence[_Entry], group: Group, match: Conflation) -> Status:
    """Confirmed when a walker confirmed it and nothing is left to decide."""
    if group.conflicts or match.match is Match.POSSIBLE:
        return Status.DRAFT
    confirmed = any(m.camera.status is Status.CONFIRMED for m in members)
    return Status.CONFIRMED if confirmed else Status.DRAFT


def _camera(
    camera_id: str, group: Group, members: Sequence[_Entry], match: Conflation, now: datetime
) -> Camera:
    """The merged camera of a group, as its match with OSM has it."""
    first = members[0].camera
    lat, lon, tags = group.lat, group.lon, copy_of(group.tags)
    accuracy, osm_id, osm_version = group.accuracy_m, None, None
    if match.match is Match.SAME and match.node is not None:
        lat, lon, tags, accuracy = match.node.lat, match.node.lon, match.tags, None
        osm_id, osm_version = match.node.osm_id, match.node.version
    elif match.match is Match.SAME:  # linked by a walker to a node not in the extract
        osm_id = next(m.camera.osm_id for m in members if m.camera.osm_id is not None)
        osm_version = (
            max((m.camera.osm_version or 0) for m in members if m.camera.osm_id == osm_id) or None
        )
    if len(members) == 1:  # most groups: what the loops below give, without them
        surveyor, notes, created_at = first.surveyor or None, first.notes, first.created_at
    else:
        cameras = [m.camera for m in members]
        surveyor = ", ".join(dict.fromkeys(c.surveyor for c in cameras if c.surveyor)) or None
        notes = "\n".join(dict.fromkeys(c.notes for c in cameras if c.notes))
        created_at = min(c.created_at for c in cameras)
    return Camera(
        lat=lat,
        lon=lon,
        tags=tags,
        id=camera_id,
        status=_status(members, group, match),
        source=first.source,
        accuracy_m=accuracy,
        surveyor=surveyor,
        created_at=created_at,
        updated_at=now,
        osm_id=osm_id,
        osm_version=osm_version,
        notes=notes,
    )


def _merged_camera(group: Group, members: Sequence[_Entry]) -> MergedCamera:
    link = next((m.camera.osm_id for m in members if m.camera.osm_id is not None), None)
    return MergedCamera(group.lat, group.lon, group.tags, group.accuracy_m, link)


def plan_merge(
    state: MergeState, new: Sequence[MergedSighting], radius_m: float, now: datetime
) -> MergePlan:
    """Work out the merge of ``new`` sightings (not yet in the survey) into ``state``."""
    entries = _entries(state, new)
    groups = group_sightings(
        [_sighting(e) for e in entries], radius_m, kept=[e.label for e in entries]
    )
    plan = MergePlan()
    rebuild: list[tuple[str, Group, list[_Entry]]] = []
    for group in groups:
        members = [entries[i] for i in group.members]
        if not any(m.new for m in members):
            continue
        label = next((m.label for m in members if m.label is not None), None)
        camera_id = label or new_camera_id()
        plan.sightings += [
            MergedSighting(m.key[0], m.camera, camera_id, m.sheet_line) for m in members if m.new
        ]
        if label is not None and state.owned(label):
            before = state.conflicts.get(label, [])
            plan.conflicts[label] = _records(label, group, entries, before)
        else:
            rebuild.append((camera_id, group, members))
    _rebuild(state, rebuild, entries, radius_m, now, plan)
    return plan


def _rebuild(
    state: MergeState,
    rebuild: Sequence[tuple[str, Group, list[_Entry]]],
    entries: Sequence[_Entry],
    radius_m: float,
    now: datetime,
    plan: MergePlan,
) -> None:
    """Build the new and reworked cameras, matched against the nodes still free."""
    reworked = {camera_id for camera_id, _, _ in rebuild}
    linked = {c.osm_id for c in state.cameras.values() if c.id not in reworked and c.osm_id}
    free = [node for node in state.existing if node.osm_id not in linked]
    matches = conflate(
        [_merged_camera(group, members) for _, group, members in rebuild],
        free,
        radius_m,
        seen_on=[_last_seen(members) for _, _, members in rebuild],
    )
    for (camera_id, group, members), match in zip(rebuild, matches, strict=True):
        camera = _camera(camera_id, group, members, match, now)
        (plan.reworked_cameras if camera_id in state.cameras else plan.new_cameras).append(camera)
        node = match.node.osm_id if match.node is not None else None
        merge = CameraMerge(
            camera_id, written_row(camera), False, match.match.value, node, match.distance_m
        )
        plan.merges.append(merge)
        plan.conflicts[camera_id] = _records(camera_id, group, entries, [])
