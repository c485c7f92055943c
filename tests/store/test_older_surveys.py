"""A command that only reads, or that fails, leaves an older survey exactly as it was.

Only a command that succeeds in changing an older survey migrates it (after a backup); reading
one goes through a temporary migrated copy. A survey on a read-only medium can still be read.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from contrechamp.core.errors import InputError
from contrechamp.store import SurveyFile
from contrechamp.store.layout import SCHEMA_VERSION
from tests.cli.helpers import run_process
from tests.store.helpers import camera, digest, make_v1_survey
from tests.tmpfs import mounted_tmpfs


def _folder(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


@pytest.fixture
def older(survey_path: Path) -> Path:
    make_v1_survey(survey_path)
    return survey_path


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["info"], id="info"),
        pytest.param(["info", "--json"], id="info-json"),
        pytest.param(["export", "--format", "geojson", "-o", "{tmp}/out.geojson"], id="export"),
        pytest.param(["export", "--format", "csv", "-o", "{tmp}/no/such/out.csv"], id="refused"),
        pytest.param(["import", "{tmp}/missing.geojson"], id="failed-import"),
        pytest.param(["area", "{tmp}/missing.osm.pbf"], id="failed-area"),
        pytest.param(["add", "--lat", "95", "--lon", "2"], id="failed-add"),
    ],
)
def test_reading_or_failing_commands_leave_an_older_survey_unchanged(
    older: Path, args: list[str]
) -> None:
    before, files = digest(older), _folder(older)
    command, *rest = args
    run_process(command, older, *(a.replace("{tmp}", str(older.parent)) for a in rest))
    assert digest(older) == before
    assert [f for f in _folder(older) if f != "out.geojson"] == files  # no backup, no log


def test_a_succeeding_change_migrates_an_older_survey_after_a_backup(older: Path) -> None:
    done = run_process(
        "add", older, "--lat", "48.86", "--lon", "2.35", "--tag", "man_made=surveillance"
    )
    assert done.returncode == 0, done.stderr
    assert _folder(older) == sorted([older.name, "walk.backup-v1.cartoparty"])
    backup = sqlite3.connect(older.with_name("walk.backup-v1.cartoparty"))
    assert backup.execute("PRAGMA user_version").fetchone() == (1,)
    assert backup.execute("SELECT count(*) FROM cameras").fetchone() == (3,)
    backup.close()
    with SurveyFile.open_untrusted_readonly(older) as survey:
        assert survey.schema_version == SCHEMA_VERSION
        assert len(survey.cameras()) == 4


def test_a_change_that_fails_midway_leaves_no_trace(older: Path) -> None:
    before, files = digest(older), _folder(older)

    def bad_import() -> None:
        with SurveyFile.changing(older) as survey:
            survey.add_camera(camera(7))
            raise InputError("the second file was bad", "test")

    with pytest.raises(InputError):
        bad_import()
    assert digest(older) == before
    assert _folder(older) == files


@pytest.fixture
def read_only_medium(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs holding a survey, then remounted read-only (needs root; skipped otherwise)."""
    with mounted_tmpfs(tmp_path / "card", "4m") as disk:
        with SurveyFile.create(disk / "walk.cartoparty", title="Carte SD") as survey:
            survey.add_camera(camera(1))
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        yield disk / "walk.cartoparty"


def test_a_survey_on_a_read_only_medium_can_be_read(read_only_medium: Path) -> None:
    shown = run_process("info", "--json", read_only_medium)
    assert shown.returncode == 0, shown.stderr
    assert '"total": 1' in shown.stdout
    out = read_only_medium.parent.parent / "out.geojson"
    assert run_process("export", read_only_medium, "--format", "geojson", "-o", out).returncode == 0
    refused = run_process("add", read_only_medium, "--lat", "48.9", "--lon", "2.3")
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1
