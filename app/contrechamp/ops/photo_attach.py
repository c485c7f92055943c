"""Attach photo files to a camera that already exists: read them first, then store them.

The read step (:func:`read_photos_to_attach`) touches only the photo files, so the window runs
it off its thread and the command line before anything is written; the commit step
(:func:`commit_photos`) stores the photos and their links in one transaction. Both the window
(the form's "Add photos…") and ``contrechamp add --photo`` use these two steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from contrechamp.core.errors import InputError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.formats.photo_files import preview_jpeg
from contrechamp.ops.photo_import import photo_info
from contrechamp.ops.photo_reading import read_photo
from contrechamp.store.survey import SurveyFile

__all__ = [
    "THUMBNAIL_PX",
    "PhotoToAttach",
    "attach_photo_files",
    "commit_photos",
    "read_photos_to_attach",
]

THUMBNAIL_PX = 320
"""Longest side of the preview stored with a photo that carries no usable EXIF thumbnail."""


@dataclass(frozen=True, slots=True)
class PhotoToAttach:
    """A photo file read and checked, ready to be stored: metadata, bytes and preview."""

    info: PhotoInfo
    data: bytes
    thumbnail: bytes


def read_photos_to_attach(
    paths: Sequence[Path], role: PhotoRole = PhotoRole.OTHER
) -> list[PhotoToAttach]:
    """Read each photo once (size cap, EXIF, preview); nothing is written anywhere.

    Raises InputError for the first file that is not a readable photo (see
    :func:`~contrechamp.ops.photo_reading.read_photo` for the codes).
    """
    return [_read_one(Path(path), role) for path in paths]


def _read_one(path: Path, role: PhotoRole) -> PhotoToAttach:
    photo = read_photo(path)  # checks the size, the format and the decompression-bomb guard
    try:
        data = photo.path.read_bytes()
    except OSError as error:
        raise InputError(f"{path.name}: cannot read", "file.unreadable") from error
    if len(data) != photo.size:
        raise InputError(f"{path.name}: changed while being read", "file.unreadable")
    thumbnail = photo.thumbnail or preview_jpeg(data, THUMBNAIL_PX)
    return PhotoToAttach(photo_info(photo, None, None, role), data, thumbnail)


def commit_photos(
    survey: SurveyFile, camera_id: str, photos: Sequence[PhotoToAttach]
) -> list[PhotoInfo]:
    """Store the photos (once each, by content) attached to ``camera_id``, all or nothing.

    Returns them as stored, with their ids. A photo already in the survey is not stored
    twice: unplaced, it is attached here; shown with another camera, it stays there.
    SurveyError("camera.missing") if the camera is gone.
    """
    stored: list[PhotoInfo] = []
    with survey.transaction():
        survey.camera(camera_id)  # raises camera.missing before anything is stored
        for photo in photos:
            info = replace(photo.info, camera_id=camera_id)
            kept = survey.add_photo(info, photo.data, photo.thumbnail)
            if kept.id is not None and kept.camera_id is None:
                survey.attach_photo(kept.id, camera_id, photo.info.role)
                kept = replace(kept, camera_id=camera_id, role=photo.info.role)
            stored.append(kept)
    return stored


def attach_photo_files(survey: SurveyFile, camera_id: str, paths: Sequence[Path]) -> int:
    """Read the photo files, then store them attached to ``camera_id``; return how many.

    Raises InputError for a file that is not a readable photo, before storing anything.
    """
    return len(commit_photos(survey, camera_id, read_photos_to_attach(paths)))
