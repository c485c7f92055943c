"""The tables of the survey file at the current schema version, for SQLAlchemy Core queries.

Migrations (``store/migrations/versions``) create these tables; they never import this module,
so an old migration keeps meaning what it meant. ``tests/store/test_layout.py`` checks that the
two agree. Every datetime column holds ISO 8601 text in UTC; tags are a JSON object of strings.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BLOB,
    REAL,
    Column,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

__all__ = [
    "area",
    "blur_regions",
    "camera_record",
    "cameras",
    "detections",
    "existing_cameras",
    "imports",
    "listed_cameras",
    "map_features",
    "merge_conflicts",
    "merge_surveys",
    "merged_cameras",
    "meta",
    "metadata",
    "pending_photos",
    "photo_blobs",
    "photos",
    "sectors",
    "settings",
    "sheet_lines",
    "sighting_photos",
    "sightings",
    "track_points",
    "uploads",
]

metadata = MetaData()

# Survey metadata: schema_version, app_version, survey_id, title, surveyor, created_at.
meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

# Free key/value settings kept with the survey (e.g. the photo clock offset).
settings = Table(
    "settings",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)


def camera_record(
    real: type[TypeEngine[float]] = REAL, big: type[TypeEngine[int]] = Integer
) -> list[Column[Any]]:
    """The columns of one camera as logged, shared by ``cameras`` and merged ``sightings`` (and
    the campaign's tables, with PostgreSQL's ``Float`` and ``BigInteger``); new Column objects
    each time: a column belongs to one table."""
    return [
        Column("lat", real, nullable=False),
        Column("lon", real, nullable=False),
        Column("status", Text, nullable=False),
        Column("source", Text, nullable=False),
        Column("accuracy_m", real),
        Column("surveyor", Text),
        Column("created_at", Text, nullable=False),
        Column("updated_at", Text, nullable=False),
        Column("osm_id", big),
        Column("osm_version", Integer),
        Column("notes", Text, nullable=False),
        Column("tags", Text, nullable=False),
    ]


cameras = Table(
    "cameras",
    metadata,
    Column("id", Text, primary_key=True),
    *camera_record(),
    # Survey id (meta.survey_id of another file) the sighting was merged from; NULL = logged here.
    Column("origin", Text),
    Index("ix_cameras_status", "status"),
)

# sha256: the SHA-256 of the photo's bytes; for a pending photo (bytes not copied in yet), its
# quick key until the copy. quick_key: SHA-256 of size + first 64 KiB + last 64 KiB (see
# store/pending.py), what an import compares; NULL for a photo recorded pending by version 3
# and not copied yet (or copied while a twin imported since held its key).
# The columns are those of store/layout.py's PHOTO_COLUMNS, in order (tests/store/test_layout.py).
photos = Table(
    "photos",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="SET NULL")),
    Column("sha256", Text, nullable=False),
    Column("filename", Text, nullable=False),
    Column("mime", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("taken_at", Text),
    Column("lat", REAL),
    Column("lon", REAL),
    Column("accuracy_m", REAL),
    Column("heading", REAL),
    Column("heading_ref", Text),
    Column("altitude", REAL),
    Column("orientation", Integer, nullable=False),
    Column("quick_key", Text),
    Index("ix_photos_sha256", "sha256", unique=True),
    Index("ix_photos_camera_id", "camera_id"),
    Index("ix_photos_quick_key", "quick_key", unique=True),
)

# The bytes live apart from the metadata so listing photos never reads a blob.
photo_blobs = Table(
    "photo_blobs",
    metadata,
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True),
    Column("thumbnail", BLOB),
    Column("data", BLOB, nullable=False),
)

# Photos whose bytes are not in the file yet (an import copies them in the background): where
# the original is on the walker's disk (never exported; deleted with the row once copied), its
# size, the copy state (waiting/missing/changed) and the thumbnail until it moves to photo_blobs.
# Each photo has either a photo_blobs row or a pending_photos row.
pending_photos = Table(
    "pending_photos",
    metadata,
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True),
    Column("source", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("state", Text, nullable=False),
    Column("thumbnail", BLOB),
)

area = Table(
    "area",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("west", REAL, nullable=False),
    Column("south", REAL, nullable=False),
    Column("east", REAL, nullable=False),
    Column("north", REAL, nullable=False),
    Column("source", Text, nullable=False),
    Column("loaded_at", Text, nullable=False),
)

map_features = Table(
    "map_features",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("osm_id", Integer),
    Column("wkb", BLOB, nullable=False),
)

existing_cameras = Table(
    "existing_cameras",
    metadata,
    Column("osm_id", Integer, primary_key=True),
    Column("version", Integer),  # NULL: an id without its version (Overpass `out body;`)
    Column("lat", REAL, nullable=False),
    Column("lon", REAL, nullable=False),
    Column("tags", Text, nullable=False),
)

sectors = Table(
    "sectors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("wkb", BLOB, nullable=False),
    Column("pair", Text),  # the pseudonyms of the pair it is handed to
)

# An official list of authorised cameras, for comparison only: never exported nor uploaded.
listed_cameras = Table(
    "listed_cameras",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("list_name", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("ref", Text),
    Column("place", Text, nullable=False),
    Column("placed", Text, nullable=False),  # "coordinates", "crossing" or "unplaced"
    Column("lat", REAL),
    Column("lon", REAL),
    Column("tags", Text, nullable=False),
)

track_points = Table(
    "track_points",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("time", Text, nullable=False),
    Column("lat", REAL, nullable=False),
    Column("lon", REAL, nullable=False),
    Column("accuracy_m", REAL),
    Column("altitude", REAL),
    Index("ix_track_points_time", "time"),
)

imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("count", Integer, nullable=False),
    Column("imported_at", Text, nullable=False),
)

# A merged survey (version 6, see its migration): the surveys merged in...
merge_surveys = Table(
    "merge_surveys",
    metadata,
    Column("survey_id", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("surveyor", Text),
    Column("created_at", Text),
    Column("merged_at", Text, nullable=False),
)

# ...each of their sightings as its survey logged it (id: its camera id there) and the
# merged camera it belongs to (NULL once the organiser deleted that camera)...
sightings = Table(
    "sightings",
    metadata,
    Column("survey_id", Text, ForeignKey("merge_surveys.survey_id"), primary_key=True),
    Column("id", Text, primary_key=True),
    *camera_record(),
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="SET NULL")),
    Column("sheet_line", Text),  # the line its walker typed, private (v10)
    Index("ix_sightings_camera_id", "camera_id"),
)

# ...the sighting each copied photo came with...
sighting_photos = Table(
    "sighting_photos",
    metadata,
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True),
    Column("survey_id", Text, nullable=False),
    Column("sighting_id", Text, nullable=False),
    ForeignKeyConstraint(
        ["survey_id", "sighting_id"], ["sightings.survey_id", "sightings.id"], ondelete="CASCADE"
    ),
    Index("ix_sighting_photos_sighting", "survey_id", "sighting_id"),
)

# ...per merged camera: its row as the merge last wrote it (as text), whether the organiser
# reviewed it, and its match against the cameras already in OSM (new/same/possible)...
merged_cameras = Table(
    "merged_cameras",
    metadata,
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="CASCADE"), primary_key=True),
    Column("written", Text, nullable=False),
    Column("reviewed", Integer, nullable=False),
    Column("match", Text, nullable=False),
    Column("match_osm_id", Integer),
    Column("match_distance_m", REAL),
)

# ...and the values its sightings disagree on: choices is a JSON list of
# {"value": ..., "sightings": [[survey_id, id], ...]}, most given first.
merge_conflicts = Table(
    "merge_conflicts",
    metadata,
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="CASCADE"), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("choices", Text, nullable=False),
    Column("decided", Integer, nullable=False),
)

# The upload journal (version 8, see its migration): each camera whose change was sent to OSM
# and whose answer is not known yet, with exactly what was sent.
uploads = Table(
    "uploads",
    metadata,
    Column("camera_id", Text, primary_key=True),
    Column("server", Text, nullable=False),
    Column("changeset_id", Integer, nullable=False),
    Column("action", Text, nullable=False),  # "create" or "modify"
    Column("node_id", Integer, nullable=False),  # placeholder (create) or OSM id (modify)
    Column("version", Integer),  # the version a modify was based on
    Column("lat", REAL, nullable=False),
    Column("lon", REAL, nullable=False),
    Column("tags", Text, nullable=False),
    Column("based_on", Text, nullable=False),  # the camera's updated_at when planned
    Column("sent_at", Text, nullable=False),
)

# The printed sheet's entry line a camera was written on: private, never exported (v9).
sheet_lines = Table(
    "sheet_lines",
    metadata,
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="CASCADE"), primary_key=True),
    Column("line", Text, nullable=False),
)

# The rectangles of a photo to blur in every copy that leaves the laptop (v9, see 0009).
blur_regions = Table(
    "blur_regions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("photo_id", Integer, ForeignKey("photos.id", ondelete="CASCADE"), nullable=False),
    Column("x", REAL, nullable=False),
    Column("y", REAL, nullable=False),
    Column("w", REAL, nullable=False),
    Column("h", REAL, nullable=False),
    Column("kind", Text, nullable=False),  # "face", "plate" or "other"
    Column("source", Text, nullable=False),  # "auto" or "hand"
    Column("model", Text),  # the detector and its version, for "auto"
    Column("removed", Integer, nullable=False),  # an automatic region the user took out
    Index("ix_blur_regions_photo_id", "photo_id"),
)

# What a detector (``model``: its name and version) found in a photo, by the photo's SHA-256
# (v11, see 0011): a cache, so that no photo is scanned twice. ``regions``: JSON list of
# [x, y, w, h, kind] in fractions of the upright photo, [] when nothing was found.
detections = Table(
    "detections",
    metadata,
    Column("sha256", Text, primary_key=True),
    Column("model", Text, primary_key=True),
    Column("regions", Text, nullable=False),
    Column("detected_at", Text, nullable=False),
)
