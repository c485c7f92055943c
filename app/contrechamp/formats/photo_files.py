"""Photo files: recognise them, make upright previews, strip their metadata before sharing."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from PIL import Image, UnidentifiedImageError

from contrechamp.core.errors import InputError

__all__ = [
    "HEIF_MIMES",
    "PHOTO_MIMES",
    "open_image",
    "photo_size",
    "preview_jpeg",
    "sniff_mime",
    "strip_metadata",
    "upright_jpeg",
]

HEIF_MIMES = frozenset({"image/heic", "image/heif"})
PHOTO_MIMES = frozenset({"image/jpeg", "image/png", "image/webp"} | HEIF_MIMES)
PREVIEW_SIZE = 320
_PREVIEW_QUALITY = 85
_SHARE_QUALITY = 95
_PILLOW_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
_HEIC_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis"})
_HEIF_BRANDS = frozenset({b"mif1", b"msf1", b"heif"})
_SAVE_FORMATS = {
    "image/png": "PNG",
    "image/webp": "WEBP",
    "image/heic": "JPEG",
    "image/heif": "JPEG",
}

# Pixels to apply for each EXIF orientation (2..8) to show the image upright.
_UPRIGHT: dict[int, tuple[Image.Transpose, ...]] = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}

_heif_registered = False


def sniff_mime(data: bytes) -> str | None:
    """The MIME type of a supported photo from its first bytes, or None.

    >>> sniff_mime(b"\\xff\\xd8\\xff\\xe0" + bytes(8))
    'image/jpeg'
    >>> sniff_mime(b"GIF89a") is None
    True
    """
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        return _heif_mime(data)
    return None


def _heif_mime(data: bytes) -> str | None:
    """HEIC or HEIF from an ISO-BMFF 'ftyp' box's major and compatible brands."""
    box_size = int.from_bytes(data[:4], "big")
    brands = [data[8:12]] + [data[i : i + 4] for i in range(16, min(box_size, len(data)), 4)]
    if data[8:12] in (b"avif", b"avis"):
        return None  # AV1 in a HEIF container: not a phone HEIC
    if any(brand in _HEIC_BRANDS for brand in brands):
        return "image/heic"
    if any(brand in _HEIF_BRANDS for brand in brands):
        return "image/heif"
    return None


def open_image(stream: IO[bytes]) -> Image.Image:
    """Open a supported photo lazily (pixels are decoded on first use).

    Only the JPEG, PNG, WebP and HEIF decoders are allowed, and Pillow's decompression-bomb
    guard stays on. Raises Pillow's errors; callers turn them into InputError.
    """
    _register_heif()
    return Image.open(stream, formats=_PILLOW_FORMATS)


def _register_heif() -> None:
    """Teach Pillow HEIC/HEIF once, on first need (pillow-heif loads libheif)."""
    global _heif_registered
    if not _heif_registered:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        _heif_registered = True


def photo_size(data: bytes) -> tuple[int, int]:
    """The pixel size of a photo, from its header only (nothing is decoded).

    Raises InputError: "photo.unreadable" when the header is broken, "photo.too_large"
    when Pillow's decompression-bomb guard refuses it.
    """
    with _decoding_errors(), open_image(io.BytesIO(data)) as image:
        return image.size


def preview_jpeg(data: bytes, size: int = PREVIEW_SIZE) -> bytes:
    """An upright JPEG preview fitting in ``size`` × ``size`` pixels.

    JPEGs are decoded in draft mode (scaled down by the decoder itself, not decoded in
    full). Raises InputError ("photo.unreadable", "photo.too_large") on bad files.
    """
    with _decoding_errors(), open_image(io.BytesIO(data)) as image:
        orientation = _orientation_of(image)
        # JPEG decodes at 1/2, 1/4 or 1/8 scale; pillow-heif picks an embedded thumbnail.
        image.draft("RGB", _fitted(image.size, size))
        image.thumbnail((size, size), Image.Resampling.BILINEAR, reducing_gap=None)
        return _encode_jpeg(_upright(_flatten(image), orientation), _PREVIEW_QUALITY)


def _fitted(full: tuple[int, int], size: int) -> tuple[int, int]:
    """The size of ``full`` scaled down to fit in ``size`` × ``size``."""
    scale = min(1.0, size / max(full[0], full[1], 1))
    return max(1, round(full[0] * scale)), max(1, round(full[1] * scale))


def upright_jpeg(data: bytes, orientation: int) -> bytes:
    """The same small JPEG (an EXIF thumbnail) turned upright; unchanged if already upright."""
    if orientation not in _UPRIGHT:
        return data
    with _decoding_errors(), open_image(io.BytesIO(data)) as image:
        return _encode_jpeg(_upright(_flatten(image), orientation), _PREVIEW_QUALITY)


def strip_metadata(data: bytes) -> bytes:
    """The same image without EXIF, XMP, IPTC, GPS, maker notes or comments.

    JPEGs keep their compressed pixels untouched: metadata segments are dropped and only
    the orientation is written back. PNG and WebP are re-encoded upright (lossless stays
    lossless). HEIC/HEIF come back as a quality-95 JPEG, since re-encoding HEVC takes
    ~15 s per photo: call ``sniff_mime`` on the result for the file extension.
    Raises InputError ("photo.unreadable", "photo.too_large") on bad files.
    """
    mime = sniff_mime(data[:64])
    if mime is None:
        raise InputError("not a JPEG, HEIC, PNG or WebP image", "photo.unreadable")
    if mime == "image/jpeg":
        stripped = _strip_jpeg_segments(data)
        if stripped is not None:
            return stripped
        return _reencode_clean(data, "JPEG")
    return _reencode_clean(data, _SAVE_FORMATS[mime])


@contextmanager
def _decoding_errors() -> Iterator[None]:
    """Turn Pillow's decoding failures into InputError with a stable code."""
    try:
        yield
    except Image.DecompressionBombError as exc:
        raise InputError("the image is too large to open safely", "photo.too_large") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as exc:
        raise InputError("the image cannot be decoded", "photo.unreadable") from exc


def _orientation_of(image: Image.Image) -> int:
    """The EXIF orientation still to apply (pillow-heif already applies HEIF's own)."""
    value = image.getexif().get(0x0112, 1)
    return value if isinstance(value, int) and value in _UPRIGHT else 1


def _upright(image: Image.Image, orientation: int) -> Image.Image:
    """Apply the transposes that show the image upright."""
    for step in _UPRIGHT.get(orientation, ()):
        image = image.transpose(step)
    return image


def _flatten(image: Image.Image) -> Image.Image:
    """RGB pixels, transparency composited on white."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image if image.mode == "RGB" else image.convert("RGB")


def _encode_jpeg(image: Image.Image, quality: int) -> bytes:
    """Encode as a baseline JPEG with no metadata."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _reencode_clean(data: bytes, save_format: str) -> bytes:
    """Decode, turn upright and re-encode with no metadata but the colour profile."""
    with _decoding_errors(), open_image(io.BytesIO(data)) as image:
        orientation = _orientation_of(image)
        lossless = save_format == "PNG" or _is_lossless_webp(data)
        icc = image.info.get("icc_profile")
        clean = _upright(image.convert(_save_mode(image, save_format)), orientation)
        clean.info = {}
        out = io.BytesIO()
        options: dict[str, object] = {"exif": b"", "xmp": b""}
        if isinstance(icc, bytes):
            options["icc_profile"] = icc
        if not lossless:
            options["quality"] = _SHARE_QUALITY
        elif save_format == "WEBP":
            options["lossless"] = True
        clean.save(out, save_format, **options)
        return out.getvalue()


def _save_mode(image: Image.Image, save_format: str) -> str:
    """A pixel mode the target format can store."""
    if save_format == "JPEG":
        return "RGB"
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    return "RGBA" if has_alpha else "RGB"


def _is_lossless_webp(data: bytes) -> bool:
    """A WebP whose first chunk is VP8L (lossless)."""
    return data[:4] == b"RIFF" and data[12:16] == b"VP8L"


# JPEG segments kept when sharing: JFIF, the ICC colour profile, Adobe's colour transform.
_APP0, _APP1, _APP2, _APP14, _SOS, _EOI = 0xE0, 0xE1, 0xE2, 0xEE, 0xDA, 0xD9
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def _strip_jpeg_segments(data: bytes) -> bytes | None:
    """Copy a JPEG without its metadata segments and anything after EOI (e.g. the extra
    images of MPF, which carry their own EXIF); None when the structure is broken."""
    kept: list[bytes] = []
    pos = 2
    while pos + 1 < len(data):
        if data[pos] != 0xFF:
            return None
        while pos < len(data) and data[pos] == 0xFF:
            pos += 1
        marker = data[pos] if pos < len(data) else _EOI
        pos += 1
        if marker == _EOI:
            break
        if marker in _STANDALONE:
            kept.append(bytes((0xFF, marker)))
            continue
        length = int.from_bytes(data[pos : pos + 2], "big")
        if length < 2 or pos + length > len(data):
            return None
        if _keep_segment(marker, data[pos + 2 : pos + 16]):
            kept.append(data[pos - 2 : pos + length])
        pos += length
        if marker == _SOS:
            found = _NEXT_MARKER.search(data, pos)
            end = found.start() if found else len(data)
            kept.append(data[pos:end])
            pos = end
    return _assemble_jpeg(kept, _jpeg_orientation(data))


def _keep_segment(marker: int, head: bytes) -> bool:
    """Whether a segment carries pixels or colour, not metadata."""
    if marker == _APP0:
        return True
    if marker == _APP2:
        return head.startswith(b"ICC_PROFILE\x00")
    if marker == _APP14:
        return head.startswith(b"Adobe")
    return not (0xE0 <= marker <= 0xEF or marker == 0xFE)


def _assemble_jpeg(segments: list[bytes], orientation: int) -> bytes:
    """SOI, a minimal EXIF holding only the orientation (if not upright), the rest, EOI."""
    if orientation in _UPRIGHT:
        exif = Image.Exif()
        exif[0x0112] = orientation
        payload = exif.tobytes()
        app1 = bytes((0xFF, _APP1)) + (len(payload) + 2).to_bytes(2, "big") + payload
        at = 1 if segments and segments[0][1] == _APP0 else 0
        segments = [*segments[:at], app1, *segments[at:]]
    return b"".join([b"\xff\xd8", *segments, b"\xff\xd9"])


def _jpeg_orientation(data: bytes) -> int:
    """The EXIF orientation of a JPEG (1 when unknown)."""
    try:
        with open_image(io.BytesIO(data)) as image:
            return _orientation_of(image)
    except Exception:  # unreadable EXIF: keep the pixels as they are
        return 1
