"""Reviewing a merged survey: accept a merged camera, pick a value, split a sighting off, join.

Every decision is a pure change of a :class:`ReviewState` (the records of the merged cameras
it touches) into another; :func:`write_review_state` writes one state in a single transaction.
Undo writes the state from before, redo the state after: one mechanism for every decision,
in the window and in scripts alike. A decision marks the cameras it touched as reviewed, so a
later merge leaves them be.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from contrechamp.core.camera import Camera, utc_now
from contrechamp.core.errors import SurveyError
from contrechamp.core.sheet_lines import join_sheet_lines, sheet_line_parts
from contrechamp.store.merge_records import (
    CameraMerge,
    ConflictRecord,
    MergedSighting,
    SightingKey,
    written_row,
)
from contrechamp.store.survey import SurveyFile

__all__ = [
    "ReviewState",
    "accepted",
    "joined",
    "read_review_state",
    "split_off",
    "value_picked",
    "write_review_state",
]


@dataclass(frozen=True, slots=True)
class ReviewState:
    """The records of some merged cameras: each camera (None: not in the survey), the merged
    camera each of their sightings belongs to, the camera each of their photos is attached
    to, what the merge knows of each camera, their conflicts, and their private sheet lines
    (a camera left out keeps its line as it is); beside them, read only, the sheet line each
    of their sightings brought."""

    cameras: Mapping[str, Camera | None]
    sightings: Mapping[SightingKey, str | None]
    photos: Mapping[int, str | None]
    merges: Mapping[str, CameraMerge | None]
    conflicts: Mapping[str, tuple[ConflictRecord, ...]]
    sheet_lines: Mapping[str, str | None] = field(default_factory=dict)
    sighting_lines: Mapping[SightingKey, str] = field(default_factory=dict)


def read_review_state(survey: SurveyFile, camera_ids: Iterable[str]) -> ReviewState:
    """The records of ``camera_ids`` as the survey holds them."""
    cameras: dict[str, Camera | None] = {}
    sightings: dict[SightingKey, str | None] = {}
    photos: dict[int, str | None] = {}
    merges: dict[str, CameraMerge | None] = {}
    conflicts: dict[str, tuple[ConflictRecord, ...]] = {}
    lines: dict[str, str | None] = {}
    sighting_lines: dict[SightingKey, str] = {}
    for camera_id in dict.fromkeys(camera_ids):
        cameras[camera_id] = _camera_or_none(survey, camera_id)
        lines[camera_id] = survey.sheet_line(camera_id)
        for sighting in survey.merged_sightings(camera_id):
            sightings[sighting.key] = camera_id
            if sighting.sheet_line is not None:
                sighting_lines[sighting.key] = sighting.sheet_line
        for photo in survey.photos(camera_id):
            if photo.id is not None:
                photos[photo.id] = camera_id
        merges[camera_id] = survey.camera_merges(camera_id).get(camera_id)
        conflicts[camera_id] = tuple(survey.merge_conflicts(camera_id))
    return ReviewState(cameras, sightings, photos, merges, conflicts, lines, sighting_lines)


def _camera_or_none(survey: SurveyFile, camera_id: str) -> Camera | None:
    try:
        return survey.camera(camera_id)
    except SurveyError as error:
        if error.code == "camera.missing":
            return None
        raise


def write_review_state(survey: SurveyFile, state: ReviewState) -> None:
    """Make the survey hold ``state``, in one transaction (all or nothing).

    Cameras come first (sightings and photos may move onto a new one), absent cameras go
    last (once nothing points at them)."""
    with survey.transaction():
        present = {i for i in state.cameras if _camera_or_none(survey, i) is not None}
        for camera_id, camera in state.cameras.items():
            if camera is not None and camera_id in present:
                survey.update_camera(camera)
            elif camera is not None:
                survey.add_camera(camera)
        for (survey_id, sighting_id), owner in state.sightings.items():
            survey.move_sightings([(survey_id, sighting_id)], owner)
        for photo_id, owner in state.photos.items():
            survey.attach_photo(photo_id, owner)
        survey.set_camera_merges(m for m in state.merges.values() if m is not None)
        survey.forget_camera_merges(i for i, m in state.merges.items() if m is None)
        survey.set_merge_conflicts(state.conflicts)
        for camera_id, line in state.sheet_lines.items():
            if state.cameras.get(camera_id) is not None:
                survey.set_sheet_line(camera_id, line)
        for camera_id, camera in state.cameras.items():
            if camera is None and camera_id in present:
                survey.delete_camera(camera_id)


def _reviewed(state: ReviewState, camera_id: str) -> dict[str, CameraMerge | None]:
    merges = dict(state.merges)
    merge = merges.get(camera_id)
    camera = state.cameras.get(camera_id)
    if merge is not None:
        merges[camera_id] = replace(merge, reviewed=True)
    elif camera is not None:
        merges[camera_id] = CameraMerge(camera_id, written_row(camera), True, "new")
    return merges


def accepted(state: ReviewState, camera_id: str) -> ReviewState:
    """The organiser accepts a merged camera as it stands: its values settle its conflicts."""
    conflicts = dict(state.conflicts)
    conflicts[camera_id] = tuple(replace(c, decided=True) for c in conflicts.get(camera_id, ()))
    return replace(state, merges=_reviewed(state, camera_id), conflicts=conflicts)


def value_picked(state: ReviewState, camera_id: str, key: str, value: str) -> ReviewState:
    """The organiser picks ``value`` for the conflicting tag ``key`` of a merged camera."""
    camera = state.cameras.get(camera_id)
    if camera is None:
        return state
    tags = dict(camera.tags) | {key: value}
    cameras = dict(state.cameras)
    cameras[camera_id] = replace(camera, tags=tags, updated_at=utc_now())
    conflicts = dict(state.conflicts)
    conflicts[camera_id] = tuple(
        replace(c, decided=True) if c.key == key else c for c in conflicts.get(camera_id, ())
    )
    return replace(state, cameras=cameras, conflicts=conflicts, merges=_reviewed(state, camera_id))


def split_off(
    state: ReviewState,
    camera_id: str,
    sighting: MergedSighting,
    photo_ids: Iterable[int],
    new_id: str | None = None,
) -> ReviewState:
    """One sighting was another camera: it becomes a merged camera of its own, at its own
    position with its own values, its photos with it. ``state`` must hold ``camera_id``;
    ``new_id`` is the new camera's id (a fresh one if None)."""
    merged = state.cameras.get(camera_id)
    if merged is None or state.sightings.get(sighting.key) != camera_id:
        return state
    new_id = new_id or str(uuid.uuid4())
    now = utc_now()
    own = replace(sighting.camera, id=new_id, status=merged.status, updated_at=now)
    cameras = dict(state.cameras) | {new_id: own}
    sightings = dict(state.sightings) | {sighting.key: new_id}
    photos = dict(state.photos) | dict.fromkeys(photo_ids, new_id)
    match = "same" if own.osm_id is not None else "new"
    merges = _reviewed(state, camera_id)
    merges[new_id] = CameraMerge(new_id, written_row(own), True, match, own.osm_id)
    conflicts = dict(state.conflicts) | {new_id: ()}
    lines = dict(state.sheet_lines) | {new_id: sighting.sheet_line}
    if camera_id in state.sheet_lines:
        lines[camera_id] = _line_without(state, camera_id, sighting)
    return ReviewState(cameras, sightings, photos, merges, conflicts, lines, state.sighting_lines)


def _line_without(state: ReviewState, camera_id: str, gone: MergedSighting) -> str | None:
    """The sheet line of ``camera_id`` once ``gone`` left it: the parts only that sighting
    brought go, those another of its sightings brought or the organiser typed stay."""
    others = {
        part
        for key, owner in state.sightings.items()
        if owner == camera_id and key != gone.key
        for part in sheet_line_parts(state.sighting_lines.get(key, ""))
    }
    leaving = set(sheet_line_parts(gone.sheet_line or "")) - others
    current = sheet_line_parts(state.sheet_lines.get(camera_id) or "")
    return join_sheet_lines(part for part in current if part not in leaving)


def joined(state: ReviewState, keep_id: str, other_id: str) -> ReviewState:
    """Two merged cameras are one: ``other_id``'s sightings and photos join ``keep_id``,
    which keeps its position and values; ``other_id`` leaves the survey."""
    if state.cameras.get(keep_id) is None or state.cameras.get(other_id) is None:
        return state
    cameras = dict(state.cameras) | {other_id: None}
    sightings = {k: keep_id if v == other_id else v for k, v in state.sightings.items()}
    photos = {k: keep_id if v == other_id else v for k, v in state.photos.items()}
    merges = _reviewed(state, keep_id) | {other_id: None}
    conflicts = dict(state.conflicts) | {other_id: ()}
    lines = dict(state.sheet_lines)
    if keep_id in lines or other_id in lines:
        lines[keep_id] = join_sheet_lines([lines.get(keep_id), lines.get(other_id)])
    return ReviewState(cameras, sightings, photos, merges, conflicts, lines, state.sighting_lines)
