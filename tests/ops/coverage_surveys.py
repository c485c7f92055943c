"""Survey files for the coverage tests: a small town placed in metres (``coverage_scenes``),
with its area, sectors, the walkers' cameras and cameras already in OSM."""

from __future__ import annotations

from pathlib import Path

import shapely

from contrechamp.core.area import BBox, ExistingCamera, FeatureKind, Sector
from contrechamp.core.camera import Camera, Status
from contrechamp.store.survey import SurveyFile
from tests.core.coverage_scenes import DOME, FRAME, building, point, street, zone

MAIN = street([(-500, 0), (500, 0)], "Rue Principale", FeatureKind.PRIMARY)
BACK = street([(-500, 200), (500, 200)], "Rue de Derrière")
WALL = building(-500, 40, 500, 60)  # hides the back street from the main one


def town_bbox() -> BBox:
    """The box of the town, a little wider than its streets."""
    west, south, east, north = shapely.bounds(FRAME.backward(shapely.box(-600, -100, 600, 300)))
    return BBox(float(west), float(south), float(east), float(north))


def gpx(path: Path, corners: list[tuple[float, float]]) -> Path:
    """A GPX track through points given in metres, without times (a planned walk)."""
    points = "".join(
        f'<trkpt lat="{lat:.9f}" lon="{lon:.9f}"/>'
        for lat, lon in (point(x, y) for x, y in corners)
    )
    path.write_text(
        '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><trkseg>{points}</trkseg></trk></gpx>",
        encoding="utf-8",
    )
    return path


def town_survey(path: Path, *, with_area: bool = True) -> Path:
    """A survey of the town: a dome logged on the main street at x = 0, a rejected one
    further on, and an OSM dome on the back street; sectors West (x < 0) and East."""
    with SurveyFile.create(path, title="Town") as survey:
        if with_area:
            existing = [ExistingCamera(11_000_000_001, 3, *point(300, 200), dict(DOME))]
            survey.set_area(town_bbox(), [MAIN, BACK, WALL], existing, "town.osm.pbf")
            survey.replace_sectors(
                [
                    Sector("West", shapely.to_wkb(zone(-600, -100, 0, 300))),
                    Sector("East", shapely.to_wkb(zone(0, -100, 600, 300))),
                ],
                keep_others=False,
            )
        lat, lon = point(0, 0)
        survey.add_camera(Camera(lat, lon, dict(DOME), status=Status.CONFIRMED))
        lat, lon = point(-300, 0)
        survey.add_camera(Camera(lat, lon, dict(DOME), status=Status.REJECTED))
    return path
