"""Survey files from simulated walks (tests/core/walk_simulation.py): one per pair."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.formats.basemap import Area
from contrechamp.store.survey import SurveyFile
from tests.core.walk_simulation import Walks

__all__ = ["WALK_DAY", "photo_bytes", "write_pair_surveys"]

WALK_DAY = datetime(2026, 6, 13, 9, 0, tzinfo=UTC)


def photo_bytes(seed: int) -> bytes:
    """Small, distinct bytes standing for a JPEG (the merge copies bytes, never decodes)."""
    return b"\xff\xd8\xff\xe0" + seed.to_bytes(8, "big") * 64 + b"\xff\xd9"


def write_pair_surveys(
    folder: Path, walks: Walks, *, area: Area | None = None, photos_every: int = 0
) -> list[Path]:
    """Write each pair's sightings into its own survey (``survey0`` → ``pair0.cartoparty``),
    confirmed, with a photo for every ``photos_every``-th sighting (0: none)."""
    by_survey: dict[str, list[int]] = {}
    for index, sighting in enumerate(walks.sightings):
        by_survey.setdefault(sighting.survey, []).append(index)
    paths = []
    for survey_name, indices in sorted(by_survey.items()):
        pair = survey_name.removeprefix("survey")
        path = folder / f"pair{pair}.cartoparty"
        with SurveyFile.create(path, title=f"Walk of pair {pair}", surveyor=f"pair{pair}") as s:
            if area is not None:
                s.set_area(area.bbox, [], area.cameras, "extract")
            for n, index in enumerate(indices):
                sighting = walks.sightings[index]
                when = WALK_DAY + timedelta(minutes=n)
                camera = Camera(
                    sighting.lat,
                    sighting.lon,
                    dict(sighting.tags),
                    id=sighting.record,
                    status=Status.CONFIRMED,
                    source=PositionSource.GPS,
                    accuracy_m=sighting.accuracy_m,
                    surveyor=sighting.surveyor,
                    created_at=when,
                    updated_at=when,
                )
                s.add_camera(camera)
                if photos_every and n % photos_every == 0:
                    name = f"{camera.id}.jpg"
                    info = PhotoInfo(None, camera.id, "", name, "image/jpeg", PhotoRole.CLOSE_UP)
                    s.add_photo(info, photo_bytes(index))
        paths.append(path)
    return paths
