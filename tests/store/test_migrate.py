"""Schema versions: recorded in the file, older files migrated after a backup, newer refused."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from contrechamp.core.errors import SurveyError
from contrechamp.store import SCHEMA_VERSION, SurveyFile
from contrechamp.store.pending import quick_key_of
from contrechamp.store.safety import inspect_survey
from tests.store.helpers import (
    V2_PHOTO,
    camera,
    closed_file_bytes,
    digest,
    make_v1_survey,
    make_v2_survey,
)


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
        assert survey.schema_version == SCHEMA_VERSION == 11
        assert survey.title == "Deuxième"
        (photo,) = survey.photos("cam2")
        assert photo.id is not None
        assert survey.photo_data(photo.id) == V2_PHOTO
        assert survey.thumbnail(photo.id) == b"\xff\xd8"
        assert survey.pending_count() == 0
    backup = survey_path.with_name("walk.backup-v2.cartoparty")
    assert inspect_survey(backup) == 2
    assert inspect_survey(survey_path) == SCHEMA_VERSION
    with SurveyFile.open_untrusted_readonly(backup) as old:  # migrated in a scratch copy
        assert old.photo_data(1) == V2_PHOTO


def _make_v3_survey(path: Path, original: Path) -> None:
    """A version 2 survey brought to version 3, plus a photo recorded pending by version 3
    (known by the SHA-256 of its original)."""
    from contrechamp.store.database import Database
    from contrechamp.store.migrate import upgrade

    make_v2_survey(path)
    database = Database(path, readonly=False)
    with database.transaction():
        upgrade(database.conn, 3)
    database.close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO photos VALUES (2, 'cam2', ?, 'IMG_2.jpg', 'image/jpeg', 'wide',"
            " NULL, 48.85, 2.35, NULL, NULL, NULL, NULL, 1)",
            (hashlib.sha256(original.read_bytes()).hexdigest(),),
        )
        connection.execute(
            "INSERT INTO pending_photos VALUES (2, ?, ?, 'waiting', NULL)",
            (str(original), original.stat().st_size),
        )
    connection.close()


def test_version_3_file_gets_quick_keys_and_its_pending_photo_still_copies(
    survey_path: Path, tmp_path: Path
) -> None:
    original = tmp_path / "IMG_2.jpg"
    original.write_bytes(b"\xff\xd8\xff\xe0 a photo left pending by version 3" * 9000)
    _make_v3_survey(survey_path, original)
    with SurveyFile.open(survey_path) as survey:
        assert survey.schema_version == SCHEMA_VERSION == 11
        assert survey.known_quick_keys([quick_key_of(V2_PHOTO)]) == {quick_key_of(V2_PHOTO)}
        (pending,) = survey.pending_photos()
        assert (pending.quick_key, pending.sha256) == (None, digest(original))
        assert survey.photo_data(2) == original.read_bytes()  # checked by its SHA-256
        assert not survey.store_original(2, original.read_bytes()[:-1] + b"!")
        assert survey.store_original(2, original.read_bytes())
        assert survey.known_quick_keys([quick_key_of(original.read_bytes())])
        assert survey.photo_by_hash(digest(original)) is not None
    backup = survey_path.with_name("walk.backup-v3.cartoparty")
    assert inspect_survey(backup) == 3
    with SurveyFile.open_untrusted_readonly(backup) as old:
        assert old.pending_count() == 1


def test_a_photo_left_pending_by_version_3_is_recognised_once_keyed(
    survey_path: Path, tmp_path: Path
) -> None:
    original = tmp_path / "IMG_2.jpg"
    original.write_bytes(b"\xff\xd8\xff\xe0 a photo left pending by version 3" * 9000)
    _make_v3_survey(survey_path, original)
    key = quick_key_of(original.read_bytes())
    with SurveyFile.open(survey_path) as survey:
        assert survey.known_quick_keys([key]) == set()
        assert survey.key_legacy_pending() == 1
        assert survey.known_quick_keys([key]) == {key}
        assert survey.key_legacy_pending() == 0
        again = survey.add_photo(survey.photos("cam2")[1], original.read_bytes())
        assert again.id == 2  # the same photo, now complete
        assert survey.pending_count() == 0


def test_the_same_bytes_imported_again_while_version_3_lost_their_original_never_clash(
    survey_path: Path, tmp_path: Path
) -> None:
    original = tmp_path / "IMG_2.jpg"
    data = b"\xff\xd8\xff\xe0 a photo left pending by version 3" * 9000
    original.write_bytes(data)
    _make_v3_survey(survey_path, original)
    moved = original.rename(tmp_path / "moved.jpg")
    with SurveyFile.open(survey_path) as survey:
        assert survey.key_legacy_pending() == 0  # its original is gone
        info = replace(survey.photos("cam2")[1], id=None, sha256=quick_key_of(data))
        twin = survey.add_pending_photo(info, moved, len(data))
        assert twin.id not in (None, 2)
        assert not survey.store_original(twin.id, data)  # type: ignore[arg-type]
        assert survey.pending_count() == 2  # nothing changed, no error
        original.write_bytes(data)  # back in place: its quick key is the twin's already
        assert survey.key_legacy_pending() == 0
        assert survey.store_original(2, data)
        assert not survey.store_original(twin.id, data)  # type: ignore[arg-type]
        assert survey.photo_data(2) == data


def test_version_4_file_loses_the_unused_provenance_tables_and_keeps_its_cameras(
    survey_path: Path,
) -> None:
    from contrechamp.store.database import Database
    from contrechamp.store.migrate import upgrade

    make_v2_survey(survey_path)
    database = Database(survey_path, readonly=False)
    with database.transaction():
        upgrade(database.conn, 4)
    database.close()
    connection = sqlite3.connect(survey_path)
    with connection:  # a row some other tool left: nothing of ours ever wrote one
        connection.execute(
            "INSERT INTO uploads VALUES ('cam2', 'done', 1, -1, 42, 1, '2025-01-02', '')"
        )
    connection.close()
    with SurveyFile.open(survey_path) as survey:
        assert survey.schema_version == SCHEMA_VERSION == 11
        assert [c.id for c in survey.cameras()] == ["cam2"]
        assert survey.photo_data(1) == V2_PHOTO
        raw = survey._db.raw
        tables = raw.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
        assert "origins" not in {name for (name,) in tables}
        # version 8's upload journal is another table: version 2's row went with version 5
        assert raw.execute("SELECT count(*) FROM uploads").fetchone() == (0,)
    assert inspect_survey(survey_path.with_name("walk.backup-v4.cartoparty")) == 4


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


def test_version_6_file_keeps_its_sectors_and_osm_cameras_and_gains_lists(
    survey_path: Path,
) -> None:
    from contrechamp.store.database import Database
    from contrechamp.store.migrate import upgrade

    make_v2_survey(survey_path)
    database = Database(survey_path, readonly=False)
    with database.transaction():
        upgrade(database.conn, 6)
    database.close()
    connection = sqlite3.connect(survey_path)
    with connection:
        connection.execute("INSERT INTO sectors (name, wkb) VALUES ('Nord', x'00')")
        connection.execute("INSERT INTO existing_cameras VALUES (7, 3, 43.7, 7.4, '{}')")
    connection.close()
    with SurveyFile.open(survey_path) as survey:
        assert survey.schema_version == SCHEMA_VERSION
        assert [(s.name, s.pair) for s in survey.sectors()] == [("Nord", None)]
        assert [(e.osm_id, e.version) for e in survey.existing_cameras()] == [(7, 3)]
        raw = survey._db.raw
        raw.execute("INSERT INTO existing_cameras VALUES (8, NULL, 43.7, 7.4, '{}')")
        assert raw.execute("SELECT count(*) FROM listed_cameras").fetchone() == (0,)
    assert inspect_survey(survey_path.with_name("walk.backup-v6.cartoparty")) == 6


def test_version_9_merged_survey_keeps_its_sightings_without_sheet_lines(
    survey_path: Path,
) -> None:
    from contrechamp.store.database import Database
    from contrechamp.store.migrate import upgrade

    make_v2_survey(survey_path)
    database = Database(survey_path, readonly=False)
    with database.transaction():
        upgrade(database.conn, 9)
    database.close()
    connection = sqlite3.connect(survey_path)
    with connection:
        connection.execute(
            "INSERT INTO merge_surveys VALUES ('s1', 'Ana', 'ana', NULL, '2026-05-01T10:00:00Z')"
        )
        connection.execute(
            "INSERT INTO sightings VALUES ('s1', 'c1', 43.7, 7.4, 'confirmed', 'gps', NULL, "
            "'ana', '2026-05-01T10:00:00Z', '2026-05-01T10:00:00Z', NULL, NULL, '', '{}', NULL)"
        )
    connection.close()
    with SurveyFile.open(survey_path) as survey:
        assert survey.schema_version == SCHEMA_VERSION
        [sighting] = survey.merged_sightings()
        assert (sighting.key, sighting.sheet_line) == (("s1", "c1"), None)
