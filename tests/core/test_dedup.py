"""Camera-aware grouping of sightings from several surveys (core.dedup)."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrechamp.core.dedup import Group, Sighting, group_sightings
from contrechamp.core.geo import offset
from tests.core.walk_simulation import pair_counts, simulate_walks

HELSINKI = Path(__file__).resolve().parents[2] / "resources" / "demo" / "helsinki.osm.pbf"
HERE = (43.7333, 7.4167)  # Monaco
FIXED = {"man_made": "surveillance", "surveillance:type": "camera", "camera:type": "fixed"}


def at(metres_north: float, metres_east: float = 0.0) -> tuple[float, float]:
    lat, lon = offset(*HERE, 0.0, metres_north)
    return offset(lat, lon, 90.0, metres_east)


def fixed(
    survey: str, direction: str, north: float = 0.0, east: float = 0.0, **more: str
) -> Sighting:
    return Sighting(
        *at(north, east), FIXED | {"camera:direction": direction} | more, survey, accuracy_m=5.0
    )


def members(groups: list[Group]) -> list[tuple[int, ...]]:
    return [g.members for g in groups]


def test_three_cameras_on_one_pole_stay_three_when_two_pairs_log_them() -> None:
    sightings = [
        fixed("a", "0"), fixed("a", "120", 0.5), fixed("a", "240", -0.5),
        fixed("b", "235", 2.0, 1.0), fixed("b", "10", 1.5), fixed("b", "115", 2.5),
    ]  # fmt: skip
    assert members(group_sightings(sightings)) == [(0, 4), (1, 5), (2, 3)]


def test_two_pairs_on_opposite_pavements_log_one_camera() -> None:
    across = [fixed("north side", "180", 9.0), fixed("south side", "170", -9.0)]  # 18 m apart
    assert members(group_sightings(across)) == [(0, 1)]
    turned = [fixed("north side", "180", 9.0), fixed("south side", "0", -9.0)]
    assert members(group_sightings(turned)) == [(0,), (1,)]  # far apart and turned: two


def test_two_sightings_of_one_survey_are_two_cameras_unless_the_same_record() -> None:
    twins = [fixed("a", "90"), fixed("a", "90", 1.0)]
    assert members(group_sightings(twins)) == [(0,), (1,)]
    copied = [
        Sighting(*at(0), FIXED, "a", record="cam-1"),
        Sighting(*at(0.5), FIXED, "b", record="cam-1"),  # imported from a into b
        Sighting(*at(1.0), FIXED, "a", record="cam-2"),
    ]
    assert members(group_sightings(copied)) == [(0, 1), (2,)]


def test_accuracies_widen_the_reach() -> None:
    def pair(accuracy: float) -> list[Sighting]:
        return [
            Sighting(*at(0), FIXED, "a", accuracy_m=accuracy),
            Sighting(*at(34), FIXED, "b", accuracy_m=accuracy),
        ]

    assert members(group_sightings(pair(3.0))) == [(0,), (1,)]  # 15 + 2.5 × 4.2 = 25.6 m
    assert members(group_sightings(pair(8.0))) == [(0, 1)]  # 15 + 2.5 × 11.3 = 43 m
    assert members(group_sightings(pair(3.0), radius_m=30.0)) == [(0, 1)]


def test_agreeing_values_merge_and_conflicting_ones_are_kept_side_by_side() -> None:
    sightings = [
        fixed("a", "90", height="4", **{"camera:mount": "wall"}),
        fixed("b", "E", 2.0, height="4.5 m"),
        Sighting(*at(1.0), FIXED | {"camera:type": "dome", "camera:mount": "wall"}, "c"),
    ]
    (group,) = group_sightings(sightings)
    assert group.tags["camera:direction"] == "90"  # 90 and E say the same
    assert group.tags["height"] == "4.25"  # two guesses of one height: their mean
    assert group.tags["camera:mount"] == "wall"  # b did not say: no conflict
    (conflict,) = group.conflicts
    assert conflict.key == "camera:type"
    assert conflict.values == ("fixed", "dome")
    assert [c.sightings for c in conflict.choices] == [(0, 1), (2,)]
    assert group.tags["camera:type"] == "fixed"  # what most sightings said, until decided


def test_kinds_group_as_walkers_mistake_them() -> None:
    alpr = Sighting(*at(0), FIXED | {"surveillance:type": "ALPR"}, "a")
    camera = Sighting(*at(1), FIXED, "b")
    guard = Sighting(*at(0.5), {"surveillance:type": "guard"}, "c")
    groups = group_sightings([alpr, camera, guard])
    assert members(groups) == [(0, 1), (2,)]
    assert groups[0].conflicts[0].values == ("ALPR", "camera")


def test_sightings_linked_to_two_osm_nodes_are_two_cameras() -> None:
    a = Sighting(*at(0), FIXED, "a", osm_id=11_000_000_001)
    b = Sighting(*at(1), FIXED, "b", osm_id=11_000_000_002)
    c = Sighting(*at(40), FIXED, "c", osm_id=11_000_000_001)  # far, but the walker said so
    assert members(group_sightings([a, b, c])) == [(0, 2), (1,)]


def test_kept_groups_never_join_each_other_and_take_new_sightings() -> None:
    sightings = [fixed("a", "90"), fixed("b", "90", 1.0), fixed("c", "90", -0.5)]
    assert members(group_sightings(sightings)) == [(0, 1, 2)]
    kept = ["cam-a", "cam-b", None]  # the organiser split a and b earlier
    assert members(group_sightings(sightings, kept=kept)) == [(0, 2), (1,)]


def test_a_group_lies_where_its_accurate_sightings_say() -> None:
    rough = Sighting(*at(10), FIXED, "a", accuracy_m=10.0)
    sharp = Sighting(*at(0), FIXED, "b", accuracy_m=2.0)
    (group,) = group_sightings([rough, sharp])
    north = (group.lat - HERE[0]) * 111_132
    assert north == pytest.approx(10 * (1 / 100) / (1 / 100 + 1 / 4), abs=0.05)
    assert group.accuracy_m == pytest.approx(1.96, abs=0.01)


@pytest.mark.parametrize("radius", [0.0, -5.0, float("nan"), float("inf")])
def test_a_radius_must_be_a_positive_number(radius: float) -> None:
    with pytest.raises(ValueError, match="radius"):
        group_sightings([fixed("a", "90")], radius_m=radius)


def _pooled_scores(extract: Path, seeds: range, pairs: int) -> tuple[float, float]:
    """Precision and recall over several simulated walks (fixed seeds), pooled pair by pair."""
    grouped = together = same = 0
    for seed in seeds:
        walks = simulate_walks(extract, seed=seed, pairs=pairs)
        counts = pair_counts(group_sightings(walks.sightings), walks.truth)
        grouped, together, same = grouped + counts[0], together + counts[1], same + counts[2]
    return together / grouped, together / same


@pytest.mark.parametrize("pairs", [4, 6, 10])
def test_walks_in_helsinki_are_grouped_with_precision_and_recall_over_95_percent(
    pairs: int,
) -> None:
    """221 real camera positions, many a few metres apart; pairs walking 60 % of the
    streets on one pavement or the other, GPS noise of 5 m, estimates and a few slips."""
    precision, recall = _pooled_scores(HELSINKI, range(1, 4), pairs)
    assert precision >= 0.95
    assert recall >= 0.95


def test_walks_in_monaco_are_grouped_with_precision_and_recall_over_95_percent(
    shared_data: Path,
) -> None:
    precision, recall = _pooled_scores(shared_data / "osm" / "monaco.osm.pbf", range(1, 9), 6)
    assert precision >= 0.95
    assert recall >= 0.95
