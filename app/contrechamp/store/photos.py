"""Photos in the survey file: metadata rows and their bytes, deduplicated by SHA-256."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.store.base import SurveyBase
from contrechamp.store.rows import datetime_from_text, datetime_to_text
from contrechamp.store.schema import photo_blobs, photos

__all__ = ["PhotoRecords"]

_FIELDS = (
    "camera_id",
    "sha256",
    "filename",
    "mime",
    "role",
    "taken_at",
    "lat",
    "lon",
    "accuracy_m",
    "heading",
    "heading_ref",
    "altitude",
    "orientation",
)
_SELECT = select(photos.c.id, *(photos.c[name] for name in _FIELDS))


def _photo_values(info: PhotoInfo, sha256: str) -> dict[str, Any]:
    values = {name: getattr(info, name) for name in _FIELDS}
    values["sha256"] = sha256
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


def _missing(photo_id: int) -> SurveyError:
    return SurveyError(f"No photo {photo_id} in this survey.", "photo.missing")


class PhotoRecords(SurveyBase):
    """The photos of a survey, their bytes stored inside the file."""

    def add_photo(self, info: PhotoInfo, data: bytes, thumbnail: bytes | None = None) -> PhotoInfo:
        """Store a photo and return it with its id and SHA-256 (computed from ``data``).

        A photo with the same bytes already in the survey is returned instead, unchanged.
        ``thumbnail`` (a small JPEG) is stored in the same row: cheaper than a later
        ``set_thumbnail``, which rewrites the whole row, photo bytes included.
        """
        sha256 = hashlib.sha256(data).hexdigest()
        with self._writing():
            existing = self.photo_by_hash(sha256)
            if existing is not None:
                return existing
            try:
                result = self._db.conn.execute(insert(photos), _photo_values(info, sha256))
            except IntegrityError as error:
                raise _camera_missing(info.camera_id) from error
            photo_id = result.lastrowid
            blob = {"photo_id": photo_id, "data": data, "thumbnail": thumbnail}
            self._db.conn.execute(insert(photo_blobs), blob)
        return replace(info, id=photo_id, sha256=sha256)

    def photo_by_hash(self, sha256: str) -> PhotoInfo | None:
        """Return the photo whose bytes have this SHA-256 (hex), if the survey holds it."""
        row = self._run(_SELECT.where(photos.c.sha256 == sha256.lower())).first()
        return None if row is None else _photo_from_row(row)

    def photos(self, camera_id: str | None = None) -> list[PhotoInfo]:
        """Return the photos of one camera, or all photos when ``camera_id`` is None."""
        statement = _SELECT if camera_id is None else _SELECT.where(photos.c.camera_id == camera_id)
        return [_photo_from_row(row) for row in self._run(statement.order_by(photos.c.id))]

    def photo_data(self, photo_id: int) -> bytes:
        """Return the bytes of a photo; SurveyError("photo.missing") if absent."""
        statement = select(photo_blobs.c.data).where(photo_blobs.c.photo_id == photo_id)
        data = self._run(statement).scalar()
        if data is None:
            raise _missing(photo_id)
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
        statement = (
            update(photo_blobs).where(photo_blobs.c.photo_id == photo_id).values(thumbnail=jpeg)
        )
        with self._writing():
            if self._db.conn.execute(statement).rowcount == 0:
                raise _missing(photo_id)

    def thumbnail(self, photo_id: int) -> bytes | None:
        """Return the stored preview of a photo, None if it has none yet."""
        statement = select(photo_blobs.c.thumbnail).where(photo_blobs.c.photo_id == photo_id)
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
    return SurveyError(f"No camera {camera_id!r} in this survey.", "camera.missing")
