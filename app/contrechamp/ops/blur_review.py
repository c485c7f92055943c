"""The review of blurred regions before photos leave the laptop: which photos an export
carries, and whether the survey's first review is still due.

The review is shown once per survey, before its first export that carries photos (and any
time from the menu); after it, exports blur what the review left without asking again.
"""

from __future__ import annotations

from contrechamp.core.camera import Camera, Status, utc_now
from contrechamp.ops.exports import ExportFormat, ExportOptions, camera_selection
from contrechamp.store.rows import datetime_to_text
from contrechamp.store.survey import SurveyFile

__all__ = [
    "REVIEWED_SETTING",
    "carries_photos",
    "mark_reviewed",
    "photos_of_cameras",
    "photos_of_export",
    "photos_of_folder_export",
    "review_due",
]

REVIEWED_SETTING = "blur_reviewed"
"""The survey setting that holds when its blurred regions were first reviewed (UTC)."""


def carries_photos(fmt: ExportFormat, options: ExportOptions) -> bool:
    """Whether an export in ``fmt`` with ``options`` writes photos (a zip of them, or the
    HTML map's previews).

    >>> carries_photos(ExportFormat.HTML, ExportOptions(with_photos=True))
    True
    >>> carries_photos(ExportFormat.CSV, ExportOptions())
    False
    """
    return fmt is ExportFormat.PHOTOS or (fmt is ExportFormat.HTML and options.with_photos)


def photos_of_cameras(survey: SurveyFile, cameras: list[Camera]) -> list[int]:
    """The ids of the photos of ``cameras`` (those copied in or not), in camera order."""
    wanted = {camera.id: n for n, camera in enumerate(cameras)}
    photos = [p for p in survey.photos() if p.id is not None and p.camera_id in wanted]
    photos.sort(key=lambda p: (wanted[p.camera_id or ""], p.id))
    return [p.id for p in photos if p.id is not None]


def photos_of_export(survey: SurveyFile, fmt: ExportFormat, options: ExportOptions) -> list[int]:
    """The photos an export of cameras carries (none when it carries no photos).
    Raises InputError("export.sector") as the export would."""
    if not carries_photos(fmt, options):
        return []
    selection = camera_selection(survey, fmt, options)
    return photos_of_cameras(survey, selection.cameras(survey))


def photos_of_folder_export(survey: SurveyFile, confirmed_only: bool) -> list[int]:
    """The photos ``ops.photo_export.export_photos`` writes into a folder."""
    if confirmed_only:
        cameras = survey.cameras(Status.CONFIRMED)
    else:
        cameras = [c for c in survey.cameras() if c.status is not Status.REJECTED]
    return photos_of_cameras(survey, cameras)


def review_due(survey: SurveyFile) -> bool:
    """Whether the survey's blurred regions were never reviewed."""
    return survey.setting(REVIEWED_SETTING) is None


def mark_reviewed(survey: SurveyFile) -> None:
    """Record that the blurred regions were reviewed (now): exports no longer ask."""
    survey.set_setting(REVIEWED_SETTING, datetime_to_text(utc_now()))
