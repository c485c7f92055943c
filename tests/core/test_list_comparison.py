"""Seen cameras against listed ones: within the radius, one to one, nearest first."""

from __future__ import annotations

import pytest

from contrechamp.core.area import BBox
from contrechamp.core.geo import offset
from contrechamp.core.list_comparison import (
    ListedCamera,
    Placement,
    SeenCamera,
    compare_with_list,
)

ORIGIN = (43.7330, 7.4190)


def _listed(
    line: int, metres_east: float = 0.0, placed: Placement = Placement.COORDINATES
) -> ListedCamera:
    lat, lon = offset(*ORIGIN, 90.0, metres_east)
    return ListedCamera("ville", line, f"row {line}", placed, lat, lon)


def _seen(name: str, metres_east: float, metres_north: float = 0.0) -> SeenCamera:
    lat, lon = offset(*offset(*ORIGIN, 90.0, metres_east), 0.0, metres_north)
    return SeenCamera(name, lat, lon)


def test_a_camera_seen_within_the_radius_is_the_listed_one() -> None:
    near = compare_with_list([_seen("a", 0.0, 29.0)], [_listed(2)], radius_m=30.0)
    far = compare_with_list([_seen("a", 0.0, 31.0)], [_listed(2)], radius_m=30.0)
    assert near.counts()["seen_and_listed"] == 1
    assert near.matches[0].distance_m == pytest.approx(29.0, abs=0.01)
    assert far.counts() == {
        "seen_and_listed": 0,
        "seen_not_listed": 1,
        "listed_not_seen": 1,
        "unplaced": 0,
        "outside_area": 0,
    }


def test_each_listed_camera_is_one_seen_camera_the_nearest_pair_first() -> None:
    # a is 5 m from row 2 and 12 m from row 3; b is 8 m from row 2 only (row 3 is 20 m off)
    listed = [_listed(2, 0.0), _listed(3, 17.0)]
    seen = [_seen("b", -8.0), _seen("a", 5.0)]
    result = compare_with_list(seen, listed, radius_m=15.0)
    assert [(m.seen.id, m.listed.line, m.distance_m) for m in result.matches] == [("a", 2, 5.0)]
    assert [c.id for c in result.seen_not_listed] == ["b"]
    assert [c.line for c in result.listed_not_seen] == [3]


def test_two_cameras_on_one_pole_match_two_listed_rows() -> None:
    listed = [_listed(2, 0.0), _listed(3, 1.0)]
    seen = [_seen("a", 0.2), _seen("b", 0.4)]
    result = compare_with_list(seen, listed)
    assert len(result.matches) == 2
    assert result.seen_not_listed == ()
    assert result.listed_not_seen == ()


def test_unplaced_rows_and_rows_outside_the_area_are_set_apart() -> None:
    unplaced = ListedCamera("ville", 9, "12 rue Grimaldi", Placement.UNPLACED)
    in_nice = ListedCamera("ville", 10, "Nice", Placement.COORDINATES, 43.695, 7.265)
    area = BBox(west=7.40, south=43.72, east=7.49, north=43.76)
    result = compare_with_list([_seen("a", 3.0)], [_listed(2), unplaced, in_nice], area=area)
    assert result.unplaced == (unplaced,)
    assert result.outside_area == (in_nice,)
    assert result.counts()["listed_not_seen"] == 0
    assert compare_with_list([], [in_nice]).counts()["listed_not_seen"] == 1  # no area: kept


def test_a_list_compared_with_no_camera_seen_has_every_row_not_seen() -> None:
    result = compare_with_list([], [_listed(2), _listed(3, 50.0)])
    assert [c.line for c in result.listed_not_seen] == [2, 3]


def test_a_placed_row_needs_a_position() -> None:
    with pytest.raises(ValueError, match="position"):
        ListedCamera("ville", 2, "Rue A", Placement.CROSSING)
    with pytest.raises(ValueError, match="position"):
        ListedCamera("ville", 2, "Rue A", Placement.UNPLACED, 43.7, 7.4)
