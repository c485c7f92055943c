"""Where a survey's cameras are and their statuses, read for the first map frame.

The window shows them while the survey opens (``survey_glance`` reads the rest of that first
look). They are read with the stdlib ``sqlite3``, read-only, schema functions distrusted; a
value the store would refuse gives no cameras at all (the survey's opening then decides).

A million cameras take about a second to read, nearly all of it making Python objects of the
rows: that holds the interpreter lock, so a thread reading them would stall the base map's
tiles. ``CamerasReading`` reads them in a child process instead, on another core, while the
window draws the base map.

numpy is imported when cameras are read, not with this module: the window decides how to read
them before its first frame, which needs no numpy. The child never imports it (nor the
parent's main module): it sends the columns as stdlib arrays, which the parent wraps.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import sqlite3
import sys
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from contrechamp.core.camera import Status
from contrechamp.core.collector import collector_paused

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "MAX_GLANCED_CAMERAS",
    "READ_HERE_AT_MOST",
    "STATUSES",
    "CamerasReading",
    "GlancedCameras",
    "looked_at",
    "read_glanced_cameras",
]

T = TypeVar("T")

MAX_GLANCED_CAMERAS = 2_000_000
"""Above this the cameras are left to the survey's opening."""
READ_HERE_AT_MOST = 200_000
"""Up to this many cameras, reading them in the window's process is quicker than starting a
child process (which takes about 0.2 s, as long as reading 200,000 cameras)."""
STATUSES = tuple(Status)
"""The statuses, in the order of ``GlancedCameras.status`` codes."""
_STATUS_CODE = "CASE status {} END".format(  # NULL for any other value (then no cameras)
    " ".join(f"WHEN '{status.value}' THEN {code}" for code, status in enumerate(STATUSES))
)
_CHUNK = 65_536


@dataclass(frozen=True, slots=True)
class GlancedCameras:
    """The survey's cameras as the first frame draws them: where each is, and its status
    (their tags and ids wait for the survey's opening)."""

    lat: NDArray[np.float64]
    lon: NDArray[np.float64]
    status: NDArray[np.int8]
    """Each camera's status, as its index in ``STATUSES``."""

    def __len__(self) -> int:
        return len(self.status)

    def kept(self) -> NDArray[np.float64]:
        """The (lat, lon) of the cameras not rejected, one row each."""
        import numpy as np

        keep = self.status != STATUSES.index(Status.REJECTED)
        return np.column_stack((self.lat[keep], self.lon[keep]))


_Columns = tuple["array[float]", "array[float]", "array[int]"]
"""Latitudes, longitudes and status codes, as stdlib arrays (what the child sends)."""


def read_glanced_cameras(path: Path) -> GlancedCameras | None:
    """Every camera's position and status, in the order added; None when the file cannot be
    read so, holds a value the store would refuse, or more than ``MAX_GLANCED_CAMERAS``."""
    return _glanced(looked_at(path, _cameras))


def _glanced(columns: _Columns | None) -> GlancedCameras | None:
    """The columns as numpy arrays (sharing their memory)."""
    if columns is None:
        return None
    import numpy as np

    lat, lon, status = columns
    return GlancedCameras(
        np.frombuffer(lat, dtype=np.float64),
        np.frombuffer(lon, dtype=np.float64),
        np.frombuffer(status, dtype=np.int8),
    )


def looked_at(path: Path, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """What ``read`` finds through a read-only connection to the file at ``path`` (schema
    functions distrusted); None if it is no file SQLite opens, or if ``read`` meets an error
    or a value of the wrong type or encoding."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA query_only = ON")
        return read(connection)
    except (sqlite3.Error, ValueError, TypeError, UnicodeDecodeError):
        return None
    finally:
        connection.close()


def _cameras(connection: sqlite3.Connection) -> _Columns | None:
    """Positions and statuses, in chunks (no object per camera but its row while read)."""
    (count,) = connection.execute("SELECT count(*) FROM cameras").fetchone()
    if count > MAX_GLANCED_CAMERAS:
        return None
    rows = connection.execute(f"SELECT lat, lon, {_STATUS_CODE} FROM cameras ORDER BY rowid")
    lats: list[float] = []
    lons: list[float] = []
    codes: list[int] = []
    with collector_paused():
        while chunk := rows.fetchmany(_CHUNK):
            lat, lon, code = zip(*chunk, strict=True)
            lats += lat
            lons += lon
            codes += code
    if None in codes:
        raise ValueError("a camera has no known status")  # as the store refuses
    return _floats(lats), _floats(lons), array("b", codes)


def _floats(values: list[float]) -> array[float]:
    """The values as an array; ValueError unless each is a real number (never a text)."""
    if not {float}.issuperset(map(type, values)):
        raise ValueError("a camera position is not a number")  # as the store refuses
    return array("d", values)


class CamerasReading:
    """``read_glanced_cameras`` of one file in a child process, started at once.

    ``result`` waits for it (off the window's thread); ``cancel`` stops it. The child is a
    fresh interpreter (multiprocessing's "spawn"; the bundle's entry point calls
    ``freeze_support``), which reads the file and sends back three arrays.
    """

    def __init__(self, path: Path) -> None:
        context = multiprocessing.get_context("spawn")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_read_for_parent, args=(Path(path), sender), daemon=True
        )
        with _main_module_unnamed():
            self._process.start()
        sender.close()  # the child holds its own end: EOF here once it is gone

    def result(self) -> GlancedCameras | None:
        """The cameras read, or None if the child could not read them (or was stopped)."""
        try:
            columns = self._receiver.recv()
        except (EOFError, OSError):
            columns = None
        finally:
            self._receiver.close()
            self._process.join(timeout=5)
        return _glanced(columns) if _are_columns(columns) else None

    def cancel(self) -> None:
        """Stop the child if it still runs (its result, if any, is then None)."""
        if self._process.is_alive():
            self._process.terminate()


def _are_columns(sent: object) -> bool:
    """Whether the child sent columns (not None), each as long as the others."""
    if not isinstance(sent, tuple) or len(sent) != 3:
        return False
    lat, lon, status = sent
    kinds = [(lat, "d"), (lon, "d"), (status, "b")]
    if not all(isinstance(a, array) and a.typecode == code for a, code in kinds):
        return False
    return len(lat) == len(lon) == len(status)


@contextlib.contextmanager
def _main_module_unnamed() -> Iterator[None]:
    """Start a child that does not import the parent's main module again.

    A "spawn" child runs the parent's main module first (as ``__mp_main__``) when it can
    name it, so that objects defined there can be unpickled; for the window that imports
    PySide6 and its widgets, about 0.2 s before the child reads a camera. Its target and
    arguments come from this module and ``pathlib``, so the child needs none of it: while it
    starts, the main module names no file and no module spec (and gets them back at once).
    """
    main = sys.modules.get("__main__")
    missing = object()
    saved = [(name, getattr(main, name, missing)) for name in ("__spec__", "__file__")]
    try:
        for name, _ in saved:
            if hasattr(main, name):
                setattr(main, name, None)
        yield
    finally:
        for name, value in saved:
            if value is not missing:
                setattr(main, name, value)


def _read_for_parent(path: Path, sender: Connection) -> None:
    """In the child: read the cameras and send them (or None) to the parent."""
    try:
        sender.send(looked_at(path, _cameras))  # stdlib arrays: no numpy here
    finally:
        sender.close()
