"""A whole survey's contents put back in one step (the undo of a merge), the file open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera
from contrechamp.core.errors import SurveyError
from contrechamp.store.migrate import copy_survey
from contrechamp.store.survey import SurveyFile
from tests.store.helpers import make_v1_survey


def test_an_open_survey_takes_back_a_snapshot_and_its_reader_sees_it(tmp_path: Path) -> None:
    path = tmp_path / "merged.cartoparty"
    with SurveyFile.create(path, title="Merged") as survey:
        survey.add_camera(Camera(43.73, 7.42, {"man_made": "surveillance"}, id="before"))
        reader = SurveyFile.reader(path)
        before = tmp_path / "before.cartoparty"
        copy_survey(path, before)
        survey.add_camera(Camera(43.74, 7.43, {"man_made": "surveillance"}, id="after"))
        survey.delete_camera("before")
        assert [c.id for c in reader.cameras()] == ["after"]
        survey.replace_contents(before)
        assert [c.id for c in survey.cameras()] == ["before"]
        assert [c.id for c in reader.cameras()] == ["before"]
        survey.add_camera(Camera(43.75, 7.44, {"man_made": "surveillance"}, id="later"))
        reader.close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    with SurveyFile.open(path) as survey:
        assert {c.id for c in survey.cameras()} == {"before", "later"}


def test_a_snapshot_of_another_version_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    old = tmp_path / "old.cartoparty"
    make_v1_survey(old)
    with SurveyFile.create(tmp_path / "walk.cartoparty") as survey:
        survey.add_camera(Camera(43.73, 7.42, {"man_made": "surveillance"}, id="kept"))
        with pytest.raises(SurveyError):
            survey.replace_contents(old)
        assert [c.id for c in survey.cameras()] == ["kept"]
