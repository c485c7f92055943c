"""Schema versions: recorded in the file, older files migrated after a backup, newer refused."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from contrechamp.core.errors import SurveyError
from contrechamp.store import SCHEMA_VERSION, SurveyFile
from contrechamp.store.safety import inspect_survey
from tests.store.helpers import V2_PHOTO, camera, closed_file_bytes, make_v1_survey, make_v2_survey


def _pragma_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    connection.close()
    return version


def test_schema_version_is_recorded_three_ways(survey: SurveyFile) -> None:
    assert survey.schema_version == SCHEMA_VERSION
    raw = survey._db.raw
    assert raw.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [
        (f"{SCHEMA_VERSION:04d}",)
    ]
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert raw.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    assert raw.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert raw.execute("PRAGMA busy_timeout").fetchone() == (5000,)


def test_older_file_is_backed_up_then_migrated(survey_path: Path) -> None:
    make_v1_survey(survey_path, cameras=3)
    with SurveyFile.open(survey_path) as survey:
        assert survey.schema_version == SCHEMA_VERSION
        assert survey.title == "Ancienne"
        assert [c.id for c in survey.cameras()] == ["old0", "old1", "old2"]
        assert survey.camera("old1").tags == {"man_made": "surveillance", "name": "Été"}
        assert len(survey.survey_id) == 32
        survey.add_camera(camera(1))  # the migrated file takes new writes
    backup = survey_path.with_name("walk.backup-v1.cartoparty")
    assert inspect_survey(backup) == 1
    with SurveyFile.open_untrusted_readonly(backup) as old:
        assert [c.id for c in old.cameras()] == ["old0", "old1", "old2"]
    assert _pragma_version(survey_path) == SCHEMA_VERSION
    assert _pragma_version(backup) == 1


def test_version_2_file_is_backed_up_then_migrated_with_its_photos(survey_path: Path) -> None:
    make_v2_survey(survey_path)
    with SurveyFile.open(survey_path) as survey:
        assert survey.schema_version == SCHEMA_VERSION == 3
        assert survey.title == "Deuxième"
        (photo,) = survey.photos("cam2")
        assert photo.id is not None
        assert survey.photo_data(photo.id) == V2_PHOTO
        assert survey.thumbnail(photo.id) == b"\xff\xd8"
        assert survey.pending_count() == 0
    backup = survey_path.with_name("walk.backup-v2.cartoparty")
    assert inspect_survey(backup) == 2
    assert inspect_survey(survey_path) == 3
    with SurveyFile.open_untrusted_readonly(backup) as old:  # migrated in a scratch copy
        assert old.photo_data(1) == V2_PHOTO


def test_a_second_backup_never_overwrites_the_first(survey_path: Path) -> None:
    first_backup = survey_path.with_name("walk.backup-v1.cartoparty")
    first_backup.write_bytes(b"an earlier backup")
    make_v1_survey(survey_path)
    SurveyFile.open(survey_path).close()
    assert first_backup.read_bytes() == b"an earlier backup"
    assert inspect_survey(survey_path.with_name("walk.backup-v1-2.cartoparty")) == 1


@pytest.mark.parametrize("opener", [SurveyFile.open, SurveyFile.open_untrusted_readonly])
def test_newer_file_is_refused_and_unchanged(
    survey_path: Path, opener: Callable[[Path], SurveyFile]
) -> None:
    with SurveyFile.create(survey_path) as survey:
        survey.add_camera(camera(1))
    connection = sqlite3.connect(survey_path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.execute("CREATE TABLE from_the_future (x)")
    connection.close()
    before = closed_file_bytes(survey_path)
    with pytest.raises(SurveyError) as error:
        opener(survey_path)
    assert error.value.code == "survey.newer"
    assert survey_path.read_bytes() == before
    assert sorted(p.name for p in survey_path.parent.iterdir()) == [survey_path.name]


def test_untrusted_older_file_is_migrated_in_a_temporary_copy(survey_path: Path) -> None:
    make_v1_survey(survey_path, cameras=2)
    before = closed_file_bytes(survey_path)
    scratch_before = set(Path(tempfile.gettempdir()).glob("contrechamp-*"))
    survey = SurveyFile.open_untrusted_readonly(survey_path)
    assert survey.readonly
    assert survey.path == survey_path
    assert survey.schema_version == SCHEMA_VERSION
    assert [c.id for c in survey.cameras()] == ["old0", "old1"]
    survey.close()
    assert survey_path.read_bytes() == before
    assert sorted(p.name for p in survey_path.parent.iterdir()) == [survey_path.name]
    assert set(Path(tempfile.gettempdir()).glob("contrechamp-*")) == scratch_before
