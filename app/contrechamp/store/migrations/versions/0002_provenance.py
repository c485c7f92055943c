"""Schema version 2: provenance of merged sightings and upload state per camera.

``cameras.origin`` holds the survey id (``meta.survey_id`` of the file it came from) of a
sighting merged from another survey, NULL when it was logged in this one; ``origins`` names
those surveys. ``uploads`` keeps, per camera, how far its upload to OSM went (pending, sent,
done, failed; changeset, placeholder id, resulting node id and version), so that a retry after
an interruption never creates the camera twice.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add cameras.origin, the origins and uploads tables, and a survey id."""
    op.add_column("cameras", sa.Column("origin", sa.Text))
    op.create_table(
        "origins",
        sa.Column("survey_id", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("surveyor", sa.Text),
        sa.Column("merged_at", sa.Text, nullable=False),
    )
    op.create_table(
        "uploads",
        sa.Column(
            "camera_id",
            sa.Text,
            sa.ForeignKey("cameras.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("changeset_id", sa.Integer),
        sa.Column("placeholder_id", sa.Integer),
        sa.Column("osm_id", sa.Integer),
        sa.Column("osm_version", sa.Integer),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.get_bind().execute(
        sa.text("INSERT OR IGNORE INTO meta (key, value) VALUES ('survey_id', :id)"),
        {"id": uuid.uuid4().hex},
    )
    op.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    """Back to version 1 (the survey id stays: version 1 ignores unknown meta keys)."""
    op.drop_table("uploads")
    op.drop_table("origins")
    # Native DROP COLUMN (SQLite 3.35+): rebuilding the table would fire ON DELETE actions.
    op.execute("ALTER TABLE cameras DROP COLUMN origin")
    op.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 1")
