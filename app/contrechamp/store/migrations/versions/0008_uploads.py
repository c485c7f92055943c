"""Schema version 8: the upload journal, so an interrupted upload to OSM resumes safely.

``uploads`` holds one row per camera whose change was sent to OSM and whose answer is not
known yet: the server (its API URL), the changeset, ``action`` ("create" or "modify"), the
node it was sent as (``node_id``: the negative placeholder of a create, the OSM id of a
modify), the version a modify was based on, exactly what was sent (position and tags as
JSON) and the camera's ``updated_at`` it was planned from (``based_on``). A row is written
before its diff is sent and deleted in the same transaction that links the camera to its
node; the rows left after a lost answer are matched against the changeset's content before
anything is sent again. No foreign key: a camera deleted meanwhile leaves its row to settle.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision: str | None = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the upload journal."""
    op.create_table(
        "uploads",
        sa.Column("camera_id", sa.Text, primary_key=True),
        sa.Column("server", sa.Text, nullable=False),
        sa.Column("changeset_id", sa.Integer, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("node_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer),
        sa.Column("lat", sa.REAL, nullable=False),
        sa.Column("lon", sa.REAL, nullable=False),
        sa.Column("tags", sa.Text, nullable=False),
        sa.Column("based_on", sa.Text, nullable=False),
        sa.Column("sent_at", sa.Text, nullable=False),
    )
    op.execute("UPDATE meta SET value = '8' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 8")


def downgrade() -> None:
    """Back to version 7: the journal goes (an unsettled upload is then checked by hand)."""
    op.drop_table("uploads")
    op.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 7")
