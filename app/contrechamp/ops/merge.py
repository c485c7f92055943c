"""Merge the group's surveys into one: ``contrechamp merge OUT SURVEY...``.

Every survey is read and checked first: one corrupt, newer or hostile file stops the merge,
its name in the message, before anything is written. The merged survey is then built in a
file beside OUT and renamed over it only once complete, so OUT is either as it was or fully
merged. OUT may be a merged survey already: the surveys are merged into it, sightings merged
before are skipped (merging the same file twice changes nothing) and the organiser's
decisions stand (see ``ops/merge_plan.py``). Any other file at OUT is refused.

Every sighting keeps where it came from (survey id and title, pseudonym, when, its photos);
photos are copied one at a time. The merged cameras link to the OSM nodes they are the same
as (id and version), so the ``.osc`` export modifies those nodes instead of adding copies.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import utc_now
from contrechamp.core.collector import collector_paused
from contrechamp.core.dedup import DEFAULT_RADIUS_M
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.core.sheet_lines import join_sheet_lines
from contrechamp.formats.held_files import refuse_held
from contrechamp.ops.blur_transfer import carry_blur
from contrechamp.ops.merge_inputs import (
    SurveyToMerge,
    area_features,
    read_existing,
    read_survey_to_merge,
    stream_photos,
)
from contrechamp.ops.merge_plan import MergePlan, MergeState, plan_merge
from contrechamp.ops.names import display_name
from contrechamp.store.layout import SCHEMA_VERSION
from contrechamp.store.merge_records import (
    ConflictRecord,
    MergeCounts,
    MergedSighting,
    SightingKey,
)
from contrechamp.store.migrate import copy_survey, migrate_in_place
from contrechamp.store.safety import inspect_survey
from contrechamp.store.survey import SurveyFile

__all__ = ["MAX_RADIUS_M", "MergeResult", "merge_surveys"]

MAX_RADIUS_M = 200.0
"""A wider radius would join cameras across a whole square: surely a typo."""


@dataclass
class MergeResult:
    """What a merge did, and the merged survey in figures afterwards."""

    out: Path
    changed: bool = False
    surveys: int = 0
    sightings_added: int = 0
    already_merged: int = 0
    rejected_left_out: int = 0
    cameras_added: int = 0
    cameras_reworked: int = 0
    photos_copied: int = 0
    photos_not_copied: int = 0
    cameras: int = 0
    counts: MergeCounts = field(default_factory=lambda: MergeCounts(0, 0, 0, 0, {}))


def _check_radius(radius_m: float) -> None:
    if not (math.isfinite(radius_m) and 0 < radius_m <= MAX_RADIUS_M):
        raise InputError(
            f"the merge radius must be more than 0 and at most {MAX_RADIUS_M:g} metres",
            "merge.radius",
        )


def _work_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.merging-{uuid.uuid4().hex[:8]}")


@contextmanager
def _merged_survey(out: Path, work: Path) -> Iterator[SurveyFile]:
    """The survey to merge into, in ``work``: a copy of OUT, or a new survey."""
    if not out.exists():
        with SurveyFile.create(work, title="Merged survey") as survey:
            yield survey
        return
    try:
        version = inspect_survey(out)
    except SurveyError as error:
        raise InputError(
            f"{display_name(out)} exists and is not a merged survey ({error.detail})",
            "merge.not_merged",
        ) from None
    copy_survey(out, work)
    if version < SCHEMA_VERSION:
        migrate_in_place(work)
    with SurveyFile.open(work) as survey:
        if not survey.is_merged_survey():
            raise InputError(
                f"{display_name(out)} exists and is not a merged survey: give a new file name",
                "merge.not_merged",
            )
        yield survey


def _state(survey: SurveyFile) -> MergeState:
    conflicts: dict[str, list[ConflictRecord]] = {}
    for record in survey.merge_conflicts():
        conflicts.setdefault(record.camera_id, []).append(record)
    return MergeState(
        survey.survey_id,
        {c.id: c for c in survey.cameras()},
        survey.merged_sightings(),
        survey.camera_merges(),
        conflicts,
        survey.existing_cameras(),
    )


def _existing(
    survey: SurveyFile, inputs: Sequence[SurveyToMerge], extract: list[ExistingCamera] | None
) -> list[ExistingCamera] | None:
    """The cameras already in OSM, all sources together (the newest version of each node,
    the extract's over all); None when that changes nothing."""
    before = {c.osm_id: c for c in survey.existing_cameras()}
    known = dict(before)
    for camera in [c for one in inputs for c in one.existing]:
        if camera.osm_id not in known or (known[camera.osm_id].version or 0) < (
            camera.version or 0
        ):
            known[camera.osm_id] = camera
    known.update({c.osm_id: c for c in extract or []})
    return None if known == before else sorted(known.values(), key=lambda c: c.osm_id)


def _take_area(survey: SurveyFile, inputs: Sequence[SurveyToMerge]) -> bool:
    """Give a new merged survey the base map of the first survey that has one."""
    if survey.area_bbox() is not None:
        return False
    for one in inputs:
        if one.bbox is not None:
            area = area_features(one.path)
            if area is not None:
                bbox, features, source = area
                survey.set_area(bbox, features, survey.existing_cameras(), source)
                return True
    return False


def _new_sightings(
    state: MergeState, inputs: Sequence[SurveyToMerge], result: MergeResult
) -> list[MergedSighting]:
    """The sightings not merged yet (each once, however many files carry it)."""
    seen = {s.key for s in state.sightings}
    fresh = []
    for one in inputs:
        result.rejected_left_out += one.rejected
        for camera in one.sightings:
            key = (one.survey_id, camera.id)
            if key in seen:
                result.already_merged += 1
                continue
            seen.add(key)
            fresh.append(
                MergedSighting(one.survey_id, camera, None, one.sheet_lines.get(camera.id))
            )
    return fresh


def _write(survey: SurveyFile, plan: MergePlan) -> None:
    survey.add_cameras(plan.new_cameras)
    for camera in plan.reworked_cameras:
        survey.update_camera(camera)
    survey.add_sightings(plan.sightings)
    survey.set_camera_merges(plan.merges)
    survey.set_merge_conflicts(plan.conflicts)


def _carry_sheet_lines(survey: SurveyFile, sightings: Sequence[MergedSighting]) -> None:
    """Give each merged camera the sheet lines of its new sightings, after its own (a camera
    seen on sheets A-3 and B-7 gets "A-3, B-7"; a later merge adds to it)."""
    brought: dict[str, list[str]] = {}
    for sighting in sightings:
        if sighting.sheet_line is not None and sighting.camera_id is not None:
            brought.setdefault(sighting.camera_id, []).append(sighting.sheet_line)
    for camera_id, new_lines in brought.items():
        survey.set_sheet_line(
            camera_id, join_sheet_lines([survey.sheet_line(camera_id), *new_lines])
        )


def _copy_photos(
    survey: SurveyFile,
    inputs: Sequence[SurveyToMerge],
    owners: dict[SightingKey, str | None],
    result: MergeResult,
) -> None:
    """Copy, one at a time, the photos of merged sightings that the survey lacks, onto the
    sightings' merged cameras."""
    for one in inputs:
        result.photos_not_copied += one.photos_without_bytes
        wanted = [
            p
            for p in one.photos
            if owners.get((one.survey_id, p.camera_id or "")) is not None
            and survey.photo_by_hash(p.sha256) is None
        ]
        for info, data, preview in stream_photos(one.path, wanted):
            key = (one.survey_id, info.camera_id or "")
            stored = survey.add_photo(replace(info, id=None, camera_id=owners[key]), data, preview)
            if stored.id is not None:
                survey.link_sighting_photo(stored.id, key)
                result.photos_copied += 1


def _merge_into(
    survey: SurveyFile,
    inputs: Sequence[SurveyToMerge],
    extract: list[ExistingCamera] | None,
    radius_m: float,
    result: MergeResult,
) -> None:
    now = utc_now()
    with survey.transaction():  # the photos come after, each its own write
        changed = _take_area(survey, inputs)
        existing = _existing(survey, inputs, extract)
        if existing is not None:
            survey.replace_existing_cameras(existing)
        state = _state(survey)
        known = {s.survey_id for s in survey.source_surveys()}
        sources = [one.source(now) for one in inputs if one.survey_id not in known]
        survey.add_source_surveys(sources)
        fresh = _new_sightings(state, inputs, result)
        plan = plan_merge(state, fresh, radius_m, now)
        _write(survey, plan)
        _carry_sheet_lines(survey, plan.sightings)
    owners = {s.key: s.camera_id for s in [*state.sightings, *plan.sightings]}
    _copy_photos(survey, inputs, owners, result)
    carried = sum(carry_blur(survey, one.blur) for one in inputs)  # the photos' blur regions
    result.changed = changed or existing is not None or bool(sources) or bool(fresh)
    result.changed = result.changed or result.photos_copied > 0 or carried > 0
    result.sightings_added = len(plan.sightings)
    result.cameras_added = len(plan.new_cameras)
    result.cameras_reworked = len(plan.reworked_cameras)
    result.cameras = sum(survey.camera_counts().values())
    result.counts = survey.merge_counts()


def merge_surveys(
    out: Path,
    surveys: Sequence[Path],
    radius_m: float = DEFAULT_RADIUS_M,
    existing: Path | None = None,
) -> MergeResult:
    """Merge ``surveys`` into the merged survey ``out`` (created if absent); all or nothing.

    Raises ``InputError``/``SurveyError`` naming the file at fault, OUT unchanged.
    """
    _check_radius(radius_m)
    out = Path(out)
    refuse_held(out)
    if out.is_dir():
        raise InputError(f"{display_name(out)} is a folder, not a survey file", "merge.target")
    with collector_paused():  # many cameras, sightings and rows, and no cycles among them
        inputs = [read_survey_to_merge(Path(p), out) for p in surveys]
        extract = read_existing(existing) if existing is not None else None
        result = MergeResult(out, surveys=len(inputs))
        work = _work_path(out)
        try:
            with _merged_survey(out, work) as survey:
                _merge_into(survey, inputs, extract, radius_m, result)
            if result.changed or not out.exists():
                SurveyFile.install(work, out)
        finally:
            SurveyFile.discard(work)
    return result
