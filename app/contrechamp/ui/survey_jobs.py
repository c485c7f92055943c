"""Long work on the open survey file (area, imports, exports) off the GUI thread, in turn.

A job that writes uses the survey's one read-write connection, shared with the window's own
edits (they take turns on it: see ``ops/survey_writer.py``); a job that only reads (an
export) opens a read-only connection of its own, a snapshot that never holds up a save.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from contrechamp.ops.progress import Progress
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.tasks import Task, run_task

__all__ = ["SurveyJob", "SurveyJobs", "SurveyWork"]


SurveyWork = Callable[[SurveyFile, Progress], Any]
"""``work(survey, progress)``: ``progress.stopped`` tells a long job the window asked it to
stop (what is done stays done); ``progress.advance(done, total)`` reports how far it is (shown
while the window waits for it)."""


@dataclass(frozen=True)
class SurveyJob:
    """One piece of work on a survey file, what to call after it, and what it is doing.

    ``finish_on_close``: closing the window waits for this job (the copy of photos into the
    survey) instead of stopping it, and says how far it is. ``survey``: the open survey's
    shared connection, for a job that writes; None: the job only reads, on its own connection.
    ``cancellable``: the job stops when asked (the busy indicator offers Cancel).
    """

    survey_path: Path
    work: SurveyWork
    on_done: Callable[[Any], None]
    on_failed: Callable[[Exception], None]
    label: str = ""
    finish_on_close: bool = False
    survey: SurveyFile | None = None
    cancellable: bool = False


class SurveyJobs(QObject):
    """Runs jobs one after the other; ``busy_changed`` and ``job_started`` drive the busy
    indicator."""

    busy_changed = Signal(bool)
    job_started = Signal(str)  # the job's label
    progress = Signal(int, int)  # done, total: from the running job, if it reports any

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._task: Task | None = None
        self._running: SurveyJob | None = None
        self._waiting: deque[SurveyJob] = deque()

    def busy(self) -> bool:
        """Whether a job is running or waiting."""
        return self._task is not None or bool(self._waiting)

    def finishing(self) -> bool:
        """Whether the running job is one that closing the window waits for (a photo copy)."""
        running = self._running if self._task is not None else None
        return running is not None and running.finish_on_close

    def cancellable(self) -> bool:
        """Whether the running job stops when asked (a look for faces before an export)."""
        running = self._running if self._task is not None else None
        return running is not None and running.cancellable

    def cancel(self) -> None:
        """Ask the running job to stop; the jobs waiting after it still run."""
        if self._task is not None:
            self._task.cancelled.set()

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
        self._running = job
        self._task = run_task(
            _with_survey(job),
            lambda result: self._finish(job.on_done, result),
            lambda error: self._finish(job.on_failed, error),
            self._pool,
        )
        self._task.signals.progress.connect(self.progress)
        self.job_started.emit(job.label)
        self.busy_changed.emit(True)

    def _finish(self, callback: Callable[[Any], None], value: object) -> None:
        self._task, self._running = None, None
        try:
            callback(value)
        finally:
            if self._task is None:  # the callback may have started a job itself
                self._start_next()


def _with_survey(job: SurveyJob) -> Callable[[Callable[[int, int], None], threading.Event], Any]:
    def work(progress: Callable[[int, int], None], cancelled: threading.Event) -> Any:
        watched = Progress.watching(cancelled, progress)  # the task's cancel and signal
        if job.survey is not None:
            return job.work(job.survey, watched)
        with SurveyFile.reader(job.survey_path) as survey:
            return job.work(survey, watched)

    return work
