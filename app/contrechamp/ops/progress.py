"""How far a long job has got, and whether it was asked to stop: one plain value for every job.

The worker advances it; whoever started the job (the window's progress bar, the command line)
listens to it and may ask it to stop. Modelled on Anki's progress updates with an abort flag.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Listener", "Progress", "quiet"]

Listener = Callable[[int, int], None]
"""Called with (done, total) each time the job advances, on the job's own thread."""


@dataclass
class Progress:
    """The progress of one job and its stop request.

    >>> seen = []
    >>> progress = Progress(listener=lambda done, total: seen.append((done, total)))
    >>> progress.advance(1, 3)
    >>> progress.advance(2)
    >>> seen, progress.stopped
    ([(1, 3), (2, 3)], False)
    >>> progress.stop()
    >>> progress.stopped
    True
    """

    done: int = 0
    total: int = 0
    listener: Listener | None = None
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)

    @classmethod
    def watching(cls, stop: threading.Event, listener: Listener | None = None) -> Progress:
        """A progress whose stop request is ``stop``, an event set elsewhere (a background
        task's cancel), reporting to ``listener``.

        >>> event = threading.Event()
        >>> progress = Progress.watching(event)
        >>> event.set()
        >>> progress.stopped
        True
        """
        return cls(listener=listener, _stop=stop)

    def advance(self, done: int, total: int | None = None) -> None:
        """Record that ``done`` of ``total`` (unchanged when None) steps are finished."""
        self.done = done
        if total is not None:
            self.total = total
        if self.listener is not None:
            self.listener(self.done, self.total)

    def stop(self) -> None:
        """Ask the job to stop at its next safe point (any thread may call it)."""
        self._stop.set()

    @property
    def stopped(self) -> bool:
        """Whether the job was asked to stop."""
        return self._stop.is_set()


def quiet() -> Progress:
    """A progress nobody watches, for callers that pass none.

    >>> quiet().stopped
    False
    """
    return Progress()
