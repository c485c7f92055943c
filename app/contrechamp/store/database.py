"""One SQLite connection to a survey file, through SQLAlchemy, with explicit transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.pool import NullPool

from contrechamp.core.errors import SurveyError
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
    """Return the SQLite URI opening ``path`` read-write (never creating it) or read-only."""
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    return uri + "&immutable=1" if immutable else uri


def connect_sqlite(path: Path, *, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    """Open a stdlib sqlite3 connection in autocommit mode with the survey pragmas set."""
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
        if not readonly:
            connection.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


class Database:
    """The SQLAlchemy connection of one open survey file and its transaction nesting.

    SQLAlchemy runs in AUTOCOMMIT mode: reads are plain statements and every write happens
    inside :meth:`transaction`, which issues ``BEGIN IMMEDIATE`` (take the write lock first,
    so a busy file fails cleanly) and ``COMMIT``. Nested blocks become savepoints. Use one
    ``Database`` from one thread at a time.
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

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Make the block one all-or-nothing commit; nested blocks join it as savepoints."""
        if self.readonly:
            raise SurveyError("This survey is open read-only.", "survey.readonly")
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
            self._control(f"ROLLBACK TO {name}")
            raise
        finally:
            self._depth -= 1
            self._control(f"RELEASE {name}")

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
        self.conn.close()
        self._engine.dispose()
