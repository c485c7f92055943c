"""One SQLite connection to a survey file, through SQLAlchemy, with explicit transactions."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.pool import NullPool

from contrechamp.core.errors import SurveyError
from contrechamp.formats.held_files import hold, release
from contrechamp.store.errors import translate_errors

__all__ = ["BUSY_TIMEOUT_MS", "Database", "connect_sqlite", "file_uri"]

BUSY_TIMEOUT_MS = 5000

# Applied to every connection. trusted_schema=OFF keeps functions with side effects out of
# anything stored in the schema; secure_delete wipes deleted photos from the file's pages.
_PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA trusted_schema = OFF",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
)


def file_uri(path: Path, *, readonly: bool, immutable: bool = False) -> str:
    """Return the SQLite URI opening ``path`` (never creating it) for writing or for reading.

    A reader opens the file read-write where this user may write there, and the connection is
    then made ``query_only``: SQLite removes the ``-wal`` and ``-shm`` files it made when the
    last connection closes, which a read-only connection cannot do, so reading a survey leaves
    nothing beside it. Elsewhere a reader opens it read-only (locks still taken), or
    ``immutable`` (no locks) on a read-only medium, where no writer can exist.
    """
    mode = "ro" if readonly and (immutable or not _writable(path)) else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    return uri + "&immutable=1" if immutable else uri


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)


def connect_sqlite(path: Path, *, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    """Open a stdlib sqlite3 connection in autocommit mode with the survey pragmas set.

    A ``readonly`` connection refuses every change (``query_only``), whatever its file mode.
    """
    connection = sqlite3.connect(
        file_uri(path, readonly=readonly, immutable=immutable),
        uri=True,
        isolation_level=None,
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    try:
        for pragma in _PRAGMAS:
            connection.execute(pragma)
        if readonly:
            connection.execute("PRAGMA query_only = ON")
        else:
            connection.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


class Database:
    """The SQLAlchemy connection of one open survey file and its transaction nesting.

    SQLAlchemy runs in AUTOCOMMIT mode: reads are plain statements and every write happens
    inside :meth:`transaction`, which issues ``BEGIN IMMEDIATE`` (take the write lock first,
    so a busy file fails cleanly) and ``COMMIT``. Nested blocks become savepoints.

    Several threads may share one ``Database``: ``lock`` (re-entrant) is held for each
    statement and for a whole transaction, so they take turns and none sees another's
    uncommitted writes. This is how one process writes to a survey through one connection.
    """

    def __init__(self, path: Path, *, readonly: bool, immutable: bool = False) -> None:
        self.readonly = readonly
        engine = create_engine(
            "sqlite+pysqlite://",
            creator=lambda: connect_sqlite(path, readonly=readonly, immutable=immutable),
            poolclass=NullPool,
            isolation_level="AUTOCOMMIT",
        )
        with translate_errors():
            self.conn: Connection = engine.connect()
        raw = self.conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        self.raw: sqlite3.Connection = raw  # the underlying sqlite3 connection
        self._engine: Engine = engine
        self._depth: int = 0
        self.lock: threading.RLock = threading.RLock()
        self._held: tuple[int, int] | None = hold(path)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Make the block one all-or-nothing commit; nested blocks join it as savepoints."""
        if self.readonly:
            raise SurveyError("This survey is open read-only.", "survey.readonly")
        with self.lock:
            if self._depth:
                with self._savepoint():
                    yield
                return
            self._control("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
                self._control("COMMIT")
            finally:
                self._depth = 0
                self._rollback_if_open()

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"level{self._depth}"
        self._control(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            # SQLite may have rolled the whole transaction back already (a full disk, an I/O
            # error): then there is no savepoint left, and the first error is the one to tell.
            if self.raw.in_transaction:
                self._control(f"ROLLBACK TO {name}")
                self._control(f"RELEASE {name}")
            raise
        else:
            self._control(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def _control(self, sql: str) -> None:
        # Transaction control goes straight to sqlite3: SQLAlchemy (in AUTOCOMMIT mode) would
        # only add overhead to every durable save.
        with translate_errors():
            self.raw.execute(sql)

    def _rollback_if_open(self) -> None:
        # A failed block or a failed COMMIT (busy, disk full) leaves the transaction open:
        # roll it back so the file stays usable and nothing half-done is kept.
        if self.raw.in_transaction:
            self._control("ROLLBACK")

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the WAL when the last one closes)."""
        with self.lock:
            self.conn.close()
        self._engine.dispose()
        release(self._held)
        self._held = None
