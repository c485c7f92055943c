"""Surveys for the export fast-path tests: awkward tags, links, statuses and a sector."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from shapely import box

from contrechamp.core.area import Sector
from contrechamp.core.camera import Camera, Status
from contrechamp.store.survey import SurveyFile


def survey_maker(folder: Path) -> Callable[[list[Camera]], Path]:
    """Make survey files in ``folder`` holding some cameras, with a sector "Half"
    (lon < 7.4250)."""

    def make(cameras: list[Camera]) -> Path:
        path = folder / f"s{len(list(folder.iterdir()))}.cartoparty"
        with SurveyFile.create(path) as survey:
            survey.add_cameras(cameras)
            survey.add_sector(Sector("Half", box(7.0, 43.0, 7.4250, 44.0).wkb))
        return path

    return make


def varied_cameras(awkward: Sequence[dict[str, str]], count: int = 40) -> list[Camera]:
    """New, linked and unversioned cameras with the ``awkward`` tags in turn; drafts,
    confirmed and rejected ones."""
    cameras = []
    for i in range(count):
        tags = awkward[i % len(awkward)]
        status = (Status.DRAFT, Status.CONFIRMED, Status.REJECTED)[(i + i // len(awkward)) % 3]
        link: dict[str, int | None] = {}
        if i % 5 == 1:
            link = {"osm_id": 1000 + i, "osm_version": 1 + i % 4}
        elif i % 11 == 2:
            link = {"osm_id": 5000 + i, "osm_version": None}
        lat, lon = 43.73 + i * 1e-4, 7.42 + i * 2.5e-4 * (-1) ** i
        cameras.append(Camera(lat, lon, dict(tags), status=status, **link))  # type: ignore[arg-type]
    return cameras
