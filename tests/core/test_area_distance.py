"""How far points lie outside the survey's area: far GPS fixes, drafts of photos from elsewhere."""

from __future__ import annotations

import pytest

from contrechamp.core.area import BBox
from contrechamp.core.area_distance import (
    FAR_FROM_AREA_M,
    distance_from_area_m,
    drafts_far_from_area,
    is_far_from_area,
)
from contrechamp.core.camera import Camera, Status
from contrechamp.core.geo import distance_m, offset

MONACO = BBox(west=7.4021982, south=43.7187823, east=7.4867087, north=43.7604823)


def _camera(lat: float, lon: float, status: Status = Status.DRAFT) -> Camera:
    return Camera(lat, lon, {"man_made": "surveillance"}, status=status)


def test_inside_the_area_is_zero_and_beyond_is_to_the_nearest_edge() -> None:
    assert distance_from_area_m(MONACO, 43.74, 7.43) == 0.0
    assert distance_from_area_m(MONACO, MONACO.north, MONACO.east) == 0.0
    lat, lon = offset(MONACO.north, 7.43, 0.0, 2000.0)  # 2 km north of the northern edge
    assert distance_from_area_m(MONACO, lat, lon) == pytest.approx(2000.0, abs=1.0)
    corner = distance_m(48.904, 2.333, MONACO.north, MONACO.west)  # Paris: the NW corner
    assert distance_from_area_m(MONACO, 48.904, 2.333) == pytest.approx(corner)


def test_far_is_more_than_three_km_beyond_the_bounds() -> None:
    assert FAR_FROM_AREA_M == 3000.0
    near = offset(MONACO.south, 7.43, 180.0, 2900.0)
    far = offset(MONACO.south, 7.43, 180.0, 3100.0)
    assert not is_far_from_area(MONACO, *near)
    assert is_far_from_area(MONACO, *far)
    assert is_far_from_area(MONACO, 48.904, 2.333)  # a replayed log from Saint-Denis


def test_only_drafts_far_from_the_area_are_counted() -> None:
    walk = [_camera(43.735, 7.42), _camera(43.75, 7.45)]
    holiday = [_camera(40.4469722, -3.7247528), _camera(43.4674483, 11.8851267)]
    decided = [
        _camera(40.45, -3.72, Status.CONFIRMED),
        _camera(40.45, -3.72, Status.REJECTED),
    ]
    cameras = [walk[0], holiday[0], *decided, walk[1], holiday[1]]
    assert drafts_far_from_area(MONACO, cameras) == [holiday[0].id, holiday[1].id]
    assert drafts_far_from_area(MONACO, walk) == []
    assert drafts_far_from_area(MONACO, holiday, limit_m=2_000_000.0) == []
