"""Bring a survey file to the current schema with the Alembic migrations shipped in the package."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from contrechamp.store.database import Database
from contrechamp.store.errors import translate_errors
from contrechamp.store.layout import SCHEMA_VERSION
from contrechamp.store.safety import read_only_connection

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "backup_path",
    "copy_survey",
    "downgrade",
    "migrate_file",
    "migrate_in_place",
    "revision",
    "upgrade",
]

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def revision(version: int) -> str:
    """Return the Alembic revision id that produces schema ``version``."""
    return f"{version:04d}"


def _alembic_config(connection: Connection) -> Config:
    from alembic.config import Config  # imported here: opening a current file never needs Alembic

    if not connection.in_transaction():
        # Only SQLAlchemy's bookkeeping (the driver is in autocommit mode): it makes Alembic
        # see the caller's transaction as external and leave BEGIN and COMMIT to the caller.
        connection.begin()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, version: int = SCHEMA_VERSION) -> None:
    """Run the migrations up to ``version`` on ``connection``, inside the caller's transaction."""
    from alembic import command

    command.upgrade(_alembic_config(connection), revision(version))


def downgrade(connection: Connection, version: int) -> None:
    """Undo migrations down to ``version`` (0: an empty file), inside the caller's transaction."""
    from alembic import command

    command.downgrade(_alembic_config(connection), revision(version) if version else "base")


def backup_path(path: Path, version: int) -> Path:
    """Return a free name ``<name>.backup-v<N>.cartoparty`` beside ``path``."""
    stem = f"{path.stem}.backup-v{version}"
    candidate = path.with_name(f"{stem}{path.suffix}")
    count = 1
    while candidate.exists():
        count += 1
        candidate = path.with_name(f"{stem}-{count}{path.suffix}")
    return candidate


def copy_survey(source: Path, target: Path, *, immutable: bool = False) -> None:
    """Write a consistent copy of ``source`` (its WAL included) to ``target``, durably.

    On failure (disk full...) nothing is left at ``target`` nor beside it.
    """
    partial = target.with_name(target.name + ".part")
    try:
        with read_only_connection(source, immutable=immutable) as connection, translate_errors():
            copy = sqlite3.connect(partial)
            try:
                connection.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                copy.close()
            with partial.open("rb") as stream:
                os.fsync(stream.fileno())
            os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows opening folders)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def migrate_in_place(path: Path) -> None:
    """Migrate the survey at ``path`` to the current schema in one transaction (all or nothing)."""
    database = Database(path, readonly=False)
    try:
        with database.transaction(), translate_errors():
            upgrade(database.conn)
    finally:
        database.close()


def migrate_file(path: Path, version: int) -> Path:
    """Back up the version-``version`` survey at ``path`` beside it, then migrate it in place.

    Returns the backup's path. On failure the file is as it was before.
    """
    backup = backup_path(path, version)
    copy_survey(path, backup)
    migrate_in_place(path)
    return backup
