"""Import walk photos into a survey: each photographed camera becomes a draft to confirm.

The import has two phases. :func:`import_photos` makes the drafts: it reads every photo's
quick key, EXIF and embedded thumbnail (never a whole JPEG) and records drafts and photos in a
few large transactions, the photos *pending* (their bytes still in the original files). Then
:func:`contrechamp.ops.photo_copy.copy_pending_photos` copies the bytes into the survey.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from contrechamp.core.camera import Camera
from contrechamp.core.drafts import (
    PAIR_MAX_METRES,
    PAIR_MAX_SECONDS,
    PhotoFix,
    close_up_and_wide,
    draft_camera,
    group_sightings,
    position_from_track,
)
from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.track import TrackPoint
from contrechamp.ops.photo_copy import CopySummary, copy_pending_photos
from contrechamp.ops.photo_previews import render_previews
from contrechamp.ops.photo_reading import MAX_PHOTO_BYTES, PhotoRead, read_photos
from contrechamp.ops.progress import Progress, quiet
from contrechamp.store.photos import PendingInput
from contrechamp.store.survey import SurveyFile

__all__ = [
    "MAX_PHOTO_BYTES",
    "CopySummary",
    "ImportSummary",
    "copy_pending_photos",
    "import_photos",
    "photo_files",
    "photo_info",
    "render_previews",
]

_PHOTOS_PER_COMMIT = 250
"""Drafts are committed in batches of whole sightings, with their photos in bulk: one durable
commit per sighting cost more than reading its photos."""
_PAIRING = (PAIR_MAX_SECONDS, PAIR_MAX_METRES)  # what makes two photos one sighting


@dataclass
class ImportSummary:
    """What an import did. ``unplaced`` lists photos stored without a camera (to place on
    the map); ``skipped`` pairs a file with a reason code (file.missing, file.unreadable,
    file.too_large, photo.unsupported, photo.unreadable, photo.too_large, or a survey.*
    code when the survey file could take no more); ``camera_ids`` are the drafts created,
    in the order of the walk. Photos added are pending until copied into the survey."""

    drafts_created: int = 0
    photos_added: int = 0
    duplicates: int = 0
    unplaced: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False
    camera_ids: list[str] = field(default_factory=list)

    def add(self, other: ImportSummary) -> None:
        """Count what ``other`` (one committed batch) did into this summary."""
        self.drafts_created += other.drafts_created
        self.photos_added += other.photos_added
        self.unplaced += other.unplaced
        self.skipped += other.skipped
        self.camera_ids += other.camera_ids
        self.cancelled = self.cancelled or other.cancelled


def import_photos(
    survey: SurveyFile,
    paths: Sequence[Path],
    *,
    track: Sequence[TrackPoint] = (),
    clock_offset: timedelta = timedelta(0),
    surveyor: str | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Turn photo files (and folders of them, recursively) into draft cameras.

    Photos with a position (EXIF, else the GPS ``track`` at the photo's time plus
    ``clock_offset``) are grouped into sightings (a close-up and a wide shot taken within
    60 s and 15 m) and each sighting becomes one draft with its photos; a sighting is
    always stored whole. Photos without a position are stored unattached. Photos already
    in the survey (same quick key: same size, head and tail) are counted, not stored twice.
    Photos are recorded pending: call ``copy_pending_photos`` next to bring their bytes in.
    ``progress`` advances over two steps per file (reading, then storing); stopping it stops
    between drafts.
    """
    progress = progress or quiet()
    summary = ImportSummary()
    files = list(photo_files(paths, summary))
    steps = _Steps(2 * len(files), progress)
    read = _first_pass(survey, files, summary, steps)
    if summary.cancelled:
        return summary
    ordered_track = sorted(track, key=lambda point: point.time.timestamp())
    fixes = {photo.quick_key: _fix(photo, ordered_track, clock_offset) for photo in read}
    groups = group_sightings([f for f in fixes.values() if f is not None], *_PAIRING)
    groups += [[_unplaced_fix(photo)] for photo in read if fixes[photo.quick_key] is None]
    writer = _DraftWriter(survey, read, fixes, surveyor, steps)
    writer.store(groups, summary, max(1, len(files) // max(len(groups), 1)))
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
    """An import's progress over a fixed number of steps, counted from its start."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.done, self.total, self.progress = 0, total, progress

    def advance(self, count: int = 1) -> None:
        """Count steps done and report."""
        self.done = min(self.total, self.done + count)
        self.progress.advance(self.done, self.total)

    @property
    def stopped(self) -> bool:
        """Whether the import was asked to stop."""
        return self.progress.stopped

    def finish(self) -> None:
        """Report completion."""
        self.advance(self.total)


def _first_pass(
    survey: SurveyFile,
    files: Sequence[Path],
    summary: ImportSummary,
    steps: _Steps,
) -> list[PhotoRead]:
    """Read every file's quick key, EXIF and thumbnail, dropping duplicates and unusable
    files."""
    photos: dict[str, PhotoRead] = {}
    for path, photo in read_photos(files, progress=steps.progress):
        if not isinstance(photo, PhotoRead):
            summary.skipped.append((str(path), photo.code))
        elif photo.quick_key in photos:
            summary.duplicates += 1
        else:
            photos[photo.quick_key] = photo
        steps.advance()
    summary.cancelled = steps.done < len(files) and steps.stopped
    survey.key_legacy_pending()  # photos left pending by an older version, if any
    known = survey.known_quick_keys(photos)
    summary.duplicates += len(known)
    return [photo for key, photo in photos.items() if key not in known]


def _fix(photo: PhotoRead, track: Sequence[TrackPoint], clock_offset: timedelta) -> PhotoFix | None:
    """Where the photo was taken: its EXIF position, else the (time-ordered) track at its
    time."""
    exif = photo.exif
    position: tuple[float, float] | None = None
    accuracy = None
    if exif.lat is not None and exif.lon is not None:
        position, accuracy = (exif.lat, exif.lon), exif.accuracy_m
    elif track and exif.taken_at is not None:
        position = position_from_track(track, exif.taken_at, clock_offset)
    if position is None:
        return None
    return PhotoFix(photo.quick_key, *position, exif.taken_at, exif.heading, exif.zoom, accuracy)


def _unplaced_fix(photo: PhotoRead) -> PhotoFix:
    """A stand-in fix for a photo without position (it gets no camera)."""
    return PhotoFix(photo.quick_key, 0.0, 0.0, photo.exif.taken_at)


class _DraftWriter:
    """Stores sightings in batches, each in one transaction (all or nothing)."""

    def __init__(
        self,
        survey: SurveyFile,
        read: list[PhotoRead],
        fixes: dict[str, PhotoFix | None],
        surveyor: str | None,
        steps: _Steps,
    ) -> None:
        self._survey, self._surveyor = survey, surveyor
        self._by_key, self._fixes = {photo.quick_key: photo for photo in read}, fixes
        self._steps = steps

    def store(self, groups: list[list[PhotoFix]], summary: ImportSummary, step: int) -> None:
        """Store every sighting; on a survey error the rest is listed as skipped."""
        batches = list(_batches(groups, _PHOTOS_PER_COMMIT))
        for index, batch in enumerate(batches):
            done = ImportSummary()
            cameras, photos = self._drafts(batch, done)
            try:
                with self._survey.transaction():
                    self._survey.add_cameras(cameras)
                    self._survey.add_pending_photos(photos)
            except SurveyError as error:  # nothing of this batch was kept: stop here
                summary.skipped += [s for b in batches[index:] for s in self._skips(b, error.code)]
                return
            summary.add(done)
            self._steps.advance(step * len(batch))
            if done.cancelled:
                return

    def _skips(self, groups: list[list[PhotoFix]], code: str) -> list[tuple[str, str]]:
        return [(str(self._by_key[fix.key].path), code) for group in groups for fix in group]

    def _drafts(
        self, batch: list[list[PhotoFix]], done: ImportSummary
    ) -> tuple[list[Camera], list[PendingInput]]:
        """The drafts and photos of a batch's sightings, until the user cancels."""
        cameras: list[Camera] = []
        photos: list[PendingInput] = []
        for group in batch:
            if self._steps.stopped:
                done.cancelled = True
                break
            camera = self._sighting(group, photos)
            if camera is None:
                done.unplaced.append(str(self._by_key[group[0].key].path))
            else:
                cameras.append(camera)
                done.camera_ids.append(camera.id)
            done.photos_added += len(group)
        done.drafts_created = len(cameras)
        return cameras, photos

    def _sighting(self, group: list[PhotoFix], photos: list[PendingInput]) -> Camera | None:
        """One sighting's draft (None for an unplaced photo); its photos go to ``photos``."""
        placed = self._fixes[group[0].key] is not None
        camera = draft_camera(group, surveyor=self._surveyor) if placed else None
        roles = _roles(group) if placed else {group[0].key: PhotoRole.OTHER}
        camera_id = camera.id if camera else None
        for fix in group:
            photo = self._by_key[fix.key]
            info = photo_info(photo, self._fixes[fix.key], camera_id, roles[fix.key])
            photos.append((info, photo.path, photo.size, photo.thumbnail))
        return camera


def _batches(groups: list[list[PhotoFix]], photos: int) -> Iterator[list[list[PhotoFix]]]:
    """Consecutive runs of sightings holding about ``photos`` photos each."""
    batch: list[list[PhotoFix]] = []
    count = 0
    for group in groups:
        batch.append(group)
        count += len(group)
        if count >= photos:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


def _roles(group: list[PhotoFix]) -> dict[str, PhotoRole]:
    """Close-up and wide shot of a pair; a lone photo is taken to show the camera close."""
    close_up, wide = close_up_and_wide(group)
    roles = {close_up.key: PhotoRole.CLOSE_UP}
    if wide is not None:
        roles[wide.key] = PhotoRole.WIDE
    return roles


def photo_info(
    photo: PhotoRead,
    fix: PhotoFix | None,
    camera_id: str | None,
    role: PhotoRole = PhotoRole.OTHER,
) -> PhotoInfo:
    """The stored metadata of a read photo, pending: its ``sha256`` is its quick key until
    the copy; its position is where it was taken: ``fix``, else its EXIF position."""
    exif = photo.exif
    return PhotoInfo(
        id=None,
        camera_id=camera_id,
        sha256=photo.quick_key,
        filename=photo.path.name,
        mime=photo.mime,
        role=role,
        taken_at=exif.taken_at,
        lat=fix.lat if fix else exif.lat,
        lon=fix.lon if fix else exif.lon,
        accuracy_m=exif.accuracy_m,
        heading=exif.heading,
        heading_ref=exif.heading_ref,
        altitude=exif.altitude,
        orientation=exif.orientation,
    )
