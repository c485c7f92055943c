"""JPEG XL structure read without decoding: size header, orientation, EXIF boxes, bombs."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import brotli
import pillow_jxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from contrechamp.core.errors import InputError
from contrechamp.formats.jxl import (
    CONTAINER,
    EXIF_MAX_BYTES,
    JxlSize,
    decoded_size,
    jxl_exif,
    jxl_size,
    reconstructs_jpeg,
)
from contrechamp.formats.photo_files import photo_size, preview_jpeg
from contrechamp.ops.photo_reading import read_photo
from tests.photos.photo_factory import (
    HOME,
    image_bytes,
    jpeg_bytes,
    make_exif,
    recompressed_jxl,
)


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def _codestream(width: int, height: int, orientation: int = 1) -> bytes:
    """A codestream's SizeHeader (30-bit sides, no ratio) and orientation, then zeros."""
    bits: list[int] = []

    def put(value: int, count: int) -> None:
        bits.extend((value >> i) & 1 for i in range(count))

    put(0, 1)  # not small
    put(3, 2), put(height - 1, 30)
    put(0, 3)  # no fixed ratio
    put(3, 2), put(width - 1, 30)
    if orientation == 1:
        put(1, 1)  # all default
    else:
        put(0, 1), put(1, 1), put(orientation - 1, 3)  # extra fields: the orientation first
    bits += [0] * (-len(bits) % 8)
    packed = bytes(
        sum(b << i for i, b in enumerate(bits[j : j + 8])) for j in range(0, len(bits), 8)
    )
    return b"\xff\x0a" + packed + bytes(32)


@pytest.mark.parametrize(
    "size",
    [
        (1, 1),
        (256, 256),  # small sides, ratio 1:1
        (64, 48),  # small, ratio 4:3
        (120, 100),  # ratio 12:10
        (300, 200),  # 3:2
        (1600, 900),  # 16:9
        (500, 400),  # 5:4
        (200, 100),  # 2:1
        (7, 513),  # a 13-bit height
        (513, 7),
        (3, 8193),  # an 18-bit height
        (262145, 1),  # a 30-bit width (in a jxlc box: libjxl adds a level box for it)
    ],
)
def test_size_header_gives_the_size_the_decoder_gives(size: tuple[int, int]) -> None:
    data = image_bytes("JXL", image=Image.new("L", size), lossless=True, effort=1)
    assert jxl_size(data) == JxlSize(*size, 1)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == size


def test_orientation_turns_the_decoded_size() -> None:
    assert jxl_size(_codestream(4000, 3000, orientation=6)) == JxlSize(4000, 3000, 6)
    assert decoded_size(_codestream(4000, 3000, orientation=6)) == (3000, 4000)
    assert decoded_size(_codestream(4000, 3000, orientation=3)) == (4000, 3000)


def test_a_recompressed_jpeg_keeps_the_jpegs_size_and_orientation(tmp_path: Path) -> None:
    data = recompressed_jxl(jpeg_bytes(make_exif(orientation=6), size=(64, 48)), tmp_path)
    assert reconstructs_jpeg(data)
    assert jxl_size(data) == JxlSize(64, 48, 6)  # cjxl and libjxl take it from the EXIF
    with Image.open(io.BytesIO(data)) as image:  # the JPEG comes back, not turned
        assert decoded_size(data) == image.size == (64, 48)


def test_exif_box_as_the_plugin_writes_it_and_brotli_compressed() -> None:
    exif = make_exif(lat=HOME[0], lon=HOME[1], heading=12.5)
    plain = image_bytes("JXL", exif)
    compressed = image_bytes("JXL", exif, compress_metadata=True)
    assert b"brob" in compressed
    assert not reconstructs_jpeg(plain)
    block = jxl_exif(plain)
    assert block is not None
    assert block == jxl_exif(compressed) == exif.tobytes()[6:]  # the TIFF block


def test_exif_box_after_its_tiff_offset_in_a_jxlc_container() -> None:
    tiff = make_exif(lat=HOME[0], lon=HOME[1]).tobytes()[6:]
    codestream = image_bytes("JXL", size=(40, 30))
    data = (
        CONTAINER
        + _box(b"ftyp", b"jxl \x00\x00\x00\x00jxl ")
        + _box(b"Exif", b"\x00\x00\x00\x02??" + tiff)  # 4-byte offset to the TIFF header
        + _box(b"jxlc", codestream)
    )
    assert jxl_exif(data) == tiff
    assert jxl_size(data) == JxlSize(40, 30, 1)
    with Image.open(io.BytesIO(data)) as image:  # a container libjxl reads too
        assert image.size == (40, 30)


def test_compressed_exif_is_cut_at_its_limit() -> None:
    huge = brotli.compress(b"MM\x00*" + bytes(16 * EXIF_MAX_BYTES))
    data = CONTAINER + _box(b"brob", b"Exif" + huge) + _box(b"jxlc", _codestream(8, 8))
    assert len(huge) < 2000
    block = jxl_exif(data)
    assert block is not None
    assert len(block) == EXIF_MAX_BYTES


@pytest.mark.parametrize(
    "boxes",
    [
        _box(b"brob", b"Exif" + b"not brotli"),
        _box(b"Exif", b"\x00\x00\xff\xffMM\x00*"),  # an offset past the box
        struct.pack(">I4s", 4, b"Exif"),  # a size smaller than its own header
        struct.pack(">I4sQ", 1, b"jxlc", 2**40),  # a 64-bit size past the file
    ],
)
def test_broken_boxes_give_nothing(boxes: bytes) -> None:
    data = CONTAINER + boxes
    assert jxl_exif(data) is None
    assert jxl_size(data) is None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_after_a_signature_are_read_without_error(tail: bytes) -> None:
    for data in (CONTAINER + tail, b"\xff\x0a" + tail):
        jxl_size(data)
        jxl_exif(data)
        reconstructs_jpeg(data)


# --- Pillow's decompression-bomb guard, before the plugin decodes ---


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the plugin's decodes (each one decodes the whole image)."""
    calls: list[int] = []
    real = pillow_jxl.JpegXLImagePlugin.Decoder

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pillow_jxl.JpegXLImagePlugin, "Decoder", counting)
    return calls


def test_a_jpeg_xl_bomb_is_refused_before_it_is_decoded(
    decodes: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = image_bytes("JXL", make_exif(lat=HOME[0], lon=HOME[1]), size=(64, 48))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 64 * 48 // 2 - 1)
    for refused in (photo_size, preview_jpeg):
        with pytest.raises(InputError) as error:
            refused(data)
        assert error.value.code == "photo.too_large"
    assert decodes == []


def test_a_header_claiming_gigapixels_is_too_large() -> None:
    with pytest.raises(InputError) as error:
        preview_jpeg(_codestream(100_000, 100_000))
    assert error.value.code == "photo.too_large"


def test_the_import_reads_a_jpeg_xl_without_decoding_it(decodes: list[int], tmp_path: Path) -> None:
    path = tmp_path / "walk.jxl"
    path.write_bytes(
        image_bytes("JXL", make_exif(lat=HOME[0], lon=HOME[1]), compress_metadata=True)
    )
    photo = read_photo(path)
    assert (photo.mime, photo.exif.lat) == ("image/jxl", pytest.approx(HOME[0]))
    assert decodes == []
    assert photo_size(path.read_bytes()) == (64, 48)


def test_a_truncated_jpeg_xl_is_unreadable_not_a_crash() -> None:
    data = image_bytes("JXL", make_exif(lat=HOME[0], lon=HOME[1]), size=(640, 480))
    with pytest.raises(InputError) as error:
        preview_jpeg(data[: len(data) // 2])  # the plugin raises RuntimeError
    assert error.value.code == "photo.unreadable"
