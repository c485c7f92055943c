"""A survey's summary: counts by status, photos, the area, and the tag problems to check."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import closing
from dataclasses import asdict, dataclass, field
from typing import Any

from contrechamp.core.camera import Status
from contrechamp.core.errors import SurveyError
from contrechamp.core.validation import Problem, TagsChecker
from contrechamp.ops.official_lists import list_reports
from contrechamp.ops.sectors import sector_progress
from contrechamp.store.cameras import (
    RawExportIdRow,
    collector_paused,
    decoded_export_tags,
    plausible_raw_chunk,
)
from contrechamp.store.survey import SurveyFile

__all__ = ["CameraProblems", "SectorWalk", "SurveyInfo", "survey_info"]

_CHECKED = frozenset({Status.DRAFT, Status.CONFIRMED})  # rejected sightings are not checked
_CHECKED_AT_MOST = 65_536  # distinct tags texts whose problems are kept while reading


@dataclass(frozen=True)
class CameraProblems:
    """The problems of one camera: its id and, per problem, the tag, code, raw value, fix."""

    camera_id: str
    problems: list[dict[str, str | None]]


@dataclass(frozen=True)
class SectorWalk:
    """One sector in ``info``: its pair, the share of its streets walked, its cameras."""

    name: str
    pair: str | None
    percent_walked: float
    street_m: float
    walked_m: float
    cameras_inside: int


@dataclass(frozen=True)
class SurveyInfo:
    """What ``contrechamp info`` reports (its ``--json`` form is a documented contract)."""

    title: str
    schema_version: int
    cameras: dict[str, int]
    photos: int
    photos_pending: int  # photos whose bytes are not inside the file yet (import unfinished)
    existing_cameras: int
    map_features: int
    area: list[float] | None
    problems: list[CameraProblems] = field(default_factory=list)
    merge: dict[str, Any] | None = None  # a merged survey's figures, None for others
    sectors: list[SectorWalk] = field(default_factory=list)
    lists: list[dict[str, Any]] = field(default_factory=list)  # official lists vs. seen

    def to_json(self) -> dict[str, Any]:
        """Return the stable JSON form documented in docs/guide/en/reference.md."""
        data = asdict(self)
        data["cameras"]["total"] = sum(self.cameras.values())
        return data


def _merge_figures(survey: SurveyFile) -> dict[str, Any] | None:
    """Surveys and sightings merged in, cameras seen in several, conflicts left, matches."""
    if not survey.is_merged_survey():
        return None
    return asdict(survey.merge_counts())


def _sector_walks(survey: SurveyFile) -> list[SectorWalk]:
    """Each sector's walk, rounded for reading (metres, tenths of a percent)."""
    return [
        SectorWalk(
            p.sector.name,
            p.sector.pair,
            round(p.percent_walked, 1),
            round(p.street_m),
            round(p.walked_m),
            p.cameras_inside,
        )
        for p in sector_progress(survey)
    ]


_Found = list[dict[str, str | None]]


def _problems(survey: SurveyFile) -> list[CameraProblems]:
    """The tag problems of every camera but the rejected ones, in the order they were added.

    Read in bulk when every row is plausible (raw chunks, no object per camera), each
    distinct tags text decoded once; otherwise row by row, which refuses the bad row.
    """
    try:
        with collector_paused(), closing(survey.raw_export_id_rows(_CHECKED)) as raw:
            return _problems_in_bulk(raw)
    except (_CarefulReadNeededError, SurveyError):
        return _problems_row_by_row(survey)


class _CarefulReadNeededError(Exception):
    """A chunk holds a row the bulk read does not vouch for."""


def _problems_in_bulk(raw: Iterable[list[RawExportIdRow]]) -> list[CameraProblems]:
    by_text: dict[str, _Found] = {}
    check = TagsChecker(_problem_json)
    problems = []
    for chunk in raw:
        ids, lats, lons, osm_ids, versions, texts, codes = zip(*chunk, strict=True)
        if not plausible_raw_chunk(lats, lons, osm_ids, versions, texts, codes):
            raise _CarefulReadNeededError
        for camera_id, text in zip(ids, texts, strict=True):
            found = by_text.get(text)
            if found is None:
                found = _bounded(by_text)[text] = check(decoded_export_tags(text))
            if found:
                problems.append(CameraProblems(camera_id, list(found)))
    return problems


def _bounded(cache: dict[Any, _Found]) -> dict[Any, _Found]:
    """``cache``, emptied when full: a million distinct texts are not all kept."""
    if len(cache) >= _CHECKED_AT_MOST:
        cache.clear()
    return cache


def _problems_row_by_row(survey: SurveyFile) -> list[CameraProblems]:
    """``_problems`` from ``export_rows``: SurveyError "survey.corrupt" on the first bad row."""
    checked: dict[str, _Found] = {}
    check = TagsChecker(_problem_json)
    problems = []
    # closing: the survey's lock is released however the loop ends
    with collector_paused(), closing(survey.export_rows(_CHECKED)) as rows:
        for row in rows:
            text = row.tags_json
            found = checked.get(text) if text is not None else None
            if found is None:
                found = check(row.tags)
                if text is not None:
                    _bounded(checked)[text] = found
            if found:
                problems.append(CameraProblems(row.id, list(found)))
    return problems


def _problem_json(problem: Problem) -> dict[str, str | None]:
    return {
        "key": problem.key,
        "code": problem.code,
        "value": problem.value,
        "suggestion": problem.suggestion,
    }


def survey_info(survey: SurveyFile) -> SurveyInfo:
    """Summarise a survey; rejected sightings are counted but not checked for problems."""
    counts = survey.camera_counts()
    problems = _problems(survey)
    bbox = survey.area_bbox()
    return SurveyInfo(
        title=survey.title,
        schema_version=survey.schema_version,
        cameras={s.value: counts.get(s, 0) for s in Status},
        photos=survey.photo_count(),
        photos_pending=survey.pending_count(),
        existing_cameras=survey.existing_camera_count(),
        map_features=survey.map_feature_count(),
        area=None if bbox is None else [bbox.west, bbox.south, bbox.east, bbox.north],
        problems=problems,
        merge=_merge_figures(survey),
        sectors=_sector_walks(survey),
        lists=[report.to_json() for report in list_reports(survey)],
    )
