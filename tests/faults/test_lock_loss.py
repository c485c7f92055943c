"""Another program reading the survey never loses the window's saves (SQLite's POSIX locks).

Closing any descriptor of a database file drops every SQLite lock the process holds on it, so
a window that opened its own survey with plain ``open()`` (a header check, a sniff of a file to
import) let the next ``contrechamp info`` delete the write-ahead log under it: later saves went
to a deleted file and were lost at the next crash. Two real processes, then ``kill -9``.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera
from contrechamp.store import SurveyFile
from tests.cli.helpers import run_process

CHILD = Path(__file__).with_name("window_child.py")

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


class Window:
    """The child process holding the survey, driven line by line."""

    def __init__(self, survey: Path) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(survey)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.ask_line() == "ready"

    def ask_line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def command(self, line: str) -> list[str]:
        """Send one command; return its answer lines (up to ``done``)."""
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answers = []
        while (answer := self.ask_line()) != "done":
            assert answer, "the window process died"
            answers.append(answer)
        return answers

    def deleted_files(self, survey: Path) -> list[str]:
        """The survey's files the window holds open although they were deleted."""
        fds = Path(f"/proc/{self.process.pid}/fd")
        targets = [os.readlink(fd) for fd in fds.iterdir() if fd.is_symlink()]
        return [t for t in targets if survey.name in t and t.endswith("(deleted)")]

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


def _saved(answers: list[str]) -> set[str]:
    return {line.split()[1] for line in answers if line.startswith("camera ")}


@pytest.fixture
def survey_path(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    with SurveyFile.create(path, title="Monaco") as survey:
        survey.add_camera(Camera(43.73, 7.42, {"man_made": "surveillance"}, id="first"))
    return path


def test_saves_survive_other_programs_reading_the_open_survey(
    survey_path: Path, tmp_path: Path
) -> None:
    window = Window(survey_path)
    try:
        acknowledged = _saved(window.command("save before 3")) | {"first"}
        assert window.command(f"export {tmp_path / 'walk.geojson'}") == ["exported 4"]
        assert window.command(f"read {survey_path}") == [" ".join(["refused file.held"] * 3)]
        assert window.command(f"read {survey_path}-wal") == [" ".join(["refused file.held"] * 3)]
        other = tmp_path / "other.geojson"
        other.write_text(
            '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [7.43, 43.74]},'
            ' "properties": {"man_made": "surveillance"}}'
        )
        assert run_process("info", survey_path).returncode == 0
        assert (
            run_process(
                "export", survey_path, "--format", "csv", "-o", tmp_path / "a.csv"
            ).returncode
            == 0
        )
        assert run_process("import", survey_path, other).returncode == 0
        assert window.deleted_files(survey_path) == []
        acknowledged |= _saved(window.command("save after 5"))
        info = json.loads(run_process("info", survey_path, "--json").stdout)
        assert info["cameras"]["total"] == len(acknowledged) + 1  # and the imported one
    finally:
        window.kill()
    connection = sqlite3.connect(survey_path)
    try:
        stored = {row[0] for row in connection.execute("SELECT id FROM cameras")}
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    assert acknowledged <= stored
    assert len(acknowledged) == 9
