"""Visibility polygons among buildings: hand-built cases with known answers, and properties
checked against a brute-force sight-line test."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely import Geometry

from contrechamp.core.fov import FieldOfView, field_of_view, sector_polygon
from contrechamp.core.visibility import (
    MOUNT_SNAP_M,
    WALL_OFFSET_M,
    Obstacles,
    visibility_polygon,
    visible_area,
)

DOME_35 = field_of_view({"camera:type": "dome", "height": "5"})  # a circle of 35 m
NORTH = field_of_view({"camera:direction": "0", "height": "5"})  # 35 m, 70° wide


def _seen(buildings: list[Geometry], x: float, y: float, fov: FieldOfView) -> Geometry:
    return visible_area(Obstacles(buildings), x, y, fov)


def _fov_at(fov: FieldOfView, x: float, y: float) -> Geometry:
    return shapely.transform(shapely.union_all(fov.polygons()), lambda xy: xy + np.array([x, y]))


def _same(a: Geometry, b: Geometry, tolerance: float = 1e-6) -> bool:
    return bool(shapely.symmetric_difference(a, b).area < tolerance)


def test_a_camera_facing_a_wall_films_up_to_the_wall_only() -> None:
    seen = _seen([shapely.box(-50, 10, 50, 20)], 0.0, 0.0, NORTH)
    assert seen.area == pytest.approx(100 * math.tan(math.radians(35)), abs=1e-6)
    assert shapely.bounds(seen)[3] == pytest.approx(10.0)


def test_a_street_behind_a_building_is_not_filmed() -> None:
    seen = _seen([shapely.box(-50, 10, 50, 20)], 0.0, 0.0, NORTH)
    behind = shapely.LineString([(-30, 25), (30, 25)])
    assert shapely.intersection(seen, behind).length == 0.0


def test_a_narrow_building_hides_exactly_its_shadow_of_the_street() -> None:
    # A 4 m wide building 10 m ahead hides the street 20 m ahead from x = -4 to 4.
    seen = _seen([shapely.box(-2, 10, 2, 12)], 0.0, 0.0, NORTH)
    street = shapely.LineString([(-50, 20), (50, 20)])
    half_width = 20 * math.tan(math.radians(35))
    assert shapely.intersection(seen, street).length == pytest.approx(2 * half_width - 8.0)


def test_a_dome_at_a_crossing_films_both_streets_and_no_block() -> None:
    blocks = [shapely.box(sx * 5, sy * 5, sx * 60, sy * 60) for sx in (-1, 1) for sy in (-1, 1)]
    seen = _seen(blocks, 0.0, 0.0, DOME_35)
    plus = shapely.union(shapely.box(-60, -5, 60, 5), shapely.box(-5, -60, 5, 60))
    assert _same(seen, shapely.intersection(plus, DOME_35.polygons()[0]))
    east_west = shapely.LineString([(-50, 0), (50, 0)])
    assert shapely.intersection(seen, east_west).length == pytest.approx(70.0, abs=1e-6)


def test_a_camera_in_a_courtyard_films_the_courtyard_and_nothing_outside() -> None:
    block = shapely.Polygon(
        [(-40, -40), (40, -40), (40, 40), (-40, 40)], [[(-10, -10), (10, -10), (10, 10), (-10, 10)]]
    )
    inside = _seen([block], 0.0, 0.0, DOME_35)
    assert _same(inside, shapely.box(-10, -10, 10, 10))
    outside = _seen([block], 0.0, -45.0, DOME_35)
    assert shapely.intersection(outside, shapely.box(-10, -10, 10, 10)).area == 0.0


@pytest.mark.parametrize(
    ("direction", "share_of_circle"),
    [("90-270", 0.5), ("0-90", 0.25), ("0;180", 140 / 360), ("0-359", 1.0), ("N;E;S;W", 280 / 360)],
)
def test_ranges_and_lists_of_directions_in_the_open_are_their_whole_field(
    direction: str, share_of_circle: float
) -> None:
    fov = field_of_view({"camera:direction": direction, "height": "5"})
    seen = _seen([], 0.0, 0.0, fov)
    assert _same(seen, _fov_at(fov, 0.0, 0.0))
    assert seen.area == pytest.approx(share_of_circle * math.pi * 35**2, rel=0.01)


def test_of_two_wedges_only_the_one_facing_a_wall_is_cut() -> None:
    fov = field_of_view({"camera:direction": "0;180", "height": "5"})
    seen = _seen([shapely.box(-50, 10, 50, 20)], 0.0, 0.0, fov)
    south = sector_polygon(145.0, 215.0, 35.0)
    assert _same(shapely.intersection(seen, shapely.box(-60, -60, 60, 0)), south)
    assert shapely.intersection(seen, shapely.box(-60, 0, 60, 60)).area == pytest.approx(
        100 * math.tan(math.radians(35)), abs=1e-6
    )


def test_a_range_across_north_wraps_round() -> None:
    fov = field_of_view({"camera:direction": "315-45", "height": "5"})
    seen = _seen([shapely.box(-50, 10, 50, 20)], 0.0, 0.0, fov)
    assert seen.area == pytest.approx(100.0, abs=1e-6)  # the triangle up to y = 10


def test_a_camera_mapped_on_its_wall_looks_out_from_the_wall() -> None:
    house = shapely.box(-20, 0, 20, 20)
    fov = field_of_view({"camera:direction": "180", "height": "5"})
    on_wall = _seen([house], 0.0, 0.0, fov)
    just_inside = _seen([house], 0.0, 1.0, fov)
    outside = _fov_at(fov, 0.0, -WALL_OFFSET_M)
    assert _same(on_wall, outside)
    assert _same(just_inside, outside)


def test_a_camera_deep_inside_a_building_films_nothing() -> None:
    house = shapely.box(-30, -30, 30, 30)
    assert MOUNT_SNAP_M < 30
    assert _seen([house], 0.0, 0.0, DOME_35).is_empty


def test_a_fixed_camera_without_direction_films_nothing() -> None:
    assert _seen([], 0.0, 0.0, field_of_view({"camera:type": "fixed"})).is_empty


def test_overlapping_buildings_hide_as_their_union_does() -> None:
    crossed = [shapely.box(-10, 10, 10, 14), shapely.box(-2, 6, 2, 30)]
    seen = _seen(crossed, 0.0, 0.0, NORTH)
    assert _same(seen, _seen([shapely.union_all(crossed)], 0.0, 0.0, NORTH))
    assert shapely.intersection(seen, shapely.union_all(crossed)).area < 1e-9


def test_the_polygon_of_walls_all_round_is_the_room_they_make() -> None:
    room = np.array([[5, -5, 5, 5], [5, 5, -5, 5], [-5, 5, -5, -5], [-5, -5, 5, -5]], float)
    assert visibility_polygon(room, 20.0).area == pytest.approx(100.0)


# Properties, on random blocks of buildings.


def _metres(low: float, high: float) -> st.SearchStrategy[float]:
    """Lengths to the millimetre, as in real data (OSM positions are 1 cm apart at most)."""
    return st.integers(round(low * 1000), round(high * 1000)).map(lambda mm: mm / 1000)


_BOX = st.tuples(_metres(-40, 40), _metres(-40, 40), _metres(1, 15), _metres(1, 15))


def _boxes(specs: list[tuple[float, float, float, float]]) -> list[Geometry]:
    return [shapely.box(x, y, x + w, y + h) for x, y, w, h in specs]


def _sight_lines_clear(
    buildings: list[Geometry], origin: tuple[float, float], points: np.ndarray
) -> np.ndarray:
    """Brute force: whether the segment from ``origin`` to each point crosses no interior."""
    solid = shapely.union_all(buildings).buffer(-1e-7)
    lines = shapely.linestrings(np.stack([np.tile(origin, (len(points), 1)), points], axis=1))
    return ~shapely.intersects(lines, solid)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_BOX, max_size=14),
    _metres(-30, 30),
    _metres(-30, 30),
    st.sampled_from(["dome", "0", "135", "200-300", "10;190"]),
)
def test_the_polygon_holds_exactly_the_points_in_sight(
    specs: list[tuple[float, float, float, float]], x: float, y: float, direction: str
) -> None:
    buildings = _boxes(specs)
    obstacles = Obstacles(buildings)
    placed = obstacles.placement(x, y)
    tags = {"camera:type": "dome"} if direction == "dome" else {"camera:direction": direction}
    fov = field_of_view(tags)
    seen = visible_area(obstacles, x, y, fov)
    if placed is None:
        assert seen.is_empty
        return
    points = np.random.default_rng(7).uniform(-36, 36, (600, 2)) + placed
    truth = shapely.contains_xy(_fov_at(fov, *placed), points[:, 0], points[:, 1])
    truth &= _sight_lines_clear(buildings, placed, points)
    got = shapely.contains_xy(seen, points[:, 0], points[:, 1])
    wrong = points[truth != got]
    if len(wrong):  # only points on an edge, a rounding error from either side
        assert shapely.distance(shapely.boundary(seen), shapely.points(wrong)).max() < 1e-6


@settings(max_examples=40, deadline=None)
@given(st.lists(_BOX, max_size=10), _BOX, _metres(-30, 30), _metres(-30, 30))
def test_a_new_building_never_shows_more(
    specs: list[tuple[float, float, float, float]],
    extra: tuple[float, float, float, float],
    x: float,
    y: float,
) -> None:
    before = _seen(_boxes(specs), x, y, DOME_35)
    after = _seen(_boxes([*specs, extra]), x, y, DOME_35)
    if after.is_empty:
        return
    moved = Obstacles(_boxes([*specs, extra])).placement(x, y) != Obstacles(
        _boxes(specs)
    ).placement(x, y)
    if not moved:  # a building put over the camera moves it out to a wall: a new viewpoint
        assert shapely.difference(after, before).area < 1e-6
    assert shapely.intersection(after, shapely.union_all(_boxes([*specs, extra]))).area < 1e-6


@pytest.mark.parametrize("direction", ["0", "90-270", "350-200", "10;200", "0-300"])
def test_the_field_s_corners_are_those_the_map_draws(direction: str) -> None:
    fov = field_of_view({"camera:direction": direction, "height": "7"})
    seen = _seen([], 0.0, 0.0, fov)
    drawn = shapely.get_coordinates(shapely.union_all(fov.polygons()))
    corners = shapely.get_coordinates(seen)
    nearest = np.min(
        np.hypot(*(corners[:, None, :] - drawn[None, :, :]).transpose(2, 0, 1)), axis=1
    )
    assert nearest.max() < 1e-9
