"""The one way this process writes to an open survey: in order, on one connection, never waiting.

A survey open in the window has exactly one read-write connection (its :class:`SurveyFile`),
shared by the window and its background jobs; the connection's lock makes them take turns,
so no save ever fails as "busy" because of a job of the same window. Jobs keep their turns
short (a batch of photos, one import's rows) and read what they need beforehand.

The window must not wait behind a job's turn: :meth:`SurveyWriter.submit` runs a write at once
when the survey is free, and otherwise queues it for the writer's own thread, which runs the
queued writes in the order they came, after the job's turn. Either way its callback follows
the write; the window only has to bring queued callbacks back to its own thread.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from contrechamp.core.errors import ContrechampError
from contrechamp.store.survey import SurveyFile

__all__ = ["SurveyWriter", "Write"]

_log = logging.getLogger(__name__)
Write = Callable[[SurveyFile], Any]


@dataclass(frozen=True)
class _Queued:
    write: Write
    done: Callable[[Any], None]
    failed: Callable[[ContrechampError], None]


class SurveyWriter:
    """Every write to one open survey goes through here, one at a time and in order."""

    def __init__(self, survey: SurveyFile) -> None:
        self.survey = survey
        self._lock = survey.lock
        self._guard = threading.Condition()
        self._queue: deque[_Queued] = deque()
        self._closing = False
        self._thread = threading.Thread(target=self._serve, name="survey-writer", daemon=True)
        self._thread.start()

    def submit(
        self,
        write: Write,
        done: Callable[[Any], None],
        failed: Callable[[ContrechampError], None],
    ) -> bool:
        """Run ``write`` now if the survey is free and nothing is queued (True), else queue it.

        Run now, ``done(result)`` or ``failed(error)`` is called before this returns, on this
        thread; queued, it is called later on the writer's thread. Writes submitted from one
        thread keep their order.
        """
        with self._guard:
            now = not self._queue and self._lock.acquire(blocking=False)
            if not now:
                if self._closing:
                    raise RuntimeError("the survey writer is closed")
                self._queue.append(_Queued(write, done, failed))
                self._guard.notify()
                return False
        try:
            outcome = _attempt(write, self.survey)
        finally:
            self._lock.release()
        _deliver(outcome, done, failed)
        return True

    def pending(self) -> int:
        """How many submitted writes still wait for their turn."""
        with self._guard:
            return len(self._queue)

    def close(self, timeout: float = 30.0) -> bool:
        """Run the writes still queued, then stop the writer's thread; False on time-out."""
        with self._guard:
            self._closing = True
            self._guard.notify()
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _serve(self) -> None:
        while True:
            with self._guard:
                while not self._queue and not self._closing:
                    self._guard.wait()
                if not self._queue:
                    return
                queued = self._queue[0]  # stays queued until done: later writes wait behind
            with self._lock:
                try:
                    outcome = _attempt(queued.write, self.survey)
                except Exception as error:  # a bug: keep serving the writes behind it
                    _log.exception("a queued write failed unexpectedly")
                    outcome = _Outcome(error=_unexpected(error))
                with self._guard:
                    self._queue.popleft()
            _deliver(outcome, queued.done, queued.failed)


@dataclass(frozen=True)
class _Outcome:
    value: Any = None
    error: ContrechampError | None = None


def _unexpected(error: Exception) -> ContrechampError:
    return ContrechampError(
        f"The change could not be saved ({type(error).__name__}).", "write.unexpected"
    )


def _attempt(write: Write, survey: SurveyFile) -> _Outcome:
    try:
        return _Outcome(value=write(survey))
    except ContrechampError as error:
        return _Outcome(error=error)


def _deliver(
    outcome: _Outcome, done: Callable[[Any], None], failed: Callable[[ContrechampError], None]
) -> None:
    if outcome.error is None:
        done(outcome.value)
    else:
        failed(outcome.error)
