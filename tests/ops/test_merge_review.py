"""Reviewing a merged survey (ops.merge_review, ops.merge_queue): each decision, its undo by
writing the state from before, and later merges leaving the decisions be."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrechamp.core.errors import ContrechampError
from contrechamp.formats.basemap import read_area
from contrechamp.ops.merge import merge_surveys
from contrechamp.ops.merge_queue import ReviewKind, review_queue
from contrechamp.ops.merge_review import (
    ReviewState,
    accepted,
    joined,
    read_review_state,
    split_off,
    value_picked,
    write_review_state,
)
from contrechamp.store.survey import SurveyFile
from tests.core.walk_simulation import Walks, simulate_walks
from tests.ops.test_merge import dump
from tests.ops.walk_surveys import write_pair_surveys


@pytest.fixture(scope="module")
def walks(shared_data: Path) -> Walks:
    return simulate_walks(shared_data / "osm" / "monaco.osm.pbf", seed=5, pairs=4)


@pytest.fixture
def merged(tmp_path: Path, walks: Walks, shared_data: Path) -> tuple[Path, list[Path]]:
    """Four pairs' surveys of Monaco (a photo every second sighting), merged."""
    area = read_area(shared_data / "osm" / "monaco.osm.pbf")
    pairs = write_pair_surveys(tmp_path, walks, area=area, photos_every=2)
    out = tmp_path / "merged.cartoparty"
    merge_surveys(out, pairs)
    return out, pairs


def _decide(out: Path, decide: object) -> tuple[ReviewState, ReviewState]:
    with SurveyFile.open(out) as survey:
        before, after = decide(survey)  # type: ignore[operator]
        write_review_state(survey, after)
    return before, after


def _group_with_photo(survey: SurveyFile) -> tuple[str, object]:
    for item in review_queue(survey):
        for sighting in survey.merged_sightings(item.camera_id):
            if item.sightings > 1 and survey.sighting_photo_ids(sighting.key):
                return item.camera_id, sighting
    raise AssertionError("no group with a photo in the simulated walks")


def test_the_queue_puts_conflicts_first_then_possible_matches_then_groups(
    merged: tuple[Path, list[Path]],
) -> None:
    with SurveyFile.open_untrusted_readonly(merged[0]) as survey:
        queue = review_queue(survey)
        kinds = [item.kind for item in queue]
        assert kinds == sorted(kinds)
        assert ReviewKind.CONFLICT in kinds
        assert ReviewKind.GROUP in kinds
        conflict = next(i for i in queue if i.kind is ReviewKind.CONFLICT)
        open_keys = {c.key for c in survey.merge_conflicts(conflict.camera_id) if not c.decided}
        assert set(conflict.open_conflicts) == open_keys


def test_splitting_a_sighting_off_makes_a_camera_with_its_photos_and_undo_restores_all(
    merged: tuple[Path, list[Path]],
) -> None:
    out = merged[0]
    original = dump(out)

    def split(survey: SurveyFile) -> tuple[ReviewState, ReviewState]:
        camera_id, sighting = _group_with_photo(survey)
        photos = survey.sighting_photo_ids(sighting.key)  # type: ignore[attr-defined]
        before = read_review_state(survey, [camera_id, "split-1"])
        return before, split_off(before, camera_id, sighting, photos, "split-1")  # type: ignore[arg-type]

    before, _after = _decide(out, split)
    with SurveyFile.open_untrusted_readonly(out) as survey:
        alone = survey.camera("split-1")
        sightings = survey.merged_sightings("split-1")
        assert len(sightings) == 1
        assert (alone.lat, alone.lon) == (sightings[0].camera.lat, sightings[0].camera.lon)
        assert survey.photos("split-1")  # its photos came with it
        assert survey.camera_merges("split-1")["split-1"].reviewed
    with SurveyFile.open(out) as survey:
        write_review_state(survey, before)  # undo
    assert dump(out) == original


def test_joining_two_cameras_moves_sightings_and_photos_and_undo_restores_all(
    merged: tuple[Path, list[Path]],
) -> None:
    out = merged[0]
    original = dump(out)

    def join(survey: SurveyFile) -> tuple[ReviewState, ReviewState]:
        keep, other = (item.camera_id for item in review_queue(survey)[:2])
        before = read_review_state(survey, [keep, other])
        return before, joined(before, keep, other)

    before, _after = _decide(out, join)
    keep, other = list(before.cameras)
    with SurveyFile.open_untrusted_readonly(out) as survey:
        assert other not in {c.id for c in survey.cameras()}
        moved = {k for k, v in before.sightings.items() if v == other}
        assert moved <= {s.key for s in survey.merged_sightings(keep)}
        assert {p.id for p in survey.photos(keep)} == {
            p for p, owner in before.photos.items() if owner is not None
        }
        assert other not in survey.camera_merges()
    with SurveyFile.open(out) as survey:
        write_review_state(survey, before)
    assert dump(out) == original


def test_a_picked_value_and_an_acceptance_survive_a_later_merge(
    merged: tuple[Path, list[Path]],
) -> None:
    out, pairs = merged

    def pick(survey: SurveyFile) -> tuple[ReviewState, ReviewState]:
        item = next(i for i in review_queue(survey) if i.kind is ReviewKind.CONFLICT)
        conflict = next(c for c in survey.merge_conflicts(item.camera_id) if not c.decided)
        least_given = conflict.choices[-1][0]
        before = read_review_state(survey, [item.camera_id])
        return before, value_picked(before, item.camera_id, conflict.key, least_given)

    before, after = _decide(out, pick)
    (camera_id,) = before.cameras
    picked = after.cameras[camera_id]

    def accept(survey: SurveyFile) -> tuple[ReviewState, ReviewState]:
        item = next(i for i in review_queue(survey) if i.kind is ReviewKind.GROUP)
        state = read_review_state(survey, [item.camera_id])
        return state, accepted(state, item.camera_id)

    accept_before, _ = _decide(out, accept)
    (accepted_id,) = accept_before.cameras
    merge_surveys(out, pairs)  # the same files again: nothing changes, decisions stand
    with SurveyFile.open_untrusted_readonly(out) as survey:
        assert survey.camera(camera_id) == picked
        assert camera_id not in {i.camera_id for i in review_queue(survey)}
        assert accepted_id not in {i.camera_id for i in review_queue(survey)}


def test_a_state_that_cannot_be_written_changes_nothing(merged: tuple[Path, list[Path]]) -> None:
    out = merged[0]
    original = dump(out)
    with SurveyFile.open(out) as survey:
        camera_id = review_queue(survey)[0].camera_id
        state = read_review_state(survey, [camera_id])
        broken = ReviewState(
            dict(state.cameras), dict(state.sightings), {999_999: camera_id}, {}, {}
        )
        with pytest.raises(ContrechampError):
            write_review_state(survey, broken)
    assert dump(out) == original
