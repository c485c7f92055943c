"""Read what a photo's EXIF says about where, when and which way it was taken."""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import BinaryIO

import exifread
from PIL import ExifTags, Image

from contrechamp.core.errors import InputError
from contrechamp.formats.jpeg_exif import jpeg_exif_tags, tiff_exif_tags
from contrechamp.formats.jxl import jxl_exif
from contrechamp.formats.photo_files import (
    AVIF_MIME,
    HEIF_MIMES,
    JXL_MIME,
    decoder_orients,
    open_image,
    sniff_mime,
)

__all__ = ["PhotoExif", "read_exif"]

# exifread logs every malformed file at WARNING; a bad photo is reported by us, not by it.
logging.getLogger("exifread").setLevel(logging.ERROR)

_SNIFF_BYTES = 64
_THUMBNAIL_MAX_BYTES = 512 * 1024

# (IFD, tag id) keys: exifread's IFD names, shared by the Pillow fallback.
_IMAGE, _EXIF, _GPS = "Image", "EXIF", "GPS"
_MAKE, _MODEL, _ORIENTATION, _DATETIME = 0x010F, 0x0110, 0x0112, 0x0132
_DATETIME_ORIGINAL, _OFFSET_TIME, _OFFSET_TIME_ORIGINAL = 0x9003, 0x9010, 0x9011
_FOCAL_LENGTH, _DIGITAL_ZOOM, _FOCAL_35MM = 0x920A, 0xA404, 0xA405
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON = 0x0001, 0x0002, 0x0003, 0x0004
_GPS_ALT_REF, _GPS_ALT, _GPS_TIME = 0x0005, 0x0006, 0x0007
_GPS_DIR_REF, _GPS_DIR, _GPS_DATE, _GPS_H_ERROR = 0x0010, 0x0011, 0x001D, 0x001F

_RawTags = Mapping[tuple[str, int], object]


@dataclass(frozen=True, slots=True)
class PhotoExif:
    """What the EXIF of one photo tells; every field is None when absent or unusable.

    ``taken_at`` is timezone-aware when the photo states its offset (or only has a GPS
    time, which is UTC), naive otherwise. ``heading`` is where the lens pointed, degrees
    clockwise from north (``heading_ref`` "T" true or "M" magnetic). ``orientation`` is the
    EXIF rotation still to apply to the decoded pixels (always 1 for HEIF and JPEG XL, whose
    decoders apply the file's own rotation, but for a JPEG recompressed as JPEG XL; AVIF's
    comes from its container). ``thumbnail`` is the small JPEG embedded in the EXIF.
    """

    lat: float | None = None
    lon: float | None = None
    accuracy_m: float | None = None
    heading: float | None = None
    heading_ref: str | None = None
    altitude: float | None = None
    taken_at: datetime | None = None
    orientation: int = 1
    make: str | None = None
    model: str | None = None
    focal_length_mm: float | None = None
    focal_length_35mm: float | None = None
    digital_zoom: float | None = None
    thumbnail: bytes | None = None

    @property
    def zoom(self) -> float | None:
        """How far the shot is zoomed in: the 35 mm equivalent (else real) focal length
        times the digital zoom; comparable between photos of the same device."""
        focal = self.focal_length_35mm or self.focal_length_mm
        if focal is None:
            return None
        if self.digital_zoom is not None and self.digital_zoom > 1:
            return focal * self.digital_zoom
        return focal


def read_exif(data: bytes | Path) -> PhotoExif:
    """Read a photo's EXIF (only its EXIF block: the image itself is not decoded).

    A JPEG given as bytes with a plain EXIF block is read by the fast reader of
    :mod:`contrechamp.formats.jpeg_exif` (same values), and so is a JPEG XL file's EXIF
    box; AVIF by Pillow (which reads the rotation of its container too); anything else by
    exifread, and by Pillow where exifread finds nothing.

    Never raises on bad EXIF: unusable fields become None. Raises
    ``InputError("photo.unreadable")`` only when the file cannot be read or is not a
    JPEG, HEIC/HEIF, JPEG XL, AVIF, PNG or WebP image at all.
    """
    if isinstance(data, bytes):
        fast = jpeg_exif_tags(data)  # a plain JPEG EXIF block: read without exifread
        if fast is not None and fast[0]:
            return _interpret(*fast, oriented_by_decoder=False)
    with _open_stream(data) as stream:
        mime = sniff_mime(stream.read(_SNIFF_BYTES))
        if mime is None:
            message = "not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP image"
            raise InputError(message, "photo.unreadable")
        if mime == JXL_MIME:  # its plugin would decode the image: read the box instead
            stream.seek(0)
            whole = data if isinstance(data, bytes) else stream.read()
            return _interpret(*_tags_of_jxl(whole), oriented_by_decoder=decoder_orients(whole))
        raw, thumbnail = ({}, None) if mime == AVIF_MIME else _tags_with_exifread(stream)
        if not raw:
            raw, thumbnail = _tags_with_pillow(stream)
    return _interpret(raw, thumbnail, oriented_by_decoder=mime in HEIF_MIMES)


def _open_stream(data: bytes | Path) -> BinaryIO:
    """Open the photo as a seekable binary stream."""
    if isinstance(data, bytes | bytearray | memoryview):
        return io.BytesIO(data)
    try:
        return open(data, "rb")  # the caller closes it (with block)
    except OSError as exc:
        raise InputError(f"cannot read {data}: {exc.strerror}", "photo.unreadable") from exc


def _tags_with_exifread(stream: BinaryIO) -> tuple[dict[tuple[str, int], object], bytes | None]:
    """Parse with exifread; any failure (it raises on some HEIC files) gives no tags."""
    try:
        tags = exifread.process_file(stream, details=False)
    except Exception:  # a hostile file may break the parser in any way
        return {}, None
    raw: dict[tuple[str, int], object] = {}
    for key, tag in tags.items():
        ifd = key.split(" ", 1)[0]
        if ifd in (_IMAGE, _EXIF, _GPS) and hasattr(tag, "tag"):
            raw[(ifd, int(tag.tag))] = tag.values
    thumbnail = tags.get("JPEGThumbnail")
    return raw, thumbnail if isinstance(thumbnail, bytes) else None


def _tags_with_pillow(stream: BinaryIO) -> tuple[dict[tuple[str, int], object], bytes | None]:
    """Parse with Pillow (and pillow-heif): the fallback where exifread found nothing, and
    AVIF's reader (the file's rotation becomes the EXIF orientation)."""
    try:
        stream.seek(0)
        with open_image(stream) as image:
            block = image.info.get("exif")
            return _pillow_tags(image.getexif(), block if isinstance(block, bytes) else None)
    except Exception:  # corrupt or hostile: no EXIF rather than a crash
        return {}, None


def _tags_of_jxl(data: bytes) -> tuple[dict[tuple[str, int], object], bytes | None]:
    """The tags of a JPEG XL file's EXIF box: by the fast reader, else by Pillow's EXIF
    parser (its image decoder is not needed)."""
    block = jxl_exif(data)
    if block is None:
        return {}, None
    fast = tiff_exif_tags(block)
    if fast is not None:
        return fast
    try:
        exif = Image.Exif()
        exif.load(block)
        return _pillow_tags(exif, block)
    except Exception:  # corrupt or hostile: no EXIF rather than a crash
        return {}, None


def _pillow_tags(
    exif: Image.Exif, block: bytes | None
) -> tuple[dict[tuple[str, int], object], bytes | None]:
    """The Image, EXIF and GPS tags Pillow parsed, and the thumbnail in its raw block."""
    raw: dict[tuple[str, int], object] = {(_IMAGE, k): v for k, v in exif.items()}
    for ifd_name, pointer in ((_EXIF, 0x8769), (_GPS, 0x8825)):
        raw.update({(ifd_name, k): v for k, v in exif.get_ifd(pointer).items()})
    return raw, _pillow_thumbnail(block, exif)


def _pillow_thumbnail(block: bytes | None, exif: Image.Exif) -> bytes | None:
    """Cut the IFD1 JPEG thumbnail out of the raw EXIF block Pillow parsed."""
    ifd1 = exif.get_ifd(ExifTags.IFD.IFD1) if isinstance(block, bytes) else {}
    offset, length = ifd1.get(0x0201), ifd1.get(0x0202)
    if not isinstance(block, bytes) or not isinstance(offset, int) or not isinstance(length, int):
        return None
    tiff = block[6:] if block.startswith(b"Exif\x00\x00") else block
    return tiff[offset : offset + length] or None


def _interpret(raw: _RawTags, thumbnail: bytes | None, *, oriented_by_decoder: bool) -> PhotoExif:
    """Turn raw tag values into checked, typed fields (no orientation to apply when the
    decoder turns the pixels itself)."""
    heading = _angle(_first_number(raw.get((_GPS, _GPS_DIR))))
    return PhotoExif(
        lat=_coordinate(raw.get((_GPS, _GPS_LAT)), raw.get((_GPS, _GPS_LAT_REF)), "NS", 90),
        lon=_coordinate(raw.get((_GPS, _GPS_LON)), raw.get((_GPS, _GPS_LON_REF)), "EW", 180),
        accuracy_m=_non_negative(_first_number(raw.get((_GPS, _GPS_H_ERROR)))),
        heading=heading,
        heading_ref=_heading_ref(raw.get((_GPS, _GPS_DIR_REF))) if heading is not None else None,
        altitude=_altitude(raw.get((_GPS, _GPS_ALT)), raw.get((_GPS, _GPS_ALT_REF))),
        taken_at=_taken_at(raw),
        orientation=1 if oriented_by_decoder else _orientation(raw.get((_IMAGE, _ORIENTATION))),
        make=_text(raw.get((_IMAGE, _MAKE))),
        model=_text(raw.get((_IMAGE, _MODEL))),
        focal_length_mm=_positive(_first_number(raw.get((_EXIF, _FOCAL_LENGTH)))),
        focal_length_35mm=_positive(_first_number(raw.get((_EXIF, _FOCAL_35MM)))),
        digital_zoom=_positive(_first_number(raw.get((_EXIF, _DIGITAL_ZOOM)))),
        thumbnail=_jpeg_thumbnail(thumbnail),
    )


def _number(value: object) -> float | None:
    """A finite number from an int, float or rational; None for x/0, text or junk."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value)
    numerator = getattr(value, "numerator", None)
    denominator = getattr(value, "denominator", None)
    if isinstance(numerator, int) and isinstance(denominator, int):
        return numerator / denominator if denominator != 0 else None
    if isinstance(value, float) and math.isfinite(value):
        return value
    return None


def _numbers(value: object) -> list[float | None] | None:
    """The numbers of a multi-valued tag (a list or tuple), or None if it is not one."""
    if isinstance(value, list | tuple):
        return [_number(item) for item in value[:8]]
    single = _number(value)
    return None if single is None else [single]


def _first_number(value: object) -> float | None:
    """The first number of a tag's values."""
    numbers = _numbers(value)
    return numbers[0] if numbers else None


def _coordinate(value: object, ref: object, hemispheres: str, limit: float) -> float | None:
    """Degrees from DMS, decimal minutes or decimal degrees, signed by the N/S or E/W ref."""
    parts = _numbers(value)
    side = _text(ref)
    if not parts or len(parts) > 3 or any(p is None or p < 0 for p in parts) or not side:
        return None
    side = side[0].upper()
    if side not in hemispheres:
        return None
    units = (1.0, 60.0, 3600.0)
    degrees = sum(p / unit for p, unit in zip(parts, units, strict=False) if p is not None)
    if side == hemispheres[1]:
        degrees = -degrees
    return degrees if abs(degrees) <= limit else None


def _angle(value: float | None) -> float | None:
    """A direction in [0, 360); None for negative or absurd values."""
    if value is None or value < 0 or value > 720:
        return None
    return value % 360.0


def _heading_ref(value: object) -> str | None:
    """'T' (true north) or 'M' (magnetic north); anything else is unknown."""
    text = _text(value)
    ref = text[:1].upper() if text else None
    return ref if ref in ("T", "M") else None


def _altitude(value: object, ref: object) -> float | None:
    """Metres above sea level; ref 1 means below."""
    metres = _first_number(value)
    if metres is None or abs(metres) > 100_000:
        return None
    below = _first_number(list(ref) if isinstance(ref, bytes) else ref)
    return -metres if below == 1 else metres


def _non_negative(value: float | None) -> float | None:
    """The value if it is zero or more."""
    return value if value is not None and value >= 0 else None


def _positive(value: float | None) -> float | None:
    """The value if it is more than zero."""
    return value if value is not None and value > 0 else None


def _orientation(value: object) -> int:
    """The EXIF orientation 1..8; 1 (as stored) when missing or invalid."""
    number = _first_number(value)
    return int(number) if number is not None and number in range(1, 9) else 1


def _text(value: object) -> str | None:
    """A clean string from an ASCII tag; None when empty or not text."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    cleaned = value.replace("\x00", "").strip()
    return cleaned[:200] or None


def _taken_at(raw: _RawTags) -> datetime | None:
    """When the photo was taken: DateTimeOriginal with its offset, else GPS time (UTC),
    else the file's DateTime with its offset."""
    original = _exif_datetime(raw.get((_EXIF, _DATETIME_ORIGINAL)))
    if original is not None:
        return _with_offset(original, raw.get((_EXIF, _OFFSET_TIME_ORIGINAL)))
    gps_time = _gps_datetime(raw.get((_GPS, _GPS_DATE)), raw.get((_GPS, _GPS_TIME)))
    if gps_time is not None:
        return gps_time
    modified = _exif_datetime(raw.get((_IMAGE, _DATETIME)))
    return None if modified is None else _with_offset(modified, raw.get((_EXIF, _OFFSET_TIME)))


def _exif_datetime(value: object) -> datetime | None:
    """Parse 'YYYY:MM:DD HH:MM:SS' (naive)."""
    text = _text(value)
    if text is None:
        return None
    try:
        return datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def _with_offset(moment: datetime, offset: object) -> datetime:
    """Attach an EXIF offset like '+01:00'; keep the time naive if the offset is unusable."""
    text = _text(offset)
    if text is None or len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return moment
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return moment
    if hours > 14 or minutes > 59:
        return moment
    sign = -1 if text[0] == "-" else 1
    return moment.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))


def _gps_datetime(date: object, time: object) -> datetime | None:
    """The GPS date stamp and time stamp (UTC) as one aware datetime."""
    day = _text(date)
    hms = _numbers(time)
    if day is None or not hms or len(hms) != 3 or any(part is None for part in hms):
        return None
    try:
        start = datetime.strptime(day[:10], "%Y:%m:%d").replace(tzinfo=UTC)
    except ValueError:
        return None
    hours, minutes, seconds = (part or 0.0 for part in hms)
    if not (0 <= hours < 24 and 0 <= minutes < 60 and 0 <= seconds < 61):
        return None
    return start + timedelta(hours=hours, minutes=minutes, seconds=int(seconds))


def _jpeg_thumbnail(data: bytes | None) -> bytes | None:
    """Keep an embedded thumbnail only if it looks like a JPEG of sane size."""
    if not data or len(data) > _THUMBNAIL_MAX_BYTES or not data.startswith(b"\xff\xd8"):
        return None
    return bytes(data)
