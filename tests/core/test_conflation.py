"""Merged cameras against the cameras already in OSM (core.conflation)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from contrechamp.core.area import ExistingCamera
from contrechamp.core.conflation import Match, MergedCamera, conflate, tags_onto_node
from contrechamp.core.dedup import group_sightings
from contrechamp.core.geo import distance_m, offset
from contrechamp.formats.basemap import read_area
from tests.core.walk_simulation import simulate_walks

HELSINKI = Path(__file__).resolve().parents[2] / "resources" / "demo" / "helsinki.osm.pbf"
HERE = (43.7333, 7.4167)
NODE_ID = 11_000_000_001  # above 2^32, as Monaco's are
NODE = ExistingCamera(
    NODE_ID,
    3,
    *HERE,
    {"man_made": "surveillance", "camera:type": "fixed", "direction": "240", "ref": "M-12"},
)


def near(metres: float, bearing: float = 0.0) -> tuple[float, float]:
    return offset(*HERE, bearing, metres)


def camera(metres: float = 4.0, **tags: str) -> MergedCamera:
    base = {"man_made": "surveillance", "camera:type": "fixed", "camera:direction": "250"}
    return MergedCamera(*near(metres), base | tags, accuracy_m=4.0)


def test_a_camera_at_a_node_that_says_the_same_is_that_node() -> None:
    ours = camera(**{"camera:mount": "pole", "survey:date": "2026-06-13"})
    (result,) = conflate([ours], [NODE], seen_on=["2026-06-13"])
    assert result.match is Match.SAME
    assert result.node == NODE
    assert result.tags["ref"] == "M-12"  # nothing removed
    assert result.tags["direction"] == "240"  # 250 and 240 agree: left as OSM has it
    assert "camera:direction" not in result.tags
    assert "survey:date" not in result.tags
    assert result.changes == {
        "camera:mount": (None, "pole"),
        "check_date": (None, "2026-06-13"),
    }


def test_a_value_that_says_another_camera_makes_it_only_possibly_the_node() -> None:
    (dome,) = conflate([camera(**{"camera:type": "dome"})], [NODE])
    assert dome.match is Match.POSSIBLE
    assert dome.disagreements == ("camera:type",)
    (turned,) = conflate([camera(**{"camera:direction": "60"})], [NODE])
    assert turned.match is Match.POSSIBLE
    assert turned.disagreements == ("camera:direction",)


def test_distance_decides_between_same_possible_and_new() -> None:
    # Reach: 15 m + 2.5 × sqrt(4² + 5²) = 31 m; possibly the same up to twice that.
    assert conflate([camera(25.0)], [NODE])[0].match is Match.SAME
    wider = conflate([camera(45.0)], [NODE])[0]
    assert (wider.match, wider.distance_m) == (Match.POSSIBLE, pytest.approx(45.0, abs=0.5))
    assert conflate([camera(70.0)], [NODE])[0].match is Match.NEW


def test_a_node_goes_to_one_camera_the_most_alike() -> None:
    far, close = camera(12.0), camera(3.0)
    results = conflate([far, close], [NODE])
    assert [r.match for r in results] == [Match.NEW, Match.SAME]


def test_a_camera_a_walker_linked_to_a_node_is_that_node_wherever_it_lies() -> None:
    linked = MergedCamera(*near(80.0), {"camera:mount": "wall"}, osm_id=NODE_ID)
    unknown = MergedCamera(*near(1.0), {"camera:mount": "wall"}, osm_id=99)
    same, kept = conflate([linked, unknown], [NODE])
    assert (same.match, same.node, same.tags["camera:mount"]) == (Match.SAME, NODE, "wall")
    assert (kept.match, kept.node, kept.tags) == (Match.SAME, None, {"camera:mount": "wall"})


def test_a_messy_value_of_the_node_is_written_cleanly_and_nothing_else_moves() -> None:
    tags, changes = tags_onto_node(
        {"camera:type": "dome", "height": "4.5"},
        {"camera:type": "Dome", "height": "4", "fixme": "check"},
    )
    assert tags == {"camera:type": "dome", "height": "4", "fixme": "check"}
    assert changes == {"camera:type": ("Dome", "dome")}


def test_different_kinds_are_never_the_same_node() -> None:
    guard = MergedCamera(*near(1.0), {"surveillance:type": "guard"})
    node = ExistingCamera(1, 1, *HERE, {"surveillance:type": "camera"})
    assert conflate([guard], [node])[0].match is Match.NEW


def _found_share(extract: Path, seeds: range) -> tuple[float, float]:
    """Of the OSM cameras the walkers saw, the share matched to their merged camera (or to
    one within 3 m: several on one pole are alike); of the matches, the share that are."""
    nodes = read_area(extract).cameras
    seen = found = matched = 0
    for seed in seeds:
        walks = simulate_walks(extract, seed=seed)
        groups = group_sightings(walks.sightings)
        merged = [MergedCamera(g.lat, g.lon, g.tags, g.accuracy_m) for g in groups]
        seen += len({walks.cameras[t].osm.osm_id for t in walks.truth if walks.cameras[t].osm})
        for group, result in zip(groups, conflate(merged, nodes), strict=True):
            truth = walks.cameras[
                Counter(walks.truth[m] for m in group.members).most_common(1)[0][0]
            ]
            if result.node is None:
                continue
            matched += 1
            hit = truth.osm is not None and (
                distance_m(truth.osm.lat, truth.osm.lon, result.node.lat, result.node.lon) < 3.0
            )
            found += hit
    return found / seen, found / matched


def test_conflation_finds_the_cameras_already_in_osm_in_monaco(shared_data: Path) -> None:
    found, right = _found_share(shared_data / "osm" / "monaco.osm.pbf", range(1, 6))
    assert found >= 0.9
    assert right >= 0.9


def test_conflation_finds_most_cameras_already_in_osm_in_crowded_helsinki() -> None:
    """221 nodes, half of them within 20 m of another and almost none with a direction:
    walkers log where they stand, metres from the façade, so some go to a neighbour."""
    found, right = _found_share(HELSINKI, range(1, 4))
    assert found >= 0.8
    assert right >= 0.8
