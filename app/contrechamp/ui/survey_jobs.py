"""Long work on the open survey file (area, imports, exports) off the GUI thread, in turn.

A SurveyFile must be used from one thread at a time, so each job opens a connection of its
own to the file and closes it when done; the window keeps its own connection meanwhile.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from contrechamp.store.survey import SurveyFile
from contrechamp.ui.tasks import Task, run_task

__all__ = ["SurveyJob", "SurveyJobs", "SurveyWork"]

SurveyWork = Callable[[SurveyFile, Callable[[], bool]], Any]
"""``work(survey, stopping)``: ``stopping()`` tells a long job the window asked it to stop."""


@dataclass(frozen=True)
class SurveyJob:
    """One piece of work on a survey file, what to call after it, and what it is doing."""

    survey_path: Path
    work: SurveyWork
    on_done: Callable[[Any], None]
    on_failed: Callable[[Exception], None]
    label: str = ""


class SurveyJobs(QObject):
    """Runs jobs one after the other, each on a connection of its own (the survey's writes
    stay serialised); ``busy_changed`` and ``job_started`` drive the busy indicator."""

    busy_changed = Signal(bool)
    job_started = Signal(str)  # the job's label

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._task: Task | None = None
        self._waiting: deque[SurveyJob] = deque()

    def busy(self) -> bool:
        """Whether a job is running or waiting."""
        return self._task is not None or bool(self._waiting)

    def run(self, job: SurveyJob) -> None:
        """Run ``job`` once the jobs before it are done; its callbacks run on the GUI thread
        after its connection is closed."""
        self._waiting.append(job)
        if self._task is None:
            self._start_next()

    def stop(self) -> None:
        """Drop the waiting jobs and ask the running one to stop (if it can: ``stopping``)."""
        self._waiting.clear()
        if self._task is not None:
            self._task.cancelled.set()

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the running job (used when closing the window)."""
        pool = self._pool or QThreadPool.globalInstance()
        return pool.waitForDone(msecs)

    def _start_next(self) -> None:
        if not self._waiting:
            self.busy_changed.emit(False)
            return
        job = self._waiting.popleft()
        self._task = run_task(
            _on_own_connection(job.survey_path, job.work),
            lambda result: self._finish(job.on_done, result),
            lambda error: self._finish(job.on_failed, error),
            self._pool,
        )
        self.job_started.emit(job.label)
        self.busy_changed.emit(True)

    def _finish(self, callback: Callable[[Any], None], value: object) -> None:
        self._task = None
        try:
            callback(value)
        finally:
            if self._task is None:  # the callback may have started a job itself
                self._start_next()


def _on_own_connection(
    survey_path: Path, work: SurveyWork
) -> Callable[[Callable[[int, int], None], threading.Event], Any]:
    def job(_progress: Callable[[int, int], None], cancelled: threading.Event) -> Any:
        with SurveyFile.open(survey_path) as survey:
            return work(survey, cancelled.is_set)

    return job
