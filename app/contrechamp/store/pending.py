"""Photos whose bytes are not inside the survey file yet: where their original is, and its state.

An import records each photo at once (metadata and thumbnail) with the path of its original
file, then copies the bytes in; until then the photo is *pending*. The path names a folder on
the walker's disk: it is never exported and it is deleted as soon as the bytes are stored.

An import reads only the head and tail of each file, so a pending photo is known by its *quick
key* (see :func:`quick_key`), held in ``photos.sha256`` until the copy, which reads every byte,
stores the SHA-256 of the whole file there. Every photo keeps its quick key in
``photos.quick_key``, so a re-import of a photo already copied is recognised too.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from contrechamp.core.errors import SurveyError
from contrechamp.store.base import SurveyBase
from contrechamp.store.schema import pending_photos, photo_blobs, photos

__all__ = [
    "MAX_ORIGINAL_BYTES",
    "QUICK_HEAD_BYTES",
    "QUICK_TAIL_BYTES",
    "PendingPhoto",
    "PendingPhotoRecords",
    "PendingState",
    "quick_key",
    "quick_key_of",
    "read_original",
]

MAX_ORIGINAL_BYTES = 200 * 1024 * 1024
"""Larger than any phone photo; a (hostile) pending row never makes us read more."""

QUICK_HEAD_BYTES = 64 * 1024
"""The quick key covers the head of a file (a phone photo's EXIF block: its time, position
and embedded thumbnail)..."""
QUICK_TAIL_BYTES = 64 * 1024
"""...and its tail (the end of the compressed pixels), besides its size."""

# O_NONBLOCK: a FIFO put where the original was must not block the open.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class PendingState(StrEnum):
    """Why a pending photo is still outside the file."""

    WAITING = "waiting"  # not copied yet
    MISSING = "missing"  # the original was gone at the last copy attempt
    CHANGED = "changed"  # the original no longer has the bytes that were imported


def quick_key(size: int, head: bytes, tail: bytes) -> str:
    """A photo file's content key, read without its middle: the SHA-256 (hex) of its size (8
    bytes, big-endian), its first ``QUICK_HEAD_BYTES`` (``head``) and its last
    ``QUICK_TAIL_BYTES`` (``tail``; it overlaps the head in a small file).

    Two photos with the same key are taken for the same photo: their size, EXIF block (time
    to the second, GPS) and last compressed pixels would all have to agree."""
    digest = hashlib.sha256(size.to_bytes(8, "big"))
    digest.update(head)
    digest.update(tail)
    return digest.hexdigest()


def quick_key_of(data: bytes) -> str:
    """The :func:`quick_key` of a whole file's bytes."""
    return quick_key(len(data), data[:QUICK_HEAD_BYTES], data[-QUICK_TAIL_BYTES:])


@dataclass(frozen=True, slots=True)
class PendingPhoto:
    """A photo whose bytes are still only in its original file, and what they must match:
    its quick key, or, for a photo recorded by schema version 3 (``quick_key`` None), the
    SHA-256 of the whole file."""

    photo_id: int
    quick_key: str | None
    filename: str
    source: Path
    size: int
    state: PendingState
    sha256: str | None = None  # known before the copy only for photos recorded by version 3

    def matches(self, data: bytes) -> bool:
        """Whether ``data`` are the bytes that were imported."""
        if self.quick_key is not None:
            return len(data) == self.size and quick_key_of(data) == self.quick_key
        return _sha256(data) == self.sha256


_SELECT = (
    select(
        pending_photos.c.photo_id,
        photos.c.quick_key,
        photos.c.filename,
        pending_photos.c.source,
        pending_photos.c.size,
        pending_photos.c.state,
        photos.c.sha256,
    )
    .join(photos, photos.c.id == pending_photos.c.photo_id)
    .order_by(pending_photos.c.photo_id)
)


def _pending_from_row(row: Sequence[Any]) -> PendingPhoto:
    photo_id, key, filename, source, size, state, sha256 = row
    try:
        return PendingPhoto(
            photo_id,
            key,
            filename,
            Path(source),
            int(size),
            PendingState(state),
            None if key is not None else sha256,
        )
    except (TypeError, ValueError) as error:
        raise SurveyError("Bad pending photo in the survey file.", "survey.corrupt") from error


def read_original(pending: PendingPhoto) -> bytes | PendingState:
    """The original file's bytes if it is still a file of the recorded size, else why not
    (MISSING: gone or unreadable; CHANGED: another size). The content is not checked here:
    see :meth:`PendingPhoto.matches`."""
    if not 0 <= pending.size <= MAX_ORIGINAL_BYTES:
        return PendingState.CHANGED
    try:
        descriptor = os.open(pending.source, _OPEN_FLAGS)
    except (OSError, ValueError):
        return PendingState.MISSING
    try:
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                return PendingState.MISSING
            data = stream.read(pending.size + 1)
    except OSError:
        return PendingState.MISSING
    return data if len(data) == pending.size else PendingState.CHANGED


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _not_copied(pending: PendingPhoto) -> SurveyError:
    return SurveyError(
        f"The photo {pending.filename} is not inside the survey yet and its original file "
        "is missing or changed.",
        "photo.pending",
    )


class PendingPhotoRecords(SurveyBase):
    """Pending photos: recorded without their bytes, copied in later."""

    def pending_photos(self) -> list[PendingPhoto]:
        """Every pending photo, in import order."""
        return [_pending_from_row(row) for row in self._run(_SELECT)]

    def pending_photo(self, photo_id: int) -> PendingPhoto | None:
        """The pending state of a photo; None when its bytes are in the file (or no photo)."""
        row = self._run(_SELECT.where(pending_photos.c.photo_id == photo_id)).first()
        return None if row is None else _pending_from_row(row)

    def pending_count(self) -> int:
        """How many photos still have their bytes outside the file."""
        return int(self._run(select(func.count()).select_from(pending_photos)).scalar() or 0)

    def set_pending_state(self, photo_id: int, state: PendingState) -> None:
        """Record why a pending photo could not be copied (nothing happens to a copied one)."""
        statement = (
            update(pending_photos)
            .where(pending_photos.c.photo_id == photo_id)
            .values(state=state.value)
        )
        with self._writing():
            self._db.conn.execute(statement)

    def store_original(self, photo_id: int, data: bytes) -> bool:
        """Store the bytes of a pending photo, which is then complete, known by the SHA-256 of
        its bytes, and forgets its original's path. Returns False, changing nothing, when
        ``data`` is not the photo's bytes (see :meth:`PendingPhoto.matches`) or are those of
        another photo of the survey; True when stored, or when the photo already had its
        bytes."""
        pending = self.pending_photo(photo_id)
        if pending is None:
            self._require_photo(photo_id)
            return True
        if not pending.matches(data):
            return False
        sha256 = _sha256(data)
        owner = self._run(select(photos.c.id).where(photos.c.sha256 == sha256)).scalar()
        if owner not in (None, photo_id):  # only with a photo left pending by version 3
            return False
        self._move_in(photo_id, data, sha256)
        return True

    def key_legacy_pending(self) -> int:
        """Give the photos left pending by schema version 3 (known by SHA-256 only) their
        quick key, read from their original when it still holds their bytes, so that an
        import recognises them; return how many were keyed."""
        statement = _SELECT.where(photos.c.quick_key.is_(None))
        keyed = 0
        for pending in [_pending_from_row(row) for row in self._run(statement)]:
            data = read_original(pending)
            if not isinstance(data, bytes) or not pending.matches(data):
                continue
            key = quick_key_of(data)
            if self._quick_key_free(key, pending.photo_id):
                with self._writing():
                    update_key = update(photos).where(photos.c.id == pending.photo_id)
                    self._db.conn.execute(update_key.values(quick_key=key))
                keyed += 1
        return keyed

    def _quick_key_free(self, key: str, photo_id: int) -> bool:
        """Whether no photo but ``photo_id`` holds this quick key (one may, when the same bytes
        were imported again while a photo left pending by version 3 had lost its original)."""
        holder = self._run(select(photos.c.id).where(photos.c.quick_key == key)).scalar()
        return holder in (None, photo_id)

    def _move_in(self, photo_id: int, data: bytes, sha256: str | None = None) -> None:
        """Turn a pending photo into a complete one: bytes and thumbnail into photo_blobs, and
        the SHA-256 (``sha256``, when already computed) and quick key of ``data`` into its
        photos row."""
        thumbnail = select(pending_photos.c.thumbnail).where(pending_photos.c.photo_id == photo_id)
        keys = {"sha256": sha256 or _sha256(data)}
        key = quick_key_of(data)
        if self._quick_key_free(key, photo_id):
            keys["quick_key"] = key
        with self._writing():
            row = self._db.conn.execute(thumbnail).first()
            if row is None:
                return
            values = {"photo_id": photo_id, "thumbnail": row[0], "data": data}
            self._db.conn.execute(insert(photo_blobs), values)
            self._db.conn.execute(update(photos).where(photos.c.id == photo_id).values(keys))
            self._db.conn.execute(
                delete(pending_photos).where(pending_photos.c.photo_id == photo_id)
            )

    def _add_pending(self, rows: Sequence[tuple[int, Path, int, bytes | None]]) -> None:
        """Insert pending rows: (photo id, original's path, size, thumbnail)."""
        values = [
            {
                "photo_id": photo_id,
                "source": str(source),
                "size": size,
                "state": PendingState.WAITING.value,
                "thumbnail": thumbnail,
            }
            for photo_id, source, size, thumbnail in rows
        ]
        self._db.conn.execute(insert(pending_photos), values)

    def _original_data(self, photo_id: int) -> bytes:
        """The bytes of a pending photo, read from its original if it is still the same file.

        A read-only survey is someone else's: its paths name their disk, never read here."""
        pending = self.pending_photo(photo_id)
        if pending is None:
            self._require_photo(photo_id)
            raise SurveyError(f"Photo {photo_id} has no bytes.", "survey.corrupt")
        if self._db.readonly:
            raise _not_copied(pending)
        data = read_original(pending)
        if isinstance(data, bytes) and pending.matches(data):
            return data
        raise _not_copied(pending)

    def _require_photo(self, photo_id: int) -> None:
        """SurveyError("photo.missing") unless the survey has this photo."""
        if self._run(select(photos.c.id).where(photos.c.id == photo_id)).first() is None:
            raise SurveyError(f"No photo {photo_id} in this survey.", "photo.missing")
