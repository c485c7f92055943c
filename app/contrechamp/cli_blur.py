"""``contrechamp export``'s look for faces, before photos are written: how far it is on
stderr, Ctrl+C to stop it (what was found so far stays in the survey)."""

from __future__ import annotations

import sys
from typing import TextIO

from contrechamp.ops.blur import scan_photos
from contrechamp.ops.blur_review import photos_of_export
from contrechamp.ops.exports import ExportFormat, ExportOptions
from contrechamp.ops.progress import Progress
from contrechamp.store.survey import SurveyFile

__all__ = ["look_for_faces", "progress_line"]


def progress_line(done: int, total: int) -> str:
    """The line shown while faces are looked for.

    >>> progress_line(3, 10)
    'looking for faces: 3 of 10 photos (Ctrl+C stops)'
    """
    return f"looking for faces: {done} of {total} photos (Ctrl+C stops)"


def look_for_faces(
    survey: SurveyFile, fmt: ExportFormat, options: ExportOptions, out: TextIO | None = None
) -> None:
    """Look for faces in the photos the export will carry and keep what is found, saying how
    far it is on ``out`` (stderr): redrawn in place on a terminal, at start and end else."""
    stream = out or sys.stderr
    live = stream.isatty()
    photo_ids = photos_of_export(survey, fmt, options)

    def show(done: int, total: int) -> None:
        if live:
            stream.write("\r" + progress_line(done, total))
        elif done in (0, total):
            stream.write(progress_line(done, total) + "\n")
        stream.flush()

    try:
        scan_photos(survey, photo_ids, progress=Progress(listener=show))
    finally:
        if live:
            stream.write("\n")
