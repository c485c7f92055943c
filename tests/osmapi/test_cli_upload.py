"""``contrechamp upload`` end to end against the stand-in (the token given by the environment)."""

from __future__ import annotations

from pathlib import Path

import osmium
import pytest

from contrechamp.core.camera import Status
from contrechamp.osmapi.tokens import TOKEN_VARIABLE
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import digest, run
from tests.osmapi.api_server import FakeOsm
from tests.osmapi.conftest import TOKEN, camera_at


@pytest.fixture
def walk(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    with SurveyFile.create(path) as survey:
        survey.add_cameras([camera_at(i) for i in range(3)])
        survey.add_camera(camera_at(5, Status.DRAFT))
    return path


@pytest.fixture(autouse=True)
def _token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)


def test_upload_sends_the_confirmed_cameras_then_nothing_twice(
    osm: FakeOsm, walk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["upload", walk, "--comment", "Rue de Test", "--api", osm.url, "--hashtags", "#a b"]

    assert run(*args) == 0
    out = capsys.readouterr().out
    assert "Logged in to" in out
    assert "as ana" in out
    assert "To upload: 3 new, 0 changed; 1 skipped (1 draft)" in out
    assert "Uploaded 3 new and 0 changed cameras" in out
    changeset = next(iter(osm.changesets.values()))
    assert changeset.tags["hashtags"] == "#a;#b"
    assert changeset.tags["source"] == "survey"
    assert run(*args) == 0
    assert "Nothing to upload" in capsys.readouterr().out
    assert len(osm.current()) == 3
    assert osm.duplicates() == 0


def test_dry_run_writes_the_osc_and_changes_nothing(
    osm: FakeOsm, walk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(walk)

    assert run("upload", walk, "--comment", "x", "--api", osm.url, "--dry-run") == 0

    written = walk.with_name("walk-upload.osc")
    assert "3 changes written" in capsys.readouterr().out
    created = [n.id for n in osmium.FileProcessor(str(written))]
    assert sorted(created) == [-3, -2, -1]
    assert digest(walk) == before
    assert osm.log == []


def test_a_refusal_is_one_plain_sentence_and_the_survey_stays_right(
    osm: FakeOsm, walk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    osm.inject("POST", r".*/upload", "status", status=403)
    osm.inject("PUT", r".*/changeset/create", "hook", hook=lambda: None)

    assert run("upload", walk, "--comment", "x", "--api", osm.url) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "contrechamp: " in err
    with SurveyFile.open(walk) as survey:
        assert survey.sent_changes(osm.url) == []  # a 403 fault applied nothing: settled


def test_an_empty_comment_is_refused_before_anything(
    osm: FakeOsm, walk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("upload", walk, "--comment", "  ", "--api", osm.url) == 1
    assert "comment" in capsys.readouterr().err
    assert osm.log == []
