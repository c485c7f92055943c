"""The survey files this process holds open, which nothing may open except through SQLite.

SQLite locks a database with POSIX advisory locks, and closing *any* descriptor of the file in
a process releases every lock that process holds on it (sqlite.org/howtocorrupt.html, §2.2).
Another process then believes it is the last connection and deletes the write-ahead log under
the open survey, whose later saves go to a deleted file. So a path a user gives us (a file to
import, a photo, an export target) is checked here, by ``stat`` only, before anything opens it.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from pathlib import Path

from contrechamp.core.errors import InputError

__all__ = ["SIDECARS", "hold", "is_held", "refuse_held", "release"]

SIDECARS = ("-wal", "-shm", "-journal")

_FileKey = tuple[int, int]  # st_dev, st_ino
_held: Counter[_FileKey] = Counter()
_lock = threading.Lock()


def _key(path: Path) -> _FileKey | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


def hold(path: Path) -> _FileKey | None:
    """Record that this process has ``path`` open through SQLite; give the key to release."""
    key = _key(path)
    if key is not None:
        with _lock:
            _held[key] += 1
    return key


def release(key: _FileKey | None) -> None:
    """Forget one :func:`hold` of a file."""
    if key is None:
        return
    with _lock:
        _held[key] -= 1
        if _held[key] <= 0:
            del _held[key]


def _database_of(path: Path) -> Path:
    """The database a sidecar name belongs to (``x.cartoparty-wal`` → ``x.cartoparty``)."""
    for end in SIDECARS:
        if path.name.endswith(end) and len(path.name) > len(end):
            return path.with_name(path.name[: -len(end)])
    return path


def is_held(path: Path) -> bool:
    """Tell whether ``path`` (or the database it is a sidecar of) is open through SQLite here.

    Symbolic links and hard links are seen through: the file itself is compared.
    """
    with _lock:
        if not _held:
            return False
        keys = set(_held)
    candidates = {_key(path), _key(_database_of(path))}
    if path.name.endswith(SIDECARS):
        candidates.add(_key(_database_of(path.resolve())))
    return bool(candidates & keys)


def refuse_held(path: Path) -> None:
    """Raise InputError("file.held") when ``path`` is a survey open here, or one of its logs."""
    if is_held(path):
        raise InputError(
            f"{path.name}: this is the open survey (or its log), not a file to read or replace",
            "file.held",
        )
