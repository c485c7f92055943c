"""Where the map opens on a survey: cameras first, else the densest streets, never the sea."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from shapely.geometry import LineString, box

from contrechamp.core.area import BBox, FeatureKind, MapFeature, Sector
from contrechamp.core.geo import distance_m
from contrechamp.core.opening_view import MIN_SPAN_M, opening_view
from contrechamp.formats.basemap import read_area

# A coastal area whose bounding box is mostly sea to the south-east, like Monaco's.
AREA = BBox(west=7.40, south=43.70, east=7.50, north=43.76)
TOWN = (43.745, 7.415)  # the streets are in the north-west corner


def _street(lat: float, lon: float, kind: FeatureKind = FeatureKind.RESIDENTIAL) -> MapFeature:
    line = LineString([(lon, lat), (lon + 0.001, lat + 0.0005)])
    return MapFeature(kind, shapely.to_wkb(line))


def _centre(view: BBox) -> tuple[float, float]:
    return (view.south + view.north) / 2, (view.west + view.east) / 2


def _covers(outer: BBox, inner: BBox) -> bool:
    return (
        outer.west <= inner.west + 1e-9
        and outer.south <= inner.south + 1e-9
        and outer.east >= inner.east - 1e-9
        and outer.north >= inner.north - 1e-9
    )


def _extent(features: list[MapFeature]) -> BBox:
    west, south, east, north = shapely.total_bounds(
        shapely.centroid(shapely.from_wkb([f.wkb for f in features]))
    )
    return BBox(float(west), float(south), float(east), float(north))


def _town_streets() -> list[MapFeature]:
    grid = [
        (TOWN[0] + i * 0.0006, TOWN[1] + j * 0.0008) for i in range(-3, 4) for j in range(-3, 4)
    ]
    lonely = [_street(43.71, 7.49), _street(43.72, 7.47, FeatureKind.PRIMARY)]
    buildings = [MapFeature(FeatureKind.BUILDING, shapely.to_wkb(box(7.48, 43.70, 7.50, 43.72)))]
    return [_street(lat, lon) for lat, lon in grid] + lonely + buildings


def test_without_cameras_it_opens_on_the_densest_streets_showing_them_all() -> None:
    streets = _town_streets()
    view = opening_view(AREA, [], streets)
    assert view is not None
    extent = _extent(streets[:-1])
    assert _covers(view, extent)  # every street; the building does not count
    assert view.east - view.west <= 1.5 * (extent.east - extent.west) + 1e-9
    lat, lon = _centre(view)
    bbox_centre = ((AREA.south + AREA.north) / 2, (AREA.west + AREA.east) / 2)
    assert distance_m(lat, lon, *TOWN) < distance_m(*bbox_centre, *TOWN) / 2


def test_an_area_mostly_at_sea_opens_on_its_town_only() -> None:
    town = [s for s in _town_streets() if s.kind is FeatureKind.RESIDENTIAL][:-1]
    view = opening_view(AREA, [], town)
    assert view is not None
    assert _covers(view, _extent(town))
    assert distance_m(*_centre(view), *TOWN) < 300.0
    assert view.east - view.west < 0.1 * (AREA.east - AREA.west)  # not the sea around it


def test_cameras_come_first_and_fit_their_extent() -> None:
    cameras = [(43.731, 7.421), (43.735, 7.428), (43.733, 7.425)]
    view = opening_view(AREA, cameras, _town_streets())
    assert view is not None
    assert all(view.contains(lat, lon) for lat, lon in cameras)
    assert view.north - view.south < 0.01  # their extent, not the area's
    assert _centre(view) == pytest.approx((43.733, 7.4245), abs=1e-6)


def test_a_single_camera_opens_at_street_zoom_not_at_a_point() -> None:
    view = opening_view(AREA, [(43.74, 7.42)])
    assert view is not None
    height = distance_m(view.south, 7.42, view.north, 7.42)
    width = distance_m(43.74, view.west, 43.74, view.east)
    assert height == pytest.approx(MIN_SPAN_M, rel=0.02)
    assert width == pytest.approx(MIN_SPAN_M, rel=0.02)


def test_cameras_far_outside_the_area_are_ignored() -> None:
    holiday = [(40.4469722, -3.7247528), (43.4674483, 11.8851267)]  # drafts from Madrid, Tuscany
    view = opening_view(AREA, holiday, _town_streets())
    assert view == opening_view(AREA, [], _town_streets())
    assert _covers(AREA, opening_view(AREA, [*holiday, (43.74, 7.42)]))  # type: ignore[arg-type]


def test_with_sectors_it_opens_on_them_not_on_the_whole_area() -> None:
    sector = Sector("north-west", shapely.to_wkb(box(7.405, 43.74, 7.43, 43.755)))
    view = opening_view(AREA, [], _town_streets(), [sector])
    assert view is not None
    sector_box = BBox(7.405, 43.74, 7.43, 43.755)
    assert _covers(view, sector_box)
    assert view.east - view.west < 0.5 * (AREA.east - AREA.west)
    outside = [(43.705, 7.49)]  # a camera of the area, but not in the pair's sector
    assert _covers(opening_view(AREA, outside, _town_streets(), [sector]), sector_box)  # type: ignore[arg-type]


def test_a_handout_opens_on_its_pairs_own_sector_not_on_every_sector_it_holds() -> None:
    own = Sector("north-west", shapely.to_wkb(box(7.405, 43.74, 7.43, 43.755)), 1, "Zoé & Ana")
    other = Sector("south-east", shapely.to_wkb(box(7.47, 43.70, 7.50, 43.72)), 2, "Léo & Sam")
    everything = opening_view(AREA, [], _town_streets(), [own, other])
    view = opening_view(AREA, [], _town_streets(), [own, other], own_sector=own)
    assert everything is not None
    assert view is not None
    assert _covers(everything, BBox(7.47, 43.70, 7.50, 43.72))  # the union of the sectors
    assert _covers(view, BBox(7.405, 43.74, 7.43, 43.755))
    assert not view.contains(43.71, 7.485)  # the other pair's sector is out of view
    assert view.east - view.west < 0.5 * (everything.east - everything.west)


def test_no_streets_shows_the_area_and_nothing_at_all_gives_none() -> None:
    assert opening_view(AREA, []) == AREA
    assert opening_view(None, []) is None
    assert opening_view(None, [(43.74, 7.42)]) is not None


def test_monaco_opens_on_land_near_its_cameras(shared_data: Path) -> None:
    monaco = read_area(shared_data / "osm" / "monaco.osm.pbf")
    cameras = [(c.lat, c.lon) for c in monaco.cameras]
    view = opening_view(monaco.bbox, cameras, monaco.features)
    assert view is not None
    assert all(view.contains(lat, lon) for lat, lon in cameras)
    assert distance_m(*_centre(view), 43.7334, 7.4183) < 500.0  # Monaco-Ville to Monte-Carlo
    streets = opening_view(monaco.bbox, [], monaco.features)
    assert streets is not None
    assert distance_m(*_centre(streets), 43.7392, 7.4263) < 500.0  # Monte-Carlo, not the sea
    assert _covers(monaco.bbox, streets)  # the town; the extract's box is half sea
    assert streets.east - streets.west < 0.6 * (monaco.bbox.east - monaco.bbox.west)
