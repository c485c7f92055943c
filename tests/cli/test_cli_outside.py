"""The command line outside the happy path: unknown words, no display, a closed pipe, hostile
survey content, odd paths. Every failure is one sentence on stderr and exit 1 (2 for usage)."""

from __future__ import annotations

import argparse
import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contrechamp import cli
from contrechamp.core.camera import Camera
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import digest, one_error_line, run

HEADLESS = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
HEADLESS.pop("QT_QPA_PLATFORM", None)


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    assert run("new", path, "--surveyor", "fox") == 0
    return path


@pytest.mark.parametrize("word", ["frobnicate", "publish"])
def test_an_unknown_command_is_a_usage_error_listing_the_commands(
    word: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as leaving:
        run(word, "a", "b")
    assert leaving.value.code == 2
    err = capsys.readouterr().err
    assert f"unknown command {word!r}" in err
    assert "import-photos" in err


def test_a_survey_path_still_opens_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[argparse.Namespace] = []
    monkeypatch.setattr(cli, "_cmd_gui", lambda args: opened.append(args) or 0)
    existing = tmp_path / "walk.backup"
    existing.write_bytes(b"")
    assert run(tmp_path / "new-walk.cartoparty") == 0
    assert run(existing, "--gps", "file:x.nmea") == 0
    assert run() == 0
    assert run("--demo") == 0
    assert [a.survey for a in opened] == [tmp_path / "new-walk.cartoparty", existing, None, None]


@pytest.mark.parametrize("words", [[], ["walk.cartoparty"], ["gui", "--demo"]])
def test_without_a_display_the_window_is_refused_without_loading_qt(
    tmp_path: Path, words: list[str]
) -> None:
    script = (
        "import sys\n"
        "from contrechamp.cli import main\n"
        f"code = main({words!r})\n"
        "print(code, 'PySide6' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=HEADLESS,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.split() == ["1", "False"], done.stderr[-2000:]
    assert done.stderr.strip().splitlines() == [
        "contrechamp: no display to open the window on: run one of the headless commands "
        "(contrechamp --help lists them)"
    ]


def test_info_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "many.cartoparty"
    with SurveyFile.create(path) as survey:  # a line per camera to check: over 64 KiB
        survey.add_cameras(
            [Camera(48.85 + i * 1e-5, 2.35, {"camera:direction": "south"}) for i in range(3000)]
        )
    child = subprocess.Popen(
        [sys.executable, "-m", "contrechamp", "info", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()  # as `| head -1` does
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == 0, err
    assert first.startswith(b"many.cartoparty: ")
    assert err == ""


def test_an_os_error_names_its_file_or_says_nothing_more(
    survey: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(_args: argparse.Namespace) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def denied(_args: argparse.Namespace) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), "/x/out.geojson")

    monkeypatch.setitem(cli._HANDLERS, "info", full)
    assert run("info", survey) == 1
    assert one_error_line(capsys) == "contrechamp: No space left on device"
    monkeypatch.setitem(cli._HANDLERS, "info", denied)
    assert run("info", survey) == 1
    assert one_error_line(capsys) == "contrechamp: out.geojson: Permission denied"


def _nested_tags_survey(path: Path) -> Path:
    with SurveyFile.create(path) as survey:
        survey.add_camera(Camera(48.85, 2.35, {"man_made": "surveillance"}))
        survey._db.raw.execute("UPDATE cameras SET tags = ?", ("[" * 100_000 + "]" * 100_000,))
    return path


def test_deeply_nested_tags_in_a_survey_are_one_error_in_info_and_import(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = _nested_tags_survey(tmp_path / "nested.cartoparty")
    capsys.readouterr()
    assert run("info", other) == 1
    assert "nested.cartoparty" in one_error_line(capsys)
    before = digest(survey)
    assert run("import", survey, other) == 1
    assert "nested.cartoparty" in one_error_line(capsys)
    assert digest(survey) == before


def test_a_title_with_control_characters_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.cartoparty"
    with SurveyFile.create(path, title="Rue\x1b[2J\x1b]0;owned\x07 \u202eTest"):
        pass
    capsys.readouterr()
    assert run("info", path) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\u202e" not in out
    assert out.startswith("Rue\\x1b[2J\\x1b]0;owned\\x07 \\u202eTest: ")


@pytest.mark.parametrize("make", ["folder", "fifo"])
def test_importing_a_folder_or_a_pipe_says_what_it_is(
    survey: Path, tmp_path: Path, make: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cameras.csv"
    if make == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    before = digest(survey)
    capsys.readouterr()
    assert run("import", survey, path) == 1
    err = one_error_line(capsys)
    assert ("is a folder" if make == "folder" else "is not a regular file") in err
    assert digest(survey) == before


def test_a_geojson_file_with_an_elements_member_is_read_as_geojson(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cameras.geojson"
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [7.42, 43.73]},
        "properties": {"man_made": "surveillance"},
    }
    path.write_text(
        json.dumps({"type": "FeatureCollection", "elements": [], "features": [feature]})
    )
    capsys.readouterr()
    assert run("import", survey, path) == 0
    assert "cameras.geojson: 1 cameras added" in capsys.readouterr().out


def test_an_overpass_error_saved_as_json_says_what_overpass_said(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cameras.json"
    path.write_text(json.dumps({"remark": "runtime error: Query timed out after 25 seconds."}))
    before = digest(survey)
    capsys.readouterr()
    assert run("import", survey, path) == 1
    err = one_error_line(capsys)
    assert "cameras.json" in err
    assert "Query timed out" in err
    assert digest(survey) == before


@pytest.mark.parametrize(
    "args",
    [
        ("--lat", "4_3.7", "--lon", "7.4"),
        ("--lat", "43.7", "--lon", "٧"),
        ("--lat", "43.7", "--lon", "7.4", "--accuracy", "1_0"),
        ("--lat", "43.7", "--lon", "7.4", "--accuracy", "inf"),
    ],
)
def test_numbers_on_the_command_line_are_read_strictly(
    survey: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(survey)
    capsys.readouterr()
    assert run("add", survey, *args) == 1
    assert "is not a number" in one_error_line(capsys)
    assert digest(survey) == before


def test_clock_offsets_are_read_strictly(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run("import-photos", survey, tmp_path, "--clock-offset", "3_600") == 1
    assert "is not a number" in one_error_line(capsys)
