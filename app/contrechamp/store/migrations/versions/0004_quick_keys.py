"""Schema version 4: every photo gets a quick key, so an import never reads a whole photo.

``photos.quick_key`` is the SHA-256 of a photo file's size (8 bytes, big-endian), its first
64 KiB and its last 64 KiB: an import compares it to recognise photos already in the survey.
A photo recorded pending by version 4 holds its quick key in ``photos.sha256`` too, until its
bytes are copied in and their SHA-256 replaces it. Here the quick key of every photo whose
bytes are in the file is computed from them; a photo still pending from version 3 keeps a NULL
quick key (its SHA-256 is known) until its copy fills it in.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

_HEAD, _TAIL = 64 * 1024, 64 * 1024  # fixed here: this migration never changes meaning

_PARTS = sa.text(  # one photo at a time: a survey's photos need not fit in memory
    "SELECT length(data), substr(data, 1, :head), substr(data, max(length(data) - :tail + 1, 1))"
    " FROM photo_blobs WHERE photo_id = :id"
)


def _quick_key(size: int, head: bytes, tail: bytes) -> str:
    """SHA-256 of the size, head and tail of a photo's bytes (store/pending.py's quick key)."""
    digest = hashlib.sha256(size.to_bytes(8, "big"))
    digest.update(head)
    digest.update(tail)
    return digest.hexdigest()


def upgrade() -> None:
    """Add photos.quick_key, fill it for every photo with bytes, then index it (unique)."""
    # Frozen history: the column as version 4 added it, whatever store/layout.py says today.
    op.add_column("photos", sa.Column("quick_key", sa.Text))
    bind = op.get_bind()
    ids = bind.execute(sa.text("SELECT photo_id FROM photo_blobs ORDER BY photo_id")).scalars()
    for photo_id in ids.all():
        parts = {"id": photo_id, "head": _HEAD, "tail": _TAIL}
        size, head, tail = bind.execute(_PARTS, parts).one()
        key = _quick_key(size, bytes(head), bytes(tail))
        bind.execute(
            sa.text("UPDATE photos SET quick_key = :key WHERE id = :id"), parts | {"key": key}
        )
    op.create_index("ix_photos_quick_key", "photos", ["quick_key"], unique=True)
    op.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    """Back to version 3, whose pending photos carry the SHA-256 of their bytes: photos still
    pending with only a quick key are deleted."""
    op.execute(
        "DELETE FROM photos WHERE quick_key IS NOT NULL"
        " AND id IN (SELECT photo_id FROM pending_photos)"
    )
    op.drop_index("ix_photos_quick_key", "photos")
    # Native DROP COLUMN (SQLite 3.35+): rebuilding the table would fire ON DELETE actions.
    op.execute("ALTER TABLE photos DROP COLUMN quick_key")
    op.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    op.execute("PRAGMA user_version = 3")
