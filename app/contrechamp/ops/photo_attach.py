"""Attach photo files to a camera that already exists (``contrechamp add --photo``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from contrechamp.core.errors import InputError
from contrechamp.ops.photo_import import photo_info
from contrechamp.ops.photo_reading import read_photo
from contrechamp.store.survey import SurveyFile

__all__ = ["attach_photo_files"]


def attach_photo_files(survey: SurveyFile, camera_id: str, paths: Sequence[Path]) -> int:
    """Store each photo with its bytes (once, by content), attached to ``camera_id``; return
    how many.

    Raises ``InputError`` for a file that is not a readable photo, before storing anything.
    """
    photos = [read_photo(Path(p)) for p in paths]
    with survey.transaction():
        for photo in photos:
            data = _read_again(photo.path)
            stored = survey.add_photo(photo_info(photo, None, camera_id), data, photo.thumbnail)
            if stored.camera_id is None and stored.id is not None:
                # Already in the survey, unplaced (an earlier import): it belongs here now.
                survey.attach_photo(stored.id, camera_id, stored.role)
    return len(photos)


def _read_again(path: Path) -> bytes:
    """The photo's bytes, to store them (the store hashes what it keeps)."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path.name}: cannot read", "file.unreadable") from error
