"""Walk the segments of a JPEG file: one walker for every reader of JPEG structure.

A JPEG is a sequence of markers, each ``0xFF`` then a code. SOI, EOI, RST0–7 and TEM
stand alone; every other marker is followed by a big-endian length that counts itself and
its payload. Any number of ``0xFF`` fill bytes may precede a marker. After a SOS header
comes entropy-coded data, in which a data byte ``0xFF`` is stuffed as ``FF 00`` and RST
markers may appear; it ends at the next other marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = [
    "APP1",
    "EOI",
    "SCAN_DATA",
    "SOI",
    "SOS",
    "JpegSegment",
    "JpegStructureError",
    "header_segments",
    "is_exif_segment",
    "jpeg_segments",
]

SOI, EOI, SOS, APP1 = 0xD8, 0xD9, 0xDA, 0xE1
SCAN_DATA = 0x100
"""Not a marker: the entropy-coded data after a SOS header (its RST markers included)."""

_TEM = 0x01
_STANDALONE = frozenset({_TEM, *range(0xD0, 0xDA)})  # TEM, RST0-7, SOI, EOI
# The first fill byte of a marker that ends scan data: neither a stuffed 00 nor a RST.
_new_tuple = tuple.__new__
_SCAN_END = re.compile(rb"\xff+[^\x00\xd0-\xd7\xff]")


class JpegStructureError(ValueError):
    """The bytes are not a JPEG's marker structure (no SOI, a stray byte, a bad length)."""


class JpegSegment(NamedTuple):
    """One marker and what it counts: ``data[start:end]`` without its fill bytes.

    ``end`` lies past the end of the data when the segment is cut short (the walk stops
    there); that of a marker whose length is cut is at least ``start + 4``.
    """

    marker: int  # the marker code, or SCAN_DATA
    start: int  # where its 0xFF is (the last fill byte, if any, before the code)
    end: int


def jpeg_segments(data: bytes) -> Iterator[JpegSegment]:
    """Every segment of the JPEG in ``data`` in order, from SOI to EOI or the end of the
    data, scan data included. Raises JpegStructureError on broken structure.

    >>> [hex(s.marker) for s in jpeg_segments(bytes.fromhex("ffd8ffff01ffe00004abcdffd9"))]
    ['0xd8', '0x1', '0xe0', '0xd9']
    """
    return _walk(data, through_scans=True)


def header_segments(data: bytes) -> Iterator[JpegSegment]:
    """The segments before the image data: from SOI through the first SOS header."""
    return _walk(data, through_scans=False)


def _walk(data: bytes, *, through_scans: bool) -> Iterator[JpegSegment]:
    """The segments, through the scans or up to the first SOS (kept tight: it runs a few
    times for each photo an import reads)."""
    if not data.startswith(b"\xff\xd8"):
        raise JpegStructureError("no SOI marker")
    position, size = 0, len(data)
    while position + 1 < size:
        if data[position] != 0xFF:
            raise JpegStructureError(f"no marker at byte {position}")
        marker = data[position + 1]
        if marker == 0xFF:  # a fill byte
            position += 1
            continue
        if marker in _STANDALONE:
            yield _segment(marker, position, position + 2)
            if marker == EOI:
                return
            position += 2
            continue
        end = _segment_end(data, marker, position)
        yield _segment(marker, position, end)
        if end > size or (marker == SOS and not through_scans):
            return
        position = end
        if marker == SOS:
            found = _SCAN_END.search(data, position)
            scan_end = found.start() if found else size
            yield _segment(SCAN_DATA, position, scan_end)
            position = scan_end


def is_exif_segment(data: bytes, segment: JpegSegment) -> bool:
    """Whether a segment is an APP1 holding EXIF (``Exif\\0\\0`` then a TIFF block)."""
    return segment.marker == APP1 and data.startswith(b"Exif\x00\x00", segment.start + 4)


def _segment(marker: int, start: int, end: int) -> JpegSegment:
    """A JpegSegment, made without NamedTuple's keyword handling (a third of the walk)."""
    return _new_tuple(JpegSegment, (marker, start, end))


def _segment_end(data: bytes, marker: int, start: int) -> int:
    """Where the length-counted segment at ``start`` ends (past the data if cut short)."""
    if marker == 0x00:
        raise JpegStructureError(f"stuffed byte outside scan data at byte {start}")
    if start + 4 > len(data):
        return start + 4
    length = (data[start + 2] << 8) | data[start + 3]
    if length < 2:
        raise JpegStructureError(f"segment length {length} at byte {start}")
    return start + 2 + length
