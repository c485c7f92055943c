"""Photos in the survey file: metadata rows and their bytes, deduplicated by quick key."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, union_all, update
from sqlalchemy.exc import IntegrityError

from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.store.layout import PHOTO_COLUMNS
from contrechamp.store.pending import PendingPhotoRecords, quick_key_of
from contrechamp.store.rows import datetime_from_text, datetime_to_text
from contrechamp.store.schema import pending_photos, photo_blobs, photos

__all__ = ["PhotoRecords"]

# The PhotoInfo fields a photo row holds: every column but the id (given by SQLite) and the
# quick key (derived from the bytes, not part of PhotoInfo).
_FIELDS = tuple(name for name in PHOTO_COLUMNS if name not in ("id", "quick_key"))
_SELECT = select(photos.c.id, *(photos.c[name] for name in _FIELDS))


def _photo_values(info: PhotoInfo, sha256: str, key: str) -> dict[str, Any]:
    values = {name: getattr(info, name) for name in _FIELDS}
    values["sha256"] = sha256
    values["quick_key"] = key
    values["role"] = info.role.value
    values["taken_at"] = None if info.taken_at is None else datetime_to_text(info.taken_at)
    return values


def _photo_from_row(row: Sequence[Any]) -> PhotoInfo:
    values = dict(zip(("id", *_FIELDS), row, strict=True))
    try:
        values["role"] = PhotoRole(values["role"])
    except ValueError as error:
        raise SurveyError("Bad photo role in the survey file.", "survey.corrupt") from error
    if values["taken_at"] is not None:
        values["taken_at"] = datetime_from_text(values["taken_at"])
    return PhotoInfo(**values)


PendingInput = tuple[PhotoInfo, Path, int, bytes | None]
"""A photo to record pending: its metadata (``sha256`` holding the original's quick key, see
:func:`contrechamp.store.pending.quick_key`), original, size, thumbnail."""


def _checked_key(text: str) -> str:
    """A SHA-256 in lower-case hex (a quick key is one too); ValueError otherwise."""
    key = text.lower()
    if len(key) != 64 or not set(key) <= set("0123456789abcdef"):
        raise ValueError(f"not a SHA-256: {text!r}")
    return key


def _missing(photo_id: int) -> SurveyError:
    return SurveyError(f"No photo {photo_id} in this survey.", "photo.missing")


class PhotoRecords(PendingPhotoRecords):
    """The photos of a survey, their bytes stored inside the file (or still pending)."""

    def add_photo(self, info: PhotoInfo, data: bytes, thumbnail: bytes | None = None) -> PhotoInfo:
        """Store a photo and return it with its id and SHA-256 (computed from ``data``).

        A photo with the same bytes (same quick key) already in the survey is returned
        instead, unchanged (if it was pending, it now has its bytes). ``thumbnail`` (a small
        JPEG) is stored in the same row: cheaper than a later ``set_thumbnail``, which
        rewrites the whole row, photo bytes included.
        """
        sha256, key = hashlib.sha256(data).hexdigest(), quick_key_of(data)
        with self._writing():
            known = self._ids_by_quick_key([key]).get(key) or self._id_by_hash(sha256)
            if known is not None:
                self._move_in(known, data, sha256)  # nothing to do unless it is pending
                return self._photo_by_id(known)
            photo_id = self._insert_photo(info, sha256, key)
            blob = {"photo_id": photo_id, "data": data, "thumbnail": thumbnail}
            self._db.conn.execute(insert(photo_blobs), blob)
        return replace(info, id=photo_id, sha256=sha256)

    def add_pending_photo(
        self, info: PhotoInfo, source: Path, size: int, thumbnail: bytes | None = None
    ) -> PhotoInfo:
        """Record a photo without its bytes yet: ``info.sha256`` is the quick key of the
        ``size`` bytes of the original file at ``source`` (an absolute path), copied in later
        by :meth:`store_original`. Returns it with its id (its ``sha256`` the quick key until
        the copy); a photo with the same quick key already in the survey is returned
        instead, unchanged."""
        return self.add_pending_photos([(info, source, size, thumbnail)])[0]

    def add_pending_photos(self, pending: Sequence[PendingInput]) -> list[PhotoInfo]:
        """Record many photos as :meth:`add_pending_photo` does one, in one transaction (all
        or none), and return them in the same order."""
        wanted: dict[str, PendingInput] = {}
        for item in pending:
            wanted.setdefault(_checked_key(item[0].sha256), item)
        with self._writing():
            known = self._ids_by_quick_key(wanted)
            fresh = [(key, item) for key, item in wanted.items() if key not in known]
            recorded = {key: self._photo_by_id(photo_id) for key, photo_id in known.items()}
            if fresh:
                for key, photo_id in self._insert_pending(fresh).items():
                    recorded[key] = replace(wanted[key][0], id=photo_id, sha256=key)
        return [recorded[item[0].sha256.lower()] for item in pending]

    def _insert_pending(self, fresh: list[tuple[str, PendingInput]]) -> dict[str, int]:
        """Insert the metadata rows of new photos (their quick key standing for their SHA-256
        until the copy), then their pending rows; return their ids by quick key."""
        rows = [_photo_values(info, key, key) for key, (info, *_) in fresh]
        try:
            self._db.conn.execute(insert(photos), rows)
        except IntegrityError as error:
            raise _camera_missing(None) from error
        ids = self._ids_by_quick_key(key for key, _ in fresh)
        self._add_pending(
            [(ids[sha], source, size, thumbnail) for sha, (_, source, size, thumbnail) in fresh]
        )
        return ids

    def _photo_by_id(self, photo_id: int) -> PhotoInfo:
        row = self._run(_SELECT.where(photos.c.id == photo_id)).first()
        if row is None:
            raise _missing(photo_id)
        return _photo_from_row(row)

    def _insert_photo(self, info: PhotoInfo, sha256: str, key: str) -> int:
        """Insert the metadata row of a new photo and return its id."""
        try:
            result = self._db.conn.execute(insert(photos), _photo_values(info, sha256, key))
        except IntegrityError as error:
            raise _camera_missing(info.camera_id) from error
        return int(result.lastrowid)

    def _id_by_hash(self, sha256: str) -> int | None:
        """The id of the photo known by this SHA-256 (a photo left pending by version 3 is
        known by it alone)."""
        found = self._run(select(photos.c.id).where(photos.c.sha256 == sha256)).scalar()
        return None if found is None else int(found)

    def photo_by_hash(self, sha256: str) -> PhotoInfo | None:
        """Return the photo whose bytes have this SHA-256 (hex), if the survey holds them (a
        pending photo is known by its quick key until its bytes are copied in)."""
        row = self._run(_SELECT.where(photos.c.sha256 == sha256.lower())).first()
        return None if row is None else _photo_from_row(row)

    def known_quick_keys(self, keys: Iterable[str]) -> set[str]:
        """The quick keys among ``keys`` of photos the survey already holds (pending or not)."""
        return set(self._ids_by_quick_key(keys))

    def _ids_by_quick_key(self, keys: Iterable[str]) -> dict[str, int]:
        """The ids of the photos with these quick keys (hex), for those the survey holds."""
        wanted = sorted({key.lower() for key in keys})
        found: dict[str, int] = {}
        for start in range(0, len(wanted), 500):  # within SQLite's bound-parameter limit
            chunk = wanted[start : start + 500]
            column = photos.c.quick_key
            statement = select(column, photos.c.id).where(column.in_(chunk))
            found.update((str(key), int(photo_id)) for key, photo_id in self._all(statement))
        return found

    def photos(self, camera_id: str | None = None) -> list[PhotoInfo]:
        """Return the photos of one camera, or all photos when ``camera_id`` is None."""
        statement = _SELECT if camera_id is None else _SELECT.where(photos.c.camera_id == camera_id)
        return [_photo_from_row(row) for row in self._run(statement.order_by(photos.c.id))]

    def photo_data(self, photo_id: int) -> bytes:
        """Return the bytes of a photo; SurveyError("photo.missing") if absent.

        A pending photo (bytes not copied in yet) is read from its original file if that
        still holds the same bytes, else SurveyError("photo.pending").
        """
        statement = select(photo_blobs.c.data).where(photo_blobs.c.photo_id == photo_id)
        data = self._run(statement).scalar()
        if data is None:
            return self._original_data(photo_id)
        return bytes(data)

    def attach_photo(
        self, photo_id: int, camera_id: str | None, role: PhotoRole | None = None
    ) -> None:
        """Attach a photo to a camera (None detaches it), optionally setting what it shows."""
        values: dict[str, Any] = {"camera_id": camera_id}
        if role is not None:
            values["role"] = role.value
        with self._writing():
            try:
                result = self._db.conn.execute(
                    update(photos).where(photos.c.id == photo_id).values(values)
                )
            except IntegrityError as error:
                raise _camera_missing(camera_id) from error
            if result.rowcount == 0:
                raise _missing(photo_id)

    def set_thumbnail(self, photo_id: int, jpeg: bytes) -> None:
        """Store the small preview of a photo (JPEG bytes), replacing any previous one."""
        with self._writing():
            for table in (photo_blobs, pending_photos):
                statement = update(table).where(table.c.photo_id == photo_id)
                if self._db.conn.execute(statement.values(thumbnail=jpeg)).rowcount:
                    return
            raise _missing(photo_id)

    def photo_count(self) -> int:
        """How many photos the survey holds (pending ones included)."""
        return self._count(photos)

    def thumbnail(self, photo_id: int) -> bytes | None:
        """Return the stored preview of a photo, None if it has none yet."""
        # One statement, so one snapshot: a background copy may move the photo from
        # pending_photos to photo_blobs between two separate queries.
        statement = union_all(
            *(
                select(t.c.thumbnail).where(t.c.photo_id == photo_id)
                for t in (photo_blobs, pending_photos)
            )
        )
        row = self._run(statement).first()
        if row is None:
            raise _missing(photo_id)
        return None if row[0] is None else bytes(row[0])

    def delete_photo(self, photo_id: int) -> None:
        """Delete a photo and its bytes (wiped from the file); SurveyError("photo.missing")."""
        with self._writing():
            if self._db.conn.execute(delete(photos).where(photos.c.id == photo_id)).rowcount == 0:
                raise _missing(photo_id)


def _camera_missing(camera_id: str | None) -> SurveyError:
    if camera_id is None:  # one of many photos: which camera is not known
        return SurveyError("A camera of these photos is not in this survey.", "camera.missing")
    return SurveyError(f"No camera {camera_id!r} in this survey.", "camera.missing")
