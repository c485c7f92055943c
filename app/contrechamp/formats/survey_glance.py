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

import numpy as np
from numpy.typing import NDArray

from contrechamp.core.area import BBox, FeatureKind, MapFeature
from contrechamp.core.camera import Status
from contrechamp.core.collector import collector_paused

__all__ = [
    "MAX_GLANCED_CAMERAS",
    "STATUSES",
    "GlancedCameras",
    "SurveyGlance",
    "glance_at_survey",
]

MAX_GLANCED_CAMERAS = 2_000_000
"""Above this the cameras are left to the survey's opening (a million take about a second)."""
_EXISTING_AT_MOST = 50_000  # cameras already in OSM the opening view looks at
STATUSES = tuple(Status)
"""The statuses, in the order of ``GlancedCameras.status`` codes."""
_STATUS_CODE = "CASE status {} END".format(  # NULL for any other value (then no glance)
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
        keep = self.status != STATUSES.index(Status.REJECTED)
        return np.column_stack((self.lat[keep], self.lon[keep]))


_TABLES = ("area", "map_features", "cameras", "existing_cameras")


@dataclass(frozen=True, slots=True)
class SurveyGlance:
    """What the first map frame shows of a survey: its area's box, base map and cameras, and
    where the cameras already in OSM are (the map opens on them too)."""

    bbox: BBox | None
    features: list[MapFeature]
    cameras: GlancedCameras
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


def _cameras(connection: sqlite3.Connection) -> GlancedCameras:
    """Positions and statuses, in chunks (no object per camera but its row while read); a
    value the store would refuse raises (then there is no glance)."""
    (count,) = connection.execute("SELECT count(*) FROM cameras").fetchone()
    if count > MAX_GLANCED_CAMERAS:
        return GlancedCameras(np.empty(0), np.empty(0), np.empty(0, dtype=np.int8))
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
    return GlancedCameras(_floats(lats), _floats(lons), np.array(codes, dtype=np.int8))


def _floats(values: list[float]) -> NDArray[np.float64]:
    """The values as an array; ValueError unless each is a real number (never a text)."""
    if not {float}.issuperset(map(type, values)):
        raise ValueError("a camera position is not a number")  # as the store refuses
    return np.array(values, dtype=np.float64)


def _existing(connection: sqlite3.Connection) -> list[tuple[float, float]]:
    rows = connection.execute(f"SELECT lat, lon FROM existing_cameras LIMIT {_EXISTING_AT_MOST}")
    return [(float(lat), float(lon)) for lat, lon in rows]
