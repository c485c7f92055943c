"""Check a survey file before trusting it: SQLite header, schema version, schema objects, integrity.

Runs on the stdlib ``sqlite3`` opened read-only with ``trusted_schema=OFF``, before SQLAlchemy
touches the file, so a hostile file is refused without anything in it being executed or changed.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from contrechamp.core.errors import SurveyError
from contrechamp.store.database import BUSY_TIMEOUT_MS, file_uri
from contrechamp.store.errors import sqlite_failure
from contrechamp.store.layout import SCHEMA_VERSION, Layout, layout

__all__ = ["inspect_survey", "read_only_connection", "settled"]

_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100
# Tables SQLite itself may add (statistics from ANALYZE by another tool; AUTOINCREMENT).
_SQLITE_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1"})


def settled(path: Path) -> bool:
    """Tell whether no log (write-ahead or rollback journal) lies beside ``path``.

    Then no connection has the file open for writing and the main file alone holds every
    commit, so it can be read as immutable: no lock taken, no -shm or -wal file created
    beside it, and it works on read-only media.
    """
    return not any(path.with_name(path.name + end).exists() for end in ("-wal", "-journal"))


def _hostile(detail: str) -> SurveyError:
    return SurveyError(
        f"This file carries content a survey never has ({detail}).", "survey.hostile"
    )


def _corrupt(detail: str) -> SurveyError:
    return SurveyError(f"This is not a readable survey file ({detail}).", "survey.corrupt")


def _check_header(path: Path) -> None:
    if not path.exists():
        raise SurveyError(f"No survey file at {path}.", "survey.missing")
    if not path.is_file():
        raise _corrupt("not a file")
    with path.open("rb") as stream:
        header = stream.read(_HEADER_SIZE)
    if len(header) < _HEADER_SIZE or not header.startswith(_HEADER):
        raise _corrupt("not an SQLite database")


@contextlib.contextmanager
def read_only_connection(path: Path, *, immutable: bool = False) -> Iterator[sqlite3.Connection]:
    """Open ``path`` read-only, schema functions distrusted; SQLite errors become SurveyError."""
    try:
        connection = sqlite3.connect(
            file_uri(path, readonly=True, immutable=immutable),
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except sqlite3.Error as error:
        raise sqlite_failure(error) from error
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        yield connection
    except sqlite3.Error as error:
        raise sqlite_failure(error) from error
    except UnicodeDecodeError as error:
        raise _corrupt("damaged text") from error
    finally:
        connection.close()


def _check_objects(connection: sqlite3.Connection, expected: Layout) -> None:
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    tables: set[str] = set()
    for kind, name, table, sql in rows:
        if kind in ("trigger", "view"):
            raise _hostile(f"{kind} {name!r}")
        if kind == "table":
            _check_table(name, sql, expected)
            tables.add(name)
        elif kind == "index":
            _check_index(name, table, sql, expected)
        else:
            raise _hostile(f"{kind} {name!r}")
    missing = set(expected.tables) - tables
    if missing:
        raise _corrupt(f"missing tables {sorted(missing)}")


def _check_table(name: str, sql: str | None, expected: Layout) -> None:
    if sql is not None and sql.lstrip().upper().startswith("CREATE VIRTUAL"):
        raise _hostile(f"virtual table {name!r}")
    if name not in expected.tables and name not in _SQLITE_TABLES:
        raise _hostile(f"table {name!r}")


def _check_index(name: str, table: str, sql: str | None, expected: Layout) -> None:
    if sql is None and name.startswith(f"sqlite_autoindex_{table}_") and table in expected.tables:
        return  # implicit index of a PRIMARY KEY or UNIQUE constraint
    if expected.indexes.get(name) != table:
        raise _hostile(f"index {name!r}")


def _check_columns(connection: sqlite3.Connection, expected: Layout) -> None:
    for table, columns in expected.tables.items():
        # table_xinfo also lists hidden and generated columns.
        found = tuple(row[1] for row in connection.execute(f'PRAGMA table_xinfo("{table}")'))
        if found != columns:
            raise _hostile(f"columns of {table!r}")


def _check_version_records(connection: sqlite3.Connection, version: int) -> None:
    meta = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    alembic = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if meta != (str(version),) or alembic != [(f"{version:04d}",)]:
        raise _corrupt("the schema version records disagree")


def _schema_version(connection: sqlite3.Connection) -> int:
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise SurveyError(
            "This survey was saved by a newer version of Contrechamp; please update.",
            "survey.newer",
        )
    if version < 1:
        raise _corrupt("no survey schema")
    return version


def inspect_survey(path: Path, *, immutable: bool = False) -> int:
    """Check the file at ``path`` without changing it and return its schema version.

    Raises SurveyError: ``survey.missing``, ``survey.corrupt`` (not SQLite, damaged, not a
    survey), ``survey.newer`` (saved by a newer app) or ``survey.hostile`` (triggers, views,
    virtual tables or anything else the survey schema does not have).
    """
    _check_header(path)
    with read_only_connection(path, immutable=immutable) as connection:
        version = _schema_version(connection)
        expected = layout(version)
        _check_objects(connection, expected)
        _check_columns(connection, expected)
        _check_version_records(connection, version)
        result = connection.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            raise _corrupt("integrity check failed")
    return version
