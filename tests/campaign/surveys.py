"""Surveys to push into a campaign, and what to compare campaigns by."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import psycopg

from contrechamp.core.area import Sector
from contrechamp.core.camera import Camera, Status
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.store.survey import SurveyFile
from tests.ops.export_samples import photo_with_metadata

BASE = {"man_made": "surveillance", "surveillance:type": "camera"}
MARSEILLE = (43.2965, 5.3698)
METRE_LAT = 1 / 111_320


def camera_at(lat: float, lon: float, **tags: str) -> Camera:
    """A fixed camera at a place, with these tags (underscores stand for colons)."""
    extra = {key.replace("_", ":"): value for key, value in tags.items()}
    return Camera(lat, lon, {**BASE, "camera:type": "fixed", **extra})


def write_survey(
    path: Path,
    cameras: Iterable[Camera],
    *,
    surveyor: str = "pair-zebra",
    title: str = "Walk",
    sectors: Sequence[Sector] = (),
    photos: dict[str, list[bytes]] | None = None,
) -> Path:
    """A survey at ``path`` holding ``cameras`` (logged by ``surveyor`` when they do not say
    who), photos by camera id, and sectors."""
    with SurveyFile.create(path, title=title, surveyor=surveyor) as survey:
        survey.add_cameras(replace(c, surveyor=c.surveyor or surveyor) for c in cameras)
        for sector in sectors:
            survey.add_sector(sector)
        for camera_id, blobs in (photos or {}).items():
            for data in blobs:
                info = PhotoInfo(None, camera_id, "", "IMG_Ana.jpg", "image/jpeg", PhotoRole.WIDE)
                survey.add_photo(info, data)
    return path


def street(
    count: int, *, spacing_m: float = 60.0, start: tuple[float, float] = MARSEILLE
) -> list[tuple[float, float]]:
    """``count`` places along a street running north, ``spacing_m`` apart."""
    return [(start[0] + i * spacing_m * METRE_LAT, start[1]) for i in range(count)]


def seen_by(
    places: Sequence[tuple[float, float]],
    indices: Iterable[int],
    seed: int,
    *,
    status: Status = Status.DRAFT,
) -> list[Camera]:
    """Sightings of the cameras at ``places[i]`` for each index, each within a metre."""
    rng = np.random.default_rng(seed)
    found = []
    for i in indices:
        lat, lon = places[i]
        shift = rng.uniform(-1.0, 1.0, 2) * METRE_LAT
        camera = camera_at(float(lat + shift[0]), float(lon + shift[1]), operator=f"Op {i % 7}")
        found.append(Camera(camera.lat, camera.lon, camera.tags, status=status, accuracy_m=4.0))
    return found


def photo(color: str) -> bytes:
    """A JPEG with GPS, time and its author's name in its metadata."""
    return photo_with_metadata(color)


def groups(url_or_conn: psycopg.Connection[tuple[object, ...]]) -> set[frozenset[tuple[str, str]]]:
    """The campaign's cameras as the sets of sightings (survey id, id there) they gather."""
    rows = url_or_conn.execute(
        "SELECT camera_id, survey_id, id FROM campaign.sightings ORDER BY camera_id"
    ).fetchall()
    by_camera: dict[object, set[tuple[str, str]]] = {}
    for camera_id, survey_id, sighting_id in rows:
        by_camera.setdefault(camera_id, set()).add((str(survey_id), str(sighting_id)))
    return {frozenset(members) for members in by_camera.values()}


def table_counts(connection: psycopg.Connection[tuple[object, ...]]) -> dict[str, int]:
    """How many rows each campaign table holds."""
    tables = (
        "pushes", "surveys", "cameras", "camera_revisions", "sightings", "merged_cameras",
        "merge_conflicts", "existing_cameras", "sectors", "photo_blobs", "photos",
    )  # fmt: skip
    return {
        table: int(connection.execute(f"SELECT count(*) FROM campaign.{table}").fetchone()[0])  # type: ignore[index]
        for table in tables
    }
