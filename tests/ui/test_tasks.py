"""Background tasks hand back their result once, and keep nothing of it afterwards.

A started runnable the pool may not delete lives for the whole session, so what a task's
work and callbacks refer to (a million cameras read to open a survey) must not stay with it.
"""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from pytestqt.qtbot import QtBot

from contrechamp.ui.tasks import run_and_wait, run_task


class _Payload:
    """Something big that a task reads, returns or fails with (weakly referenced here)."""


def _settle(qtbot: QtBot) -> None:
    """Let queued deliveries run, then collect cycles."""
    qtbot.wait(20)
    gc.collect()


def test_a_finished_task_keeps_neither_its_work_nor_its_result(qtbot: QtBot) -> None:
    given, made = _Payload(), []
    given_ref = weakref.ref(given)

    def work(_progress: Any, _cancelled: threading.Event, read: _Payload = given) -> _Payload:
        assert type(read) is _Payload  # the work holds ``given``
        result = _Payload()
        made.append(weakref.ref(result))
        return result

    delivered: list[bool] = []
    run_task(work, lambda result: delivered.append(type(result) is _Payload), delivered.append)
    del given, work
    qtbot.waitUntil(lambda: bool(delivered))
    _settle(qtbot)
    assert delivered == [True]
    assert given_ref() is None, "the task kept what its work refers to"
    assert made[0]() is None, "the task kept its result"


def test_a_failed_task_reports_once_and_keeps_its_callbacks_no_longer(qtbot: QtBot) -> None:
    held = _Payload()
    held_ref = weakref.ref(held)
    failures: list[str] = []

    def work(_progress: Any, _cancelled: threading.Event) -> None:
        raise ValueError("bad input")

    def on_failure(error: Exception, kept: _Payload = held) -> None:
        failures.append(str(error))

    run_task(work, lambda _: failures.append("succeeded"), on_failure)
    del held, on_failure
    qtbot.waitUntil(lambda: bool(failures))
    _settle(qtbot)
    assert failures == ["bad input"]
    assert held_ref() is None, "the task kept its failure callback"


def test_run_and_wait_returns_the_result_and_does_not_keep_it(qtbot: QtBot) -> None:
    made: list[weakref.ref[_Payload]] = []

    def read() -> tuple[_Payload, int]:
        result = _Payload()
        made.append(weakref.ref(result))
        return result, 7

    payload, number = run_and_wait(read)
    assert number == 7
    assert made[0]() is payload
    del payload
    _settle(qtbot)
    assert made[0]() is None, "run_and_wait kept what it returned"
