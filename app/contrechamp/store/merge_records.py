"""A merged survey's records: the surveys merged in, every sighting, and the decisions.

See migration 0006 for the tables. Everything read back is checked (a merged survey is
handed around like any other file, so it is untrusted too).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, literal_column, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Camera
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.core.sheet_lines import check_sheet_line
from contrechamp.store.base import SurveyBase
from contrechamp.store.rows import (
    CAMERA_COLUMNS,
    CameraReader,
    camera_values,
    datetime_from_text,
    datetime_to_text,
    tags_to_json,
)
from contrechamp.store.schema import (
    existing_cameras,
    merge_conflicts,
    merge_surveys,
    merged_cameras,
    sighting_photos,
    sightings,
)

__all__ = [
    "CameraMerge",
    "ConflictRecord",
    "MergeCounts",
    "MergeRecords",
    "MergedSighting",
    "SightingKey",
    "SourceSurvey",
]

SightingKey = tuple[str, str]
"""A sighting's survey id and its camera id in that survey."""
StoredChoice = tuple[str, tuple[SightingKey, ...]]
"""One value of a conflict and the sightings that gave it."""

_SIGHTING_COLUMNS = ("survey_id", *CAMERA_COLUMNS, "camera_id", "sheet_line")


@dataclass(frozen=True, slots=True)
class SourceSurvey:
    """A survey merged in: its id, title, pseudonym and dates."""

    survey_id: str
    title: str
    surveyor: str | None
    created_at: datetime | None
    merged_at: datetime


@dataclass(frozen=True, slots=True)
class MergedSighting:
    """One sighting as its survey logged it (``camera.id`` is its id there) and the merged
    camera it belongs to (None once the organiser deleted that camera)."""

    survey_id: str
    camera: Camera
    camera_id: str | None
    sheet_line: str | None = None  # the line its walker typed (private, never exported)

    @property
    def key(self) -> SightingKey:
        """Its survey id and id there: unique in a merged survey."""
        return self.survey_id, self.camera.id


@dataclass(frozen=True, slots=True)
class CameraMerge:
    """What the merge knows of one merged camera: the row it last wrote (as text, to tell the
    organiser's edits from its own), whether the organiser reviewed it, and its match
    against the cameras already in OSM (``new``/``same``/``possible``, node, distance)."""

    camera_id: str
    written: str
    reviewed: bool
    match: str
    match_osm_id: int | None = None
    match_distance_m: float | None = None


@dataclass(frozen=True, slots=True)
class ConflictRecord:
    """A tag a merged camera's sightings disagree on: the values side by side (most given
    first, each with its sightings) and whether the organiser decided."""

    camera_id: str
    key: str
    choices: tuple[StoredChoice, ...]
    decided: bool = False


@dataclass(frozen=True, slots=True)
class MergeCounts:
    """A merged survey in figures: surveys and sightings merged in, cameras with several
    sightings, conflicts left to decide, and merged cameras by match against OSM."""

    surveys: int
    sightings: int
    groups: int
    open_conflicts: int
    matches: dict[str, int]


def written_row(camera: Camera) -> str:
    """The text a merge keeps of the camera row it wrote: every column's value, in column
    order (only ever compared with the row as it is later, never parsed)."""
    return repr(tuple(camera_values(camera).values()))


def _corrupt(what: str) -> SurveyError:
    return SurveyError(f"Bad {what} in the survey file.", "survey.corrupt")


def _choices_json(choices: Sequence[StoredChoice]) -> str:
    return json.dumps(
        [{"value": v, "sightings": [list(k) for k in keys]} for v, keys in choices],
        ensure_ascii=False,
    )


def _choices_from_json(text: object) -> tuple[StoredChoice, ...]:
    try:
        data = json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, list):
        raise _corrupt("merge conflict")
    choices = []
    for item in data:
        value = item.get("value") if isinstance(item, dict) else None
        keys = item.get("sightings") if isinstance(item, dict) else None
        if not isinstance(value, str) or not isinstance(keys, list):
            raise _corrupt("merge conflict")
        if not all(
            isinstance(k, list) and len(k) == 2 and all(isinstance(p, str) for p in k) for k in keys
        ):
            raise _corrupt("merge conflict")
        choices.append((value, tuple((k[0], k[1]) for k in keys)))
    return tuple(choices)


def _text_or_none(value: object, what: str) -> str | None:
    if value is not None and type(value) is not str:
        raise _corrupt(what)
    return value


def _sheet_line(value: object) -> str | None:
    """A sighting's stored sheet line, checked as if typed: the file may be someone else's."""
    try:
        return check_sheet_line(_text_or_none(value, "sighting"))
    except InputError:
        raise _corrupt("sighting") from None


class MergeRecords(SurveyBase):
    """The records of a merged survey (empty in a survey that was never merged into)."""

    def is_merged_survey(self) -> bool:
        """True when surveys were merged into this one."""
        return self._count(merge_surveys) > 0

    def source_surveys(self) -> list[SourceSurvey]:
        """The surveys merged in, in the order they came."""
        c = merge_surveys.c
        rows = self._run(
            select(c.survey_id, c.title, c.surveyor, c.created_at, c.merged_at).order_by(
                literal_column("merge_surveys.rowid")
            )
        )
        found = []
        for survey_id, title, surveyor, created, merged in rows:
            if type(survey_id) is not str or type(title) is not str:
                raise _corrupt("merged survey")
            created_at = None if created is None else datetime_from_text(created)
            found.append(
                SourceSurvey(
                    survey_id,
                    title,
                    _text_or_none(surveyor, "merged survey"),
                    created_at,
                    datetime_from_text(merged),
                )
            )
        return found

    def add_source_surveys(self, surveys: Iterable[SourceSurvey]) -> None:
        """Record surveys merged in; one already recorded keeps its first record."""
        rows = [
            {
                "survey_id": s.survey_id,
                "title": s.title,
                "surveyor": s.surveyor,
                "created_at": None if s.created_at is None else datetime_to_text(s.created_at),
                "merged_at": datetime_to_text(s.merged_at),
            }
            for s in surveys
        ]
        if rows:
            with self._writing():
                self._db.conn.execute(upsert(merge_surveys).on_conflict_do_nothing(), rows)

    def merged_sightings(self, camera_id: str | None = None) -> list[MergedSighting]:
        """Every sighting (or those of one merged camera), in the order they were merged."""
        statement = select(*(sightings.c[name] for name in _SIGHTING_COLUMNS))
        if camera_id is not None:
            statement = statement.where(sightings.c.camera_id == camera_id)
        read = CameraReader()
        found = []
        for row in self._run(statement.order_by(literal_column("sightings.rowid"))):
            survey_id, camera_id_of, line = row[0], row[-2], row[-1]
            if type(survey_id) is not str:
                raise _corrupt("sighting")
            camera = read(tuple(row[1:-2]))
            owner = _text_or_none(camera_id_of, "sighting")
            found.append(MergedSighting(survey_id, camera, owner, _sheet_line(line)))
        return found

    def add_sightings(self, merged: Iterable[MergedSighting]) -> int:
        """Save sightings (their surveys recorded first); return how many."""
        rows = []
        for sighting in merged:
            row: dict[str, Any] = camera_values(sighting.camera)
            row["survey_id"] = sighting.survey_id
            row["camera_id"] = sighting.camera_id
            row["sheet_line"] = sighting.sheet_line
            rows.append(row)
        if rows:
            with self._writing():
                self._db.conn.execute(insert(sightings), rows)
        return len(rows)

    def move_sightings(self, keys: Iterable[SightingKey], camera_id: str | None) -> None:
        """Put sightings under another merged camera (a split or a join), in one write."""
        with self._writing():
            for survey_id, sighting_id in keys:
                self._db.conn.execute(
                    update(sightings)
                    .where(sightings.c.survey_id == survey_id, sightings.c.id == sighting_id)
                    .values(camera_id=camera_id)
                )

    def camera_merges(self, camera_id: str | None = None) -> dict[str, CameraMerge]:
        """What the merge knows of each merged camera (or of one), by camera id."""
        c = merged_cameras.c
        found = {}
        statement = select(
            c.camera_id, c.written, c.reviewed, c.match, c.match_osm_id, c.match_distance_m
        )
        if camera_id is not None:
            statement = statement.where(c.camera_id == camera_id)
        for camera_id, written, reviewed, match, osm_id, distance in self._run(statement):
            if not (type(camera_id) is type(written) is type(match) is str):
                raise _corrupt("merged camera")
            if reviewed not in (0, 1) or (osm_id is not None and type(osm_id) is not int):
                raise _corrupt("merged camera")
            if distance is not None and type(distance) is not float:
                raise _corrupt("merged camera")
            found[camera_id] = CameraMerge(
                camera_id, written, bool(reviewed), match, osm_id, distance
            )
        return found

    def set_camera_merges(self, merges: Iterable[CameraMerge]) -> None:
        """Record (or replace) what the merge knows of merged cameras."""
        rows = [
            {
                "camera_id": m.camera_id,
                "written": m.written,
                "reviewed": int(m.reviewed),
                "match": m.match,
                "match_osm_id": m.match_osm_id,
                "match_distance_m": m.match_distance_m,
            }
            for m in merges
        ]
        if not rows:
            return
        statement = upsert(merged_cameras)
        replace = {name: statement.excluded[name] for name in rows[0] if name != "camera_id"}
        with self._writing():
            self._db.conn.execute(
                statement.on_conflict_do_update(index_elements=["camera_id"], set_=replace), rows
            )

    def forget_camera_merges(self, camera_ids: Iterable[str]) -> None:
        """Drop what the merge knows of cameras (a review joined them into others)."""
        with self._writing():
            for camera_id in camera_ids:
                self._db.conn.execute(
                    delete(merged_cameras).where(merged_cameras.c.camera_id == camera_id)
                )

    def mark_reviewed(self, camera_id: str) -> None:
        """Note that the organiser took a decision on a merged camera: merges leave it be."""
        with self._writing():
            self._db.conn.execute(
                update(merged_cameras)
                .where(merged_cameras.c.camera_id == camera_id)
                .values(reviewed=1)
            )

    def merge_conflicts(self, camera_id: str | None = None) -> list[ConflictRecord]:
        """The conflicts of every merged camera (or of one), by camera then key."""
        c = merge_conflicts.c
        statement = select(c.camera_id, c.key, c.choices, c.decided)
        if camera_id is not None:
            statement = statement.where(c.camera_id == camera_id)
        found = []
        for owner, key, choices, decided in self._run(statement.order_by(c.camera_id, c.key)):
            if type(owner) is not str or type(key) is not str or decided not in (0, 1):
                raise _corrupt("merge conflict")
            found.append(ConflictRecord(owner, key, _choices_from_json(choices), bool(decided)))
        return found

    def set_merge_conflicts(self, conflicts: Mapping[str, Iterable[ConflictRecord]]) -> None:
        """Replace the conflicts of the merged cameras given (camera id -> its conflicts)."""
        rows = [
            {
                "camera_id": camera_id,
                "key": c.key,
                "choices": _choices_json(c.choices),
                "decided": int(c.decided),
            }
            for camera_id, records in conflicts.items()
            for c in records
        ]
        owners = sorted(conflicts)
        column = merge_conflicts.c.camera_id
        with self._writing():
            for start in range(0, len(owners), 500):  # within SQLite's bound-parameter limit
                chunk = owners[start : start + 500]
                self._db.conn.execute(delete(merge_conflicts).where(column.in_(chunk)))
            if rows:
                self._db.conn.execute(insert(merge_conflicts), rows)

    def decide_conflict(self, camera_id: str, key: str) -> None:
        """Note that the organiser settled one conflict (the value is the camera's tag)."""
        c = merge_conflicts.c
        with self._writing():
            self._db.conn.execute(
                update(merge_conflicts)
                .where(c.camera_id == camera_id, c.key == key)
                .values(decided=1)
            )

    def link_sighting_photo(self, photo_id: int, key: SightingKey) -> None:
        """Note which sighting a copied photo came with (the first one, if several)."""
        row = {"photo_id": photo_id, "survey_id": key[0], "sighting_id": key[1]}
        with self._writing():
            self._db.conn.execute(upsert(sighting_photos).on_conflict_do_nothing(), row)

    def sighting_photo_ids(self, key: SightingKey) -> list[int]:
        """The photos that came with one sighting."""
        c = sighting_photos.c
        statement = select(c.photo_id).where(c.survey_id == key[0], c.sighting_id == key[1])
        return [int(photo_id) for (photo_id,) in self._run(statement.order_by(c.photo_id))]

    def sighting_counts(self) -> dict[str, int]:
        """How many sightings each merged camera has, by camera id."""
        column = sightings.c.camera_id
        statement = select(column, func.count()).where(column.is_not(None)).group_by(column)
        return {str(camera_id): int(count) for camera_id, count in self._run(statement)}

    def merge_counts(self) -> MergeCounts:
        """The merged survey in figures (all zero for a survey never merged into)."""
        per_camera = (
            select(sightings.c.camera_id)
            .where(sightings.c.camera_id.is_not(None))
            .group_by(sightings.c.camera_id)
            .having(func.count() > 1)
            .subquery()
        )
        groups = self._run(select(func.count()).select_from(per_camera)).scalar_one()
        open_conflicts = self._run(
            select(func.count()).where(merge_conflicts.c.decided == 0)
        ).scalar_one()
        matches = {"new": 0, "same": 0, "possible": 0}
        statement = select(merged_cameras.c.match, func.count()).group_by(merged_cameras.c.match)
        for match, count in self._run(statement):
            if match not in matches:
                raise _corrupt("merged camera")
            matches[match] = int(count)
        return MergeCounts(
            self._count(merge_surveys),
            self._count(sightings),
            int(groups),
            int(open_conflicts),
            matches,
        )

    def replace_existing_cameras(self, cameras: Iterable[ExistingCamera]) -> None:
        """Replace the cameras already in OSM, leaving the rest of the area as it is."""
        rows = [
            {"osm_id": c.osm_id, "version": c.version, "lat": c.lat, "lon": c.lon,
             "tags": tags_to_json(c.tags)}
            for c in cameras
        ]  # fmt: skip
        with self._writing():
            self._db.conn.execute(delete(existing_cameras))
            if rows:
                self._db.conn.execute(insert(existing_cameras), rows)
