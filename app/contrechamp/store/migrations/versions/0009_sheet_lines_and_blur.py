"""Schema version 9: paper sheet lines of cameras, and the regions of photos to blur.

``sheet_lines`` links a camera to the numbered entry line of a printed field sheet where a
walker wrote it (``line``, as typed: "12" or "B-12"). It is private to the survey: no export
nor upload reads it. ``blur_regions`` holds, per photo, the rectangles to blur in every copy
that leaves the laptop (``x``, ``y``, ``w``, ``h`` as fractions of the upright photo's width
and height; ``source`` "auto" for a detector's, with its ``model`` and version, or "hand";
``kind`` "face", "plate" or "other"; ``removed`` 1 for an automatic region the user took
out, so that running the detector again does not bring it back). The survey keeps its
photos untouched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision: str | None = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the sheet lines and the blur regions."""
    op.create_table(
        "sheet_lines",
        sa.Column(
            "camera_id",
            sa.Text,
            sa.ForeignKey("cameras.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("line", sa.Text, nullable=False),
    )
    op.create_table(
        "blur_regions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "photo_id", sa.Integer, sa.ForeignKey("photos.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("x", sa.REAL, nullable=False),
        sa.Column("y", sa.REAL, nullable=False),
        sa.Column("w", sa.REAL, nullable=False),
        sa.Column("h", sa.REAL, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("model", sa.Text),
        sa.Column("removed", sa.Integer, nullable=False),
    )
    op.create_index("ix_blur_regions_photo_id", "blur_regions", ["photo_id"])
    op.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 9")


def downgrade() -> None:
    """Back to version 8: the sheet lines and blur regions go (photos stay untouched)."""
    op.drop_index("ix_blur_regions_photo_id", "blur_regions")
    op.drop_table("blur_regions")
    op.drop_table("sheet_lines")
    op.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 8")
