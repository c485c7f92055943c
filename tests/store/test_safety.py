"""Files from elsewhere are untrusted: hostile or broken ones are refused and left unchanged."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from contrechamp.core.errors import SurveyError
from contrechamp.store import SurveyFile
from tests.store.helpers import camera, closed_file_bytes, make_v1_survey

Opener = Callable[[Path], SurveyFile]
OPENERS = [
    pytest.param(SurveyFile.open, id="open"),
    pytest.param(SurveyFile.open_untrusted_readonly, id="untrusted"),
]

HOSTILE_SQL = {
    "trigger": "CREATE TRIGGER spy AFTER INSERT ON cameras BEGIN DELETE FROM photos; END",
    "view": "CREATE VIEW everything AS SELECT * FROM cameras",
    "virtual table": "CREATE VIRTUAL TABLE search USING fts5(body)",
    "rtree": "CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1)",
    "extra table": "CREATE TABLE stash (payload BLOB)",
    "extra index": "CREATE INDEX ix_sneaky ON cameras (lat)",
    "expression index": "CREATE INDEX ix_sneaky ON cameras (abs(lat))",
    "extra column": "ALTER TABLE cameras ADD COLUMN extra TEXT",
    "generated column": "ALTER TABLE cameras ADD COLUMN g TEXT AS (upper(notes))",
    "index on a known name": (
        "DROP INDEX ix_cameras_status; CREATE INDEX ix_cameras_status ON photos (lat)"
    ),
}


@pytest.fixture
def saved_survey(survey_path: Path) -> Path:
    """A valid survey holding one camera, closed."""
    with SurveyFile.create(survey_path, title="t") as survey:
        survey.add_camera(camera(1))
    return survey_path


def _tamper(path: Path, sql: str) -> bytes:
    connection = sqlite3.connect(path)
    connection.executescript(sql)
    connection.close()
    return closed_file_bytes(path)


def _refused(opener: Opener, path: Path, code: str) -> None:
    with pytest.raises(SurveyError) as error:
        opener(path)
    assert error.value.code == code


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("kind", sorted(HOSTILE_SQL))
def test_hostile_schema_is_refused_and_file_unchanged(
    saved_survey: Path, opener: Opener, kind: str
) -> None:
    before = _tamper(saved_survey, HOSTILE_SQL[kind])
    _refused(opener, saved_survey, "survey.hostile")
    assert saved_survey.read_bytes() == before


@pytest.mark.parametrize("opener", OPENERS)
def test_hostile_older_file_is_refused_before_any_migration(
    survey_path: Path, opener: Opener
) -> None:
    make_v1_survey(survey_path)
    # Would wipe the cameras when a migration updates meta.schema_version.
    before = _tamper(
        survey_path, "CREATE TRIGGER t AFTER UPDATE ON meta BEGIN DELETE FROM cameras; END"
    )
    _refused(opener, survey_path, "survey.hostile")
    assert survey_path.read_bytes() == before
    assert sorted(p.name for p in survey_path.parent.iterdir()) == [survey_path.name]


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"PK\x03\x04 this is a zip file" * 10, id="zip"),
        pytest.param(b"SQLite format 3\x00", id="header only"),
        pytest.param(b"\x00" * 8192, id="zeros"),
    ],
)
def test_not_sqlite_is_corrupt(survey_path: Path, opener: Opener, content: bytes) -> None:
    survey_path.write_bytes(content)
    _refused(opener, survey_path, "survey.corrupt")
    assert survey_path.read_bytes() == content


@pytest.mark.parametrize("opener", OPENERS)
def test_truncated_file_is_corrupt(saved_survey: Path, opener: Opener) -> None:
    with SurveyFile.open(saved_survey) as survey:  # make it span many pages
        survey.add_cameras(camera(i) for i in range(2, 3000))
    whole = closed_file_bytes(saved_survey)
    saved_survey.write_bytes(whole[: len(whole) // 2])
    _refused(opener, saved_survey, "survey.corrupt")
    assert saved_survey.read_bytes() == whole[: len(whole) // 2]


@pytest.mark.parametrize("opener", OPENERS)
def test_damaged_page_is_corrupt(saved_survey: Path, opener: Opener) -> None:
    with SurveyFile.open(saved_survey) as survey:
        survey.add_cameras(camera(i) for i in range(2, 3000))
    damaged = bytearray(closed_file_bytes(saved_survey))
    middle = len(damaged) // 2
    damaged[middle : middle + 2000] = b"\xa5" * 2000
    saved_survey.write_bytes(bytes(damaged))
    _refused(opener, saved_survey, "survey.corrupt")
    assert saved_survey.read_bytes() == bytes(damaged)


@pytest.mark.parametrize("opener", OPENERS)
def test_other_sqlite_database_is_not_a_survey(survey_path: Path, opener: Opener) -> None:
    connection = sqlite3.connect(survey_path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.close()
    before = survey_path.read_bytes()
    _refused(opener, survey_path, "survey.corrupt")
    assert survey_path.read_bytes() == before


@pytest.mark.parametrize("opener", OPENERS)
def test_disagreeing_version_records_are_corrupt(saved_survey: Path, opener: Opener) -> None:
    before = _tamper(saved_survey, "UPDATE alembic_version SET version_num = '0001'")
    _refused(opener, saved_survey, "survey.corrupt")
    assert saved_survey.read_bytes() == before


@pytest.mark.parametrize("opener", OPENERS)
def test_missing_file(tmp_path: Path, opener: Opener) -> None:
    _refused(opener, tmp_path / "gone.cartoparty", "survey.missing")
    assert not (tmp_path / "gone.cartoparty").exists()


def test_untrusted_read_leaves_nothing_beside_the_file(saved_survey: Path) -> None:
    before = saved_survey.read_bytes()
    with SurveyFile.open_untrusted_readonly(saved_survey) as survey:
        assert len(survey.cameras()) == 1
    assert sorted(p.name for p in saved_survey.parent.iterdir()) == [saved_survey.name]
    assert saved_survey.read_bytes() == before


def test_bad_values_inside_a_valid_schema_are_reported(saved_survey: Path) -> None:
    _tamper(saved_survey, "UPDATE cameras SET tags = '[1, 2]'")
    with SurveyFile.open(saved_survey) as survey:
        with pytest.raises(SurveyError) as error:
            survey.cameras()
        assert error.value.code == "survey.corrupt"
