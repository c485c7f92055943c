"""Load a survey's area from an OSM extract: the base map and the cameras already in OSM."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from contrechamp.formats.basemap import read_area
from contrechamp.store.survey import SurveyFile

__all__ = ["AreaLoaded", "load_area"]


@dataclass(frozen=True)
class AreaLoaded:
    """What an area load put into the survey."""

    features: int
    existing_cameras: int


def load_area(survey: SurveyFile, extract: Path) -> AreaLoaded:
    """Read ``extract`` fully, then replace the survey's area with it in one transaction."""
    area = read_area(extract)
    survey.set_area(area.bbox, area.features, area.cameras, extract.name)
    return AreaLoaded(len(area.features), len(area.cameras))
