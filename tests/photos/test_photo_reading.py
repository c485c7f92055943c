"""read_photo reads a photo's head (and tail) only, yet finds what a whole read finds."""

from __future__ import annotations

import io
import struct
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from contrechamp.core.errors import InputError
from contrechamp.formats.exif import read_exif
from contrechamp.formats.photo_files import photo_size, sniff_mime
from contrechamp.ops.photo_reading import (
    _HEAD_BYTES,
    _check_header,
    _frame_header,
    _jpeg_header_within,
    read_photo,
    read_photos,
)
from contrechamp.store.pending import QUICK_HEAD_BYTES, QUICK_TAIL_BYTES, quick_key_of
from tests.photos.photo_factory import HOME, T0, jpeg_bytes, make_exif, write_photo
from tests.photos.stopping import StopsAfterChecks


def _whole_read(path: Path) -> tuple[str, object, int] | str:
    """What reading the whole file gives: (quick key, EXIF, size), or the refusal's code."""
    data = path.read_bytes()
    try:
        if sniff_mime(data[:64]) is None:
            return "photo.unsupported"
        photo_size(data)
        return quick_key_of(data), read_exif(data), len(data)
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
    return photo.quick_key, photo.exif, photo.size


@pytest.mark.parametrize("comments", [1, 2, _HEAD_BYTES // 65_537 + 1])
def test_a_jpeg_with_its_metadata_beyond_the_first_read_is_read_further(
    tmp_path: Path, comments: int
) -> None:
    # A JPEG whose frame header comes after comments filling the first 64 KiB, or more
    # than 256 KiB (then the file is read whole).
    path = write_photo(tmp_path, "a.jpg", lat=HOME[0], lon=HOME[1], heading=45.0, taken_at=T0)
    data = path.read_bytes()
    comment = b"\xff\xfe\xff\xff" + bytes(65_533)
    padded = data[:2] + comment * comments + data[2:]
    big = tmp_path / "big.jpg"
    big.write_bytes(padded)
    assert not _jpeg_header_within(padded[:QUICK_HEAD_BYTES])
    photo = read_photo(big)
    assert (photo.exif.lat, photo.exif.heading) == (pytest.approx(HOME[0]), 45.0)
    assert photo.quick_key == quick_key_of(padded)
    assert photo.size == len(padded)


def _noise_jpeg(tmp_path: Path) -> Path:
    image = Image.effect_noise((1600, 1200), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    path = tmp_path / "noise.jpg"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size > 2 * _HEAD_BYTES
    return path


def test_a_big_photo_is_keyed_by_its_head_and_tail_without_its_middle(tmp_path: Path) -> None:
    path = _noise_jpeg(tmp_path)
    data = path.read_bytes()
    photo = read_photo(path)
    assert photo.quick_key == quick_key_of(data)
    assert photo.path == path.absolute()
    middle = _HEAD_BYTES + 10
    path.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    assert read_photo(path).quick_key == photo.quick_key  # the middle is never read


@pytest.mark.parametrize("where", [0, 200, QUICK_HEAD_BYTES - 1, -QUICK_TAIL_BYTES, -1], ids=str)
def test_a_change_in_the_head_or_tail_changes_the_key(tmp_path: Path, where: int) -> None:
    data = bytearray(_noise_jpeg(tmp_path).read_bytes())
    before = quick_key_of(bytes(data))
    data[where] ^= 0x40
    assert quick_key_of(bytes(data)) != before


def test_a_grown_photo_has_another_key(tmp_path: Path) -> None:
    path = _noise_jpeg(tmp_path)
    data = path.read_bytes()
    assert quick_key_of(data + bytes(8)) != quick_key_of(data)


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
    results = list(read_photos(paths, workers=1, progress=StopsAfterChecks(checks=3)))
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
    scan_data = scan + 2 + int.from_bytes(data[scan + 2 : scan + 4], "big")
    # The whole SOS header is part of the frame header Pillow reads (not only its length).
    assert _jpeg_header_within(data[: min(cut, len(data))]) == (cut >= scan_data)


def _size_or_code(data: bytes) -> tuple[int, int] | str:
    try:
        return photo_size(data)
    except InputError as error:
        return error.code


def test_the_frame_header_sizes_every_real_jpeg_as_its_whole_file(shared_data: Path) -> None:
    for path in sorted((shared_data / "photos").glob("*.jpg")):
        data = path.read_bytes()
        assert _size_or_code(_frame_header(data)) == _size_or_code(data), path.name
        if _jpeg_header_within(data):
            assert len(_frame_header(data)) < len(data)


_EXIF_JPEG = jpeg_bytes(make_exif(lat=HOME[0], lon=HOME[1], taken_at=T0, orientation=6))


@pytest.mark.filterwarnings("ignore:.*:UserWarning:PIL")
@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 1023), st.integers(0, 255)), min_size=1, max_size=6))
def test_a_fuzzed_header_is_never_refused_when_the_whole_file_reads(
    edits: list[tuple[int, int]],
) -> None:
    data = bytearray(_EXIF_JPEG)
    for position, value in edits:
        data[position % len(data)] = value
    whole = _size_or_code(bytes(data))
    refused: str | None = None
    try:
        _check_header(bytes(data))
    except InputError as error:
        refused = error.code
    if refused is not None:
        assert whole == refused
    else:
        shortened = _size_or_code(_frame_header(bytes(data)))
        assert isinstance(whole, str) or shortened in (whole, "photo.unreadable")


def test_a_jpeg_claiming_billions_of_pixels_is_refused(tmp_path: Path) -> None:
    data = bytearray(_EXIF_JPEG)
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = struct.pack(">HH", 65_000, 65_000)
    path = tmp_path / "bomb.jpg"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as caught:
        read_photo(path)
    assert caught.value.code == "photo.too_large"
    assert read_photo(write_photo(tmp_path, "ok.jpg", taken_at=T0 + timedelta(1))).size > 0
