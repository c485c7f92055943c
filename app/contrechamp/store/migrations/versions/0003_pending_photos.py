"""Schema version 3: photos whose bytes are not yet inside the file.

An import first records each photo (metadata and embedded thumbnail) and only then copies its
bytes into ``photo_blobs``, in the background. Until then the photo has a row in
``pending_photos`` instead: the absolute path of its original file on the walker's disk, its
size, its copy state (waiting, missing, changed) and its thumbnail. The row is deleted, and the
path with it, as soon as the bytes are stored. Every photo has exactly one of the two rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the pending_photos table."""
    op.create_table(
        "pending_photos",
        sa.Column(
            "photo_id",
            sa.Integer,
            sa.ForeignKey("photos.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("thumbnail", sa.BLOB),
    )
    op.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    """Back to version 2, which has no photo without bytes: pending photos are deleted."""
    op.execute("DELETE FROM photos WHERE id IN (SELECT photo_id FROM pending_photos)")
    op.drop_table("pending_photos")
    op.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 2")
