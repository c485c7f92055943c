"""The three-way edit of a pulled camera (no server needed): what the walker changed is
applied, what both sides changed differently stays the campaign's and becomes a conflict."""

from __future__ import annotations

from datetime import UTC, datetime

from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.ops.campaign_edits import EditConflict, changed_since, three_way_edit

NOW = datetime(2025, 3, 1, 12, tzinfo=UTC)
BASE = Camera(43.3, 5.37, {"camera:type": "fixed", "operator": "Ville"}, id="c1")


def test_an_unchanged_camera_is_no_edit() -> None:
    assert three_way_edit(BASE, BASE, BASE, NOW).camera is None
    assert not changed_since(BASE, BASE.with_tags(dict(BASE.tags)))  # a new date is no change


def test_the_walkers_change_is_applied_over_the_campaigns_other_changes() -> None:
    theirs = BASE.with_tag("height", "4")
    ours = BASE.with_tag("camera:type", "dome").moved_to(43.30001, 5.37, PositionSource.GPS)
    edit = three_way_edit(BASE, theirs, ours, NOW)
    assert edit.conflicts == ()
    assert edit.camera is not None
    assert dict(edit.camera.tags) == {"camera:type": "dome", "operator": "Ville", "height": "4"}
    assert (edit.camera.lat, edit.camera.updated_at) == (43.30001, NOW)


def test_a_tag_removed_offline_is_removed() -> None:
    ours = BASE.with_tag("operator", None)
    edit = three_way_edit(BASE, BASE, ours, NOW)
    assert edit.camera is not None
    assert "operator" not in edit.camera.tags


def test_both_sides_changing_one_tag_keeps_theirs_and_reopens_review() -> None:
    theirs = Camera(
        BASE.lat, BASE.lon, {**BASE.tags, "operator": "Métropole"}, id="c1", status=Status.CONFIRMED
    )
    ours = BASE.with_tag("operator", "RTM")
    edit = three_way_edit(BASE, theirs, ours, NOW)
    assert edit.conflicts == (EditConflict("operator", "Métropole", "RTM"),)
    assert edit.camera is not None
    assert edit.camera.tags["operator"] == "Métropole"
    assert edit.camera.status is Status.DRAFT


def test_the_same_change_on_both_sides_is_no_conflict_and_no_edit() -> None:
    both = BASE.with_tag("operator", "RTM")
    edit = three_way_edit(BASE, both, both, NOW)
    assert (edit.camera, edit.conflicts) == (None, ())


def test_notes_changed_on_both_sides_are_both_kept() -> None:
    theirs = Camera(BASE.lat, BASE.lon, BASE.tags, id="c1", notes="behind the tree")
    ours = Camera(BASE.lat, BASE.lon, BASE.tags, id="c1", notes="second one above")
    edit = three_way_edit(BASE, theirs, ours, NOW)
    assert edit.camera is not None
    assert edit.camera.notes == "behind the tree\nsecond one above"
    assert edit.conflicts == ()
