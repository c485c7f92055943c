"""One writer per open survey: writes take turns on one connection, the window never waits."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera
from contrechamp.core.errors import ContrechampError
from contrechamp.ops.survey_writer import SurveyWriter
from contrechamp.store import SurveyFile


def _camera(name: str) -> Camera:
    return Camera(43.73, 7.42, {"man_made": "surveillance", "ref": name}, id=name)


class Outcomes:
    """What the callbacks received, and on which thread."""

    def __init__(self) -> None:
        self.done: list[object] = []
        self.failed: list[ContrechampError] = []
        self.threads: list[str] = []
        self.all_in = threading.Event()
        self.expected = 1

    def on_done(self, value: object) -> None:
        self.done.append(value)
        self._seen()

    def on_failed(self, error: ContrechampError) -> None:
        self.failed.append(error)
        self._seen()

    def _seen(self) -> None:
        self.threads.append(threading.current_thread().name)
        if len(self.done) + len(self.failed) >= self.expected:
            self.all_in.set()


@pytest.fixture
def writer(tmp_path: Path) -> SurveyWriter:
    return SurveyWriter(SurveyFile.create(tmp_path / "walk.cartoparty"))


def _add(name: str):  # type: ignore[no-untyped-def]
    def write(survey: SurveyFile) -> str:
        survey.add_camera(_camera(name))
        return name

    return write


def _in_turn(writer: SurveyWriter, job: Callable[[SurveyFile], None]) -> None:
    """A background job's turn on the shared connection."""
    with writer.survey.lock:
        job(writer.survey)


def _hold_turn(writer: SurveyWriter, release: threading.Event) -> threading.Thread:
    """A background job that takes the survey's turn and keeps it until ``release``."""
    started = threading.Event()

    def job(survey: SurveyFile) -> None:
        with survey.transaction():
            survey.add_camera(_camera("job"))
            started.set()
            release.wait(10)

    thread = threading.Thread(target=_in_turn, args=(writer, job))
    thread.start()
    assert started.wait(10)
    return thread


def test_a_write_on_a_free_survey_runs_at_once_on_the_callers_thread(
    writer: SurveyWriter,
) -> None:
    outcomes = Outcomes()
    assert writer.submit(_add("a"), outcomes.on_done, outcomes.on_failed)
    assert outcomes.done == ["a"]
    assert outcomes.threads == [threading.current_thread().name]
    assert writer.survey.camera("a").id == "a"


def test_a_write_during_a_jobs_turn_is_queued_without_waiting_and_kept_in_order(
    writer: SurveyWriter,
) -> None:
    release, outcomes = threading.Event(), Outcomes()
    outcomes.expected = 3
    job = _hold_turn(writer, release)
    started = time.monotonic()
    for name in ("a", "b"):
        assert not writer.submit(_add(name), outcomes.on_done, outcomes.on_failed)
    assert time.monotonic() - started < 0.05  # the caller never waited for the job
    assert writer.pending() == 2
    release.set()
    job.join(10)
    # Submitted right after the job's turn, while "a" and "b" may still be queued: after them.
    writer.submit(_add("c"), outcomes.on_done, outcomes.on_failed)
    assert outcomes.all_in.wait(10)
    assert outcomes.done == ["a", "b", "c"]
    assert [c.id for c in writer.survey.cameras()] == ["job", "a", "b", "c"]


def test_a_refused_write_is_reported_and_the_next_ones_still_run(writer: SurveyWriter) -> None:
    release, outcomes = threading.Event(), Outcomes()
    outcomes.expected = 3

    def refused(survey: SurveyFile) -> None:
        survey.update_camera(_camera("nobody"))  # not in the survey: camera.missing

    def broken(survey: SurveyFile) -> None:
        raise KeyError("a bug")

    job = _hold_turn(writer, release)
    for write in (refused, broken, _add("after")):
        writer.submit(write, outcomes.on_done, outcomes.on_failed)
    release.set()
    job.join(10)
    assert outcomes.all_in.wait(10)
    assert [e.code for e in outcomes.failed] == ["camera.missing", "write.unexpected"]
    assert outcomes.done == ["after"]


def test_closing_runs_the_queued_writes_and_they_are_durable(
    writer: SurveyWriter, tmp_path: Path
) -> None:
    release, outcomes = threading.Event(), Outcomes()
    job = _hold_turn(writer, release)
    writer.submit(_add("late"), outcomes.on_done, outcomes.on_failed)
    release.set()
    job.join(10)
    assert writer.close()
    writer.survey.close()
    with SurveyFile.open(tmp_path / "walk.cartoparty") as survey:
        assert {c.id for c in survey.cameras()} == {"job", "late"}


def test_window_and_jobs_writing_at_once_lose_nothing_and_never_see_busy(
    writer: SurveyWriter,
) -> None:
    outcomes = Outcomes()
    outcomes.expected = 200

    def batches() -> None:
        for batch in range(20):
            cameras = [_camera(f"job-{batch}-{k}") for k in range(50)]
            writer.survey.add_cameras(cameras)  # a job: its own turn on the shared connection

    job = threading.Thread(target=batches)
    job.start()
    for index in range(200):
        writer.submit(_add(f"window-{index}"), outcomes.on_done, outcomes.on_failed)
    job.join(60)
    assert outcomes.all_in.wait(30)
    assert outcomes.failed == []
    assert len(writer.survey.cameras()) == 20 * 50 + 200
    assert outcomes.done == [f"window-{index}" for index in range(200)]
