"""Read walk photos for an import: hash, EXIF and embedded thumbnail, on all cores, no decode.

One pass over each file: its head (where a JPEG keeps EXIF and the frame header) is parsed
while the whole file streams through SHA-256 in chunks, never held in memory at once. The
hash and the reads release the GIL, so threads overlap them with the EXIF parsing.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from contrechamp.core.errors import InputError
from contrechamp.formats.exif import PhotoExif, read_exif
from contrechamp.formats.limits import checked_size
from contrechamp.formats.photo_files import photo_size, sniff_mime, upright_jpeg
from contrechamp.store.pending import MAX_ORIGINAL_BYTES

__all__ = ["MAX_PHOTO_BYTES", "PhotoRead", "read_photo", "read_photos"]

MAX_PHOTO_BYTES = MAX_ORIGINAL_BYTES
"""Larger than any phone photo (a 200-MP HEIC is ~40 MB)."""

_HEAD_BYTES = 256 * 1024  # phone JPEGs keep EXIF (≤ 64 KiB) and the frame header well within
_CHUNK_BYTES = 1024 * 1024
_SOS, _STANDALONE = 0xDA, frozenset({0x01, *range(0xD0, 0xD9)})
_buffers = threading.local()

Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class PhotoRead:
    """A photo file as read for the import: where it is, its identity and its EXIF."""

    path: Path  # absolute
    size: int
    sha256: str
    mime: str
    exif: PhotoExif
    thumbnail: bytes | None  # the EXIF thumbnail turned upright, when it has a usable one


def read_photo(path: Path) -> PhotoRead:
    """Hash a photo file, read its EXIF and its upright embedded thumbnail (no pixel decoding).

    Raises InputError: file.missing, file.unreadable, file.too_large, photo.unsupported,
    photo.unreadable, photo.too_large (decompression-bomb guard).
    """
    path = Path(os.path.abspath(path))
    checked_size(path, MAX_PHOTO_BYTES)
    try:
        with path.open("rb") as stream:
            header, sha256, size = _hash_file(stream)
    except OSError as error:
        raise InputError(f"{path.name}: cannot read", "file.unreadable") from error
    mime = sniff_mime(header[:64])
    if mime is None:
        raise InputError(f"{path.name} is not a JPEG, HEIC, PNG or WebP photo", "photo.unsupported")
    if size > MAX_PHOTO_BYTES:  # it grew while being read
        raise InputError(f"{path.name}: file too large", "file.too_large")
    photo_size(header)  # the header must parse, within the decompression-bomb limit
    exif = read_exif(header)
    return PhotoRead(path, size, sha256, mime, exif, _upright_thumbnail(exif))


def _hash_file(stream: io.BufferedReader) -> tuple[bytes, str, int]:
    """The bytes holding the photo's metadata, the SHA-256 and size of the whole file.

    For a JPEG whose frame header lies in the first 256 KiB that is the head alone; any other
    file (HEIC, PNG and WebP may keep EXIF at the end) is read whole."""
    head = stream.read(_HEAD_BYTES)
    digest = hashlib.sha256(head)
    if not _jpeg_header_within(head):
        rest = stream.read(MAX_PHOTO_BYTES + 1 - len(head))
        digest.update(rest)
        return head + rest, digest.hexdigest(), len(head) + len(rest)
    size = len(head) + _hash_rest(stream, digest)
    return head, digest.hexdigest(), size


def _hash_rest(stream: io.BufferedReader, digest: hashlib._Hash) -> int:
    """Feed the rest of the stream to ``digest`` through one reused buffer; return its size."""
    buffer = getattr(_buffers, "chunk", None)
    if buffer is None:
        buffer = _buffers.chunk = bytearray(_CHUNK_BYTES)
    view, total = memoryview(buffer), 0
    while count := stream.readinto(buffer):
        digest.update(view[:count])
        total += count
        if total > MAX_PHOTO_BYTES:
            break
    return total


def _jpeg_header_within(head: bytes) -> bool:
    """Whether ``head`` is a JPEG whose segments up to the scan (EXIF, frame header) are all
    inside it.

    >>> _jpeg_header_within(bytes.fromhex("ffd8ffe10004abcdffc000020000ffda"))
    True
    >>> _jpeg_header_within(bytes.fromhex("ffd8ffe1ffff00"))
    False
    """
    if not head.startswith(b"\xff\xd8"):
        return False
    position = 2
    while position + 4 <= len(head):
        if head[position] != 0xFF:
            return False
        marker = head[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
        elif marker == _SOS:
            return True
        elif marker in _STANDALONE:
            position += 2
        else:
            position += 2 + int.from_bytes(head[position + 2 : position + 4], "big")
    return False


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
    paths: Sequence[Path], *, workers: int | None = None, cancelled: Cancelled | None = None
) -> Iterator[tuple[Path, PhotoRead | InputError]]:
    """Read photos on two threads per core (one waits on the disk while the other hashes or
    parses); yield each path with its PhotoRead or the InputError that refused it, in the
    order of ``paths``. Stops early when ``cancelled()`` turns true, dropping reads under way.
    """
    count = workers or 2 * (os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=count) as pool:
        running: deque[tuple[Path, Future[PhotoRead | InputError]]] = deque()
        for path in paths:
            if cancelled is not None and cancelled():
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
