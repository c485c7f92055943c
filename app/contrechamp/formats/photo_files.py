"""Photo files: recognise them, make upright previews, strip their metadata before sharing."""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

from PIL import Image, UnidentifiedImageError

from contrechamp.core.errors import InputError
from contrechamp.formats.jpeg_segments import APP1, EOI, SOI, JpegStructureError, jpeg_segments
from contrechamp.formats.jxl import decoded_size, is_jxl, reconstructs_jpeg

__all__ = [
    "AVIF_MIME",
    "HEIF_MIMES",
    "JXL_MIME",
    "PHOTO_MIMES",
    "PHOTO_PATTERNS",
    "can_decode",
    "decode_upright",
    "decoder_orients",
    "edited_copy",
    "open_image",
    "photo_size",
    "preview_jpeg",
    "sniff_mime",
    "strip_metadata",
    "upright_jpeg",
]

PHOTO_PATTERNS = (
    "*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif *.HEIF *.jxl *.JXL *.avif *.AVIF"
    " *.png *.PNG *.webp *.WEBP"
)
"""File-name patterns of the photos Contrechamp reads, for file choosers."""

HEIF_MIMES = frozenset({"image/heic", "image/heif"})
JXL_MIME, AVIF_MIME = "image/jxl", "image/avif"
# The one Pillow decoder allowed for each photo type.
_PILLOW_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WEBP",
    "image/heic": "HEIF",
    "image/heif": "HEIF",
    JXL_MIME: "JXL",  # pillow-jxl-plugin
    AVIF_MIME: "AVIF",  # Pillow's own, built with libavif in its wheels since 11.3
}
PHOTO_MIMES = frozenset(_PILLOW_FORMATS)
PREVIEW_SIZE = 320
_PREVIEW_QUALITY = 85
_SHARE_QUALITY = 95
_HEIC_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis"})
_HEIF_BRANDS = frozenset({b"mif1", b"msf1", b"heif"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
# Shared as PNG or WebP when they are; HEVC, JPEG XL and AV1 take seconds to re-encode.
_SAVE_FORMATS = {"image/png": "PNG", "image/webp": "WEBP"}

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

_plugins_registered: set[str] = set()


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
    if is_jxl(data):
        return JXL_MIME
    return None


def _heif_mime(data: bytes) -> str | None:
    """HEIC, AVIF (AV1 in the same container) or HEIF from an ISO-BMFF 'ftyp' box's major
    and compatible brands."""
    box_size = int.from_bytes(data[:4], "big")
    brands = [data[8:12]] + [data[i : i + 4] for i in range(16, min(box_size, len(data)), 4)]
    if data[8:12] in _AVIF_BRANDS:
        return AVIF_MIME
    if any(brand in _HEIC_BRANDS for brand in brands):
        return "image/heic"
    if any(brand in _AVIF_BRANDS for brand in brands):
        return AVIF_MIME
    if any(brand in _HEIF_BRANDS for brand in brands):
        return "image/heif"
    return None


def open_image(stream: IO[bytes]) -> Image.Image:
    """Open a supported photo lazily (pixels are decoded on first use, but for JPEG XL,
    whose plugin decodes on opening).

    Only the decoder of the type its first bytes show is allowed, and Pillow's
    decompression-bomb guard stays on (checked first from the header for JPEG XL). Raises
    Pillow's errors; callers turn them into InputError.
    """
    start = stream.tell()
    mime = sniff_mime(stream.read(64))
    stream.seek(start)
    if mime is None:
        raise UnidentifiedImageError("not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP image")
    if mime == JXL_MIME:
        _check_jxl_pixels(stream)
    _register_plugin(_PILLOW_FORMATS[mime])
    return Image.open(stream, formats=(_PILLOW_FORMATS[mime],))


def _register_plugin(name: str) -> None:
    """Teach Pillow HEIC/HEIF or JPEG XL once, on first need (their plugins load libheif
    and libjxl)."""
    if name in _plugins_registered:
        return
    if name == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    elif name == "JXL":
        import pillow_jxl  # noqa: F401  (registers its decoder on import)
    _plugins_registered.add(name)


def _check_jxl_pixels(stream: IO[bytes]) -> None:
    """Pillow's decompression-bomb guard, from a JPEG XL header: the plugin decodes the
    whole image before Pillow sees its size."""
    start = stream.tell()
    size = decoded_size(stream.read())
    stream.seek(start)
    if size is None:
        raise UnidentifiedImageError("JPEG XL header unreadable")
    _check_pixels(size)


def _check_pixels(size: tuple[int, int]) -> None:
    """Refuse what Image.open refuses: more than twice Image.MAX_IMAGE_PIXELS pixels."""
    limit = Image.MAX_IMAGE_PIXELS
    if limit is not None and size[0] * size[1] > 2 * limit:
        raise Image.DecompressionBombError(f"{size[0]}x{size[1]} pixels")


def photo_size(data: bytes) -> tuple[int, int]:
    """The pixel size of a photo (as Pillow opens it), from its header only (nothing is
    decoded).

    Raises InputError: "photo.unreadable" when the header is broken, "photo.too_large"
    when Pillow's decompression-bomb guard refuses it.
    """
    if is_jxl(data):  # from the header: the plugin would decode the image
        size = decoded_size(data)
        if size is None:
            raise InputError("the JPEG XL header cannot be read", "photo.unreadable")
        with _decoding_errors():
            _check_pixels(size)
        return size
    with _decoding_errors(), open_image(io.BytesIO(data)) as image:
        return image.size


def can_decode(mime: str) -> bool:
    """Whether this Pillow can decode photos of a supported type (a Pillow built without
    libavif, or a machine without the JPEG XL plugin, cannot)."""
    if mime == AVIF_MIME:
        from PIL import AvifImagePlugin

        return AvifImagePlugin.SUPPORTED
    if mime == JXL_MIME:
        return importlib.util.find_spec("pillow_jxl") is not None
    return mime in PHOTO_MIMES


def decoder_orients(data: bytes) -> bool:
    """Whether the decoder turns this photo's pixels upright itself (HEIF and JPEG XL, but
    a recompressed JPEG), so that its EXIF orientation must not be applied again."""
    mime = sniff_mime(data[:64])
    if mime == JXL_MIME:
        return not reconstructs_jpeg(data)
    return mime in HEIF_MIMES


def preview_jpeg(data: bytes, size: int = PREVIEW_SIZE) -> bytes:
    """An upright JPEG preview fitting in ``size`` × ``size`` pixels.

    JPEGs are decoded in draft mode (scaled down by the decoder itself, not decoded in
    full). Raises InputError ("photo.unreadable", "photo.too_large") on bad files.
    """
    with _decoding_errors(), open_image(io.BytesIO(data)) as image:
        orientation = _orientation_of(image, data)
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
    lossless). HEIC/HEIF, JPEG XL and AVIF come back as a quality-95 JPEG, since
    re-encoding them takes seconds per photo (~15 s for HEVC): call ``sniff_mime`` on the
    result for the file extension.
    Raises InputError ("photo.unreadable", "photo.too_large") on bad files.
    """
    mime = sniff_mime(data[:64])
    if mime is None:
        raise InputError("not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP image", "photo.unreadable")
    if mime == "image/jpeg":
        stripped = _strip_jpeg_segments(data)
        if stripped is not None:
            return stripped
    return _reencode_clean(data, _SAVE_FORMATS.get(mime, "JPEG"))


@contextmanager
def _decoding_errors() -> Iterator[None]:
    """Turn Pillow's decoding failures into InputError with a stable code."""
    try:
        yield
    except Image.DecompressionBombError as exc:
        raise InputError("the image is too large to open safely", "photo.too_large") from exc
    # RuntimeError: the JPEG XL plugin's one error for any broken file.
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        SyntaxError,
        EOFError,
        RuntimeError,
    ) as exc:
        raise InputError("the image cannot be decoded", "photo.unreadable") from exc


def _orientation_of(image: Image.Image, data: bytes) -> int:
    """The EXIF orientation still to apply to the decoded pixels of ``data``."""
    if decoder_orients(data):
        return 1
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


def edited_copy(data: bytes, edit: Callable[[Image.Image], Image.Image]) -> bytes:
    """A copy shared as ``strip_metadata`` shares it (no metadata, upright, PNG and WebP
    kept, the rest as a quality-95 JPEG), its upright pixels passed through ``edit`` first
    (e.g. a blur). Raises InputError ("photo.unreadable", "photo.too_large") on bad files.
    """
    mime = sniff_mime(data[:64])
    if mime is None:
        raise InputError("not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP image", "photo.unreadable")
    return _reencode_clean(data, _SAVE_FORMATS.get(mime, "JPEG"), edit)


def decode_upright(data: bytes, longest: int | None = None) -> Image.Image:
    """The photo's pixels in RGB, upright, scaled down to fit ``longest`` pixels when given
    (JPEGs decoded in draft mode). Raises InputError as ``preview_jpeg`` does."""
    with _decoding_errors(), open_image(io.BytesIO(data)) as image:
        orientation = _orientation_of(image, data)
        if longest is not None:
            image.draft("RGB", _fitted(image.size, longest))
            image.thumbnail((longest, longest), Image.Resampling.BILINEAR, reducing_gap=None)
        else:
            image.load()
        upright = _upright(_flatten(image), orientation)
        return upright.copy() if upright is image else upright  # outlives the open file


def _reencode_clean(
    data: bytes, save_format: str, edit: Callable[[Image.Image], Image.Image] | None = None
) -> bytes:
    """Decode, turn upright (then ``edit``) and re-encode with no metadata but the colour
    profile."""
    with _decoding_errors(), open_image(io.BytesIO(data)) as image:
        orientation = _orientation_of(image, data)
        lossless = save_format == "PNG" or _is_lossless_webp(data)
        icc = image.info.get("icc_profile")
        clean = _upright(image.convert(_save_mode(image, save_format)), orientation)
        if edit is not None:
            clean = edit(clean)
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
_APP0, _APP2, _APP14 = 0xE0, 0xE2, 0xEE


def _strip_jpeg_segments(data: bytes) -> bytes | None:
    """Copy a JPEG without its metadata segments and anything after EOI (e.g. the extra
    images of MPF, which carry their own EXIF); None when the structure is broken."""
    kept: list[bytes] = []
    try:
        for segment in jpeg_segments(data):
            if segment.end > len(data):
                return None
            if segment.marker == EOI:
                break
            if segment.marker != SOI and _keep_segment(segment.marker, data, segment.start):
                kept.append(data[segment.start : segment.end])
    except JpegStructureError:
        return None
    return _assemble_jpeg(kept, _jpeg_orientation(data))


def _keep_segment(marker: int, data: bytes, start: int) -> bool:
    """Whether the segment at ``start`` carries pixels or colour, not metadata."""
    head = data[start + 4 : start + 18]
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
        app1 = bytes((0xFF, APP1)) + (len(payload) + 2).to_bytes(2, "big") + payload
        at = 1 if segments and segments[0][1] == _APP0 else 0
        segments = [*segments[:at], app1, *segments[at:]]
    return b"".join([b"\xff\xd8", *segments, b"\xff\xd9"])


def _jpeg_orientation(data: bytes) -> int:
    """The EXIF orientation of a JPEG (1 when unknown)."""
    try:
        with open_image(io.BytesIO(data)) as image:
            return _orientation_of(image, data)
    except Exception:  # unreadable EXIF: keep the pixels as they are
        return 1
