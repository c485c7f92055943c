"""A Monaco survey for the field-sheet tests: the real extract as its area, and three sectors."""

from __future__ import annotations

import shutil
from pathlib import Path

import shapely

from contrechamp.core.area import Sector
from contrechamp.ops.area import load_area
from contrechamp.store.survey import SurveyFile

# La Condamine: nine of Monaco's sixteen OSM cameras lie in it or on its edge streets.
CONDAMINE = shapely.Polygon(
    [(7.4090, 43.7262), (7.4160, 43.7255), (7.4185, 43.7300), (7.4170, 43.7345), (7.4095, 43.7335)]
)
# Around the casino of Monte-Carlo: a few streets, small enough for a larger scale.
CASINO = shapely.box(7.4245, 43.7380, 7.4275, 43.7402)
# Most of the town: too large for one page at 1:5,000.
TOWN = shapely.box(7.405, 43.724, 7.440, 43.745)
CONDAMINE_CAMERAS = 9


def monaco_survey(folder: Path, shared_data: Path) -> Path:
    """Create a survey of Monaco with its area and the three sectors; return its path."""
    path = folder / "monaco.cartoparty"
    with SurveyFile.create(path, title="Monaco") as survey:
        load_area(survey, shared_data / "osm" / "monaco.osm.pbf")
        survey.add_sector(Sector("Condamine", shapely.to_wkb(CONDAMINE), pair="Alex & Sam"))
        survey.add_sector(Sector("Casino", shapely.to_wkb(CASINO)))
        survey.add_sector(Sector("Town", shapely.to_wkb(TOWN), pair="Lou & Max"))
    return path


def copy_of(survey: Path, folder: Path) -> Path:
    """A copy of a closed survey file in ``folder``."""
    target = folder / survey.name
    shutil.copyfile(survey, target)
    return target
