"""Share the survey's photos as files: metadata stripped unless asked, no names in file names."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import ContrechampError, InputError
from contrechamp.core.photo import PhotoInfo
from contrechamp.formats._atomic import atomic_bytes_writer, write_bytes_atomically
from contrechamp.formats.photo_files import sniff_mime
from contrechamp.ops.blur import PhotoScan, blurred_copy, scan_photos
from contrechamp.ops.progress import Progress
from contrechamp.store.survey import SurveyFile

__all__ = ["PhotoArchive", "PhotoExport", "export_photos", "write_photo_zip"]

_EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/heic": "heic",
    "image/heif": "heif",
    "image/jxl": "jxl",
    "image/avif": "avif",
}


@dataclass
class PhotoExport:
    """What an export wrote, and the photos it could not write (photo id, error code)."""

    written: list[Path] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)


def export_photos(
    survey: SurveyFile,
    folder: Path,
    *,
    keep_metadata: bool = False,
    confirmed_only: bool = False,
    blur: bool = True,
    progress: Progress | None = None,
) -> PhotoExport:
    """Write the photos of the survey's cameras (rejected ones left out) into ``folder``.

    By default each copy has its EXIF, XMP, IPTC, GPS, serial numbers and owner names
    removed (``keep_metadata`` writes the original bytes). The photos in the survey are
    never changed. Files are named ``<camera id>-<role>-<photo id>.<ext>``, never after the
    original file (which may name its author), and each appears whole or not at all.
    With ``blur`` (the default), faces and the photos' blur regions are blurred in the
    copies (see ``ops.blur.scan_photos`` for ``progress`` and its errors).
    """
    cameras = _cameras_to_share(survey, confirmed_only)
    scan = _scan(survey, cameras, progress) if blur else None
    folder.mkdir(parents=True, exist_ok=True)
    result = PhotoExport()
    for camera in cameras:
        for photo in survey.photos(camera.id):
            if photo.id is None:
                continue
            try:
                shared = _shared_bytes(survey, photo.id, keep_metadata, scan)
                result.written.append(_export_one(shared, photo, camera, folder))
            except ContrechampError as error:
                result.failed.append((photo.id, error.code))
    return result


def _cameras_to_share(survey: SurveyFile, confirmed_only: bool) -> list[Camera]:
    """The cameras whose photos are exported."""
    if confirmed_only:
        return survey.cameras(Status.CONFIRMED)
    return [c for c in survey.cameras() if c.status is not Status.REJECTED]


def _scan(survey: SurveyFile, cameras: Iterable[Camera], progress: Progress | None) -> PhotoScan:
    """The regions to blur in the photos of ``cameras`` (faces looked for where needed)."""
    ids = [p.id for camera in cameras for p in survey.photos(camera.id) if p.id is not None]
    return scan_photos(survey, ids, progress=progress)


def _export_one(shared: tuple[bytes, str], photo: PhotoInfo, camera: Camera, folder: Path) -> Path:
    """Write one photo's shared copy and return its path."""
    data, extension = shared
    path = folder / f"{camera.id}-{photo.role.value}-{photo.id}.{extension}"
    write_bytes_atomically(path, data)
    return path


def _shared_bytes(
    survey: SurveyFile, photo_id: int, keep_metadata: bool, scan: PhotoScan | None = None
) -> tuple[bytes, str]:
    """A photo's bytes as shared (its regions blurred when ``scan`` has any, metadata
    stripped unless asked) and its file extension."""
    data = survey.photo_data(photo_id)
    regions = [] if scan is None else scan.of(photo_id)
    if regions or not keep_metadata:
        data = blurred_copy(data, regions)
    mime = sniff_mime(data[:64])
    if mime is None:
        raise InputError("the stored photo is not an image", "photo.unreadable")
    return data, _EXTENSIONS[mime]


@dataclass
class PhotoArchive:
    """What a zip of photos holds: its entry names, and the photos left out (id, code)."""

    names: list[str] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)


def write_photo_zip(
    survey: SurveyFile,
    cameras: Iterable[Camera],
    out: Path,
    *,
    keep_metadata: bool = False,
    blur: bool = True,
    progress: Progress | None = None,
) -> PhotoArchive:
    """Write the photos of ``cameras`` into one zip file, atomically.

    Entries are named ``<camera id>-<n>.<ext>`` (n from 1 for each camera), never after the
    original file, and carry no time of their own (1980-01-01, zip's first day): a photo
    stripped of its EXIF keeps no trace of when it was taken. Metadata is stripped as in
    ``export_photos`` unless ``keep_metadata``. A photo that cannot be read is left out and
    listed. Raises ``OSError`` when the file cannot be written (it is then left as it was).
    ``blur`` and ``progress`` as in ``export_photos``: faces are looked for before anything
    is written.
    """
    cameras = list(cameras)
    scan = _scan(survey, cameras, progress) if blur else None
    archive = PhotoArchive()
    with atomic_bytes_writer(out) as stream, zipfile.ZipFile(stream, "w") as bundle:
        for camera in cameras:
            number = 0
            for photo in survey.photos(camera.id):
                if photo.id is None:
                    continue
                try:
                    data, extension = _shared_bytes(survey, photo.id, keep_metadata, scan)
                except ContrechampError as error:
                    archive.failed.append((photo.id, error.code))
                    continue
                number += 1
                name = f"{camera.id}-{number}.{extension}"
                entry = zipfile.ZipInfo(name)  # photos are compressed already: stored
                entry.external_attr = 0o644 << 16  # a plain readable file once unpacked
                bundle.writestr(entry, data, zipfile.ZIP_STORED)
                archive.names.append(name)
    return archive
