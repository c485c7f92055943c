"""Schema version 10: each merged sighting keeps the sheet line its walker typed.

A merged camera's sheet line joins those of its sightings ("A-3, B-7"). With each
sighting's own line kept in ``sightings.sheet_line`` (NULL: none), a sighting split off in the
review takes its line to its new camera, and the camera it left keeps the others'. Private
like ``sheet_lines``: no export nor upload reads it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision: str | None = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the sighting's sheet line."""
    with op.batch_alter_table("sightings") as table:
        table.add_column(sa.Column("sheet_line", sa.Text))
    op.execute("UPDATE meta SET value = '10' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 10")


def downgrade() -> None:
    """Back to version 9: the sightings' own lines go (the cameras keep theirs)."""
    with op.batch_alter_table("sightings") as table:
        table.drop_column("sheet_line")
