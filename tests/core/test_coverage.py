"""Street coverage: metres filmed per street and by how many cameras, incremental updates
that match a full count, and the properties any coverage must keep."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from contrechamp.core.area import FeatureKind, MapFeature
from contrechamp.core.coverage import CoverageCamera, ViewKind, view_kind
from contrechamp.core.fov import field_of_view
from tests.core.coverage_scenes import DOME, building, camera, coverage, street

NORTH = {"camera:direction": "0", "height": "5"}


def test_a_dome_on_a_long_street_films_its_diameter() -> None:
    model = coverage([street([(-100, 0), (100, 0)])], [camera("a", 0, 0)])
    assert model.filmed_m()[0] == pytest.approx(70.0, abs=1e-6)
    assert model.street_length_m()[0] == pytest.approx(200.0, abs=1e-6)


def test_a_street_behind_a_building_is_not_filmed() -> None:
    features = [street([(-50, 30), (50, 30)]), building(-60, 10, 60, 20)]
    model = coverage(features, [camera("a", 0, 0, NORTH)])
    assert model.filmed_m()[0] == 0.0
    assert model.cameras_per_street().tolist() == [0]


def test_the_same_street_without_the_building_is_filmed() -> None:
    model = coverage([street([(-50, 30), (50, 30)])], [camera("a", 0, 0, NORTH)])
    half_chord = math.sqrt(35**2 - 30**2)  # the wedge is wider than the circle there
    assert 0 < model.filmed_m()[0] <= 2 * half_chord + 1e-6


def test_two_cameras_over_one_stretch_count_it_once_and_as_filmed_twice() -> None:
    model = coverage([street([(-100, 0), (100, 0)])], [camera("a", -10, 0), camera("b", 10, 0)])
    assert model.filmed_m()[0] == pytest.approx(90.0, abs=1e-6)  # from -45 to 45
    assert model.filmed_twice_m()[0] == pytest.approx(50.0, abs=1e-6)  # from -25 to 25
    assert model.cameras_per_street().tolist() == [2]


def test_a_street_of_several_segments_adds_them_up() -> None:
    model = coverage([street([(-100, 0), (0, 0), (0, 100)])], [camera("a", 0, 0)])
    assert model.filmed_m()[0] == pytest.approx(70.0, abs=1e-6)


def test_moving_a_camera_recounts_only_the_streets_it_saw_or_sees() -> None:
    streets = [street([(-100, 0), (100, 0)]), street([(-100, 200), (100, 200)])]
    model = coverage(streets, [camera("a", 0, 5)])
    assert model.set_camera(camera("a", 0, 195)) == [0, 1]
    circle = field_of_view(DOME).polygons()[0]
    chord = shapely.intersection(circle, shapely.LineString([(-100, 5), (100, 5)])).length
    assert model.filmed_m() == pytest.approx([0.0, chord], abs=1e-6)
    assert model.set_camera(camera("a", 20, 195)) == [1]


def test_removing_the_last_camera_films_nothing() -> None:
    model = coverage([street([(-100, 0), (100, 0)])], [camera("a", 0, 0)])
    assert model.remove_camera("a") == [0]
    assert model.filmed_m().tolist() == [0.0]
    assert model.remove_camera("a") == []


def test_turning_a_camera_away_from_the_street_leaves_it_unfilmed() -> None:
    model = coverage(
        [street([(-100, 0), (100, 0)])], [camera("a", 0, 20, {"camera:direction": "180"})]
    )
    assert model.filmed_m()[0] > 0
    model.set_camera(camera("a", 0, 20, {"camera:direction": "0"}))
    assert model.filmed_m()[0] == 0.0


@pytest.mark.parametrize(
    ("tags", "kind"),
    [
        (DOME, ViewKind.DRAWN),
        ({"camera:direction": "0-359"}, ViewKind.DRAWN),
        ({"camera:type": "fixed"}, ViewKind.NO_DIRECTION),
        ({**DOME, "surveillance": "indoor"}, ViewKind.INDOOR),
        ({"surveillance:type": "guard"}, ViewKind.NOT_A_CAMERA),
        ({"surveillance:type": "ALPR", "camera:direction": "90"}, ViewKind.DRAWN),
    ],
)
def test_only_cameras_filming_the_street_draw_a_view(tags: dict[str, str], kind: ViewKind) -> None:
    assert view_kind(tags) is kind
    model = coverage([street([(-100, 0), (100, 0)])], [camera("a", 0, 0, tags)])
    assert bool(model.filmed_m()[0] > 0) is (kind is ViewKind.DRAWN)


def test_pedestrian_ways_and_footpaths_are_streets_too() -> None:
    features = [street([(-100, 0), (100, 0)], kind=FeatureKind.PATH), building(-5, 50, 5, 60)]
    model = coverage(features, [camera("a", 0, 0)])
    assert [s.kind for s in model.streets] == [FeatureKind.PATH]
    assert model.filmed_m()[0] == pytest.approx(70.0, abs=1e-6)


def test_a_camera_without_a_direction_films_nothing_but_has_the_street_within_reach() -> None:
    features = [street([(-100, 0), (100, 0)]), building(10, -5, 20, 5)]
    model = coverage(features, [camera("a", 0, 0, {"camera:type": "fixed"})])
    assert model.filmed_m()[0] == 0.0
    assert model.within_reach_m()[0] == pytest.approx(45.0, abs=1e-6)  # -35 to 10: a wall
    assert model.remove_camera("a") == [0]
    assert model.within_reach_m()[0] == 0.0


def test_within_reach_holds_what_is_filmed() -> None:
    cameras = [camera("a", 0, 0), camera("b", 60, 0, {"camera:type": "fixed"})]
    model = coverage([street([(-100, 0), (100, 0)])], cameras)
    assert model.filmed_m()[0] == pytest.approx(70.0, abs=1e-6)
    assert model.within_reach_m()[0] == pytest.approx(130.0, abs=1e-6)  # -35 to 95


# Properties, on random small towns.

_XY = st.integers(-60, 60)
_STREETS = st.lists(
    st.tuples(_XY, _XY, _XY, _XY).filter(lambda s: s[:2] != s[2:]), min_size=1, max_size=6
)
_BUILDINGS = st.lists(st.tuples(_XY, _XY, st.integers(2, 20), st.integers(2, 20)), max_size=8)
_CAMERAS = st.lists(
    st.tuples(_XY, _XY, st.sampled_from(["dome", "0", "90", "200-320", "45;225"])), max_size=5
)


def _town(streets: list[tuple[int, ...]], buildings: list[tuple[int, ...]]) -> list[MapFeature]:
    return [street([(a, b), (c, d)]) for a, b, c, d in streets] + [
        building(x, y, x + w, y + h) for x, y, w, h in buildings
    ]


def _cameras(specs: list[tuple[int, int, str]]) -> list[CoverageCamera]:
    return [
        camera(f"c{i}", x, y, DOME if d == "dome" else {"camera:direction": d})
        for i, (x, y, d) in enumerate(specs)
    ]


@settings(max_examples=40, deadline=None)
@given(_STREETS, _BUILDINGS, _CAMERAS, st.tuples(_XY, _XY))
def test_coverage_stays_within_the_street_and_grows_with_each_camera(
    streets: list[tuple[int, ...]],
    buildings: list[tuple[int, ...]],
    cameras: list[tuple[int, int, str]],
    extra: tuple[int, int],
) -> None:
    model = coverage(_town(streets, buildings), _cameras(cameras))
    before = model.filmed_m().copy()
    assert np.all(before <= model.street_length_m() + 1e-6)
    assert np.all(model.filmed_twice_m() <= before + 1e-6)
    assert np.all(before <= model.within_reach_m() + 1e-6)
    model.set_camera(camera("extra", *extra))
    assert np.all(model.filmed_m() >= before - 1e-6)


@settings(max_examples=40, deadline=None)
@given(_STREETS, _BUILDINGS, _CAMERAS, st.tuples(_XY, _XY, st.integers(2, 20), st.integers(2, 20)))
def test_a_new_building_never_raises_the_coverage(
    streets: list[tuple[int, ...]],
    buildings: list[tuple[int, ...]],
    cameras: list[tuple[int, int, str]],
    extra: tuple[int, int, int, int],
) -> None:
    placed = _cameras(cameras)
    before = coverage(_town(streets, buildings), placed)
    after = coverage(_town(streets, [*buildings, extra]), placed)
    for c in placed:  # a camera the new building covers looks out from its wall: elsewhere
        mapped = before.cameras[c.id]
        assume(
            before.obstacles.placement(mapped.x, mapped.y)
            == after.obstacles.placement(mapped.x, mapped.y)
        )
    assert np.all(after.filmed_m() <= before.filmed_m() + 1e-6)


@settings(max_examples=25, deadline=None)
@given(_STREETS, _BUILDINGS, _CAMERAS, st.lists(st.tuples(st.integers(0, 4), _XY, _XY), max_size=6))
def test_updates_one_by_one_give_what_a_full_count_gives(
    streets: list[tuple[int, ...]],
    buildings: list[tuple[int, ...]],
    cameras: list[tuple[int, int, str]],
    moves: list[tuple[int, int, int]],
) -> None:
    town = _town(streets, buildings)
    model = coverage(town, _cameras(cameras))
    final = {c.id: c for c in _cameras(cameras)}
    for which, x, y in moves:
        moved = camera(f"c{which}", x, y, {"camera:type": "fixed"} if which == 4 else DOME)
        final[moved.id] = moved
        model.set_camera(moved)
    fresh = coverage(town, list(final.values()))
    assert model.filmed_m() == pytest.approx(fresh.filmed_m(), abs=1e-6)
    assert model.filmed_twice_m() == pytest.approx(fresh.filmed_twice_m(), abs=1e-6)
    assert model.within_reach_m() == pytest.approx(fresh.within_reach_m(), abs=1e-6)


def test_the_filmed_pieces_say_where_and_by_how_many() -> None:
    model = coverage([street([(-100, 0), (100, 0)])], [camera("a", -10, 0), camera("b", 10, 0)])
    ends, counts = model.filmed_pieces()
    spans = sorted(
        (round(x0, 6), round(x1, 6), int(n)) for (x0, _, x1, _), n in zip(ends, counts, strict=True)
    )
    assert spans == [(-45.0, -25.0, 1), (-25.0, 25.0, 2), (25.0, 45.0, 1)]
