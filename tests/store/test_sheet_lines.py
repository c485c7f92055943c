"""The sheet line of each camera in the survey file: saved, replaced, removed, checked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.store import SurveyFile

BASE = {"man_made": "surveillance", "surveillance:type": "camera"}


def _camera(survey: SurveyFile, i: int = 0) -> Camera:
    camera = Camera(43.73 + i * 1e-4, 7.42, dict(BASE))
    survey.add_camera(camera)
    return camera


def test_a_sheet_line_reads_back_after_the_survey_is_opened_again(
    survey: SurveyFile, survey_path: Path
) -> None:
    first, second, bare = _camera(survey, 0), _camera(survey, 1), _camera(survey, 2)
    survey.set_sheet_line(first.id, " 12 ")
    survey.set_sheet_line(second.id, "A-3")
    survey.close()
    with SurveyFile.open(survey_path) as again:
        assert again.sheet_line(first.id) == "12"
        assert again.sheet_line(bare.id) is None
        assert again.sheet_lines() == {first.id: "12", second.id: "A-3"}


def test_setting_a_sheet_line_again_replaces_it_and_none_or_blank_removes_it(
    survey: SurveyFile,
) -> None:
    camera = _camera(survey)
    survey.set_sheet_line(camera.id, "12")
    survey.set_sheet_line(camera.id, "p2 14")
    assert survey.sheet_line(camera.id) == "p2 14"
    survey.set_sheet_line(camera.id, "   ")
    assert survey.sheet_line(camera.id) is None
    survey.set_sheet_line(camera.id, "7")
    survey.set_sheet_line(camera.id, None)
    assert survey.sheet_lines() == {}


def test_deleting_a_camera_deletes_its_sheet_line(survey: SurveyFile) -> None:
    kept, gone = _camera(survey, 0), _camera(survey, 1)
    survey.set_sheet_line(kept.id, "1")
    survey.set_sheet_line(gone.id, "2")
    survey.delete_camera(gone.id)
    assert survey.sheet_lines() == {kept.id: "1"}


@pytest.mark.parametrize(
    "text", ["12;", "a" * 21, "<b>", "x_y", "1\n2", "12\x00", "A-3, " + "B" * 21]
)
def test_a_text_that_is_not_a_sheet_line_is_refused_and_the_old_line_stays(
    survey: SurveyFile, text: str
) -> None:
    camera = _camera(survey)
    survey.set_sheet_line(camera.id, "12")
    with pytest.raises(InputError) as refused:
        survey.set_sheet_line(camera.id, text)
    assert refused.value.code == "sheet_line.invalid"
    assert survey.sheet_line(camera.id) == "12"


def test_letters_with_accents_and_the_lines_of_a_merged_camera_are_sheet_lines(
    survey: SurveyFile,
) -> None:
    camera = _camera(survey)
    survey.set_sheet_line(camera.id, "Élodie-2,B-7")
    assert survey.sheet_line(camera.id) == "Élodie-2, B-7"


def test_a_sheet_line_for_a_camera_not_in_the_survey_is_refused(survey: SurveyFile) -> None:
    with pytest.raises(SurveyError) as refused:
        survey.set_sheet_line("no-such-camera", "12")
    assert refused.value.code == "camera.missing"
    assert survey.sheet_lines() == {}


def test_a_bad_sheet_line_written_into_the_file_by_hand_reads_as_corrupt(
    survey: SurveyFile, survey_path: Path
) -> None:
    camera = _camera(survey)
    survey.close()
    with sqlite3.connect(survey_path) as raw:
        raw.execute("INSERT INTO sheet_lines VALUES (?, ?)", (camera.id, "<script>"))
    raw.close()
    with SurveyFile.open(survey_path) as again, pytest.raises(SurveyError) as refused:
        again.sheet_lines()
    assert refused.value.code == "survey.corrupt"
