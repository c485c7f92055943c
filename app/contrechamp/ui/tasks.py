"""Background work off the GUI thread: a QRunnable whose results come back as signals.

A runnable that ``QThreadPool`` must not delete is never freed once started (PySide6 hands it
to Qt for good), and a task must outlive its run until its result is delivered. So a task
keeps nothing of its work once it runs, nor of its callbacks once it delivered: the cameras
read to open a survey, or a finished import's photos, are not held for the whole session.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

__all__ = ["Task", "TaskSignals", "run_and_wait", "run_task"]

_RUNNING: set[Task] = set()  # keeps each task's signals alive until its result is delivered
Work = Callable[[Callable[[int, int], None], threading.Event], Any]


class TaskSignals(QObject):
    """Created on the GUI thread, so slots connected to it run there."""

    progress = Signal(int, int)  # done, total
    succeeded = Signal(object)
    failed = Signal(Exception)


class Task(QRunnable):
    """Runs ``fn(progress, cancelled)`` in the thread pool; ``fn`` never touches widgets."""

    def __init__(self, fn: Work) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self.cancelled = threading.Event()
        self._fn: Work | None = fn

    def run(self) -> None:
        """Run the work (once) and report its result or its exception."""
        fn, self._fn = self._fn, None  # the pool keeps this task: not the work's closure
        if fn is None:
            return
        try:
            result = fn(self.signals.progress.emit, self.cancelled)
        except Exception as exc:  # reported to the GUI thread, which words it
            self.signals.failed.emit(exc)
            return
        self.signals.succeeded.emit(result)


def run_task(
    fn: Work,
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    pool: QThreadPool | None = None,
) -> Task:
    """Start ``fn`` in the background; one of the callbacks runs on the GUI thread, once."""
    task = Task(fn)
    task.setAutoDelete(False)
    _RUNNING.add(task)
    callbacks: list[Callable[[Any], None]] = [on_success, on_failure]

    def deliver(which: int, value: object) -> None:
        _RUNNING.discard(task)
        if callbacks:
            callback = callbacks[which]
            callbacks.clear()  # the task, kept by the pool, holds neither callback from now on
            callback(value)

    task.signals.succeeded.connect(lambda value: deliver(0, value))
    task.signals.failed.connect(lambda error: deliver(1, error))
    (pool or QThreadPool.globalInstance()).start(task)
    return task


T = TypeVar("T")


def run_and_wait(fn: Callable[[], T], window: QWidget | None = None) -> T:
    """Run ``fn`` off the GUI thread and return its result (or raise its exception), the
    event loop turning meanwhile so the window keeps painting; ``window`` takes no input
    until then (no second command can start in the middle)."""
    loop = QEventLoop()
    outcome: list[tuple[bool, Any]] = []

    def finished(ok: bool, value: object) -> None:
        outcome.append((ok, value))
        loop.quit()

    run_task(
        lambda _progress, _cancelled: fn(),
        lambda value: finished(True, value),
        lambda error: finished(False, error),
    )
    blocked = window is not None and window.isEnabled()
    if blocked and window is not None:
        window.setEnabled(False)
    try:
        if not outcome:
            loop.exec()
    finally:
        if blocked and window is not None:
            window.setEnabled(True)
    ok, value = outcome.pop()  # ``finished`` stays connected to the task: not the value
    if not ok:
        raise value
    return cast(T, value)
