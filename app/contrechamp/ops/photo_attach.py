"""Attach photo files to a camera that already exists (``contrechamp add --photo``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from contrechamp.core.photo import PhotoRole
from contrechamp.ops.photo_import import _read_photo, _store_photo
from contrechamp.store.survey import SurveyFile

__all__ = ["attach_photo_files"]


def attach_photo_files(survey: SurveyFile, camera_id: str, paths: Sequence[Path]) -> int:
    """Store each photo (once, by content) and attach it to ``camera_id``; return how many.

    Raises ``InputError`` for a file that is not a readable photo, before storing anything.
    """
    photos = [_read_photo(Path(p), (), timedelta(0)) for p in paths]
    with survey.transaction():
        for photo in photos:
            data = Path(photo.path).read_bytes()
            _store_photo(survey, photo, data, camera_id, PhotoRole.OTHER)
    return len(photos)
