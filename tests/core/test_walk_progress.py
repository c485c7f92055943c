"""Walk progress per sector: which street pieces a pair walked, on Monaco's real streets and a
real receiver's walk."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import shapely

from contrechamp.core.area import FeatureKind, MapFeature, Sector
from contrechamp.core.geo import distance_m, offset
from contrechamp.core.nmea_reader import read_nmea_fixes
from contrechamp.core.track import TrackPoint
from contrechamp.core.walk_progress import (
    TRACK_GAP_M,
    TRACK_GAP_S,
    WALKED_WITHIN_M,
    is_walked_street,
    walk_progress,
)
from contrechamp.formats.basemap import Area, read_area

T0 = datetime(2026, 5, 16, 14, 0, tzinfo=UTC)


@cache
def _monaco(path: Path) -> Area:
    return read_area(path)


@pytest.fixture
def monaco(shared_data: Path) -> Area:
    return _monaco(shared_data / "osm" / "monaco.osm.pbf")


def _longest_street(area: Area) -> tuple[MapFeature, shapely.LineString]:
    """Monaco's longest named residential way, as (feature, line in degrees)."""
    streets = [f for f in area.features if f.kind is FeatureKind.RESIDENTIAL and f.name]
    feature = max(streets, key=lambda f: shapely.from_wkb(f.wkb).length)
    return feature, shapely.from_wkb(feature.wkb)


def _walk_along(line: shapely.LineString, every_s: float = 2.0) -> list[TrackPoint]:
    """Fixes every few seconds along a line, at a walking pace (1.3 m/s)."""
    lat0 = line.coords[0][1]
    metres = line.length * 111_320 * np.cos(np.radians(lat0))
    steps = max(int(metres / (1.3 * every_s)), 2)
    points = [line.interpolate(i / steps, normalized=True) for i in range(steps + 1)]
    return [TrackPoint(T0 + timedelta(seconds=i * every_s), p.y, p.x) for i, p in enumerate(points)]


def _sector_around(line: shapely.LineString, metres: float = 300.0) -> Sector:
    return Sector("Around", shapely.to_wkb(line.buffer(metres / 111_320)), 1, "Zoé & Ana")


def test_walking_a_real_street_end_to_end_walks_all_of_it_and_little_else(
    monaco: Area,
) -> None:
    street, line = _longest_street(monaco)
    sector = _sector_around(line)
    [progress] = walk_progress([sector], monaco.features, [], _walk_along(line))
    only_it = walk_progress([sector], [street], [], _walk_along(line))[0]
    assert only_it.percent_walked == pytest.approx(100.0)
    assert progress.walked_m >= only_it.street_m * 0.99  # the street itself, all of it
    assert progress.walked_m < progress.street_m  # not the rest of the sector
    walked = shapely.from_wkb(progress.walked_wkb)
    assert walked.geom_type in ("LineString", "MultiLineString")
    assert shapely.buffer(line, 60 / 111_320).contains(walked.centroid)  # drawn in degrees


@pytest.mark.parametrize(
    ("apart_m", "seconds", "walked_between"),
    [
        (100.0, 40.0, True),  # a walk between two fixes
        (100.0, TRACK_GAP_S + 30, False),  # a break: the receiver lost its fix for 90 s
        (TRACK_GAP_M + 50, 30.0, False),  # a jump: 200 m in 30 s is no walk
    ],
)
def test_the_line_between_two_fixes_is_walked_unless_they_are_far_apart_in_time_or_space(
    apart_m: float, seconds: float, walked_between: bool
) -> None:
    start = (43.7310, 7.4200)
    end = offset(*start, 90.0, apart_m)
    street = shapely.LineString([(start[1], start[0]), (end[1], end[0])])
    feature = MapFeature(FeatureKind.RESIDENTIAL, shapely.to_wkb(street), "Rue Grimaldi")
    fixes = [TrackPoint(T0, *start), TrackPoint(T0 + timedelta(seconds=seconds), *end)]
    [progress] = walk_progress([_sector_around(street)], [feature], [], fixes)
    assert progress.street_m == pytest.approx(apart_m, rel=1e-3)
    if walked_between:
        assert progress.percent_walked == pytest.approx(100.0)
    else:
        assert progress.walked_m <= 2 * (WALKED_WITHIN_M + 10)  # only around the two fixes


def test_cameras_logged_count_as_places_walked_and_are_counted_per_sector(
    monaco: Area,
) -> None:
    street, line = _longest_street(monaco)
    middle = line.interpolate(0.5, normalized=True)
    beside = offset(middle.y, middle.x, 0.0, WALKED_WITHIN_M - 5)  # across the street
    sector = _sector_around(line, 100)
    elsewhere = Sector("Elsewhere", shapely.to_wkb(shapely.box(7.0, 43.0, 7.01, 43.01)), 2)
    near, far = walk_progress([sector, elsewhere], [street], [beside], [])
    assert near.cameras_inside == 1
    assert far.cameras_inside == 0
    assert 2 * (WALKED_WITHIN_M - 5) - 20 <= near.walked_m <= 2 * WALKED_WITHIN_M + 20
    assert far.street_m == 0
    assert far.percent_walked == 0
    assert far.walked_wkb == b""


def test_distances_are_metres_on_the_ground_not_web_mercator_at_60_degrees_north() -> None:
    # At Helsinki's latitude Web Mercator doubles distances: a camera 20 m from a street
    # would lie 40 m away there, beyond WALKED_WITHIN_M.
    street = shapely.LineString([(24.94, 60.17), (24.95, 60.17)])
    camera = offset(60.17, 24.945, 0.0, 20.0)
    assert distance_m(60.17, 24.945, *camera) == pytest.approx(20.0)
    sector = Sector("Kamppi", shapely.to_wkb(shapely.box(24.93, 60.16, 24.96, 60.18)), 1)
    feature = MapFeature(FeatureKind.RESIDENTIAL, shapely.to_wkb(street), "Annankatu")
    [progress] = walk_progress([sector], [feature], [camera], [])
    assert progress.street_m == pytest.approx(distance_m(60.17, 24.94, 60.17, 24.95), rel=1e-3)
    assert progress.walked_m > 0


def test_a_real_receivers_walk_walks_the_street_it_followed_not_the_next_one(
    shared_data: Path,
) -> None:
    log = (shared_data / "nmea" / "walking-haicom-305N.nmea").read_text(encoding="ascii")
    fixes = [e.fix for e in read_nmea_fixes(log.splitlines()) if e.fix and e.fix.satellites]
    track = [TrackPoint(f.time, f.lat, f.lon, f.accuracy_m) for f in fixes]
    path = shapely.LineString([(p.lon, p.lat) for p in track])
    assert len(track) > 30
    # the street it walked, drawn 10 m off its jittery fixes, and a parallel one 80 m away
    walked_street = shapely.offset_curve(path.simplify(0.0001), 10 / 111_320)
    next_street = shapely.offset_curve(path.simplify(0.0001), -80 / 111_320)
    features = [
        MapFeature(FeatureKind.RESIDENTIAL, shapely.to_wkb(walked_street), "Walked"),
        MapFeature(FeatureKind.RESIDENTIAL, shapely.to_wkb(next_street), "Next"),
    ]
    sector = Sector("Brisbane", shapely.to_wkb(path.buffer(0.003)), 1)
    [both] = walk_progress([sector], features, [], track)
    [walked_only] = walk_progress([sector], features[:1], [], track)
    assert walked_only.percent_walked > 90
    assert both.walked_m == pytest.approx(walked_only.walked_m)


def test_only_streets_and_named_lanes_count() -> None:
    line = shapely.to_wkb(shapely.LineString([(7.42, 43.73), (7.43, 43.73)]))
    kinds = {kind: is_walked_street(MapFeature(kind, line, "Rue")) for kind in FeatureKind}
    assert {k for k, counted in kinds.items() if counted} == {
        FeatureKind.PRIMARY,
        FeatureKind.SECONDARY,
        FeatureKind.TERTIARY,
        FeatureKind.RESIDENTIAL,
        FeatureKind.PATH,
    }
    assert not is_walked_street(MapFeature(FeatureKind.PATH, line, ""))  # a sidewalk


def test_no_sectors_no_progress_and_no_walk_nothing_walked(monaco: Area) -> None:
    assert walk_progress([], monaco.features, [(43.73, 7.42)]) == []
    sector = Sector("Tout", shapely.to_wkb(shapely.box(7.40, 43.72, 7.44, 43.76)), 1)
    [progress] = walk_progress([sector], monaco.features, [])
    assert progress.street_m > 50_000
    assert progress.walked_m == 0
