"""Sheet lines go with their cameras when a survey is imported into another, when the
group's surveys are merged (the merged camera takes the lines of all its sightings), and
when the organiser splits a sighting off or joins two cameras in the review."""

from __future__ import annotations

from pathlib import Path

from contrechamp.core.camera import Camera, Status
from contrechamp.ops.imports import import_files
from contrechamp.ops.merge import merge_surveys
from contrechamp.ops.merge_review import joined, read_review_state, split_off, write_review_state
from contrechamp.store.survey import SurveyFile

BASE = {"man_made": "surveillance", "surveillance:type": "camera", "camera:type": "fixed"}


def _survey(path: Path, lines: dict[int, str | None], status: Status = Status.CONFIRMED) -> Path:
    """A pair's survey: camera i along one street, with its sheet line when given."""
    with SurveyFile.create(path, title=path.stem, surveyor=path.stem) as survey:
        for i, line in lines.items():
            camera = Camera(43.7300 + i * 1e-3, 7.4200, dict(BASE), status=status)
            survey.add_camera(camera)
            survey.set_sheet_line(camera.id, line)
    return path


def _merged_lines(out: Path) -> list[str | None]:
    """The sheet line of each merged camera, south to north."""
    with SurveyFile.open(out) as merged:
        lines = merged.sheet_lines()
        return [lines.get(c.id) for c in sorted(merged.cameras(), key=lambda c: c.lat)]


def test_an_imported_survey_brings_its_sheet_lines(tmp_path: Path) -> None:
    other = _survey(tmp_path / "other.cartoparty", {0: "A-3", 1: None, 2: "12"})
    with SurveyFile.create(tmp_path / "mine.cartoparty") as mine:
        import_files(mine, [other])
        lines = mine.sheet_lines()
        assert sorted(lines.values()) == ["12", "A-3"]
        assert set(lines) <= {c.id for c in mine.cameras()}


def test_importing_again_keeps_the_line_a_camera_was_given_since(tmp_path: Path) -> None:
    other = _survey(tmp_path / "other.cartoparty", {0: "A-3"})
    with SurveyFile.create(tmp_path / "mine.cartoparty") as mine:
        import_files(mine, [other])
        (camera,) = mine.cameras()
        mine.set_sheet_line(camera.id, "A-4")
        import_files(mine, [other])
        assert mine.sheet_lines() == {camera.id: "A-4"}


def test_a_merged_camera_takes_the_sheet_lines_of_its_sightings_joined(tmp_path: Path) -> None:
    ana = _survey(tmp_path / "ana.cartoparty", {0: "A-3", 1: "A-4", 2: None})
    bob = _survey(tmp_path / "bob.cartoparty", {0: "B-7", 1: None, 2: None})
    out = tmp_path / "merged.cartoparty"

    merge_surveys(out, [ana, bob])

    assert _merged_lines(out) == ["A-3, B-7", "A-4", None]


def test_merging_again_and_a_late_survey_add_lines_without_repeating_them(
    tmp_path: Path,
) -> None:
    ana = _survey(tmp_path / "ana.cartoparty", {0: "A-3"})
    bob = _survey(tmp_path / "bob.cartoparty", {0: "B-7"})
    late = _survey(tmp_path / "late.cartoparty", {0: "C-1"})
    out = tmp_path / "merged.cartoparty"
    merge_surveys(out, [ana, bob])

    merge_surveys(out, [ana, bob])
    assert _merged_lines(out) == ["A-3, B-7"]
    merge_surveys(out, [late])
    assert _merged_lines(out) == ["A-3, B-7, C-1"]


def test_a_rejected_sighting_brings_no_sheet_line_to_the_merge(tmp_path: Path) -> None:
    ana = _survey(tmp_path / "ana.cartoparty", {0: "A-3"})
    bob = _survey(tmp_path / "bob.cartoparty", {0: "B-7"}, Status.REJECTED)
    out = tmp_path / "merged.cartoparty"

    merge_surveys(out, [ana, bob])

    assert _merged_lines(out) == ["A-3"]


def _two_sightings(tmp_path: Path, ana_line: str, bob_line: str) -> tuple[Path, str]:
    """Ana's and Bob's sightings of one camera merged, and the merged camera's id."""
    ana = _survey(tmp_path / "ana.cartoparty", {0: ana_line})
    bob = _survey(tmp_path / "bob.cartoparty", {0: bob_line})
    out = tmp_path / "merged.cartoparty"
    merge_surveys(out, [ana, bob])
    with SurveyFile.open(out) as merged:
        (camera,) = merged.cameras()
    return out, camera.id


def test_a_sighting_split_off_in_the_review_takes_its_sheet_line_and_undo_gives_it_back(
    tmp_path: Path,
) -> None:
    out, camera_id = _two_sightings(tmp_path, "A-3", "B-7")
    with SurveyFile.open(out) as survey:
        bob = next(s for s in survey.merged_sightings(camera_id) if s.sheet_line == "B-7")
        before = read_review_state(survey, [camera_id, "split-1"])
        write_review_state(survey, split_off(before, camera_id, bob, [], "split-1"))
        assert survey.sheet_lines() == {camera_id: "A-3", "split-1": "B-7"}
        write_review_state(survey, before)  # undo
        assert survey.sheet_lines() == {camera_id: "A-3, B-7"}


def test_a_split_keeps_a_line_another_sighting_also_brought(tmp_path: Path) -> None:
    out, camera_id = _two_sightings(tmp_path, "12", "12")  # each pair's own sheet, line 12
    with SurveyFile.open(out) as survey:
        first = survey.merged_sightings(camera_id)[0]
        before = read_review_state(survey, [camera_id, "split-1"])
        write_review_state(survey, split_off(before, camera_id, first, [], "split-1"))
        assert survey.sheet_lines() == {camera_id: "12", "split-1": "12"}


def test_two_cameras_joined_in_the_review_keep_both_lines_and_undo_parts_them(
    tmp_path: Path,
) -> None:
    out, camera_id = _two_sightings(tmp_path, "A-3", "B-7")
    with SurveyFile.open(out) as survey:
        bob = next(s for s in survey.merged_sightings(camera_id) if s.sheet_line == "B-7")
        state = read_review_state(survey, [camera_id, "split-1"])
        write_review_state(survey, split_off(state, camera_id, bob, [], "split-1"))
        parted = read_review_state(survey, [camera_id, "split-1"])
        write_review_state(survey, joined(parted, camera_id, "split-1"))
        assert survey.sheet_lines() == {camera_id: "A-3, B-7"}
        write_review_state(survey, parted)  # undo of the join
        assert survey.sheet_lines() == {camera_id: "A-3", "split-1": "B-7"}
