"""Two processes on one survey file: both work, or one is told the file is busy; no corruption."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from contrechamp.core.errors import SurveyError
from contrechamp.store import SurveyFile
from tests.store.helpers import camera

CHILD = Path(__file__).with_name("writer_child.py")


def _writer(path: Path, mode: str, run: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(path), mode, run, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_writing_processes_both_succeed(survey: SurveyFile) -> None:
    writers = [_writer(survey.path, "camera", run, 150) for run in ("a", "b")]
    own = [camera(i) for i in range(50)]
    for saved in own:  # this process writes and reads at the same time
        survey.add_camera(saved)
        assert survey.camera(saved.id) == saved
    lines: list[str] = []
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        lines += out.splitlines()
    assert not [line for line in lines if line.startswith("error")]
    printed = {line.split()[1] for line in lines if line.startswith("camera")}
    assert len(printed) == 300
    assert {c.id for c in survey.cameras()} == printed | {c.id for c in own}
    survey.close()
    connection = sqlite3.connect(survey.path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()


@pytest.mark.slow
def test_a_held_lock_gives_busy_then_the_file_works(survey: SurveyFile) -> None:
    holder = _writer(survey.path, "hold", "held", 7)
    assert holder.stdout is not None
    assert holder.stdout.readline() == "ready\n"
    assert holder.stdout.readline() == "holding\n"
    blocked = camera(1)
    started = time.monotonic()
    with pytest.raises(SurveyError) as error:
        survey.add_camera(blocked)
    assert error.value.code == "survey.busy"
    assert time.monotonic() - started >= 4.5  # it waited for the busy timeout first
    out, err = holder.communicate(timeout=30)
    assert holder.returncode == 0, err
    assert out == "camera held\n"
    survey.add_camera(blocked)  # the refused write changed nothing and can be redone
    assert {c.id for c in survey.cameras()} == {"held", blocked.id}
