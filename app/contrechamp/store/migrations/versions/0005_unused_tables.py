"""Schema version 5: the ``origins`` and ``uploads`` tables of version 2 go, never used.

No version ever wrote a row in either: survey merging and the OSM upload, which were to keep
their provenance and upload state there, are not built. They come back, in the shape those
features need, with the migration that lands each feature. ``cameras.origin`` stays (NULL for
every camera until a merge writes it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Drop the origins and uploads tables (and any row a foreign tool left in them)."""
    op.drop_table("uploads")
    op.drop_table("origins")
    op.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 5")


def downgrade() -> None:
    """Back to version 4: the two tables again, empty, exactly as version 2 created them."""
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
    op.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 4")
