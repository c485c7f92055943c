"""Pull part of a campaign into an ordinary survey file: ``contrechamp campaign pull``.

The cameras of a box (``--bbox W,S,E,N``, read through the GiST index), of one of the
campaign's sectors, or all of them (rejected ones left out), with the OSM cameras of the same
place and, unless asked otherwise, their photos. The survey works offline like any other (load
its base map with ``contrechamp area``); its cameras keep their campaign ids, and the survey
keeps the campaign's id and each camera's revision (``ops/campaign_survey.py``), so that
pushed back, what was changed comes back as edits. The campaign is read in one snapshot
(REPEATABLE READ, read only); the survey is built beside OUT and renamed over it only once
complete, so a failure leaves no half-pulled file.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from contrechamp.core.area import BBox
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.formats.held_files import refuse_held
from contrechamp.ops.campaign import connect_campaign, stopped_error
from contrechamp.ops.campaign_survey import PULLED_SETTING, PulledFrom
from contrechamp.ops.names import display_name
from contrechamp.ops.progress import Progress, quiet
from contrechamp.store.campaign.errors import CampaignError, translate_campaign_errors
from contrechamp.store.campaign.migrate import campaign_id, check_campaign
from contrechamp.store.campaign.records import CampaignRecords
from contrechamp.store.rows import datetime_from_text
from contrechamp.store.survey import SurveyFile

__all__ = ["PullResult", "parse_bbox", "pull_survey"]

_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


@dataclass(frozen=True)
class PullResult:
    """What a pull wrote into the new survey."""

    out: Path
    cameras: int
    photos: int
    existing: int


def parse_bbox(text: str) -> BBox:
    """Read ``W,S,E,N`` in degrees (WGS 84); InputError when it is no box on Earth.

    >>> parse_bbox("5.36,43.28,5.40,43.31")
    BBox(west=5.36, south=43.28, east=5.4, north=43.31)
    """
    parts = text.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        west = south = east = north = math.nan
    numbers = (west, south, east, north)
    if len(parts) != 4 or not all(math.isfinite(n) for n in numbers):
        raise InputError(f"--bbox {text[:60]!r}: expected W,S,E,N in degrees", "cli.bbox")
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise InputError(
            f"--bbox {text[:60]!r}: west must be less than east and south less than north, "
            "within -180..180 and -90..90",
            "cli.bbox",
        )
    return BBox(west, south, east, north)


def _photo(values: dict[str, Any]) -> PhotoInfo:
    sha = str(values["sha256"])
    mime = str(values["mime"])
    taken = values["taken_at"]
    return PhotoInfo(
        id=None,
        camera_id=str(values["camera_id"]),
        sha256=sha,
        filename=f"{sha[:16]}.{_EXTENSIONS.get(mime, 'jpg')}",
        mime=mime,
        role=PhotoRole(values["role"]) if values["role"] in set(PhotoRole) else PhotoRole.OTHER,
        taken_at=None if taken is None else datetime_from_text(taken),
        lat=values["lat"],
        lon=values["lon"],
        accuracy_m=values["accuracy_m"],
        heading=values["heading"],
        heading_ref=values["heading_ref"],
        altitude=values["altitude"],
        orientation=int(values["orientation"]),
    )


def _title(bbox: BBox | None, sector: str | None) -> str:
    if sector is not None:
        return f"Campaign pull: {sector}"
    if bbox is not None:
        return f"Campaign pull: {bbox.west:g},{bbox.south:g},{bbox.east:g},{bbox.north:g}"
    return "Campaign pull"


def _fill(
    survey: SurveyFile,
    records: CampaignRecords,
    bbox: BBox | None,
    sector: str | None,
    photos: bool,
    progress: Progress,
) -> PullResult:
    cid = campaign_id(records.connection)
    if sector is not None:
        found = records.sector(sector)
        if found is None:
            raise CampaignError(f"The campaign has no sector named {sector!r}.", "campaign.sector")
        survey.add_sector(found)
    cameras, revisions = records.cameras_within(bbox, sector)
    existing = records.existing_within(bbox, sector)
    count = 0
    if progress.stopped:
        raise stopped_error()
    with survey.transaction():
        survey.add_cameras(cameras)
        survey.replace_existing_cameras(existing)
        survey.set_setting(PULLED_SETTING, PulledFrom(cid, revisions).to_json())
        if photos:
            for values, data in records.photos_of([c.id for c in cameras]):
                if progress.stopped:
                    raise stopped_error()
                survey.add_photo(_photo(values), data)
                count += 1
                progress.advance(count)
    return PullResult(survey.path, len(cameras), count, len(existing))


def pull_survey(
    url: str,
    out: Path,
    *,
    bbox: BBox | None = None,
    sector: str | None = None,
    photos: bool = True,
    engine: Engine | None = None,
    progress: Progress | None = None,
) -> PullResult:
    """Write the campaign's cameras of ``bbox`` or ``sector`` (or all) into a new survey ``out``.

    Raises SurveyError("survey.exists") when ``out`` exists, CampaignError when the campaign
    cannot be read, CampaignError("campaign.cancelled") when ``progress`` is stopped (nothing
    is left at ``out`` then). ``progress`` advances by the photos written.
    """
    out = Path(out)
    refuse_held(out)
    if out.exists():
        raise SurveyError(
            f"{display_name(out)} already exists: give a new file name.", "survey.exists"
        )
    work = out.with_name(f".{out.name}.pulling-{uuid.uuid4().hex[:8]}")
    own_engine = engine is None
    engine = engine or connect_campaign(url)
    try:
        with translate_campaign_errors(), engine.connect() as connection:
            connection = connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
            with connection.begin():
                check_campaign(connection)
                with SurveyFile.create(work, title=_title(bbox, sector)) as survey:
                    records = CampaignRecords(connection)
                    result = _fill(survey, records, bbox, sector, photos, progress or quiet())
        SurveyFile.install(work, out)
    finally:
        SurveyFile.discard(work)
        if own_engine:
            engine.dispose()
    return PullResult(out, result.cameras, result.photos, result.existing)
