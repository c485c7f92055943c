"""Import walk photos into a survey: each photographed camera becomes a draft to confirm."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from contrechamp.core.drafts import (
    PAIR_MAX_METRES,
    PAIR_MAX_SECONDS,
    PhotoFix,
    close_up_and_wide,
    draft_camera,
    group_sightings,
    position_from_track,
)
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.track import TrackPoint
from contrechamp.formats.exif import PhotoExif, read_exif
from contrechamp.formats.limits import checked_size
from contrechamp.formats.photo_files import photo_size, sniff_mime, upright_jpeg
from contrechamp.ops.photo_previews import render_previews
from contrechamp.store.survey import SurveyFile

__all__ = ["MAX_PHOTO_BYTES", "ImportSummary", "import_photos", "photo_files", "render_previews"]

MAX_PHOTO_BYTES = 200 * 1024 * 1024
"""Larger than any phone photo (a 200-MP HEIC is ~40 MB)."""

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class ImportSummary:
    """What an import did. ``unplaced`` lists photos stored without a camera (to place on
    the map); ``skipped`` pairs a file with a reason code (file.missing, file.unreadable,
    file.too_large, file.changed, photo.unsupported, photo.unreadable, photo.too_large);
    ``camera_ids`` are the drafts created, in the order of the walk."""

    drafts_created: int = 0
    photos_added: int = 0
    duplicates: int = 0
    unplaced: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    camera_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _ReadPhoto:
    """A photo file after the first pass: identity, EXIF and where it was taken."""

    path: Path
    sha256: str
    mime: str
    exif: PhotoExif
    fix: PhotoFix | None
    stamp: tuple[int, int]  # size and modification time, to notice a file changed since


def import_photos(
    survey: SurveyFile,
    paths: Sequence[Path],
    *,
    track: Sequence[TrackPoint] = (),
    clock_offset: timedelta = timedelta(0),
    surveyor: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportSummary:
    """Turn photo files (and folders of them, recursively) into draft cameras.

    Photos with a position (EXIF, else the GPS ``track`` at the photo's time plus
    ``clock_offset``) are grouped into sightings (a close-up and a wide shot taken within
    60 s and 15 m) and each sighting becomes one draft, saved with its photos in one
    transaction. Photos without a position are stored unattached. Photos already in the
    survey (same bytes) are counted, not stored twice. Cancelling stops between drafts.
    """
    summary = ImportSummary()
    files = list(photo_files(paths, summary))
    steps = _Steps(2 * len(files), progress)
    photos = _first_pass(survey, files, track, clock_offset, summary, steps, cancelled)
    if summary.cancelled:
        return summary
    by_key = {photo.sha256: photo for photo in photos}
    fixes = [photo.fix for photo in photos if photo.fix is not None]
    groups = group_sightings(fixes, PAIR_MAX_SECONDS, PAIR_MAX_METRES)
    groups += [[_unplaced_fix(photo)] for photo in photos if photo.fix is None]
    for index, group in enumerate(groups):
        if cancelled is not None and cancelled():
            summary.cancelled = True
            break
        try:
            _store_group(survey, [by_key[fix.key] for fix in group], group, surveyor, summary)
        except SurveyError as error:  # the file cannot take more (disk full, busy): stop
            left = [by_key[fix.key].path for rest in groups[index:] for fix in rest]
            summary.skipped.extend((str(path), error.code) for path in left)
            break
        steps.advance(len(files) // max(len(groups), 1))
    if not summary.cancelled:
        steps.finish()
    return summary


def photo_files(paths: Sequence[Path], summary: ImportSummary) -> Iterator[Path]:
    """The files to import: each file given, and every file under each folder given (sorted,
    hidden files and folders left out); missing paths go to ``summary.skipped``."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from _folder_files(path)
        elif path.exists():
            yield path
        else:
            summary.skipped.append((str(path), "file.missing"))


def _folder_files(folder: Path) -> Iterator[Path]:
    """Every non-hidden file under a folder, in name order."""
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root) / name


class _Steps:
    """Progress reports over a fixed number of steps."""

    def __init__(self, total: int, report: Progress | None) -> None:
        self.done, self.total, self._report = 0, total, report

    def advance(self, count: int = 1) -> None:
        """Count steps done and report."""
        self.done = min(self.total, self.done + count)
        if self._report is not None:
            self._report(self.done, self.total)

    def finish(self) -> None:
        """Report completion."""
        self.advance(self.total)


def _first_pass(
    survey: SurveyFile,
    files: Sequence[Path],
    track: Sequence[TrackPoint],
    clock_offset: timedelta,
    summary: ImportSummary,
    steps: _Steps,
    cancelled: Cancelled | None,
) -> list[_ReadPhoto]:
    """Read every file's EXIF and hash, dropping duplicates and unusable files."""
    ordered_track = sorted(track, key=lambda point: point.time.timestamp())
    photos: list[_ReadPhoto] = []
    seen: set[str] = set()
    for path in files:
        if cancelled is not None and cancelled():
            summary.cancelled = True
            break
        try:
            photo = _read_photo(path, ordered_track, clock_offset)
        except InputError as error:
            summary.skipped.append((str(path), error.code))
        else:
            if photo.sha256 in seen or survey.photo_by_hash(photo.sha256) is not None:
                summary.duplicates += 1
            else:
                seen.add(photo.sha256)
                photos.append(photo)
        steps.advance()
    return photos


def _read_photo(path: Path, track: Sequence[TrackPoint], clock_offset: timedelta) -> _ReadPhoto:
    """Hash a photo file and read its EXIF (the pixels are not decoded)."""
    stamp = _stamp(path)
    data = _read_bytes(path)
    mime = sniff_mime(data[:64])
    if mime is None:
        raise InputError(f"{path.name} is not a JPEG, HEIC, PNG or WebP photo", "photo.unsupported")
    photo_size(data)  # the header must parse, within the decompression-bomb limit
    exif = read_exif(data)
    sha256 = hashlib.sha256(data).hexdigest()
    return _ReadPhoto(path, sha256, mime, exif, _fix(sha256, exif, track, clock_offset), stamp)


def _stamp(path: Path) -> tuple[int, int]:
    """A file's size and modification time (0, 0 when it cannot be read)."""
    try:
        status = path.stat()
    except OSError:
        return 0, 0
    return status.st_size, status.st_mtime_ns


def _read_bytes(path: Path) -> bytes:
    """A photo file's bytes, bounded in size."""
    checked_size(path, MAX_PHOTO_BYTES)
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path.name}: cannot read", "file.unreadable") from error


def _fix(
    key: str, exif: PhotoExif, track: Sequence[TrackPoint], clock_offset: timedelta
) -> PhotoFix | None:
    """Where the photo was taken: its EXIF position, else the track at its time."""
    position: tuple[float, float] | None = None
    accuracy = None
    if exif.lat is not None and exif.lon is not None:
        position, accuracy = (exif.lat, exif.lon), exif.accuracy_m
    elif track and exif.taken_at is not None:
        position = position_from_track(track, exif.taken_at, clock_offset)
    if position is None:
        return None
    return PhotoFix(key, *position, exif.taken_at, exif.heading, exif.zoom, accuracy)


def _unplaced_fix(photo: _ReadPhoto) -> PhotoFix:
    """A stand-in fix for a photo without position (it gets no camera)."""
    return PhotoFix(photo.sha256, 0.0, 0.0, photo.exif.taken_at)


def _store_group(
    survey: SurveyFile,
    photos: list[_ReadPhoto],
    group: list[PhotoFix],
    surveyor: str | None,
    summary: ImportSummary,
) -> None:
    """Save one sighting: a draft and its photos, or an unplaced photo, in one transaction
    (all or nothing: SurveyError leaves the file as it was before this sighting)."""
    loaded = _reload(photos, summary)
    kept = [fix for fix in group if fix.key in loaded]
    if not kept:
        return
    placed = photos[0].fix is not None
    camera = draft_camera(kept, surveyor=surveyor) if placed else None
    roles = _roles(kept) if placed else {kept[0].key: PhotoRole.OTHER}
    with survey.transaction():
        if camera is not None:
            survey.add_camera(camera)
        for fix in kept:
            photo, data = loaded[fix.key]
            _store_photo(survey, photo, data, camera.id if camera else None, roles[fix.key])
    summary.photos_added += len(kept)
    if camera is None:
        summary.unplaced.append(str(photos[0].path))
    else:
        summary.drafts_created += 1
        summary.camera_ids.append(camera.id)


def _reload(
    photos: list[_ReadPhoto], summary: ImportSummary
) -> dict[str, tuple[_ReadPhoto, bytes]]:
    """Read the photos' bytes again to store them; a file changed or gone since is skipped."""
    loaded: dict[str, tuple[_ReadPhoto, bytes]] = {}
    for photo in photos:
        # Compared by size and time, not hash: the store hashes the bytes it keeps anyway.
        if _stamp(photo.path) != photo.stamp:
            summary.skipped.append((str(photo.path), "file.changed"))
            continue
        try:
            data = _read_bytes(photo.path)
        except InputError as error:
            summary.skipped.append((str(photo.path), error.code))
            continue
        loaded[photo.sha256] = (photo, data)
    return loaded


def _roles(group: list[PhotoFix]) -> dict[str, PhotoRole]:
    """Close-up and wide shot of a pair; a lone photo is taken to show the camera close."""
    close_up, wide = close_up_and_wide(group)
    roles = {close_up.key: PhotoRole.CLOSE_UP}
    if wide is not None:
        roles[wide.key] = PhotoRole.WIDE
    return roles


def _store_photo(
    survey: SurveyFile, photo: _ReadPhoto, data: bytes, camera_id: str | None, role: PhotoRole
) -> None:
    """Store one photo with its metadata and its upright EXIF thumbnail (if any)."""
    survey.add_photo(_photo_info(photo, camera_id, role), data, _upright_thumbnail(photo.exif))


def _upright_thumbnail(exif: PhotoExif) -> bytes | None:
    """The embedded EXIF thumbnail turned upright; None when absent or broken (the
    preview is rendered later instead)."""
    if exif.thumbnail is None:
        return None
    try:
        return upright_jpeg(exif.thumbnail, exif.orientation)
    except InputError:
        return None


def _photo_info(photo: _ReadPhoto, camera_id: str | None, role: PhotoRole) -> PhotoInfo:
    """The stored metadata of a photo (its position is where it was taken)."""
    exif, fix = photo.exif, photo.fix
    return PhotoInfo(
        id=None,
        camera_id=camera_id,
        sha256=photo.sha256,
        filename=photo.path.name,
        mime=photo.mime,
        role=role,
        taken_at=exif.taken_at,
        lat=fix.lat if fix else None,
        lon=fix.lon if fix else None,
        accuracy_m=exif.accuracy_m,
        heading=exif.heading,
        heading_ref=exif.heading_ref,
        altitude=exif.altitude,
        orientation=exif.orientation,
    )
