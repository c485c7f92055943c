"""Read walk photos for an import: quick key, EXIF and embedded thumbnail, no pixel decoding.

A JPEG is read in two short reads: its head (64 KiB, rarely 256 KiB: EXIF, embedded thumbnail
and frame header) and its tail (64 KiB), which with its size make its quick key
(:func:`contrechamp.store.pending.quick_key`); its middle is left to the copy phase, which
reads every byte anyway and computes the SHA-256. Reads and hashing release the GIL, so a few
threads overlap them with the EXIF parsing.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from contrechamp.core.errors import InputError
from contrechamp.formats.exif import PhotoExif, read_exif
from contrechamp.formats.jpeg_segments import (
    SOS,
    JpegSegment,
    JpegStructureError,
    header_segments,
    is_exif_segment,
)
from contrechamp.formats.limits import checked_size
from contrechamp.formats.photo_files import can_decode, photo_size, sniff_mime, upright_jpeg
from contrechamp.ops.progress import Progress
from contrechamp.store.pending import (
    MAX_ORIGINAL_BYTES,
    QUICK_HEAD_BYTES,
    QUICK_TAIL_BYTES,
    quick_key,
    quick_key_of,
)

__all__ = ["MAX_PHOTO_BYTES", "PhotoRead", "read_photo", "read_photos"]

MAX_PHOTO_BYTES = MAX_ORIGINAL_BYTES
"""Larger than any phone photo (a 200-MP HEIC is ~40 MB)."""

_HEAD_BYTES = 256 * 1024  # where a JPEG's frame header may lie after a big XMP or ICC profile


@dataclass(frozen=True, slots=True)
class PhotoRead:
    """A photo file as read for the import: where it is, its identity and its EXIF."""

    path: Path  # absolute
    size: int
    quick_key: str  # see contrechamp.store.pending.quick_key
    mime: str
    exif: PhotoExif
    thumbnail: bytes | None  # the EXIF thumbnail turned upright, when it has a usable one


def read_photo(path: Path) -> PhotoRead:
    """Read a photo file's quick key, its EXIF and its upright embedded thumbnail (no pixel
    decoding, and only the head and tail of a JPEG).

    Raises InputError: file.missing, file.unreadable, file.too_large, photo.unsupported,
    photo.unreadable, photo.too_large (decompression-bomb guard).
    """
    path = Path(os.path.abspath(path))
    checked_size(path, MAX_PHOTO_BYTES)
    try:
        header, key, size = _read_key(path)
    except OSError as error:
        raise InputError(f"{path.name}: cannot read", "file.unreadable") from error
    mime = sniff_mime(header[:64])
    if mime is None or not can_decode(mime):
        message = f"{path.name} is not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP photo"
        raise InputError(message, "photo.unsupported")
    if size > MAX_PHOTO_BYTES:  # it grew while being read
        raise InputError(f"{path.name}: file too large", "file.too_large")
    try:
        _check_header(header)
    except InputError as error:  # Pillow's words do not say which file: lead with its name
        raise InputError(f"{path.name}: {error.detail}", error.code) from error
    exif = read_exif(header)
    return PhotoRead(path, size, key, mime, exif, _upright_thumbnail(exif))


def _read_key(path: Path) -> tuple[bytes, str, int]:
    """The bytes holding the photo's metadata, the file's quick key and its size.

    For a JPEG whose frame header lies in its first 64 KiB, else 256 KiB, that is this head
    alone, and the tail is read apart; any other file (HEIC, JPEG XL, AVIF, PNG and WebP may
    keep EXIF at the end) is read whole, up to MAX_PHOTO_BYTES. Nothing is decoded: a JPEG
    XL's size and EXIF come from its boxes, an AVIF's from libavif's parse."""
    with path.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        head = stream.read(QUICK_HEAD_BYTES)
        within = _jpeg_header_within(head)
        if len(head) == QUICK_HEAD_BYTES and not within:
            head += stream.read(_HEAD_BYTES - len(head))  # big XMP, ICC or MPF segments
            within = _jpeg_header_within(head)
        if not within:
            # Up to one byte more than its size: a file that grew beyond the limit is seen.
            rest = stream.read(max(min(size, MAX_PHOTO_BYTES) + 1 - len(head), 0))
            data = head + rest
            return data, quick_key_of(data), len(data)
        stream.seek(max(size - QUICK_TAIL_BYTES, 0))
        tail = stream.read(QUICK_TAIL_BYTES)
    return head, quick_key(size, head[:QUICK_HEAD_BYTES], tail), size


def _jpeg_header_within(head: bytes) -> bool:
    """Whether ``head`` is a JPEG whose segments up to the scan (EXIF, frame header) are all
    inside it.

    >>> _jpeg_header_within(bytes.fromhex("ffd8ffe10004abcdffc00004abcdffda0002"))
    True
    >>> _jpeg_header_within(bytes.fromhex("ffd8ffe1ffff00"))
    False
    """
    return _header_within(head) is not None


def _header_within(head: bytes) -> list[JpegSegment] | None:
    """The segments of a JPEG from SOI through SOS when they are all inside ``head``."""
    if not head.startswith(b"\xff\xd8"):
        return None
    segments: list[JpegSegment] = []
    try:
        for segment in header_segments(head):
            if segment.end > len(head):
                return None
            segments.append(segment)
    except JpegStructureError:
        return None
    return segments if segments[-1].marker == SOS else None


def _check_header(head: bytes) -> None:
    """The photo's header must parse, within the decompression-bomb limit (InputError).

    The short frame header is enough for nearly every photo; an odd one it refuses is
    checked again on the whole head, so that only what Pillow itself refuses is refused.
    """
    try:
        photo_size(_frame_header(head))
    except InputError as error:
        if error.code == "photo.too_large":
            raise
        photo_size(head)


def _frame_header(head: bytes) -> bytes:
    """What Pillow needs to check a JPEG's header: its segments up to the scan's, but the
    EXIF block (Pillow would parse it again for a DPI). Any other file is given whole.

    >>> _frame_header(bytes.fromhex("ffd8ffe10008457869660000ffc000040000ffda0002abcd")).hex()
    'ffd8ffc000040000ffda0002'
    """
    segments = _header_within(head)
    if segments is None:
        return head
    kept = (s for s in segments if not is_exif_segment(head, s))
    return b"".join(head[s.start : s.end] for s in kept)


def _upright_thumbnail(exif: PhotoExif) -> bytes | None:
    """The embedded EXIF thumbnail turned upright; None when absent or broken (the
    preview is rendered later instead)."""
    if exif.thumbnail is None:
        return None
    try:
        return upright_jpeg(exif.thumbnail, exif.orientation)
    except InputError:
        return None


def read_photos(
    paths: Sequence[Path], *, workers: int | None = None, progress: Progress | None = None
) -> Iterator[tuple[Path, PhotoRead | InputError]]:
    """Read photos on one thread per core (reads and hashing run while another thread parses:
    more threads only fight over the GIL); yield each path with its PhotoRead or the
    InputError that refused it, in the order of ``paths``. Stops early once ``progress`` is
    stopped, dropping reads under way; advancing it is left to the caller, who knows what
    the reads are steps of.
    """
    count = workers or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=count) as pool:
        running: deque[tuple[Path, Future[PhotoRead | InputError]]] = deque()
        for path in paths:
            if progress is not None and progress.stopped:
                pool.shutdown(cancel_futures=True)
                return
            running.append((path, pool.submit(_read_or_error, path)))
            if len(running) > 2 * count:
                path_done, future = running.popleft()
                yield path_done, future.result()
        while running:
            path_done, future = running.popleft()
            yield path_done, future.result()


def _read_or_error(path: Path) -> PhotoRead | InputError:
    """A read photo, or the error that refused it (returned, to cross the thread pool)."""
    try:
        return read_photo(path)
    except InputError as error:
        return error
