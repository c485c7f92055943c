"""Read a JPEG XL file's pixel size and EXIF without decoding it.

The pillow-jxl-plugin decodes the whole image as soon as it opens a file, before Pillow's
decompression-bomb guard sees the size, and leaves Brotli-compressed EXIF (``brob`` boxes,
what ``cjxl`` writes by default) unread. This module reads what the import needs from the
file's structure instead: the codestream's size header (ISO/IEC 18181-1 §B.2, bits read
least significant first), and the ``Exif`` box of the container (18181-2).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from typing import NamedTuple

import brotli

__all__ = [
    "EXIF_MAX_BYTES",
    "JxlSize",
    "decoded_size",
    "is_jxl",
    "jxl_exif",
    "jxl_size",
    "reconstructs_jpeg",
]

CODESTREAM = b"\xff\x0a"
CONTAINER = b"\x00\x00\x00\x0cJXL \r\n\x87\n"
EXIF_MAX_BYTES = 1024 * 1024
"""EXIF is cut past this size once decompressed (a JPEG's holds at most 64 KiB)."""

_HEADER_BYTES = 32  # the size header and the orientation take at most 17 bytes
_RATIOS = {1: (1, 1), 2: (12, 10), 3: (4, 3), 4: (3, 2), 5: (16, 9), 6: (5, 4), 7: (2, 1)}
_SIZE_BITS = ((9, 1), (13, 1), (18, 1), (30, 1))  # U32(Bits(n) + 1) distributions


class JxlSize(NamedTuple):
    """The image size as coded, and the orientation that shows it upright."""

    width: int
    height: int
    orientation: int  # 1..8, as EXIF's; libjxl turns the pixels by it when decoding


def is_jxl(data: bytes) -> bool:
    """Whether ``data`` starts like a JPEG XL file (bare codestream or container).

    >>> is_jxl(b"\\xff\\x0a\\xfa\\x7f"), is_jxl(b"\\xff\\xd8\\xff")
    (True, False)
    """
    return data.startswith((CODESTREAM, CONTAINER))


def jxl_size(data: bytes) -> JxlSize | None:
    """The size and orientation of the JPEG XL image in ``data``; None when its header
    cannot be found or read."""
    head = _codestream_head(data)
    if head is None or not head.startswith(CODESTREAM):
        return None
    bits = _Bits(head[2:])
    try:
        width, height = _size_header(bits)
        orientation = _orientation(bits)
    except IndexError:
        return None
    return JxlSize(width, height, orientation)


def decoded_size(data: bytes) -> tuple[int, int] | None:
    """The size of the image the pillow-jxl-plugin gives: turned by its orientation, but
    for a recompressed JPEG, which it gives back as the JPEG was."""
    size = jxl_size(data)
    if size is None:
        return None
    if size.orientation > 4 and not reconstructs_jpeg(data):  # transposed when decoded
        return size.height, size.width
    return size.width, size.height


def jxl_exif(data: bytes) -> bytes | None:
    """The TIFF block of the file's EXIF (decompressed if it is in a ``brob`` box, cut at
    EXIF_MAX_BYTES); None when there is none or it is unreadable."""
    for kind, start, end in _boxes(data):
        if kind == b"Exif":
            return _tiff_block(data[start:end])
        if kind == b"brob" and data[start : start + 4] == b"Exif":
            payload = _decompressed(data[start + 4 : end])
            return None if payload is None else _tiff_block(payload)
    return None


def reconstructs_jpeg(data: bytes) -> bool:
    """Whether the file is a JPEG recompressed losslessly (a ``jbrd`` box): decoders then
    give back the JPEG, whose pixels still need its EXIF orientation applied."""
    return any(kind == b"jbrd" for kind, _, _ in _boxes(data))


def _boxes(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    """The container's top-level boxes as (type, payload start, payload end); nothing for
    a bare codestream. Stops at the first malformed box."""
    if not data.startswith(CONTAINER):
        return
    position = 0
    while position + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, position)
        start = position + 8
        if size == 1 and start + 8 <= len(data):  # a 64-bit size follows
            size, start = struct.unpack_from(">Q", data, start)[0], start + 8
        elif size == 0:  # to the end of the file
            size = len(data) - position
        if size < start - position:
            return
        end = min(position + size, len(data))
        yield kind, start, end
        position += size


def _codestream_head(data: bytes) -> bytes | None:
    """The first bytes of the codestream: the file itself, or the payloads of the
    container's ``jxlc`` box or ``jxlp`` boxes (each after its 4-byte index)."""
    if data.startswith(CODESTREAM):
        return data[:_HEADER_BYTES]
    head = b""
    for kind, start, end in _boxes(data):
        if kind == b"jxlc":
            return data[start : min(end, start + _HEADER_BYTES)]
        if kind == b"jxlp":
            head += data[start + 4 : min(end, start + 4 + _HEADER_BYTES)]
            if len(head) >= _HEADER_BYTES:
                break
    return head or None


def _tiff_block(payload: bytes) -> bytes | None:
    """The TIFF block of an Exif box: after a 4-byte offset to its header, or (as the
    pillow-jxl-plugin writes it) straight away."""
    if payload[:4] in (b"II*\x00", b"MM\x00*"):
        return payload
    if len(payload) < 8:
        return None
    start = 4 + int.from_bytes(payload[:4], "big")
    block = payload[start:]
    return block if block[:4] in (b"II*\x00", b"MM\x00*") else None


def _decompressed(compressed: bytes) -> bytes | None:
    """A Brotli stream decompressed, at most EXIF_MAX_BYTES of it; None if corrupt."""
    try:
        output = brotli.Decompressor().process(compressed, output_buffer_limit=EXIF_MAX_BYTES)
    except brotli.error:
        return None
    return bytes(output[:EXIF_MAX_BYTES])


class _Bits:
    """Read a byte string bit by bit, least significant bit first (IndexError past the
    end)."""

    def __init__(self, data: bytes) -> None:
        self._data, self._position = data, 0

    def read(self, count: int) -> int:
        """The next ``count`` bits as an unsigned integer."""
        value = 0
        for shift in range(count):
            byte = self._data[self._position >> 3]
            value |= ((byte >> (self._position & 7)) & 1) << shift
            self._position += 1
        return value


def _size_header(bits: _Bits) -> tuple[int, int]:
    """Width and height from a SizeHeader, as stored (before orientation)."""
    small = bits.read(1)
    height = 8 * (bits.read(5) + 1) if small else _u32_size(bits)
    ratio = bits.read(3)
    if ratio:
        numerator, denominator = _RATIOS[ratio]
        return height * numerator // denominator, height
    width = 8 * (bits.read(5) + 1) if small else _u32_size(bits)
    return width, height


def _u32_size(bits: _Bits) -> int:
    """A side of 1 to 2^30 pixels, coded as U32(Bits(9)+1, Bits(13)+1, Bits(18)+1,
    Bits(30)+1)."""
    count, offset = _SIZE_BITS[bits.read(2)]
    return bits.read(count) + offset


def _orientation(bits: _Bits) -> int:
    """The orientation that opens ImageMetadata (1 unless its extra fields are set)."""
    all_default = bits.read(1)
    if all_default or not bits.read(1):  # no extra_fields
        return 1
    return bits.read(3) + 1
