"""One lock for importing the window's modules off its thread.

The window imports its heavier modules in worker threads while it starts (the second step of
its building, the survey being opened, the demo being built). Two threads importing modules
that import each other may each see the other's half-imported module; every such import runs
under ``IMPORTING``, one thread at a time.
"""

from __future__ import annotations

import threading

__all__ = ["IMPORTING"]

IMPORTING = threading.RLock()
