"""The schema list used to vet files matches what the migrations create and what queries use."""

from __future__ import annotations

import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from contrechamp.core.photo import PhotoInfo
from contrechamp.store import SCHEMA_VERSION
from contrechamp.store.database import Database
from contrechamp.store.layout import PHOTO_COLUMNS, Layout, layout
from contrechamp.store.migrate import downgrade, upgrade
from contrechamp.store.schema import metadata


def _layout_of(path: Path) -> Layout:
    connection = sqlite3.connect(path)
    names = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    tables = {
        name: tuple(row[1] for row in connection.execute(f'PRAGMA table_xinfo("{name}")'))
        for kind, name, _, _ in names
        if kind == "table"
    }
    indexes = {name: table for kind, name, table, sql in names if kind == "index" and sql}
    assert {kind for kind, *_ in names} <= {"table", "index"}
    connection.close()
    return Layout(tables, indexes)


def _migrated_layout(path: Path, version: int) -> Layout:
    path.touch()
    database = Database(path, readonly=False)
    with database.transaction():
        upgrade(database.conn, version)
    database.close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone() == (version,)
    connection.close()
    return _layout_of(path)


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_layout_matches_the_migrations(tmp_path: Path, version: int) -> None:
    migrated = _migrated_layout(tmp_path / "fresh.cartoparty", version)
    assert dict(migrated.tables) == dict(layout(version).tables)
    assert dict(migrated.indexes) == dict(layout(version).indexes)


def test_current_layout_matches_the_query_tables() -> None:
    current = layout(SCHEMA_VERSION)
    tables = {t.name: tuple(c.name for c in t.columns) for t in metadata.sorted_tables}
    indexes = {i.name: t.name for t in metadata.sorted_tables for i in t.indexes}
    assert tables == {k: v for k, v in current.tables.items() if k != "alembic_version"}
    assert indexes == dict(current.indexes)


def test_a_photo_row_holds_every_field_of_a_photo_and_its_quick_key() -> None:
    assert [*(f.name for f in fields(PhotoInfo)), "quick_key"] == list(PHOTO_COLUMNS)


def test_migrations_downgrade_back_to_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "fresh.cartoparty"
    _migrated_layout(path, SCHEMA_VERSION)
    database = Database(path, readonly=False)
    for version in range(SCHEMA_VERSION - 1, 0, -1):  # each downgrade restores its layout
        with database.transaction():
            downgrade(database.conn, version)
        assert _layout_of(path) == layout(version), version
    with database.transaction():
        downgrade(database.conn, 0)
    database.close()
    connection = sqlite3.connect(path)
    tables = connection.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
    assert tables.fetchall() == [("alembic_version",)]
    assert connection.execute("PRAGMA user_version").fetchone() == (0,)
    connection.close()
