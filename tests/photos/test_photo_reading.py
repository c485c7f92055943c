"""read_photo reads a photo's head only for its metadata, yet finds what a whole read finds."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from contrechamp.core.errors import InputError
from contrechamp.formats.exif import read_exif
from contrechamp.formats.photo_files import photo_size, sniff_mime
from contrechamp.ops.photo_reading import (
    _HEAD_BYTES,
    _jpeg_header_within,
    read_photo,
    read_photos,
)
from tests.photos.photo_factory import HOME, T0, write_photo


def _whole_read(path: Path) -> tuple[str, object, int] | str:
    """What reading the whole file gives: (sha256, EXIF, size), or the refusal's code."""
    data = path.read_bytes()
    try:
        if sniff_mime(data[:64]) is None:
            return "photo.unsupported"
        photo_size(data)
        return hashlib.sha256(data).hexdigest(), read_exif(data), len(data)
    except InputError as error:
        return error.code


def test_every_real_photo_reads_as_if_read_whole(shared_data: Path) -> None:
    for path in sorted((shared_data / "photos").iterdir()):
        assert _head_read(path) == _whole_read(path), path.name


def _head_read(path: Path) -> tuple[str, object, int] | str:
    """What read_photo gives, in the form of :func:`_whole_read`."""
    try:
        photo = read_photo(path)
    except InputError as error:
        return error.code
    return photo.sha256, photo.exif, photo.size


def test_a_jpeg_with_its_metadata_beyond_the_head_is_read_whole(tmp_path: Path) -> None:
    # A JPEG whose frame header comes after a comment larger than the head.
    path = write_photo(tmp_path, "a.jpg", lat=HOME[0], lon=HOME[1], heading=45.0, taken_at=T0)
    data = path.read_bytes()
    comment = b"\xff\xfe\xff\xff" + bytes(65_533)
    padded = data[:2] + comment * (_HEAD_BYTES // len(comment) + 1) + data[2:]
    big = tmp_path / "big.jpg"
    big.write_bytes(padded)
    assert not _jpeg_header_within(padded[:_HEAD_BYTES])
    photo = read_photo(big)
    assert (photo.exif.lat, photo.exif.heading) == (pytest.approx(HOME[0]), 45.0)
    assert photo.sha256 == hashlib.sha256(padded).hexdigest()
    assert photo.size == len(padded)


def test_a_big_photo_streams_through_the_hash(tmp_path: Path) -> None:
    image = Image.effect_noise((1600, 1200), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    path = tmp_path / "noise.jpg"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size > 2 * _HEAD_BYTES
    photo = read_photo(path)
    assert photo.sha256 == hashlib.sha256(buffer.getvalue()).hexdigest()
    assert photo.path == path.absolute()


def test_photos_are_yielded_in_order_with_their_refusals(tmp_path: Path) -> None:
    names = [f"{i}.jpg" for i in range(7)]
    for name in names:
        write_photo(tmp_path, name, taken_at=T0)
    (tmp_path / "2.jpg").write_bytes(b"not a photo")
    results = list(read_photos([tmp_path / n for n in names], workers=2))
    assert [path.name for path, _ in results] == names
    refused = {path.name: r.code for path, r in results if isinstance(r, InputError)}
    assert refused == {"2.jpg": "photo.unsupported"}


def test_cancelling_stops_reading(tmp_path: Path) -> None:
    paths = [write_photo(tmp_path, f"{i}.jpg", taken_at=T0) for i in range(10)]
    asked = iter(range(100))
    results = list(read_photos(paths, workers=1, cancelled=lambda: next(asked) >= 3))
    read = [path for path, _ in results]
    assert read == paths[: len(read)]  # in order, and what was queued is dropped
    assert len(read) < 3


@given(st.binary(max_size=300))
def test_the_jpeg_segment_walk_never_fails(head: bytes) -> None:
    assert _jpeg_header_within(b"\xff\xd8" + head) in (True, False)


@given(st.integers(min_value=0, max_value=4000))
def test_a_cut_jpeg_head_is_never_taken_for_a_whole_header(cut: int) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48)).save(buffer, "JPEG", exif=Image.Exif().tobytes())
    data = buffer.getvalue()
    assert data.count(b"\xff\xda") == 1  # the start of scan, nowhere else
    scan = data.index(b"\xff\xda")
    assert _jpeg_header_within(data[: min(cut, len(data))]) == (cut >= scan + 4)
