"""A first look at a survey file, before it is opened: its area, base map and cameras.

The window shows this while the survey is checked, migrated and opened (which imports
SQLAlchemy and Alembic). It reads with the stdlib ``sqlite3``, read-only, schema functions
distrusted, and only from plain tables: a file with a trigger or a view, an unknown layout or
any error gives no glance at all, and the survey's real opening then decides what it is.
Nothing is written and nothing is kept.

The glance holds no camera, only the extent the map opens on (SQLite computes it, without a
Python object per camera): the cameras' places and statuses are read by ``glanced_cameras``
(in a child process for a large survey, while the map draws), after ``camera_count``.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from contrechamp.core.area import BBox, FeatureKind, MapFeature
from contrechamp.core.camera import Status
from contrechamp.core.opening_view import counted_within
from contrechamp.formats.glanced_cameras import looked_at

__all__ = ["SurveyGlance", "camera_count", "glance_at_survey"]

_TABLES = ("area", "map_features", "cameras", "existing_cameras")
_KEPT = ", ".join(f"'{status.value}'" for status in Status if status is not Status.REJECTED)
_EXTENT = (
    "SELECT min(lat), max(lat), min(lon), max(lon) FROM {table} NOT INDEXED"
    " WHERE typeof(lat) = 'real' AND typeof(lon) = 'real'"
    " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?{kept}"
)


@dataclass(frozen=True, slots=True)
class SurveyGlance:
    """What the first map frame shows of a survey: its area's box and base map, and where
    the map opens."""

    bbox: BBox | None
    features: list[MapFeature]
    opening_extent: tuple[tuple[float, float], ...]
    """Two (lat, lon) pairs, the corners of the extent of the cameras the opening view looks at
    (the survey's, rejected ones left out, and those already in OSM, near the area), or none:
    ``opening_view`` gives the same box for them as for all those cameras."""


def camera_count(path: Path) -> int | None:
    """How many cameras a survey file holds, or None if it cannot be read (a quick look)."""
    return looked_at(path, _count)


def glance_at_survey(path: Path) -> SurveyGlance | None:
    """Read a survey's area, base map features and opening extent; None when it cannot be
    glanced."""
    return looked_at(path, _glance)


def _count(connection: sqlite3.Connection) -> int:
    (count,) = connection.execute("SELECT count(*) FROM cameras").fetchone()
    return int(count)


def _glance(connection: sqlite3.Connection) -> SurveyGlance | None:
    if not _plain_tables(connection):
        return None
    bbox = _bbox(connection)
    extent = () if bbox is None else _opening_extent(connection, bbox)
    return SurveyGlance(bbox, _features(connection), extent)


def _plain_tables(connection: sqlite3.Connection) -> bool:
    """Tell whether the file has no trigger nor view, and the tables read are plain tables."""
    rows = connection.execute("SELECT type, name, sql FROM sqlite_schema").fetchall()
    if any(kind in ("trigger", "view") for kind, _, _ in rows):
        return False
    tables = {
        name
        for kind, name, sql in rows
        if kind == "table" and not str(sql or "").lstrip().upper().startswith("CREATE VIRTUAL")
    }
    return all(table in tables for table in _TABLES)


def _bbox(connection: sqlite3.Connection) -> BBox | None:
    row = connection.execute("SELECT west, south, east, north FROM area LIMIT 1").fetchone()
    return None if row is None else BBox(*(float(value) for value in row))


def _features(connection: sqlite3.Connection) -> list[MapFeature]:
    rows = connection.execute("SELECT kind, wkb, name, osm_id FROM map_features ORDER BY id")
    return [
        MapFeature(FeatureKind(kind), bytes(wkb), str(name), osm_id)
        for kind, wkb, name, osm_id in rows
    ]


def _opening_extent(connection: sqlite3.Connection, area: BBox) -> tuple[tuple[float, float], ...]:
    """The corners of the extent of the kept cameras and those already in OSM that count for
    the view of ``area`` (``counted_within``), computed by SQLite."""
    near = counted_within(area)
    bounds = (near.south, near.north, near.west, near.east)
    found = [
        connection.execute(_EXTENT.format(table=table, kept=kept), bounds).fetchone()
        for table, kept in (
            ("cameras", f" AND status COLLATE BINARY IN ({_KEPT})"),
            ("existing_cameras", ""),
        )
    ]
    extents = [row for row in found if row[0] is not None]
    if not extents:
        return ()
    south, north, west, east = (
        min(row[0] for row in extents),
        max(row[1] for row in extents),
        min(row[2] for row in extents),
        max(row[3] for row in extents),
    )
    if not all(map(math.isfinite, (south, north, west, east))):
        raise ValueError("a camera position is not a finite number")
    return (float(south), float(west)), (float(north), float(east))
