"""Check a survey file before trusting it: SQLite header, schema version, schema objects, integrity.

Runs on the stdlib ``sqlite3`` opened read-only with ``trusted_schema=OFF``, before SQLAlchemy
touches the file, so a hostile file is refused without anything in it being executed or changed.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from contrechamp.core.errors import SurveyError
from contrechamp.formats.held_files import hold, release
from contrechamp.store.database import BUSY_TIMEOUT_MS, file_uri
from contrechamp.store.errors import sqlite_failure
from contrechamp.store.layout import SCHEMA_VERSION, Layout, layout

__all__ = ["inspect_survey", "read_only_connection", "read_only_medium"]

_NOT_A_DATABASE = 26  # SQLITE_NOTADB: the header is not SQLite's
# Tables SQLite itself may add (statistics from ANALYZE by another tool; AUTOINCREMENT).
_SQLITE_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1"})


def read_only_medium(path: Path) -> bool:
    """Tell whether ``path`` lies on a file system mounted read-only (a locked SD card, a CD).

    Only there can no writer exist, so only there is the file read as immutable: without locks
    and without the ``-shm`` file SQLite cannot create on such a medium. Anywhere else a file
    that looks idle may get a writer a moment later, so it is always read with locks.
    """
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows) or an unreadable folder
        return False


def _hostile(detail: str) -> SurveyError:
    return SurveyError(
        f"This file carries content a survey never has ({detail}).", "survey.hostile"
    )


def _corrupt(detail: str) -> SurveyError:
    return SurveyError(f"This is not a readable survey file ({detail}).", "survey.corrupt")


def _check_file(path: Path) -> None:
    # Only stat here: opening and closing the file outside SQLite would drop SQLite's locks
    # on it if this process has it open (formats/held_files.py). SQLite checks the header.
    if not path.exists():
        raise SurveyError(f"No survey file at {path}.", "survey.missing")
    if not path.is_file():
        raise _corrupt("not a file")


@contextlib.contextmanager
def read_only_connection(path: Path, *, immutable: bool = False) -> Iterator[sqlite3.Connection]:
    """Open ``path`` to read it (``query_only``), schema functions distrusted; SQLite errors
    become SurveyError. See :func:`~contrechamp.store.database.file_uri` for the file mode."""
    try:
        connection = sqlite3.connect(
            file_uri(path, readonly=True, immutable=immutable),
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except sqlite3.Error as error:
        raise sqlite_failure(error) from error
    key = hold(path)
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA query_only = ON")
        yield connection
    except sqlite3.Error as error:
        if getattr(error, "sqlite_errorcode", None) == _NOT_A_DATABASE:
            raise _corrupt("not an SQLite database") from error
        raise sqlite_failure(error) from error
    except UnicodeDecodeError as error:
        raise _corrupt("damaged text") from error
    finally:
        connection.close()
        release(key)


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
    _check_file(path)
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
