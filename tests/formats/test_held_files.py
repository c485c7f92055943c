"""A survey this process holds open is never opened outside SQLite: every reader refuses it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera
from contrechamp.core.errors import InputError
from contrechamp.formats.held_files import is_held, refuse_held
from contrechamp.formats.limits import checked_size
from contrechamp.ops.exports import ExportFormat, export_survey
from contrechamp.store import SurveyFile


@pytest.fixture
def open_survey(tmp_path: Path) -> SurveyFile:
    survey = SurveyFile.create(tmp_path / "walk.cartoparty")
    survey.add_camera(Camera(43.73, 7.42, {"man_made": "surveillance"}, id="c1"))
    return survey


def test_the_open_survey_its_logs_and_links_to_it_are_held(
    open_survey: SurveyFile, tmp_path: Path
) -> None:
    path = open_survey.path
    (tmp_path / "link.cartoparty").symlink_to(path)
    os.link(path, tmp_path / "hard-link")
    held = [path, tmp_path / "link.cartoparty", tmp_path / "hard-link"]
    held += [path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")]
    assert all(is_held(p) for p in held)
    (tmp_path / "other.geojson").write_text("{}")
    assert not is_held(tmp_path / "other.geojson")
    assert not is_held(tmp_path / "missing-wal")
    open_survey.close()
    assert not any(is_held(p) for p in held)


def test_every_size_checked_reader_refuses_the_open_survey(open_survey: SurveyFile) -> None:
    with pytest.raises(InputError) as error:
        checked_size(open_survey.path, 1 << 30)
    assert error.value.code == "file.held"
    open_survey.close()
    assert checked_size(open_survey.path, 1 << 30) > 0


@pytest.mark.parametrize("end", ["-wal", "-shm"])
def test_an_export_onto_the_surveys_log_is_refused_and_the_log_kept(
    open_survey: SurveyFile, end: str
) -> None:
    log = open_survey.path.with_name(open_survey.path.name + end)
    before = log.stat().st_ino
    with pytest.raises(InputError) as error:
        export_survey(open_survey, ExportFormat.GEOJSON, log)
    assert error.value.code == "file.held"
    assert log.stat().st_ino == before
    open_survey.add_camera(Camera(43.74, 7.43, {"man_made": "surveillance"}, id="c2"))
    open_survey.close()
    with SurveyFile.open_untrusted_readonly(open_survey.path) as reread:
        assert {c.id for c in reread.cameras()} == {"c1", "c2"}


def test_refusal_names_the_file_in_one_sentence(open_survey: SurveyFile) -> None:
    with pytest.raises(InputError) as error:
        refuse_held(open_survey.path)
    assert str(error.value).startswith("walk.cartoparty: ")
    assert "\n" not in str(error.value)
