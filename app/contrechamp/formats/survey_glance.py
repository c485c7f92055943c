"""A first look at a survey file, before it is opened: its area, base map and cameras.

The window shows this while the survey is checked, migrated and opened (which imports
SQLAlchemy and Alembic). It reads with the stdlib ``sqlite3``, read-only, schema functions
distrusted, and only from plain tables: a file with a trigger or a view, an unknown layout or
any error gives no glance at all, and the survey's real opening then decides what it is.
Nothing is written and nothing is kept.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from contrechamp.core.area import BBox, FeatureKind, MapFeature
from contrechamp.core.camera import Camera, Status
from contrechamp.formats.tags_text import tags_of_json

__all__ = ["MAX_GLANCED_CAMERAS", "SurveyGlance", "glance_at_survey"]

MAX_GLANCED_CAMERAS = 50_000
"""Above this the cameras are left to the survey's opening (reading them would take long)."""

_TABLES = ("area", "map_features", "cameras", "existing_cameras")


@dataclass(frozen=True, slots=True)
class SurveyGlance:
    """What the first map frame shows of a survey: its area's box, base map and cameras, and
    where the cameras already in OSM are (the map opens on them too)."""

    bbox: BBox | None
    features: list[MapFeature]
    cameras: list[Camera]
    existing: list[tuple[float, float]]


def glance_at_survey(path: Path) -> SurveyGlance | None:
    """Read a survey's area, base map features and cameras; None when it cannot be glanced."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA query_only = ON")
        if not _plain_tables(connection):
            return None
        return SurveyGlance(
            _bbox(connection), _features(connection), _cameras(connection), _existing(connection)
        )
    except (sqlite3.Error, ValueError, TypeError, UnicodeDecodeError):
        return None
    finally:
        connection.close()


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


def _cameras(connection: sqlite3.Connection) -> list[Camera]:
    (count,) = connection.execute("SELECT count(*) FROM cameras").fetchone()
    if count > MAX_GLANCED_CAMERAS:
        return []
    rows = connection.execute("SELECT id, lat, lon, status, tags FROM cameras")
    cameras = []
    for camera_id, lat, lon, status, tags in rows:
        values = tags_of_json(tags)
        if values is None:
            raise ValueError("camera tags are not an object of strings")  # as the store refuses
        cameras.append(
            Camera(
                float(lat),
                float(lon),
                values,
                str(camera_id),
                Status(status),
            )
        )
    return cameras


def _existing(connection: sqlite3.Connection) -> list[tuple[float, float]]:
    rows = connection.execute(f"SELECT lat, lon FROM existing_cameras LIMIT {MAX_GLANCED_CAMERAS}")
    return [(float(lat), float(lon)) for lat, lon in rows]
