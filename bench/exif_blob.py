"""A minimal EXIF (TIFF) block as phones write it: camera, time, GPS, heading, thumbnail."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from datetime import datetime

__all__ = ["PhotoTags", "exif_segment"]

_BYTE, _ASCII, _SHORT, _LONG, _RATIONAL = 1, 2, 3, 4, 5
_SIZES = {_BYTE: 1, _ASCII: 1, _SHORT: 2, _LONG: 4, _RATIONAL: 8}
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825

Entry = tuple[int, int, object]  # tag, TIFF type, value (str, int, tuple of ints or rationals)


@dataclass(frozen=True)
class PhotoTags:
    """What a phone records about one photo."""

    lat: float
    lon: float
    heading: float
    taken_at: datetime
    width: int
    height: int
    orientation: int = 1
    make: str = "Fairphone"
    model: str = "FP5"


def _rational(value: float, denominator: int) -> tuple[int, int]:
    return round(value * denominator), denominator


def _dms(degrees: float) -> tuple[tuple[int, int], ...]:
    """Degrees as the three EXIF rationals degrees, minutes, seconds (1/10000 s)."""
    whole = int(degrees)
    minutes = int((degrees - whole) * 60)
    seconds = (degrees - whole - minutes / 60) * 3600
    return (whole, 1), (minutes, 1), _rational(seconds, 10000)


def _encode(kind: int, value: object) -> tuple[int, bytes]:
    """Return (count, little-endian bytes) of one entry's value."""
    if kind == _ASCII:
        raw = str(value).encode("ascii") + b"\0"
        return len(raw), raw
    values = value if isinstance(value, tuple) else (value,)
    if kind == _RATIONAL:
        return len(values), b"".join(struct.pack("<II", *pair) for pair in values)
    fmt = {_BYTE: "B", _SHORT: "H", _LONG: "I"}[kind]
    return len(values), struct.pack(f"<{len(values)}{fmt}", *values)


def _ifd_size(entries: list[Entry]) -> int:
    """Bytes an IFD and its out-of-line values take (values word-aligned)."""
    extra = 0
    for _, kind, value in entries:
        size = len(_encode(kind, value)[1])
        extra += 0 if size <= 4 else size + (size & 1)
    return 2 + 12 * len(entries) + 4 + extra


def _ifd(entries: list[Entry], offset: int, next_ifd: int) -> bytes:
    """Serialise an IFD placed at ``offset`` in the TIFF block, values right after it."""
    table = [struct.pack("<H", len(entries))]
    data = b""
    data_at = offset + 2 + 12 * len(entries) + 4
    for tag, kind, value in sorted(entries, key=lambda e: e[0]):
        count, raw = _encode(kind, value)
        if len(raw) <= 4:
            table.append(struct.pack("<HHI", tag, kind, count) + raw.ljust(4, b"\0"))
        else:
            table.append(struct.pack("<HHII", tag, kind, count, data_at + len(data)))
            data += raw + (b"\0" if len(raw) & 1 else b"")
    table.append(struct.pack("<I", next_ifd))
    return b"".join(table) + data


def _entries(tags: PhotoTags) -> tuple[list[Entry], list[Entry], list[Entry]]:
    """IFD0, Exif IFD and GPS IFD entries (sub-IFD pointers are added by the caller)."""
    stamp = tags.taken_at.strftime("%Y:%m:%d %H:%M:%S")
    ifd0: list[Entry] = [
        (0x010F, _ASCII, tags.make),
        (0x0110, _ASCII, tags.model),
        (0x0112, _SHORT, tags.orientation),
        (0x0132, _ASCII, stamp),
    ]
    exif: list[Entry] = [
        (0x9003, _ASCII, stamp),
        (0xA002, _LONG, tags.width),
        (0xA003, _LONG, tags.height),
    ]
    utc = tags.taken_at
    gps: list[Entry] = [
        (0x0000, _BYTE, (2, 3, 0, 0)),
        (0x0001, _ASCII, "N" if tags.lat >= 0 else "S"),
        (0x0002, _RATIONAL, _dms(abs(tags.lat))),
        (0x0003, _ASCII, "E" if tags.lon >= 0 else "W"),
        (0x0004, _RATIONAL, _dms(abs(tags.lon))),
        (0x0007, _RATIONAL, ((utc.hour, 1), (utc.minute, 1), (utc.second, 1))),
        (0x0010, _ASCII, "T"),
        (0x0011, _RATIONAL, (_rational(tags.heading, 100),)),
        (0x001D, _ASCII, utc.strftime("%Y:%m:%d")),
    ]
    return ifd0, exif, gps


def exif_segment(tags: PhotoTags, thumbnail: bytes) -> bytes:
    """The complete APP1 segment (marker included) carrying ``tags`` and a JPEG thumbnail."""
    ifd0, exif, gps = _entries(tags)
    pointers: list[Entry] = [(_EXIF_IFD, _LONG, 0), (_GPS_IFD, _LONG, 0)]
    ifd1: list[Entry] = [(0x0103, _SHORT, 6), (0x0201, _LONG, 0), (0x0202, _LONG, len(thumbnail))]
    at0 = 8
    at_exif = at0 + _ifd_size(ifd0 + pointers)
    at_gps = at_exif + _ifd_size(exif)
    at1 = at_gps + _ifd_size(gps)
    at_thumb = at1 + _ifd_size(ifd1)
    pointers = [(_EXIF_IFD, _LONG, at_exif), (_GPS_IFD, _LONG, at_gps)]
    ifd1[1] = (0x0201, _LONG, at_thumb)
    tiff = b"".join(
        (
            b"II*\0" + struct.pack("<I", at0),
            _ifd(ifd0 + pointers, at0, at1),
            _ifd(exif, at_exif, 0),
            _ifd(gps, at_gps, 0),
            _ifd(ifd1, at1, 0),
            thumbnail,
        )
    )
    body = b"Exif\0\0" + tiff
    if len(body) + 2 > 0xFFFF:
        raise ValueError("EXIF block too large for one APP1 segment")
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
