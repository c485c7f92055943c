"""The built-in demo survey: central Helsinki's real map and cameras, and a few sightings."""

from __future__ import annotations

import os
import random
from pathlib import Path

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.core.geo import offset
from contrechamp.ops.area import load_area
from contrechamp.resources import resource_path
from contrechamp.store.survey import SurveyFile

__all__ = ["DEMO_EXTRACT", "build_demo_survey", "demo_survey_path"]

DEMO_EXTRACT = resource_path("demo", "helsinki.osm.pbf")
DEMO_NAME = "demo-helsinki.cartoparty"
_SIGHTINGS = 14

# What a walker typically logs: (tags, status). Two messy values show the "to check" list.
_KINDS: tuple[tuple[dict[str, str], Status], ...] = (
    ({"camera:type": "fixed", "camera:mount": "wall", "height": "4"}, Status.CONFIRMED),
    ({"camera:type": "dome", "camera:mount": "ceiling", "height": "3"}, Status.CONFIRMED),
    ({"camera:type": "fixed", "camera:mount": "pole", "height": "6"}, Status.DRAFT),
    ({"camera:type": "panning", "camera:mount": "building", "height": "8"}, Status.DRAFT),
    ({"camera:type": "fixed", "camera:mount": "street_lamp", "camera:angle": "15°"}, Status.DRAFT),
    ({"camera:type": "dome;fixed", "camera:mount": "wall"}, Status.REJECTED),
)


def _data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "contrechamp"


def _sighting(rng: random.Random, near: ExistingCamera, index: int) -> Camera:
    extra, status = _KINDS[index % len(_KINDS)]
    lat, lon = offset(near.lat, near.lon, rng.uniform(0, 360), rng.uniform(12, 30))
    tags = {
        "man_made": "surveillance",
        "surveillance:type": "ALPR" if index == 3 else "camera",
        "surveillance": ("public", "outdoor", "public", "indoor")[index % 4],
        **extra,
    }
    if extra.get("camera:type") != "dome":
        tags["camera:direction"] = ("90", "180-270", "NE", "45;225", "300")[index % 5]
    return Camera(
        lat=lat,
        lon=lon,
        tags=tags,
        status=status,
        source=(PositionSource.GPS, PositionSource.MAP)[index % 2],
        accuracy_m=float(rng.choice((3, 5, 8))),
        surveyor="demo",
    )


def build_demo_survey(path: Path) -> None:
    """Write the demo survey to ``path``: the Helsinki area plus a few logged sightings."""
    with SurveyFile.create(path, title="Demo — central Helsinki", surveyor="demo") as survey:
        load_area(survey, DEMO_EXTRACT)
        existing = sorted(survey.existing_cameras(), key=lambda c: c.osm_id)
        rng = random.Random(20261122)
        chosen = rng.sample(existing, min(_SIGHTINGS, len(existing)))
        survey.add_cameras(_sighting(rng, near, i) for i, near in enumerate(chosen))


def demo_survey_path() -> Path:
    """Return the demo survey, building it once in the user's data folder."""
    path = _data_dir() / DEMO_NAME
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{DEMO_NAME}.building")
    partial.unlink(missing_ok=True)
    build_demo_survey(partial)
    partial.replace(path)
    return path
