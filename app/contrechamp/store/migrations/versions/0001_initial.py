"""Schema version 1: cameras, photos, the area, sectors, the GPS track, imports and settings."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def _key_value(name: str) -> None:
    op.create_table(
        name,
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def _cameras() -> None:
    op.create_table(
        "cameras",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("lat", sa.REAL, nullable=False),
        sa.Column("lon", sa.REAL, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("accuracy_m", sa.REAL),
        sa.Column("surveyor", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("osm_id", sa.Integer),
        sa.Column("osm_version", sa.Integer),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("tags", sa.Text, nullable=False),
    )
    op.create_index("ix_cameras_status", "cameras", ["status"])


def _photos() -> None:
    # Frozen history: a migration keeps its own literal copy of the columns it made (the usual
    # Alembic practice), never the current list (store/layout.py's PHOTO_COLUMNS).
    op.create_table(
        "photos",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("camera_id", sa.Text, sa.ForeignKey("cameras.id", ondelete="SET NULL")),
        sa.Column("sha256", sa.Text, nullable=False),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("mime", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("taken_at", sa.Text),
        sa.Column("lat", sa.REAL),
        sa.Column("lon", sa.REAL),
        sa.Column("accuracy_m", sa.REAL),
        sa.Column("heading", sa.REAL),
        sa.Column("heading_ref", sa.Text),
        sa.Column("altitude", sa.REAL),
        sa.Column("orientation", sa.Integer, nullable=False),
    )
    op.create_index("ix_photos_sha256", "photos", ["sha256"], unique=True)
    op.create_index("ix_photos_camera_id", "photos", ["camera_id"])
    op.create_table(
        "photo_blobs",
        sa.Column(
            "photo_id",
            sa.Integer,
            sa.ForeignKey("photos.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("thumbnail", sa.BLOB),
        sa.Column("data", sa.BLOB, nullable=False),
    )


def _area() -> None:
    op.create_table(
        "area",
        sa.Column("id", sa.Integer, primary_key=True),
        *(sa.Column(side, sa.REAL, nullable=False) for side in ("west", "south", "east", "north")),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("loaded_at", sa.Text, nullable=False),
    )
    op.create_table(
        "map_features",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("osm_id", sa.Integer),
        sa.Column("wkb", sa.BLOB, nullable=False),
    )
    op.create_table(
        "existing_cameras",
        sa.Column("osm_id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("lat", sa.REAL, nullable=False),
        sa.Column("lon", sa.REAL, nullable=False),
        sa.Column("tags", sa.Text, nullable=False),
    )
    op.create_table(
        "sectors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("wkb", sa.BLOB, nullable=False),
    )


def _journal() -> None:
    op.create_table(
        "track_points",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("time", sa.Text, nullable=False),
        sa.Column("lat", sa.REAL, nullable=False),
        sa.Column("lon", sa.REAL, nullable=False),
        sa.Column("accuracy_m", sa.REAL),
        sa.Column("altitude", sa.REAL),
    )
    op.create_index("ix_track_points_time", "track_points", ["time"])
    op.create_table(
        "imports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("imported_at", sa.Text, nullable=False),
    )


def upgrade() -> None:
    """Create every table of schema version 1."""
    _key_value("meta")
    _key_value("settings")
    _cameras()
    _photos()
    _area()
    _journal()
    op.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '1')")
    op.execute("PRAGMA user_version = 1")


def downgrade() -> None:
    """Drop every table: back to an empty database."""
    for table in (
        "imports",
        "track_points",
        "sectors",
        "existing_cameras",
        "map_features",
        "area",
        "photo_blobs",
        "photos",
        "cameras",
        "settings",
        "meta",
    ):
        op.drop_table(table)
    op.execute("PRAGMA user_version = 0")
