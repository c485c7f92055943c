"""Schema version 6: a merged survey keeps every sighting, where it came from, and decisions.

``merge_surveys`` names the surveys merged in (survey id, title, pseudonym, when created and
merged). ``sightings`` holds each of their sightings as its survey logged it (the camera
columns, ``id`` being its id there) and ``camera_id``, the merged camera it belongs to.
``sighting_photos`` says which sighting each copied photo came with. ``merged_cameras``
keeps, per merged camera, the row the merge last wrote (so a later merge tells the
organiser's edits from its own), whether the organiser reviewed it, and how it matched the
cameras already in OSM. ``merge_conflicts`` holds the values the sightings disagree on, side
by side, and whether the organiser decided.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision: str | None = "0005"
branch_labels = None
depends_on = None


def _camera_columns() -> list[sa.Column[object]]:
    """The columns of a camera row (as version 1 made them), for a sighting."""
    return [
        sa.Column("id", sa.Text, nullable=False),
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
    ]


def _sightings() -> None:
    op.create_table(
        "merge_surveys",
        sa.Column("survey_id", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("surveyor", sa.Text),
        sa.Column("created_at", sa.Text),
        sa.Column("merged_at", sa.Text, nullable=False),
    )
    op.create_table(
        "sightings",
        sa.Column("survey_id", sa.Text, sa.ForeignKey("merge_surveys.survey_id"), nullable=False),
        *_camera_columns(),
        sa.Column("camera_id", sa.Text, sa.ForeignKey("cameras.id", ondelete="SET NULL")),
        sa.PrimaryKeyConstraint("survey_id", "id"),
    )
    op.create_index("ix_sightings_camera_id", "sightings", ["camera_id"])
    op.create_table(
        "sighting_photos",
        sa.Column(
            "photo_id",
            sa.Integer,
            sa.ForeignKey("photos.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("survey_id", sa.Text, nullable=False),
        sa.Column("sighting_id", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id", "sighting_id"],
            ["sightings.survey_id", "sightings.id"],
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_sighting_photos_sighting", "sighting_photos", ["survey_id", "sighting_id"])


def _decisions() -> None:
    op.create_table(
        "merged_cameras",
        sa.Column(
            "camera_id",
            sa.Text,
            sa.ForeignKey("cameras.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("written", sa.Text, nullable=False),
        sa.Column("reviewed", sa.Integer, nullable=False),
        sa.Column("match", sa.Text, nullable=False),
        sa.Column("match_osm_id", sa.Integer),
        sa.Column("match_distance_m", sa.REAL),
    )
    op.create_table(
        "merge_conflicts",
        sa.Column(
            "camera_id", sa.Text, sa.ForeignKey("cameras.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("choices", sa.Text, nullable=False),
        sa.Column("decided", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("camera_id", "key"),
    )


def upgrade() -> None:
    """Add the tables of merged surveys."""
    _sightings()
    _decisions()
    op.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    """Back to version 5, which merges nothing: the merge's records go, its cameras stay."""
    for table in ("merge_conflicts", "merged_cameras", "sighting_photos", "sightings"):
        op.drop_table(table)
    op.drop_table("merge_surveys")
    op.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 5")
