"""The figures of a coverage: share filmed, cameras per kilometre, rankings, sectors."""

from __future__ import annotations

import pytest

from contrechamp.core.area import FeatureKind
from contrechamp.core.coverage_figures import MIN_RANKED_M, summarise
from tests.core.coverage_scenes import DOME, building, camera, coverage, street, zone

MAIN = street([(-500, 0), (500, 0)], "Rue Principale", FeatureKind.PRIMARY)
LANE = street([(-100, 100), (100, 100)], "Ruelle")
STEPS = street([(0, 10), (0, 90)], "Escaliers", FeatureKind.PATH)


def test_the_share_filmed_is_the_metres_filmed_over_the_street_length() -> None:
    figures = summarise(coverage([MAIN], [camera("a", 0, 0)]))
    assert figures.street_m == pytest.approx(1000.0, abs=1e-6)
    assert figures.filmed_m == pytest.approx(70.0, abs=1e-6)
    assert figures.percent_filmed == pytest.approx(7.0, abs=1e-6)


def test_cameras_per_km_count_cameras_without_a_direction_but_not_indoor_ones() -> None:
    cameras = [
        camera("a", 0, 0),
        camera("b", 100, 0, {"camera:type": "fixed"}),
        camera("c", 200, 0, {**DOME, "surveillance": "indoor"}),
    ]
    figures = summarise(coverage([MAIN, STEPS], cameras))
    assert (figures.cameras, figures.cameras_drawn, figures.cameras_indoor) == (2, 1, 1)
    assert figures.cameras_without_direction == 1
    assert figures.cameras_per_km == pytest.approx(2 / 1.08)
    assert figures.cameras_per_road_km == pytest.approx(2.0)  # the steps are no road
    assert figures.within_reach_m == pytest.approx(140.0 + 25.0, abs=1e-6)


def test_a_sector_counts_the_part_of_each_street_inside_it() -> None:
    model = coverage([MAIN, LANE], [camera("a", 0, 0), camera("b", 300, 0)])
    figures = summarise(model, zone(-50, -50, 50, 50))
    assert figures.street_m == pytest.approx(100.0, abs=1e-6)
    assert figures.filmed_m == pytest.approx(70.0, abs=1e-6)
    assert figures.cameras == 1
    assert [s.name for s in figures.streets] == ["Rue Principale"]


def test_a_sector_cutting_a_view_counts_the_filmed_metres_inside_only() -> None:
    figures = summarise(coverage([MAIN], [camera("a", 10, 0)]), zone(0, -50, 100, 50))
    assert figures.filmed_m == pytest.approx(45.0, abs=1e-6)  # from 0 to 45, not from -25
    assert figures.cameras == 1


def test_metres_filmed_by_two_cameras_are_counted_apart() -> None:
    figures = summarise(coverage([MAIN], [camera("a", -10, 0), camera("b", 10, 0)]))
    assert figures.filmed_m == pytest.approx(90.0, abs=1e-6)
    assert figures.filmed_twice_m == pytest.approx(50.0, abs=1e-6)


def test_the_most_filmed_and_the_blind_spots_rank_named_streets() -> None:
    model = coverage(
        [MAIN, LANE, STEPS, building(-200, 60, 200, 95)], [camera("a", 0, 0), camera("b", 0, 40)]
    )
    figures = summarise(model)
    assert [s.name for s in figures.most_filmed()] == ["Escaliers", "Rue Principale"]
    assert [s.name for s in figures.blind_spots(1)] == ["Ruelle"]
    steps = next(s for s in figures.streets if s.name == "Escaliers")
    assert steps.cameras == 2
    assert steps.percent_filmed == pytest.approx(100 * 50 / 80, abs=1e-6)


def test_short_streets_stay_out_of_the_rankings() -> None:
    stub = street([(0, 0), (MIN_RANKED_M / 2, 0)], "Impasse")
    figures = summarise(coverage([stub], [camera("a", 0, 0)]))
    assert figures.most_filmed() == []
    assert figures.blind_spots() == []
    assert figures.streets[0].percent_filmed == pytest.approx(100.0)


def test_each_kind_of_street_has_its_length_and_metres_filmed() -> None:
    figures = summarise(coverage([MAIN, STEPS], [camera("a", 0, 0)]))
    kinds = {k.kind: (round(k.length_m, 6), round(k.filmed_m, 6)) for k in figures.by_kind}
    assert kinds == {FeatureKind.PRIMARY: (1000.0, 70.0), FeatureKind.PATH: (80.0, 25.0)}


def test_an_area_without_streets_has_no_share_and_no_density() -> None:
    figures = summarise(coverage([], [camera("a", 0, 0)]))
    assert (figures.street_m, figures.percent_filmed, figures.cameras_per_km) == (0.0, 0.0, 0.0)
