"""Pool surveys in a campaign database: ``contrechamp campaign init|push|status`` (and pull,
in ``ops/campaign_pull.py``).

A push is one PostgreSQL transaction. It merges the survey's cameras into the campaign with
the rules of ``contrechamp merge`` (``ops/merge_plan.py``): each camera is a sighting, keyed
by the survey's id and its id there; sightings of one physical camera join one campaign
camera (new, same camera, or a conflict to decide), the organisers' decisions stand, and a
sighting pushed before is skipped. A camera pulled from this campaign and changed offline
comes back as an edit of its campaign camera (``ops/campaign_edits.py``), not as a copy. A
camera pulled and deleted offline is marked deleted in the campaign: a new revision of it,
rejected, recorded with the push (the pusher's pseudonym and the time), its earlier revision
kept so an organiser can bring it back; pulls and the map views leave it out. If another
survey's push changed it since the pull, it is kept, and the push says so.
Photos go as content-addressed blobs (SHA-256 of the bytes stored), as exports share them:
faces and blur regions blurred, metadata stripped, unless asked otherwise. Each push is
recorded: when, the survey's pseudonym (never a name, the database role or a host) and what
it changed. Pushing the same survey twice changes nothing: the second transaction finds
nothing new and is rolled back. A push that fails (refused, the connection cut) leaves the
campaign as it was and the survey as it was (the faces found in its photos aside, kept as
an export keeps them): running it again is the way to resume.

Concurrency: every push takes one transaction-level advisory lock
(``pg_advisory_xact_lock``) before reading anything, so pushes run one after another while
pulls, status and QGIS keep reading (MVCC: readers never wait). Why not row locks: a push
mostly *inserts* cameras where there were none, and no row can be locked before it exists,
so two pushes of the same street would both see it empty and both add its cameras. Why not
SERIALIZABLE with retry: overlapping pushes (the usual case, pairs of one workshop pushing
at the end of it) would abort each other and redo the whole merge each time, and a retry
would have to re-read the survey and its photos. Pushes are rare and take seconds; queuing
them costs nothing, and the merge sees the campaign exactly as the pushes before left it:
concurrent pushes give what the same pushes one after another give, with no duplicate. The
lock is released by the server when the transaction ends, committed, rolled back or cut.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from contrechamp.core.camera import Camera, Status, utc_now
from contrechamp.core.collector import collector_paused
from contrechamp.core.dedup import DEFAULT_RADIUS_M, MAX_ACCURACY_M
from contrechamp.core.errors import InputError
from contrechamp.ops.blur import PhotoScan
from contrechamp.ops.campaign_edits import EditConflict, three_way_edit
from contrechamp.ops.campaign_survey import (
    SurveyToPush,
    camera_photos,
    read_survey_to_push,
    scan_faces,
    shared_photos,
)
from contrechamp.ops.merge import MAX_RADIUS_M
from contrechamp.ops.merge_plan import MergePlan, MergeState, plan_merge
from contrechamp.ops.progress import Progress, quiet
from contrechamp.store.campaign.connection import campaign_engine, campaign_url
from contrechamp.store.campaign.errors import CampaignError, translate_campaign_errors
from contrechamp.store.campaign.migrate import (
    CAMPAIGN_SCHEMA_VERSION,
    CampaignInit,
    campaign_id,
    check_campaign,
    init_campaign,
)
from contrechamp.store.campaign.push_records import PushRecords
from contrechamp.store.campaign.records import CampaignRecords, CampaignState, PushCounts
from contrechamp.store.merge_records import ConflictRecord, MergedSighting, SourceSurvey
from contrechamp.store.rows import datetime_to_text

__all__ = [
    "CampaignStatus",
    "PushResult",
    "campaign_status",
    "connect_campaign",
    "init_campaign_at",
    "push_survey",
    "stopped_error",
]

# How far a pushed sighting may be from a campaign camera it could join: the merge radius
# widened by two of the worst accuracies the merge counts (core/dedup.py), twice over so
# that a group's OSM node, matched from the group's centre, is read too.
_ACCURACY_SPAN = 2.5 * math.sqrt(2.0) * MAX_ACCURACY_M


@dataclass
class PushResult:
    """What a push did: whether it changed the campaign, what it recorded, what it skipped."""

    changed: bool = False
    push_id: int | None = None
    counts: PushCounts = field(default_factory=PushCounts)
    already_there: int = 0
    rejected_left_out: int = 0
    unchanged_pulled: int = 0
    sectors_added: int = 0
    deleted: int = 0  # pulled, deleted offline: marked deleted in the campaign
    deletions_kept: int = 0  # pulled, deleted offline, changed in the campaign since: kept


@dataclass(frozen=True)
class CampaignStatus:
    """The campaign in figures and its latest pushes (``contrechamp campaign status``)."""

    campaign_id: str
    schema_version: int
    figures: dict[str, Any]
    last_pushes: list[dict[str, Any]]
    sectors: tuple[str, ...] = ()


def _check_radius(radius_m: float) -> None:
    if not (math.isfinite(radius_m) and 0 < radius_m <= MAX_RADIUS_M):
        raise InputError(
            f"the merge radius must be more than 0 and at most {MAX_RADIUS_M:g} metres",
            "merge.radius",
        )


def connect_campaign(url: str, password: str | None = None) -> Engine:
    """An engine on the campaign at ``url`` (checked), with ``password`` if given, else the
    keyring's or libpq's (PGPASSWORD, ~/.pgpass)."""
    return campaign_engine(campaign_url(url), password=password)


def stopped_error() -> CampaignError:
    """What a campaign action stopped by the user raises (nothing was changed)."""
    return CampaignError(
        "The campaign action was stopped: nothing was changed.", "campaign.cancelled"
    )


def init_campaign_at(url: str) -> CampaignInit:
    """Create the campaign schema at ``url``, or bring it up to date."""
    engine = connect_campaign(url)
    try:
        return init_campaign(engine)
    finally:
        engine.dispose()


@dataclass
class _Push:
    """One push being worked out: the survey, the campaign's id, and what it changes."""

    survey: SurveyToPush
    campaign_id: str
    now: datetime
    result: PushResult = field(default_factory=PushResult)
    edited: list[Camera] = field(default_factory=list)
    deleted: list[Camera] = field(default_factory=list)  # marked deleted (rejected)
    edit_conflicts: dict[str, list[ConflictRecord]] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)  # survey camera id -> campaign's

    def source(self) -> SourceSurvey:
        s = self.survey
        return SourceSurvey(s.survey_id, s.title, s.surveyor, s.created_at, self.now)


def _conflict_records(
    push: _Push, camera_id: str, found: Sequence[EditConflict], before: Sequence[ConflictRecord]
) -> list[ConflictRecord] | None:
    """The camera's conflicts with those of an edit (replacing the same keys); None when
    they are what the campaign holds already."""
    ours = (push.survey.survey_id, camera_id)
    theirs = (push.campaign_id, camera_id)
    new = {
        c.key: ConflictRecord(
            camera_id, c.key, ((c.campaign_value, (theirs,)), (c.pushed_value, (ours,))), False
        )
        for c in found
    }
    kept = [r for r in before if r.key not in new]
    records = sorted([*kept, *new.values()], key=lambda r: r.key)
    return None if records == sorted(before, key=lambda r: r.key) else records


def _apply_edits(records: PushRecords, push: _Push) -> set[str]:
    """Work out the edits of cameras pulled from this campaign; return their ids."""
    pulled = push.survey.pulled_from(push.campaign_id)
    mine = {c.id: c for c in push.survey.cameras if c.id in pulled}
    current = records.cameras_by_id(sorted(mine))
    bases = records.revisions({i: pulled[i] for i in current.cameras})
    for camera_id, theirs in current.cameras.items():
        push.owners[camera_id] = camera_id
        edit = three_way_edit(bases.get(camera_id, theirs), theirs, mine[camera_id], push.now)
        conflicts = _conflict_records(
            push, camera_id, edit.conflicts, current.conflicts.get(camera_id, [])
        )
        if edit.camera is not None:
            push.edited.append(edit.camera)
        if conflicts is not None:
            push.edit_conflicts[camera_id] = conflicts
        if edit.camera is None and conflicts is None:
            push.result.unchanged_pulled += 1
    return set(current.cameras)


def _apply_deletions(records: PushRecords, push: _Push) -> None:
    """Mark deleted the cameras pulled from this campaign and deleted offline, unless a
    push of another survey changed them since the pull (kept then, and counted)."""
    pulled = push.survey.pulled_from(push.campaign_id)
    gone = sorted(set(pulled) - {c.id for c in push.survey.cameras})
    current = records.cameras_by_id(gone).cameras
    live = {i: c for i, c in current.items() if c.status is not Status.REJECTED}
    changed = records.changed_by_others({i: pulled[i] for i in live}, push.survey.survey_id)
    for camera_id, theirs in sorted(live.items()):
        if camera_id in changed:
            push.result.deletions_kept += 1
        else:
            push.deleted.append(replace(theirs, status=Status.REJECTED, updated_at=push.now))
    push.result.deleted = len(push.deleted)


def _fresh_sightings(
    records: PushRecords, push: _Push, edited_ids: set[str]
) -> list[MergedSighting]:
    """The survey's cameras to merge as new sightings (not pulled, not pushed before)."""
    known = records.known_sightings(push.survey.survey_id)
    fresh = []
    for camera in push.survey.cameras:
        if camera.id in edited_ids:
            continue
        if camera.id in known:
            push.result.already_there += 1
            owner = known[camera.id]
            if owner is not None:
                push.owners[camera.id] = owner
        elif camera.status is not Status.REJECTED:
            fresh.append(MergedSighting(push.survey.survey_id, camera, None))
        else:
            push.result.rejected_left_out += 1
    return fresh


def _merge_state(push: _Push, found: CampaignState) -> MergeState:
    """The campaign near the new sightings as the merge sees it, the edits applied."""
    cameras = dict(found.cameras)
    for camera in (*push.edited, *push.deleted):
        if camera.id in cameras:
            cameras[camera.id] = camera
    return MergeState(
        push.campaign_id, cameras, found.sightings, found.merges, found.conflicts, found.existing
    )


def _plan(
    records: PushRecords, push: _Push, fresh: list[MergedSighting], radius_m: float
) -> MergePlan:
    if not fresh:
        return MergePlan()
    reach = 2.0 * (radius_m + _ACCURACY_SPAN)
    found = records.neighbourhood(
        [(s.camera.lat, s.camera.lon) for s in fresh],
        sorted({s.camera.id for s in fresh}),
        sorted({s.camera.osm_id for s in fresh if s.camera.osm_id is not None}),
        reach,
    )
    plan = plan_merge(_merge_state(push, found), fresh, radius_m, push.now)
    for sighting in plan.sightings:
        if sighting.camera_id is not None:
            push.owners[sighting.camera.id] = sighting.camera_id
    return plan


def _conflicts(plan: MergePlan, push: _Push) -> dict[str, list[ConflictRecord]]:
    """Every camera's conflicts to write: the merge's, and the edits' over them."""
    merged = {key: list(value) for key, value in plan.conflicts.items()}
    for camera_id, records in push.edit_conflicts.items():
        keys = {r.key for r in records}
        merged[camera_id] = [*records, *(r for r in merged.get(camera_id, []) if r.key not in keys)]
    return merged


def _push_photos(
    records: PushRecords, push: _Push, push_id: int, scan: PhotoScan | None, keep_exif: bool
) -> int:
    known = records.known_photos(sorted(set(push.owners.values())))
    wanted = camera_photos(push.survey.photos, push.owners, known)
    added = 0
    for shared in shared_photos(push.survey.path, wanted, scan, keep_exif=keep_exif):
        info = shared.info
        row = {
            "camera_id": push.owners[info.camera_id or ""],
            "sha256": shared.sha256,
            "original_sha256": shared.original_sha256,
            "role": info.role.value,
            "taken_at": None if info.taken_at is None else datetime_to_text(info.taken_at),
            "lat": info.lat,
            "lon": info.lon,
            "accuracy_m": info.accuracy_m,
            "heading": info.heading,
            "heading_ref": info.heading_ref,
            "altitude": info.altitude,
            "orientation": info.orientation,
            "push_id": push_id,
            "mime": shared.mime,
        }
        added += records.add_photo(row, shared.data)
    return added


@dataclass(frozen=True)
class _PhotoOptions:
    scan: PhotoScan | None  # None: not blurred
    keep_exif: bool


def _write(
    records: PushRecords, push: _Push, plan: MergePlan, comment: str, photos: _PhotoOptions
) -> None:
    with collector_paused():  # the rows: many, and no cycles among them (photos come after)
        push_id = records.start_push(push.source(), comment)
        records.add_survey(push.source(), push_id)
        existing_changed = records.merge_existing(push.survey.existing)
        records.add_cameras(plan.new_cameras, push_id)
        changed = {c.id: c for c in (*push.edited, *push.deleted)}
        changed.update((c.id, c) for c in plan.reworked_cameras)  # the merge's, made from those
        records.update_cameras(list(changed.values()), push_id)
        records.add_sightings(plan.sightings, push_id)
        records.set_camera_merges(plan.merges, {c.id for c in plan.new_cameras})
        records.set_conflicts(_conflicts(plan, push))
    sectors = records.add_sectors(push.survey.sectors, push_id)
    added = _push_photos(records, push, push_id, photos.scan, photos.keep_exif)
    counts = PushCounts(
        sightings=len(plan.sightings),
        cameras_added=len(plan.new_cameras),
        cameras_changed=len(changed),
        edits=len(push.edited) + len(set(push.edit_conflicts) - {c.id for c in push.edited}),
        conflicts=sum(1 for rs in push.edit_conflicts.values() for r in rs if not r.decided),
        photos=added,
    )
    records.finish_push(push_id, counts)
    push.result.counts, push.result.sectors_added = counts, sectors
    push.result.push_id = push_id
    push.result.changed = counts != PushCounts() or bool(existing_changed or sectors)


def push_survey(
    survey_path: Path,
    url: str,
    *,
    comment: str = "",
    radius_m: float = DEFAULT_RADIUS_M,
    keep_exif: bool = False,
    blur: bool = True,
    engine: Engine | None = None,
    progress: Progress | None = None,
) -> PushResult:
    """Push the survey at ``survey_path`` into the campaign at ``url``, in one transaction.

    Faces are looked for first (``blur``; what is found is kept in the survey when it can be
    written, as an export keeps it). Raises InputError/SurveyError naming the survey (nothing
    is sent), DetectorUnavailableError when faces cannot be looked for (nothing is sent),
    CampaignError (the campaign is as it was: push again once the cause is fixed), and
    CampaignError("campaign.cancelled") when ``progress`` is stopped before the commit.
    """
    progress = progress or quiet()
    _check_radius(radius_m)
    with collector_paused():  # many cameras, sightings and rows, and no cycles among them
        survey = read_survey_to_push(Path(survey_path))
    taken = {c.id for c in survey.cameras if c.status is not Status.REJECTED}
    scan = (
        scan_faces(survey.path, [p for p in survey.photos if p.camera_id in taken])
        if blur and survey.photos
        else None
    )
    if progress.stopped:
        raise stopped_error()
    own_engine = engine is None
    engine = engine or connect_campaign(url)
    try:
        with translate_campaign_errors(), engine.connect() as connection:
            transaction = connection.begin()
            check_campaign(connection)
            records = PushRecords(connection)
            records.lock_pushes()  # may wait for another push: the collector runs meanwhile
            push = _Push(survey, campaign_id(connection), utc_now())
            with collector_paused():  # many cameras and sightings, and no cycles among them
                edited_ids = _apply_edits(records, push)
                _apply_deletions(records, push)
                plan = _plan(records, push, _fresh_sightings(records, push, edited_ids), radius_m)
            _write(records, push, plan, comment, _PhotoOptions(scan, keep_exif))
            if progress.stopped:
                transaction.rollback()
                raise stopped_error()
            if push.result.changed:
                transaction.commit()
            else:
                transaction.rollback()
                push.result.push_id = None
            return push.result
    finally:
        if own_engine:
            engine.dispose()


def campaign_status(url: str, *, engine: Engine | None = None) -> CampaignStatus:
    """The campaign at ``url`` in figures, and its sectors' names (read only)."""
    own_engine = engine is None
    engine = engine or connect_campaign(url)
    try:
        with translate_campaign_errors(), engine.connect() as connection:
            check_campaign(connection)
            records = CampaignRecords(connection)
            return CampaignStatus(
                campaign_id(connection),
                CAMPAIGN_SCHEMA_VERSION,
                records.figures(),
                records.last_pushes(),
                records.sector_names(),
            )
    finally:
        if own_engine:
            engine.dispose()
