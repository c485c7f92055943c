"""Recognising photo files, upright previews, and stripping metadata before sharing."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops

from contrechamp.core.errors import InputError
from contrechamp.formats.exif import read_exif
from contrechamp.formats.photo_files import preview_jpeg, sniff_mime, strip_metadata, upright_jpeg
from tests.photos.photo_factory import image_bytes, jpeg_bytes, make_exif, recompressed_jxl


def _size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as image:
        return image.size


@pytest.mark.parametrize(
    ("fmt", "mime"), [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")]
)
def test_sniff_generated_formats(fmt: str, mime: str) -> None:
    data = jpeg_bytes() if fmt == "JPEG" else image_bytes(fmt)
    assert sniff_mime(data) == mime


def test_sniff_real_heic_and_heif(shared_data: Path) -> None:
    photos = shared_data / "photos"
    assert sniff_mime((photos / "heic_mobile_iphone_13_pro_max.heic").read_bytes()) == "image/heic"
    assert sniff_mime((photos / "heic_mobile_HMD_Nokia_8.3_5G.heif").read_bytes()) == "image/heic"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"GIF89a",
        b"\x00\x00\x00\x18ftypcrx \x00\x00\x00\x00crx isom",  # Canon raw, ISO-BMFF too
        b"RIFF\x00\x00\x00\x00WAVE",
        b"\xff\x0b",  # not the JPEG XL codestream signature
    ],
)
def test_sniff_refuses_other_files(data: bytes) -> None:
    assert sniff_mime(data) is None


def test_sniff_heif_by_compatible_brand() -> None:
    assert sniff_mime(b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic") == "image/heic"
    assert sniff_mime(b"\x00\x00\x00\x14ftypmif1\x00\x00\x00\x00mif1") == "image/heif"


def test_sniff_avif_and_jpeg_xl() -> None:
    assert sniff_mime(b"\x00\x00\x00\x18ftypavif\x00\x00\x00\x00avifmif1") == "image/avif"
    assert sniff_mime(b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1avif") == "image/avif"
    assert sniff_mime(b"\x00\x00\x00\x0cJXL \r\n\x87\n\x00\x00\x00\x14ftypjxl ") == "image/jxl"
    assert sniff_mime(b"\xff\x0a\xfa\x7f\x01") == "image/jxl"  # a bare codestream


@pytest.mark.parametrize(
    ("name", "landscape"),
    [("jpg_orientation_landscape_6.jpg", True), ("jpg_orientation_portrait_8.jpg", False)],
)
def test_previews_of_rotated_photos_are_upright(
    shared_data: Path, name: str, landscape: bool
) -> None:
    data = (shared_data / "photos" / name).read_bytes()
    stored_width, stored_height = _size(data)
    assert (stored_width > stored_height) != landscape  # stored sideways
    width, height = _size(preview_jpeg(data))
    assert max(width, height) == 320
    assert (width > height) == landscape


def test_preview_turns_the_pixels_the_right_way() -> None:
    image = Image.new("RGB", (80, 40), "white")
    image.paste((255, 0, 0), (0, 0, 40, 40))  # red on the stored left half
    out = io.BytesIO()
    image.save(out, "JPEG", exif=make_exif(orientation=6).tobytes(), quality=95)
    with Image.open(io.BytesIO(preview_jpeg(out.getvalue(), 40))) as preview:
        assert preview.size == (20, 40)
        red, green, _ = preview.convert("RGB").getpixel((10, 5))
        assert red > 200
        assert green < 80


def _red_on_the_left(fmt: str, orientation: int, tmp_path: Path) -> bytes:
    """An 80 × 40 photo red on its stored left half, EXIF orientation as given."""
    image = Image.new("RGB", (80, 40), "white")
    image.paste((255, 0, 0), (0, 0, 40, 40))
    out = io.BytesIO()
    exif = make_exif(orientation=orientation).tobytes()
    image.save(out, "JPEG" if fmt == "JXL-RECOMPRESSED" else fmt, exif=exif, quality=95)
    if fmt == "JXL-RECOMPRESSED":
        return recompressed_jxl(out.getvalue(), tmp_path)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["AVIF", "JXL-RECOMPRESSED"])
def test_previews_of_avif_and_recompressed_jpegs_are_turned_upright(
    fmt: str, tmp_path: Path
) -> None:
    # AVIF keeps the rotation in its container (Pillow writes it from the EXIF), and its
    # decoder leaves the pixels as stored; so does a JPEG given back from its JPEG XL.
    data = _red_on_the_left(fmt, 6, tmp_path)
    assert read_exif(data).orientation == 6
    with Image.open(io.BytesIO(preview_jpeg(data, 40))) as preview:
        assert preview.size == (20, 40)
        red, green, _ = preview.convert("RGB").getpixel((10, 5))
        assert red > 200
        assert green < 80


def test_a_jpeg_xl_is_shown_as_its_decoder_turns_it(tmp_path: Path) -> None:
    # JPEG XL's own orientation is in its codestream and libjxl applies it: the EXIF one is
    # ignored, as by every JPEG XL viewer (the plugin writes it in the EXIF box only).
    data = _red_on_the_left("JXL", 6, tmp_path)
    assert read_exif(data).orientation == 1
    with Image.open(io.BytesIO(preview_jpeg(data, 40))) as preview:
        assert preview.size == (40, 20)
        assert preview.convert("RGB").getpixel((5, 10))[1] < 80  # red still on the left


def test_a_real_photo_recompressed_as_jpeg_xl_reads_as_the_jpeg(
    shared_data: Path, tmp_path: Path
) -> None:
    jpeg = (shared_data / "photos" / "jpg_hdr_iphone_hdr_YES.jpg").read_bytes()
    data = recompressed_jxl(jpeg, tmp_path)
    assert sniff_mime(data) == "image/jxl"
    assert read_exif(data) == read_exif(jpeg)  # GPS, heading, time, thumbnail
    rotated = recompressed_jxl(
        (shared_data / "photos" / "jpg_orientation_landscape_6.jpg").read_bytes(), tmp_path
    )
    width, height = _size(preview_jpeg(rotated))
    assert width > height  # landscape, as its JPEG


def test_preview_of_heic_uses_pillow_heif(shared_data: Path) -> None:
    data = (shared_data / "photos" / "heic_mobile_iphone_13_pro_max.heic").read_bytes()
    assert _size(preview_jpeg(data)) == (240, 320)


def test_preview_of_small_images_is_not_enlarged() -> None:
    assert _size(preview_jpeg(jpeg_bytes(size=(100, 60)))) == (100, 60)


def test_preview_flattens_transparency_on_white() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(out, "PNG")
    with Image.open(io.BytesIO(preview_jpeg(out.getvalue()))) as preview:
        assert preview.convert("RGB").getpixel((5, 5))[0] > 240


def _png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def test_decompression_bomb_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        preview_jpeg(_png_claiming(60_000, 60_000))
    assert caught.value.code == "photo.too_large"


@pytest.mark.parametrize("data", [b"\xff\xd8\xff\xe0garbage", b"\x89PNG\r\n\x1a\n" + bytes(30)])
def test_preview_of_broken_files_raises_input_error(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        preview_jpeg(data)
    assert caught.value.code == "photo.unreadable"


def test_upright_jpeg_turns_an_exif_thumbnail() -> None:
    thumb = jpeg_bytes(size=(160, 120))
    assert upright_jpeg(thumb, 1) is thumb
    assert _size(upright_jpeg(thumb, 8)) == (120, 160)


def test_strip_real_jpeg_removes_gps_and_names_keeps_pixels(shared_data: Path) -> None:
    data = (shared_data / "photos" / "jpg_hdr_iphone_hdr_YES.jpg").read_bytes()
    stripped = strip_metadata(data)
    assert read_exif(stripped) == read_exif(jpeg_bytes())  # nothing left at all
    assert b"Apple" not in stripped
    assert b"iPhone" not in stripped
    with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(stripped)) as after:
        assert ImageChops.difference(before.convert("RGB"), after.convert("RGB")).getbbox() is None


def test_strip_keeps_only_the_orientation(shared_data: Path) -> None:
    data = (shared_data / "photos" / "jpg_orientation_portrait_8.jpg").read_bytes()
    exif = read_exif(strip_metadata(data))
    assert exif.orientation == 8


def test_strip_drops_comments_xmp_and_data_after_the_image() -> None:
    exif = make_exif(lat=48.85, lon=2.35, make="Secret Maker", model="Owner's phone")
    out = io.BytesIO()
    xmp = b"<x:xmpmeta><rdf:Description photoshop:Credit='Jane Walker'/></x:xmpmeta>"
    Image.new("RGB", (32, 32), "red").save(
        out, "JPEG", exif=exif.tobytes(), comment=b"by Jane", xmp=xmp
    )
    trailing = jpeg_bytes(make_exif(lat=1.0, lon=1.0))  # like MPF's second image
    stripped = strip_metadata(out.getvalue() + trailing)
    for secret in (b"Secret", b"Owner", b"Jane", b"GPS", b"Exif"):
        assert secret not in stripped
    assert stripped.endswith(b"\xff\xd9")
    assert _size(stripped) == (32, 32)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "HEIF", "JXL", "AVIF"])
def test_strip_other_formats_removes_gps(fmt: str) -> None:
    data = image_bytes(fmt, make_exif(lat=48.85, lon=2.35, make="Secret Maker"))
    assert read_exif(data).lat is not None
    stripped = strip_metadata(data)
    exif = read_exif(stripped)
    assert (exif.lat, exif.make) == (None, None)
    assert _size(stripped) == (64, 48)


def test_strip_real_heic_gives_a_clean_jpeg(shared_data: Path) -> None:
    data = (shared_data / "photos" / "heic_mobile_HMD_Nokia_8.3_5G.heif").read_bytes()
    stripped = strip_metadata(data)
    assert sniff_mime(stripped) == "image/jpeg"
    assert read_exif(stripped).lat is None
    assert _size(stripped) == (3456, 4608)


def test_strip_refuses_what_is_not_a_photo() -> None:
    with pytest.raises(InputError):
        strip_metadata(b"just text")


_SEED = jpeg_bytes(make_exif(lat=1.5, lon=2.5, orientation=6, make="Maker"), size=(96, 64))


@pytest.mark.filterwarnings("ignore:.*:UserWarning:PIL")
@settings(max_examples=200, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 4095), st.integers(0, 255)), min_size=1, max_size=10))
def test_fuzzed_photos_give_a_preview_a_stripped_copy_or_input_error(
    edits: list[tuple[int, int]],
) -> None:
    data = bytearray(_SEED)
    for position, value in edits:
        data[position % len(data)] = value
    for operation in (preview_jpeg, strip_metadata, lambda d: upright_jpeg(d, 6)):
        try:
            result = operation(bytes(data))
        except InputError:
            continue
        assert isinstance(result, bytes)
