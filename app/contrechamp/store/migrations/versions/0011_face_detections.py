"""Schema version 11: what the face detector found in each photo, kept by content.

``detections`` caches a detector's findings by the photo's SHA-256 and the detector's name
and version (``model``): a photo is never scanned twice by the same detector, whatever its id
in this survey (a photo deleted and imported again, or brought in by a merge, keeps its
bytes, so its hash). ``regions`` is a JSON list of ``[x, y, w, h, kind]`` boxes in fractions
of the upright photo, ``[]`` when nothing was found. The regions an export blurs stay in
``blur_regions`` (where the user may take one out); this table is only what was found.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision: str | None = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the detections cache."""
    op.create_table(
        "detections",
        sa.Column("sha256", sa.Text, primary_key=True),
        sa.Column("model", sa.Text, primary_key=True),
        sa.Column("regions", sa.Text, nullable=False),
        sa.Column("detected_at", sa.Text, nullable=False),
    )
    op.execute("UPDATE meta SET value = '11' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 11")


def downgrade() -> None:
    """Back to version 10: the cache goes (the blur regions stay)."""
    op.drop_table("detections")
    op.execute("UPDATE meta SET value = '10' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 10")
