"""Schema version 7: the workshop's sectors name their pair, official lists, unknown versions.

``sectors.pair`` holds the pseudonyms of the pair a sector is handed to (NULL: nobody yet).
``listed_cameras`` is the comparison layer of official lists of authorised cameras: each row
as the list gave it (``list_name``, its ``line`` in the file, its ``ref``, its address or
crossing in ``place``, its other columns as JSON in ``tags``), with the position read from the
list or found at a crossing of the area's streets (``placed``: "coordinates", "crossing" or
"unplaced"; ``lat``/``lon`` NULL when unplaced). It is never exported nor uploaded.
``existing_cameras.version`` may be NULL: an Overpass ``out body;`` file gives ids without
versions, and the upload reads a node's version from the API before it modifies it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision: str | None = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the sectors' pairs, the official lists, and allow unknown versions."""
    op.add_column("sectors", sa.Column("pair", sa.Text))
    op.create_table(
        "listed_cameras",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_name", sa.Text, nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("ref", sa.Text),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("placed", sa.Text, nullable=False),
        sa.Column("lat", sa.REAL),
        sa.Column("lon", sa.REAL),
        sa.Column("tags", sa.Text, nullable=False),
    )
    with op.batch_alter_table("existing_cameras") as batch:
        batch.alter_column("version", existing_type=sa.Integer, nullable=True)
    op.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 7")


def downgrade() -> None:
    """Back to version 6: lists and pairs go; OSM cameras without a version go too."""
    op.execute("DELETE FROM existing_cameras WHERE version IS NULL")
    with op.batch_alter_table("existing_cameras") as batch:
        batch.alter_column("version", existing_type=sa.Integer, nullable=False)
    op.drop_table("listed_cameras")
    with op.batch_alter_table("sectors") as batch:
        batch.drop_column("pair")
    op.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 6")
