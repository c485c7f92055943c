"""Generate photos with chosen EXIF for the tests (no binary fixtures in the repository)."""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path

from PIL import Image
from PIL.TiffImagePlugin import IFDRational

from contrechamp.core.drafts import place_draft

GPS_IFD, EXIF_IFD = 0x8825, 0x8769
T0 = datetime(2024, 5, 1, 10, 0, 0)
HOME = (48.8500, 2.3500)


def rational(value: float | Fraction | tuple[int, int]) -> IFDRational:
    """An EXIF rational from a number or an exact (numerator, denominator) pair."""
    if isinstance(value, tuple):
        return IFDRational(*value)
    fraction = Fraction(value).limit_denominator(10_000_000)
    return IFDRational(fraction.numerator, fraction.denominator)


def dms(degrees: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    """Degrees, minutes and seconds (seconds to 1/10000) of an absolute coordinate."""
    whole = int(degrees)
    minutes = int((degrees - whole) * 60)
    seconds = round(((degrees - whole) * 60 - minutes) * 60 * 10_000)
    return rational((whole, 1)), rational((minutes, 1)), rational((seconds, 10_000))


def make_exif(
    *,
    lat: float | None = None,
    lon: float | None = None,
    accuracy_m: float | None = None,
    heading: float | None = None,
    heading_ref: str | None = None,
    altitude: float | None = None,
    taken_at: datetime | None = None,
    offset: str | None = None,
    orientation: int | None = None,
    make: str | None = None,
    model: str | None = None,
    focal_mm: float | None = None,
    focal_35mm: int | None = None,
) -> Image.Exif:
    """An EXIF block with the given fields (coordinates written as DMS with N/S/E/W)."""
    exif = Image.Exif()
    for tag, value in ((0x010F, make), (0x0110, model), (0x0112, orientation)):
        if value is not None:
            exif[tag] = value
    _fill_gps(exif.get_ifd(GPS_IFD), lat, lon, accuracy_m, heading, heading_ref, altitude)
    _fill_exif(exif.get_ifd(EXIF_IFD), taken_at, offset, focal_mm, focal_35mm)
    return exif


def _fill_gps(gps: dict[int, object], lat, lon, accuracy_m, heading, heading_ref, altitude) -> None:
    if lat is not None:
        gps[1], gps[2] = ("N" if lat >= 0 else "S"), dms(abs(lat))
    if lon is not None:
        gps[3], gps[4] = ("E" if lon >= 0 else "W"), dms(abs(lon))
    if altitude is not None:
        gps[5], gps[6] = (b"\x01" if altitude < 0 else b"\x00"), rational(abs(altitude))
    if heading is not None:
        gps[0x10], gps[0x11] = heading_ref or "T", rational(heading)
    if accuracy_m is not None:
        gps[0x1F] = rational(accuracy_m)


def _fill_exif(sub: dict[int, object], taken_at, offset, focal_mm, focal_35mm) -> None:
    if taken_at is not None:
        sub[0x9003] = taken_at.strftime("%Y:%m:%d %H:%M:%S")
    if offset is not None:
        sub[0x9011] = offset
    if focal_mm is not None:
        sub[0x920A] = rational(focal_mm)
    if focal_35mm is not None:
        sub[0xA405] = focal_35mm


def jpeg_bytes(
    exif: Image.Exif | bytes | None = None,
    size: tuple[int, int] = (64, 48),
    color: str = "steelblue",
) -> bytes:
    """A small real JPEG carrying the given EXIF (an Exif object or a raw TIFF block)."""
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    if exif is None:
        image.save(out, "JPEG")
    else:
        raw = exif.tobytes() if isinstance(exif, Image.Exif) else b"Exif\x00\x00" + exif
        image.save(out, "JPEG", exif=raw)
    return out.getvalue()


def image_bytes(
    fmt: str,
    exif: Image.Exif | None = None,
    size: tuple[int, int] = (64, 48),
    image: Image.Image | None = None,
    **options: object,
) -> bytes:
    """A small real image in another format (PNG, WEBP, HEIF, JXL, AVIF), with optional
    EXIF (for JXL, ``compress_metadata=True`` Brotli-compresses it, as cjxl does)."""
    if fmt == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    elif fmt == "JXL":
        import pillow_jxl  # noqa: F401  (registers the encoder)
    out = io.BytesIO()
    if exif is not None:
        options["exif"] = exif.tobytes()
    (image or Image.new("RGB", size, "olive")).save(out, fmt, **options)
    return out.getvalue()


def recompressed_jxl(jpeg: bytes, folder: Path) -> bytes:
    """A JPEG recompressed losslessly as JPEG XL (with a ``jbrd`` box to give the JPEG
    back), as cjxl does by default; its EXIF goes into a Brotli-compressed box."""
    import pillow_jxl  # noqa: F401

    source = folder / "recompressed-source.jpg"
    source.write_bytes(jpeg)
    out = io.BytesIO()
    with Image.open(source) as image:  # the plugin reads the JPEG file back by its name
        image.save(out, "JXL", lossless_jpeg=True)
    source.unlink()
    return out.getvalue()


def raw_tiff(
    ifd0: Sequence[tuple[int, int, int, bytes]],
    gps: Sequence[tuple[int, int, int, bytes]] = (),
) -> bytes:
    """A big-endian TIFF block built entry by entry, for hostile EXIF: each entry is
    (tag, type, declared count, payload). The count is written as given, whatever the
    payload's length, so absurd counts and wrong types can be produced."""
    entries0 = list(ifd0)
    if gps:
        entries0.append((GPS_IFD, 4, 1, b"\x00\x00\x00\x00"))  # offset patched below
    ifd0_size = 2 + 12 * len(entries0) + 4
    gps_offset = 8 + ifd0_size
    gps_size = 2 + 12 * len(gps) + 4 if gps else 0
    data_offset = gps_offset + gps_size
    data = bytearray()
    blocks = []
    for entries in (entries0, list(gps)):
        block = bytearray(struct.pack(">H", len(entries)))
        for tag, kind, count, payload in entries:
            if tag == GPS_IFD and entries is entries0:
                payload = struct.pack(">I", gps_offset)
            if len(payload) <= 4:
                value = payload.ljust(4, b"\x00")
            else:
                value = struct.pack(">I", data_offset + len(data))
                data += payload
            block += struct.pack(">HHI", tag, kind, count) + value
        block += b"\x00\x00\x00\x00"
        blocks.append(bytes(block) if entries else b"")
    return b"MM\x00\x2a\x00\x00\x00\x08" + blocks[0] + blocks[1] + bytes(data)


def rationals(*pairs: tuple[int, int]) -> bytes:
    """Payload of unsigned rationals (big-endian)."""
    return b"".join(struct.pack(">II", n, d) for n, d in pairs)


PHOTO_KINDS = ("jpeg", "jxl", "jxl-brotli", "jxl-recompressed", "avif")
"""The kinds of photo file ``write_photo`` makes (the JPEG XL ones as cjxl and the
pillow-jxl-plugin write them)."""


def write_photo(folder: Path, name: str, kind: str = "jpeg", **fields: object) -> Path:
    """Write a generated photo of one of PHOTO_KINDS, 64 × 48 pixels, with the given EXIF
    fields into a folder."""
    exif = make_exif(**fields)  # type: ignore[arg-type]
    if kind == "jpeg":
        data = jpeg_bytes(exif)
    elif kind == "jxl-recompressed":
        data = recompressed_jxl(jpeg_bytes(exif), folder)
    elif kind == "avif":
        data = image_bytes("AVIF", exif)
    else:
        data = image_bytes("JXL", exif, compress_metadata=kind == "jxl-brotli")
    path = folder / name
    path.write_bytes(data)
    return path


def write_walk(folder: Path) -> Path:
    """A walk: one camera shot twice, one shot once, one photo without GPS, junk files."""
    folder.mkdir()
    far = place_draft(*HOME, 0.0, 300.0)
    write_photo(
        folder, "IMG_1.jpg", lat=HOME[0], lon=HOME[1], heading=90.0, taken_at=T0, focal_mm=4.2
    )
    near = place_draft(*HOME, 90.0, 3.0)
    write_photo(
        folder,
        "IMG_2.jpg",
        lat=near[0],
        lon=near[1],
        heading=92.0,
        taken_at=T0 + timedelta(seconds=12),
        focal_mm=9.0,
        accuracy_m=3.0,
    )
    write_photo(
        folder,
        "IMG_3.jpg",
        lat=far[0],
        lon=far[1],
        heading=180.0,
        taken_at=T0 + timedelta(minutes=5),
    )
    write_photo(folder, "IMG_4.jpg", taken_at=T0 + timedelta(minutes=9))
    (folder / "notes.txt").write_text("not a photo", encoding="utf-8")
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    (folder / ".hidden.jpg").write_bytes(b"ignored")
    return folder
