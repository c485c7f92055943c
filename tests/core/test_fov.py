"""Field of view geometry as the viewers draw it (OSM.md §2)."""

from __future__ import annotations

import math

import pytest

from contrechamp.core.fov import FovKind, field_of_view, reach_m


def test_a_fixed_camera_is_a_wedge_of_seventy_degrees_centred_on_its_direction() -> None:
    fov = field_of_view({"camera:type": "fixed", "camera:direction": "0"})
    assert fov.kind is FovKind.WEDGES
    assert fov.sectors == ((325.0, 35.0),)
    (polygon,) = fov.polygons()
    minx, miny, maxx, maxy = polygon.bounds
    assert miny == pytest.approx(0.0, abs=1e-9)
    assert maxy == pytest.approx(35.0)
    assert maxx == pytest.approx(-minx)


def test_a_dome_is_a_circle_of_seven_times_its_height() -> None:
    fov = field_of_view({"camera:type": "dome", "height": "4"})
    assert fov.kind is FovKind.CIRCLE
    assert fov.polygons()[0].area == pytest.approx(math.pi * 28.0**2, rel=0.01)


def test_a_range_is_drawn_as_the_sector_from_start_to_end() -> None:
    fov = field_of_view({"camera:direction": "90-270"})
    assert fov.sectors == ((90.0, 270.0),)
    (polygon,) = fov.polygons()
    assert polygon.bounds[3] <= 1e-9  # the south half only
    assert polygon.area == pytest.approx(math.pi * 35.0**2 / 2, rel=0.01)


def test_a_list_is_drawn_as_several_wedges() -> None:
    assert len(field_of_view({"camera:direction": "90;270;N"}).polygons()) == 3


def test_zero_to_359_is_a_full_circle() -> None:
    assert field_of_view({"camera:direction": "0-359"}).kind is FovKind.CIRCLE


def test_no_direction_means_no_cone_for_a_fixed_camera() -> None:
    assert field_of_view({"camera:type": "fixed"}).kind is FovKind.NONE


def test_reach_grows_with_height_within_its_clamp_and_shrinks_with_steep_tilt() -> None:
    assert reach_m(1.0, None) == 21.0
    assert reach_m(6.0, None) == 42.0
    assert reach_m(50.0, None) == 84.0
    assert reach_m(5.0, 15.0) == 35.0
    assert reach_m(5.0, 60.0) == pytest.approx(35.0 * math.cos(math.radians(45)))


def test_messy_tags_still_give_a_field_of_view() -> None:
    fov = field_of_view({"camera:direction": "south", "camera:angle": "15°", "height": "4 m"})
    assert fov.sectors == ((145.0, 215.0),)
    assert fov.radius_m == 28.0
