"""Crash safety: a writer SIGKILLed at random moments never loses a write it reported saved."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from contrechamp.store import SurveyFile
from tests.store.writer_child import BATCH

CHILD = Path(__file__).with_name("writer_child.py")
# (mode, kills): at least 50 kills in all, during single saves, photo attachments and imports.
PLAN = (("camera", 24), ("photo", 14), ("batch", 14))


@dataclass
class Promises:
    """What the killed writers printed as saved."""

    cameras: set[str] = field(default_factory=set)
    photos: dict[str, str] = field(default_factory=dict)  # camera id -> sha256
    batches: set[str] = field(default_factory=set)
    runs: dict[str, str] = field(default_factory=dict)  # run name -> mode


def _run_and_kill(path: Path, mode: str, run: str, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), mode, run],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first == "ready\n", child.communicate()[1]
    time.sleep(rng.uniform(0.01, 0.25))
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, err
    # A line cut short by the kill has no newline: it promised nothing.
    return [line for line in out.splitlines(keepends=True) if line.endswith("\n")]


def _collect(lines: list[str], promises: Promises) -> None:
    for line in lines:
        kind, name, *rest = line.split()
        assert kind != "error", line
        if kind == "camera":
            promises.cameras.add(name)
        elif kind == "photo":
            promises.photos[name] = rest[0]
        elif kind == "batch":
            promises.batches.add(name)


def _check_integrity(path: Path) -> None:
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def _check_batches(survey: SurveyFile, promises: Promises) -> None:
    imported = {record.source: record.count for record in survey.imports()}
    sizes: dict[str, int] = {}
    for camera in survey.cameras():
        if promises.runs.get(camera.id.split("-")[0]) == "batch":
            batch = camera.id.rsplit("-", 1)[0]
            sizes[batch] = sizes.get(batch, 0) + 1
    assert promises.batches <= set(sizes)
    assert all(size == BATCH for size in sizes.values()), "an import was half-saved"
    assert set(sizes) == set(imported), "cameras and their import record disagree"


def _check_promises(path: Path, promises: Promises) -> None:
    with SurveyFile.open(path) as survey:
        saved = {camera.id for camera in survey.cameras()}
        assert promises.cameras <= saved
        for camera_id, sha256 in promises.photos.items():
            photo = survey.photo_by_hash(sha256)
            assert photo is not None
            assert photo.id is not None
            assert photo.camera_id == camera_id
            assert len(survey.photo_data(photo.id)) >= 5_000
        _check_batches(survey, promises)


@pytest.mark.slow
def test_killed_writers_lose_nothing_they_reported_saved(tmp_path: Path) -> None:
    path = tmp_path / "crash.cartoparty"
    SurveyFile.create(path, title="crash test").close()
    rng = random.Random(20260614)
    promises = Promises()
    kills = 0
    for mode, count in PLAN:
        for _ in range(count):
            run = f"r{kills}"
            promises.runs[run] = mode
            _collect(_run_and_kill(path, mode, run, rng), promises)
            kills += 1
    assert kills >= 50
    # Each mode really was interrupted mid-stream, after some writes had completed.
    assert len(promises.cameras) > 100
    assert len(promises.photos) > 20
    assert len(promises.batches) > 10
    _check_integrity(path)
    _check_promises(path, promises)
