"""Exposure along a route: the cameras that see it, the metres filmed, and where."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contrechamp.core.route_exposure import route_exposure
from tests.core.coverage_scenes import building, camera, coverage, point


def test_a_route_through_a_dome_is_filmed_for_its_diameter() -> None:
    walk = route_exposure(coverage([], [camera("a", 0, 0)]), [point(-100, 0), point(100, 0)])
    assert walk.length_m == pytest.approx(200.0, abs=1e-6)
    assert walk.filmed_m == pytest.approx(70.0, abs=1e-6)
    assert walk.percent_filmed == pytest.approx(35.0, abs=1e-6)
    (seen,) = walk.cameras
    assert (seen.id, round(seen.metres, 6), round(seen.first_seen_at_m, 6)) == ("a", 70.0, 65.0)


def test_the_filmed_stretches_say_where_and_by_whom() -> None:
    cameras = [camera("a", -60, 0), camera("b", -20, 0), camera("c", 80, 0)]
    walk = route_exposure(coverage([], cameras), [point(-200, 0), point(0, 0), point(200, 0)])
    spans = [(round(s.from_m, 6), round(s.to_m, 6), s.cameras) for s in walk.stretches]
    assert spans == [(105.0, 215.0, ("a", "b")), (245.0, 315.0, ("c",))]
    assert [c.id for c in walk.cameras] == ["a", "b", "c"]
    assert walk.filmed_m == pytest.approx(180.0, abs=1e-6)
    lat, lon = walk.stretches[1].start
    assert (lat, lon) == pytest.approx(point(45, 0), abs=1e-9)


def test_a_route_behind_a_building_is_not_exposed() -> None:
    cameras = [camera("a", 0, 0, {"camera:direction": "0"})]
    model = coverage([building(-100, 10, 100, 20)], cameras)
    walk = route_exposure(model, [point(-100, 25), point(100, 25)])
    assert (walk.filmed_m, walk.cameras, walk.stretches) == (0.0, (), ())


def test_a_route_of_one_point_has_no_length_and_no_exposure() -> None:
    walk = route_exposure(coverage([], [camera("a", 0, 0)]), [point(0, 0)])
    assert (walk.length_m, walk.filmed_m, walk.percent_filmed) == (0.0, 0.0, 0.0)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(-300, 300), st.integers(60, 300)), min_size=2, max_size=8))
def test_a_route_outside_every_view_has_zero_exposure(corners: list[tuple[int, int]]) -> None:
    model = coverage([], [camera("a", 0, 0), camera("b", 100, -40)])  # views below y = 35
    walk = route_exposure(model, [point(x, y) for x, y in corners])
    assert (walk.filmed_m, walk.cameras) == (0.0, ())


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(-80, 80), st.integers(-80, 80)), min_size=2, max_size=8))
def test_the_filmed_share_of_a_route_never_passes_its_length(
    corners: list[tuple[int, int]],
) -> None:
    model = coverage([], [camera("a", 0, 0), camera("b", 20, 10)])
    walk = route_exposure(model, [point(x, y) for x, y in corners])
    assert 0.0 <= walk.filmed_m <= walk.length_m + 1e-6
    assert sum(s.length_m for s in walk.stretches) == pytest.approx(walk.filmed_m)


def test_the_gap_between_two_lines_of_a_route_is_not_walked() -> None:
    model = coverage([], [camera("a", 0, 0)])
    points = [point(-100, 0), point(-50, 0), point(50, 0), point(100, 0)]
    assert route_exposure(model, points).filmed_m == pytest.approx(70.0, abs=1e-6)
    walk = route_exposure(model, points, breaks={2})
    assert walk.length_m == pytest.approx(100.0, abs=1e-6)
    assert (walk.filmed_m, walk.cameras) == (0.0, ())


def test_filmed_stretches_of_two_lines_stay_apart_where_the_lines_meet_in_metres() -> None:
    model = coverage([], [camera("a", 0, 0), camera("b", 500, 0)])
    points = [point(-10, 0), point(10, 0), point(490, 0), point(510, 0)]
    walk = route_exposure(model, points, breaks={2})
    spans = [(round(s.from_m, 6), round(s.to_m, 6), s.cameras) for s in walk.stretches]
    assert spans == [(0.0, 20.0, ("a",)), (20.0, 40.0, ("b",))]
    assert walk.stretches[0].end == pytest.approx(point(10, 0), abs=1e-9)
    assert walk.stretches[1].start == pytest.approx(point(490, 0), abs=1e-9)
