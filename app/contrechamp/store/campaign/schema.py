"""The tables of a campaign database (PostgreSQL schema ``campaign``), for SQLAlchemy Core.

The campaign migrations (``store/campaign/migrations``) create them; they never import this
module. The camera columns are those of the survey file (``store/schema.py``): dates as ISO
8601 text in UTC and tags as a compact JSON object, so a camera makes the same round trip
through both. Each table holding positions also has a ``geom`` column (PostGIS point in WGS
84, generated from ``lat``/``lon``, GiST-indexed) that the queries use but never write: it is
left out of these definitions. ``camera_map`` is a view for QGIS, ogr2ogr and web maps.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
)

from contrechamp.store.schema import camera_record

__all__ = [
    "SCHEMA",
    "camera_revisions",
    "cameras",
    "existing_cameras",
    "merge_conflicts",
    "merged_cameras",
    "meta",
    "metadata",
    "photo_blobs",
    "photos",
    "pushes",
    "sectors",
    "sightings",
    "surveys",
]

SCHEMA = "campaign"
metadata = MetaData(schema=SCHEMA)

# schema_version, campaign_id, created_at.
meta = Table("meta", metadata, Column("key", Text, primary_key=True), Column("value", Text))

# Who pushed what and when: the survey's pseudonym only, never the database role or a host.
pushes = Table(
    "pushes",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("pushed_at", DateTime(timezone=True), nullable=False),
    Column("pusher", Text),
    Column("survey_id", Text, nullable=False),
    Column("survey_title", Text, nullable=False),
    Column("comment", Text, nullable=False),
    Column("sightings", Integer, nullable=False),
    Column("cameras_added", Integer, nullable=False),
    Column("cameras_changed", Integer, nullable=False),
    Column("edits", Integer, nullable=False),
    Column("conflicts", Integer, nullable=False),
    Column("photos", Integer, nullable=False),
)

surveys = Table(
    "surveys",
    metadata,
    Column("survey_id", Text, primary_key=True),
    Column("title", Text, nullable=False),
    Column("surveyor", Text),
    Column("created_at", Text),
    Column("push_id", BigInteger, ForeignKey("pushes.id"), nullable=False),
)


# The merged cameras; revision counts their changes (1 when made), push_id the last push.
cameras = Table(
    "cameras",
    metadata,
    Column("id", Text, primary_key=True),
    *camera_record(Float, BigInteger),
    Column("revision", Integer, nullable=False),
    Column("push_id", BigInteger, ForeignKey("pushes.id"), nullable=False),
)

# Each revision of each camera as written: what an edit made offline is compared with.
camera_revisions = Table(
    "camera_revisions",
    metadata,
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="CASCADE"), primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("push_id", BigInteger, ForeignKey("pushes.id"), nullable=False),
    *camera_record(Float, BigInteger),
)

sightings = Table(
    "sightings",
    metadata,
    Column("survey_id", Text, primary_key=True),
    Column("id", Text, primary_key=True),
    *camera_record(Float, BigInteger),
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="SET NULL")),
    Column("push_id", BigInteger, ForeignKey("pushes.id"), nullable=False),
)

merged_cameras = Table(
    "merged_cameras",
    metadata,
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="CASCADE"), primary_key=True),
    Column("written", Text, nullable=False),
    Column("reviewed", Boolean, nullable=False),
    Column("match", Text, nullable=False),
    Column("match_osm_id", BigInteger),
    Column("match_distance_m", Float),
)

merge_conflicts = Table(
    "merge_conflicts",
    metadata,
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="CASCADE"), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("choices", Text, nullable=False),
    Column("decided", Boolean, nullable=False),
)

existing_cameras = Table(
    "existing_cameras",
    metadata,
    Column("osm_id", BigInteger, primary_key=True),
    Column("version", Integer),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("tags", Text, nullable=False),
)

sectors = Table(
    "sectors",
    metadata,
    Column("name", Text, primary_key=True),
    Column("wkb", LargeBinary, nullable=False),
    Column("pair", Text),
    Column("push_id", BigInteger, ForeignKey("pushes.id"), nullable=False),
)

# Photo bytes by the SHA-256 of the bytes stored (EXIF stripped unless the pusher kept it).
photo_blobs = Table(
    "photo_blobs",
    metadata,
    Column("sha256", Text, primary_key=True),
    Column("mime", Text, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

# original_sha256: the photo's SHA-256 in the survey it came from, so a second push of it
# is known without stripping it again.
photos = Table(
    "photos",
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("camera_id", Text, ForeignKey("cameras.id", ondelete="CASCADE"), nullable=False),
    Column("sha256", Text, ForeignKey("photo_blobs.sha256"), nullable=False),
    Column("original_sha256", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("taken_at", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("accuracy_m", Float),
    Column("heading", Float),
    Column("heading_ref", Text),
    Column("altitude", Float),
    Column("orientation", Integer, nullable=False),
    Column("push_id", BigInteger, ForeignKey("pushes.id"), nullable=False),
)
