"""The one JPEG segment walker: every kind of marker, and the three readers that use it."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from PIL import Image

from contrechamp.formats.exif import read_exif
from contrechamp.formats.jpeg_exif import jpeg_exif_tags
from contrechamp.formats.jpeg_segments import (
    EOI,
    SCAN_DATA,
    SOI,
    SOS,
    JpegStructureError,
    header_segments,
    is_exif_segment,
    jpeg_segments,
)
from contrechamp.formats.photo_files import strip_metadata
from contrechamp.ops.photo_reading import read_photo
from tests.photos.photo_factory import HOME, jpeg_bytes, make_exif

_APP0 = bytes.fromhex("ffe0 0004 abcd")
_DQT = bytes.fromhex("ffdb 0003 07")
_SOS_HEADER = bytes.fromhex("ffda 0004 0102")


def _walk(data: bytes) -> list[tuple[int, int, int]]:
    return [(s.marker, s.start, s.end) for s in jpeg_segments(data)]


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + (len(payload) + 2).to_bytes(2, "big") + payload


def test_length_segments_and_scan_data_in_order() -> None:
    data = b"\xff\xd8" + _APP0 + _DQT + _SOS_HEADER + b"\x12\x34" + b"\xff\xd9"
    assert _walk(data) == [
        (SOI, 0, 2),
        (0xE0, 2, 8),
        (0xDB, 8, 13),
        (SOS, 13, 19),  # the SOS header ends where its length says
        (SCAN_DATA, 19, 21),
        (EOI, 21, 23),
    ]


@pytest.mark.parametrize("marker", [0x01, *range(0xD0, 0xD8)])
def test_tem_and_restart_markers_stand_alone(marker: int) -> None:
    data = b"\xff\xd8" + bytes((0xFF, marker)) + _APP0 + b"\xff\xd9"
    assert _walk(data) == [(SOI, 0, 2), (marker, 2, 4), (0xE0, 4, 10), (EOI, 10, 12)]


def test_fill_bytes_before_a_marker_are_skipped() -> None:
    data = b"\xff\xd8" + b"\xff\xff\xff" + _APP0 + b"\xff\xff\xd9"
    segments = list(jpeg_segments(data))
    assert [(s.marker, s.start, s.end) for s in segments] == [
        (SOI, 0, 2),
        (0xE0, 5, 11),  # starts at the last 0xFF before its code
        (EOI, 12, 14),
    ]
    assert data[segments[1].start : segments[1].end] == _APP0


def test_scan_data_runs_over_stuffed_bytes_and_restarts_to_the_next_marker() -> None:
    scan = b"\x01\xff\x00\x02\xff\xd0\x03\xff\xd7\x04"  # FF 00 is a data byte, RSTn inside
    data = b"\xff\xd8" + _SOS_HEADER + scan + b"\xff\xff" + _DQT + _SOS_HEADER + b"\x05"
    walked = _walk(data)
    assert walked[1:3] == [(SOS, 2, 8), (SCAN_DATA, 8, 8 + len(scan))]
    assert [m for m, _, _ in walked] == [SOI, SOS, SCAN_DATA, 0xDB, SOS, SCAN_DATA]
    assert walked[-1][2] == len(data)  # a last scan without EOI runs to the end


def test_the_walk_stops_at_eoi() -> None:
    second_image = b"\xff\xd8" + _APP0 + b"\xff\xd9"  # e.g. the extra images of MPF
    data = b"\xff\xd8" + _APP0 + b"\xff\xd9" + second_image
    assert [m for m, _, _ in _walk(data)] == [SOI, 0xE0, EOI]


def test_header_segments_stop_at_the_sos_header() -> None:
    data = b"\xff\xd8" + _APP0 + _SOS_HEADER + b"not a jpeg any more"
    assert [s.marker for s in header_segments(data)] == [SOI, 0xE0, SOS]


def test_a_segment_cut_short_ends_past_the_data_and_ends_the_walk() -> None:
    cut = b"\xff\xd8" + bytes.fromhex("ffe1 0010 4578")
    assert _walk(cut) == [(SOI, 0, 2), (0xE1, 2, 20)]
    cut_length = b"\xff\xd8\xff\xe1\x00"
    assert _walk(cut_length) == [(SOI, 0, 2), (0xE1, 2, 6)]


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n",  # no SOI
        b"\xff\xd8" + _APP0 + b"\x00" + _DQT,  # a stray byte where a marker should be
        b"\xff\xd8" + bytes.fromhex("ffe0 0001"),  # a length that does not count itself
        b"\xff\xd8\xff\x00",  # a stuffed byte outside scan data
    ],
)
def test_broken_structure_is_refused(data: bytes) -> None:
    with pytest.raises(JpegStructureError):
        list(jpeg_segments(data))


def test_exif_segment_is_recognised_by_its_identifier() -> None:
    data = b"\xff\xd8" + _segment(0xE1, b"Exif\x00\x00MM") + _segment(0xE1, b"http://ns.adobe")
    exif, xmp = list(header_segments(data))[1:]
    assert is_exif_segment(data, exif)
    assert not is_exif_segment(data, xmp)


def test_real_and_generated_jpegs_walk_to_their_eoi(shared_data: Path) -> None:
    generated = io.BytesIO()
    Image.effect_noise((96, 64), 40).convert("RGB").save(
        generated, "JPEG", progressive=True, restart_marker_blocks=2
    )
    files = [p.read_bytes() for p in sorted((shared_data / "photos").glob("jpg_[ghot]*.jpg"))]
    for data in [generated.getvalue(), *files]:
        segments = list(jpeg_segments(data))
        assert segments[0].marker == SOI
        assert segments[-1].marker == EOI
        assert sum(s.marker == SOS for s in segments) >= 1
        for before, after in itertools.pairwise(segments):
            assert before.end <= after.start  # in order, never overlapping


# --- the three readers that walk JPEG segments ---


def _with_markers_before_exif(exif_jpeg: bytes) -> bytes:
    """The same JPEG with fill bytes, a TEM and a RST0 marker between SOI and its APP1."""
    return exif_jpeg[:2] + b"\xff\xff\xff\x01\xff\xd0" + exif_jpeg[2:]


def test_fast_exif_reader_walks_past_standalone_markers_and_fill_bytes() -> None:
    data = _with_markers_before_exif(jpeg_bytes(make_exif(lat=HOME[0], lon=HOME[1])))
    assert jpeg_exif_tags(data) is not None
    assert read_exif(data).lat == pytest.approx(HOME[0])


def test_sharing_keeps_the_pixels_of_a_jpeg_with_a_second_soi() -> None:
    # A stray SOI after the first one is a standalone marker, not a segment whose length
    # is read from the next bytes (the photo was then re-encoded, which libjpeg refuses).
    original = jpeg_bytes(make_exif(lat=HOME[0], lon=HOME[1]))
    data = original[:2] + b"\xff\xd8" + original[2:]
    stripped = strip_metadata(data)
    scan = next(s for s in jpeg_segments(original) if s.marker == SCAN_DATA)
    assert original[scan.start : scan.end] in stripped  # the compressed pixels, untouched
    assert read_exif(stripped).lat is None
    with Image.open(io.BytesIO(stripped)) as image:
        image.load()


def test_import_reads_a_photo_whose_sos_header_straddles_the_first_64_kib(
    tmp_path: Path,
) -> None:
    # The head read first is 64 KiB: a SOS header cut by it is not a whole frame header.
    base = jpeg_bytes(make_exif(lat=HOME[0], lon=HOME[1]))
    sos = next(s for s in header_segments(base) if s.marker == SOS)
    padding = _segment(0xEF, bytes(65536 - 6 - sos.start - 4))  # SOS now at 64 KiB - 6
    path = tmp_path / "padded.jpg"
    path.write_bytes(base[:2] + padding + base[2:])
    assert next(s for s in header_segments(path.read_bytes()) if s.marker == SOS).start == (
        65536 - 6
    )
    assert read_photo(path).exif.lat == pytest.approx(HOME[0])
