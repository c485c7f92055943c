"""Matching what a changeset holds against the changes sent, and the three-way tag merge."""

from __future__ import annotations

from contrechamp.core.uploads import Action, OsmNode, SentChange, applied_changes, merged_tags

_TAGS = {"man_made": "surveillance", "camera:mount": "pole"}


def _create(camera: str, placeholder: int, lat: float = 43.7) -> SentChange:
    return SentChange(camera, 5, Action.CREATE, placeholder, None, lat, 7.4, _TAGS, "t")


def test_twin_cameras_on_one_pole_each_get_their_own_node() -> None:
    sent = [_create("a", -1), _create("b", -2), _create("c", -3, lat=43.8)]
    content = [(Action.CREATE, OsmNode(2**33 + i, 1, 43.7, 7.4, _TAGS)) for i in (1, 2)]

    links = applied_changes(sent, content)

    assert {k: v.osm_id for k, v in links.items()} == {"a": 2**33 + 1, "b": 2**33 + 2}


def test_a_node_already_linked_to_a_camera_is_not_matched_again() -> None:
    content = [(Action.CREATE, OsmNode(11, 1, 43.7, 7.4, _TAGS))]

    assert applied_changes([_create("b", -1)], content, taken={11}) == {}


def test_a_modify_is_applied_when_the_changeset_holds_the_next_version() -> None:
    sent = SentChange("a", 5, Action.MODIFY, 42, 3, 43.7, 7.4, _TAGS, "t")

    assert applied_changes([sent], [(Action.MODIFY, OsmNode(42, 3, 43.7, 7.4, _TAGS))]) == {}
    found = applied_changes([sent], [(Action.MODIFY, OsmNode(42, 4, 43.7, 7.4, _TAGS))])
    assert found["a"].version == 4


def test_a_tag_removed_in_the_survey_goes_only_if_osm_still_has_that_value() -> None:
    base = {"man_made": "surveillance", "note": "old", "fixme": "x"}
    current = {"man_made": "surveillance", "note": "new", "fixme": "x"}

    assert merged_tags({"man_made": "surveillance"}, base, current) == {
        "man_made": "surveillance",
        "note": "new",
    }
