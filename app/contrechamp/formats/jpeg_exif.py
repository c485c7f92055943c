"""Read the few EXIF tags a photo import needs straight from a JPEG's EXIF block (fast path).

exifread stays the reference parser: this reader only takes the well-formed case (an
``Exif`` APP1 segment before the scan, a TIFF header, in-bounds IFDs and values of the
ordinary types) and gives up, returning None, on anything else, so that exifread (and then
Pillow) read the file as before. Values come out as exifread gives them: text as ``str``
(cut at the first NUL), numbers as lists of ints or ratios. It is ~5× cheaper than exifread,
which seeks and unpacks every field of every IFD through a file object.
"""

from __future__ import annotations

import struct
from typing import NamedTuple

from contrechamp.formats.jpeg_segments import JpegStructureError, header_segments, is_exif_segment

__all__ = ["ExifRatio", "RawTags", "jpeg_exif_tags", "tiff_exif_tags"]

RawTags = dict[tuple[str, int], object]
"""Tag values by (IFD name, tag id), IFD names as exifread's: Image, EXIF, GPS."""

_EXIF_POINTER, _GPS_POINTER = 0x8769, 0x8825
_THUMB_OFFSET, _THUMB_LENGTH = 0x0201, 0x0202
_WANTED = {
    "Image": frozenset({0x010F, 0x0110, 0x0112, 0x0132}),
    "EXIF": frozenset({0x9003, 0x9010, 0x9011, 0x920A, 0xA404, 0xA405}),
    "GPS": frozenset({0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x10, 0x11, 0x1D, 0x1F}),
}
# TIFF field type -> (struct code, bytes per value); 2 is ASCII, 5 and 10 are ratios.
_TYPES = {1: "B", 2: "s", 3: "H", 4: "I", 5: "II", 6: "b", 8: "h", 9: "i", 10: "ii"}
_MAX_VALUES = 1000  # exifread gives no values past this count


class ExifRatio(NamedTuple):
    """A TIFF rational, kept as stored (a zero denominator included)."""

    numerator: int
    denominator: int


class _NotPlainError(Exception):
    """The block is not the plain case this reader takes: exifread reads it instead."""


def jpeg_exif_tags(data: bytes) -> tuple[RawTags, bytes | None] | None:
    """The Image, EXIF and GPS tags the import reads, and the IFD1 JPEG thumbnail, of a JPEG
    whose head is ``data``; None when it has no EXIF block or one this reader does not take
    (exifread must read it then)."""
    block = _exif_block(data)
    return None if block is None else tiff_exif_tags(block)


def tiff_exif_tags(block: bytes) -> tuple[RawTags, bytes | None] | None:
    """The same tags and thumbnail from a bare TIFF block (how a JPEG XL file keeps its
    EXIF); None when this reader does not take it."""
    try:
        return _Tiff(block).tags()
    except (_NotPlainError, struct.error, IndexError):
        return None


def _exif_block(data: bytes) -> bytes | None:
    """The bytes from the TIFF header of the first ``Exif`` APP1 segment before the scan on,
    or None."""
    if not data.startswith(b"\xff\xd8"):
        return None
    try:
        for segment in header_segments(data):
            if is_exif_segment(data, segment):
                # To the end of the head, not of the segment: offsets count from the TIFF
                # header, and exifread follows them past a segment that says it is shorter.
                return data[segment.start + 10 :]
    except JpegStructureError:
        return None
    return None


class _Tiff:
    """One TIFF block: its byte order and its IFDs."""

    def __init__(self, block: bytes) -> None:
        if block[:4] not in (b"II*\x00", b"MM\x00*"):
            raise _NotPlainError
        self._block = block
        self._order = "<" if block[0] == 0x49 else ">"

    def tags(self) -> tuple[RawTags, bytes | None]:
        """The wanted tags of IFD0, its EXIF and GPS sub-IFDs, and IFD1's thumbnail."""
        raw: RawTags = {}
        ifd0, next_ifd = self._entries(self._u32(4))
        pointers = self._read(ifd0, "Image", raw, {_EXIF_POINTER, _GPS_POINTER})
        for name, tag in (("EXIF", _EXIF_POINTER), ("GPS", _GPS_POINTER)):
            if tag in pointers:
                self._read(self._entries(pointers[tag])[0], name, raw, set())
        return raw, self._thumbnail(next_ifd)

    def _u32(self, offset: int) -> int:
        return int(struct.unpack_from(self._order + "I", self._block, offset)[0])

    def _entries(self, offset: int) -> tuple[list[tuple[int, int, int, int]], int]:
        """An IFD's (tag, type, count, entry offset) entries and the next IFD's offset."""
        count = struct.unpack_from(self._order + "H", self._block, offset)[0]
        start = offset + 2
        end = start + 12 * count
        if offset < 8 or end + 4 > len(self._block):
            raise _NotPlainError
        heads = struct.iter_unpack(self._order + "HHI4x", self._block[start:end])
        entries = [(tag, kind, n, start + 12 * i) for i, (tag, kind, n) in enumerate(heads)]
        return entries, self._u32(end)

    def _read(
        self,
        entries: list[tuple[int, int, int, int]],
        ifd: str,
        raw: RawTags,
        pointers: set[int],
    ) -> dict[int, int]:
        """Decode the wanted entries of one IFD into ``raw``; return the sub-IFD pointers."""
        wanted, found = _WANTED[ifd], {}
        for tag, kind, count, entry in entries:
            if tag in wanted:
                raw[(ifd, tag)] = self._values(kind, count, entry)
            elif tag in pointers:
                values = self._values(kind, count, entry)
                first = values[0] if isinstance(values, list) and values else None
                if not isinstance(first, int) or first < 0:
                    raise _NotPlainError
                found[tag] = first
        return found

    def _values(self, kind: int, count: int, entry: int) -> object:
        """One entry's values, as exifread gives them."""
        code = _TYPES.get(kind)
        if code is None or (kind != 2 and count >= _MAX_VALUES):
            raise _NotPlainError  # a type or size exifread handles its own way
        size = count * struct.calcsize(self._order + code)
        offset = entry + 8 if size <= 4 else self._u32(entry + 8)
        if offset + size > len(self._block):
            raise _NotPlainError
        if kind == 2:
            return _ascii(self._block[offset : offset + size])
        values = struct.unpack_from(f"{self._order}{count * code}", self._block, offset)
        if len(code) == 2:
            return [ExifRatio(values[i], values[i + 1]) for i in range(0, len(values), 2)]
        return list(values)

    def _thumbnail(self, ifd1: int) -> bytes | None:
        """The JPEG thumbnail IFD1 points at (cut as exifread cuts it), if any."""
        if ifd1 == 0:
            return None
        found = self._read(self._entries(ifd1)[0], "Image", {}, {_THUMB_OFFSET, _THUMB_LENGTH})
        if _THUMB_OFFSET not in found or _THUMB_LENGTH not in found:
            return None
        start = found[_THUMB_OFFSET]
        return self._block[start : start + found[_THUMB_LENGTH]]


def _ascii(data: bytes) -> str | bytes:
    """ASCII values as exifread gives them: cut at the first NUL, UTF-8 if it decodes."""
    text = data.split(b"\x00", 1)[0]
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError:
        return text
