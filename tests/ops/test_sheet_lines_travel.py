"""Sheet lines go with their cameras when a survey is imported into another and when the
group's surveys are merged (the merged camera takes the lines of all its sightings)."""

from __future__ import annotations

from pathlib import Path

from contrechamp.core.camera import Camera, Status
from contrechamp.ops.imports import import_files
from contrechamp.ops.merge import merge_surveys
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
