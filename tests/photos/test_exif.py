"""read_exif on real phone photos and on generated, broken and hostile EXIF."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import exifread
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrechamp.core.errors import InputError
from contrechamp.formats import exif as exif_module
from contrechamp.formats.exif import PhotoExif, read_exif
from contrechamp.formats.jpeg_exif import jpeg_exif_tags
from tests.photos.photo_factory import (
    image_bytes,
    jpeg_bytes,
    make_exif,
    rational,
    rationals,
    raw_tiff,
)

# Ground truth of ../shared/data/SOURCES.md (exiftool -n).
REAL_POSITIONS = [
    ("jpg_gps_DSCN0010.jpg", 43.4674483, 11.8851267, None, None),
    ("jpg_hdr_iphone_hdr_YES.jpg", 40.4469722, -3.7247528, 211.20, "T"),
    ("jpg_tests_67-0_length_string.jpg", 51.025, 7.5919444, 291.39, "M"),
    ("heic_mobile_HMD_Nokia_8.3_5G.heif", 40.7886852, -4.0051409, 93.0, "M"),
]
NO_POSITION = [
    "heic_mobile_iphone_13_pro_max.heic",
    "jpg_Canon_40D.jpg",
    "jpg_corrupted.jpg",
    "jpg_tests_36-memory_error.jpg",
    "jpg_invalid_image00971.jpg",
    "jpg_orientation_landscape_6.jpg",
]


@pytest.fixture(scope="module")
def photos(shared_data: Path) -> Path:
    return shared_data / "photos"


@pytest.mark.parametrize(("name", "lat", "lon", "heading", "ref"), REAL_POSITIONS)
def test_real_photo_position_and_heading_match_exiftool(
    photos: Path, name: str, lat: float, lon: float, heading: float | None, ref: str | None
) -> None:
    exif = read_exif(photos / name)
    assert exif.lat == pytest.approx(lat, abs=1e-5)
    assert exif.lon == pytest.approx(lon, abs=1e-5)
    if heading is None:
        assert exif.heading is None
    else:
        assert exif.heading == pytest.approx(heading, abs=0.1)
    assert exif.heading_ref == ref


def test_bytes_and_path_give_the_same_exif(photos: Path) -> None:
    path = photos / "jpg_hdr_iphone_hdr_YES.jpg"
    assert read_exif(path.read_bytes()) == read_exif(path)


def test_iphone_photo_has_altitude_time_focal_and_thumbnail(photos: Path) -> None:
    exif = read_exif(photos / "jpg_hdr_iphone_hdr_YES.jpg")
    assert exif.altitude == pytest.approx(639.6, abs=0.1)
    assert exif.taken_at == datetime(2015, 4, 10, 20, 12, 23)
    assert (exif.make, exif.model) == ("Apple", "iPhone 6")
    assert exif.focal_length_mm == pytest.approx(4.15)
    assert exif.thumbnail is not None
    assert exif.thumbnail.startswith(b"\xff\xd8")


def test_nikon_time_is_date_time_original_not_the_stale_gps_time(photos: Path) -> None:
    assert read_exif(photos / "jpg_gps_DSCN0010.jpg").taken_at == datetime(2008, 10, 22, 16, 28, 39)


def test_heif_without_date_time_original_takes_the_gps_time_in_utc(photos: Path) -> None:
    exif = read_exif(photos / "heic_mobile_HMD_Nokia_8.3_5G.heif")
    assert exif.taken_at == datetime(2022, 2, 3, 14, 44, 9, tzinfo=UTC)
    assert exif.make is None


def test_heic_time_carries_its_offset(photos: Path) -> None:
    exif = read_exif(photos / "heic_mobile_iphone_13_pro_max.heic")
    assert exif.taken_at == datetime(2022, 2, 16, 12, 55, 41, tzinfo=timezone(timedelta(hours=1)))
    assert exif.orientation == 1  # libheif turns the pixels itself
    assert exif.model == "iPhone 13 Pro Max"


def test_heic_is_read_through_pillow_heif_when_exifread_fails(
    photos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> dict[str, object]:
        raise ValueError("exifread cannot parse this HEIC")

    monkeypatch.setattr(exifread, "process_file", broken)
    exif = read_exif(photos / "heic_mobile_HMD_Nokia_8.3_5G.heif")
    assert exif.lat == pytest.approx(40.7886852, abs=1e-5)
    assert exif.lon == pytest.approx(-4.0051409, abs=1e-5)
    assert (exif.heading, exif.heading_ref) == (pytest.approx(93.0), "M")


def test_jpeg_is_read_through_pillow_when_exifread_fails(
    photos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = read_exif(photos / "jpg_hdr_iphone_hdr_YES.jpg")
    monkeypatch.setattr(exifread, "process_file", lambda *_, **__: {})
    fallback = read_exif(photos / "jpg_hdr_iphone_hdr_YES.jpg")
    assert fallback == expected


@pytest.mark.parametrize("name", NO_POSITION)
def test_photos_without_gps_or_with_broken_exif_give_no_position(photos: Path, name: str) -> None:
    exif = read_exif(photos / name)
    assert (exif.lat, exif.lon) == (None, None)


def test_orientation_is_read(photos: Path) -> None:
    assert read_exif(photos / "jpg_orientation_landscape_6.jpg").orientation == 6
    assert read_exif(photos / "jpg_orientation_portrait_8.jpg").orientation == 8


@pytest.mark.parametrize(
    ("lat", "lon"), [(48.8566, 2.3522), (-33.8688, 151.2093), (40.7128, -74.006), (-22.9, -43.2)]
)
def test_generated_dms_in_every_hemisphere(lat: float, lon: float) -> None:
    exif = read_exif(jpeg_bytes(make_exif(lat=lat, lon=lon)))
    assert exif.lat == pytest.approx(lat, abs=1e-6)
    assert exif.lon == pytest.approx(lon, abs=1e-6)


def _gps_only(entries: dict[int, object]) -> bytes:
    exif = make_exif()
    exif.get_ifd(0x8825).update(entries)
    return jpeg_bytes(exif)


def test_decimal_minutes_and_decimal_degrees_in_the_first_rational() -> None:
    minutes = _gps_only({1: "N", 2: (rational(43), rational((28046899, 1_000_000)), rational(0))})
    degrees = _gps_only({1: "S", 2: (rational((434674483, 10_000_000)), rational(0), rational(0))})
    alone = _gps_only({1: "N", 2: (rational((434674483, 10_000_000)),), 3: "E", 4: rational(11.5)})
    assert read_exif(minutes).lat == pytest.approx(43.4674483, abs=1e-7)
    assert read_exif(degrees).lat == pytest.approx(-43.4674483, abs=1e-7)
    assert read_exif(alone).lat == pytest.approx(43.4674483, abs=1e-7)


def test_zero_denominators_make_only_that_field_unknown() -> None:
    data = _gps_only(
        {
            1: "N",
            2: (rational(43), rational(28), rational((5, 0))),
            3: "E",
            4: (rational(11), rational(53), rational(6)),
            0x10: "T",
            0x11: rational((0, 0)),
            0x1F: rational((3, 0)),
        }
    )
    exif = read_exif(data)
    assert exif.lat is None
    assert exif.lon == pytest.approx(11 + 53 / 60 + 6 / 3600)
    assert (exif.heading, exif.heading_ref, exif.accuracy_m) == (None, None, None)


def test_accuracy_heading_refs_altitude_below_sea_and_offset() -> None:
    exif = read_exif(
        jpeg_bytes(
            make_exif(
                lat=52.37,
                lon=4.89,
                accuracy_m=4.5,
                heading=359.5,
                heading_ref="M",
                altitude=-4.2,
                taken_at=datetime(2024, 6, 1, 10, 30),
                offset="-03:30",
            )
        )
    )
    assert exif.accuracy_m == pytest.approx(4.5)
    assert (exif.heading, exif.heading_ref) == (pytest.approx(359.5), "M")
    assert exif.altitude == pytest.approx(-4.2)
    assert exif.taken_at == datetime(2024, 6, 1, 10, 30, tzinfo=timezone(-timedelta(hours=3.5)))


def test_missing_or_bad_hemisphere_refs_give_no_position() -> None:
    no_ref = _gps_only({2: (rational(43), rational(0), rational(0)), 3: "E", 4: rational(1)})
    bad_ref = _gps_only({1: "X", 2: (rational(43), rational(0), rational(0))})
    out_of_range = _gps_only({1: "N", 2: (rational(143), rational(0), rational(0))})
    for data in (no_ref, bad_ref, out_of_range):
        assert read_exif(data).lat is None
    assert read_exif(no_ref).lon == pytest.approx(1.0)


def test_missing_fields_are_none() -> None:
    assert read_exif(jpeg_bytes()) == PhotoExif()
    assert read_exif(jpeg_bytes(make_exif(lat=1.0))).lon is None


def test_bad_offset_keeps_the_time_naive() -> None:
    exif = read_exif(jpeg_bytes(make_exif(taken_at=datetime(2024, 1, 2, 3, 4, 5), offset="+99:99")))
    assert exif.taken_at == datetime(2024, 1, 2, 3, 4, 5)


def test_wrong_types_huge_counts_and_dangling_offsets_are_ignored() -> None:
    tiff = raw_tiff(
        ifd0=[
            (0x010F, 2, 0x7FFF_FFFF, b"Evil\x00"),  # ASCII make with an absurd count
            (0x0112, 3, 1, struct.pack(">H", 99)),  # orientation out of range
            (0x0110, 5, 1, rationals((1, 2))),  # model given as a rational
        ],
        gps=[
            (1, 2, 2, b"N\x00"),
            (2, 2, 12, b"43.5 degrees"),  # latitude as text
            (3, 2, 2, b"E\x00"),
            (4, 5, 3_000_000, rationals((1, 1), (2, 1), (3, 1))),  # count far past the end
            (0x11, 5, 1, struct.pack(">I", 0xFFFF_FF00)),  # offset outside the block
        ],
    )
    exif = read_exif(jpeg_bytes(tiff))
    assert (exif.lat, exif.lon, exif.heading, exif.model) == (None, None, None, None)
    assert exif.orientation == 1


def test_other_formats_are_read() -> None:
    exif = make_exif(lat=45.0, lon=-1.5, heading=10.0)
    for fmt in ("PNG", "WEBP", "HEIF"):
        read = read_exif(image_bytes(fmt, exif))
        assert (read.lat, read.lon) == (pytest.approx(45.0), pytest.approx(-1.5)), fmt


@pytest.mark.parametrize("data", [b"", b"GIF89a" + bytes(100), b"%PDF-1.7\n", b"\x00" * 4096])
def test_not_an_image_raises_input_error(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_exif(data)
    assert caught.value.code == "photo.unreadable"


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_exif(tmp_path / "nope.jpg")
    assert caught.value.code == "photo.unreadable"


_SEED = jpeg_bytes(
    make_exif(
        lat=43.46,
        lon=-11.88,
        heading=211.2,
        altitude=12.0,
        accuracy_m=5.0,
        taken_at=datetime(2024, 1, 1, 12, 0),
        offset="+01:00",
        orientation=6,
        make="Maker",
        focal_mm=4.2,
    )
)


@pytest.mark.filterwarnings("ignore:.*:UserWarning:PIL")
@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 2047), st.integers(0, 255)), min_size=1, max_size=12))
def test_fuzzed_exif_never_raises_anything_but_input_error(edits: list[tuple[int, int]]) -> None:
    data = bytearray(_SEED)
    for position, value in edits:
        data[position % len(data)] = value
    try:
        exif = read_exif(bytes(data))
    except InputError:
        return
    assert exif.lat is None or -90 <= exif.lat <= 90
    assert exif.lon is None or -180 <= exif.lon <= 180
    assert exif.heading is None or 0 <= exif.heading < 360


@pytest.mark.filterwarnings("ignore:.*:UserWarning:PIL")
@settings(max_examples=100, deadline=2000)
@given(st.binary(max_size=600))
def test_fuzzed_tails_after_an_exif_header_never_crash(tail: bytes) -> None:
    data = b"\xff\xd8\xff\xe1" + struct.pack(">H", len(tail) + 8) + b"Exif\x00\x00" + tail
    read_exif(data)


def _through_exifread(data: bytes) -> PhotoExif:
    """read_exif as it reads without the fast JPEG reader (exifread, then Pillow)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(exif_module, "jpeg_exif_tags", lambda _: None)
        return read_exif(data)


def test_fast_jpeg_reader_agrees_with_exifread_on_every_real_jpeg(photos: Path) -> None:
    taken = 0
    for path in sorted(photos.glob("*.jpg")):
        data = path.read_bytes()
        fast = jpeg_exif_tags(data)
        taken += fast is not None
        assert read_exif(data) == _through_exifread(data), path.name
    assert taken >= 7  # all but the invalid one are plain JPEG EXIF blocks


def test_fast_jpeg_reader_reads_position_time_and_thumbnail() -> None:
    fast = jpeg_exif_tags(_SEED)
    assert fast is not None
    raw, thumbnail = fast
    assert raw[("Image", 0x010F)] == "Maker"
    assert raw[("Image", 0x0112)] == [6]
    assert raw[("GPS", 0x0001)] == "N"
    assert thumbnail is None  # Pillow writes no IFD1 thumbnail


@pytest.mark.parametrize(
    "data",
    [
        jpeg_bytes(),  # no EXIF at all
        image_bytes("PNG", make_exif(lat=45.0, lon=-1.5)),
        jpeg_bytes(raw_tiff(ifd0=[(0x0112, 11, 1, b"\x40\x00\x00\x00")])),  # a FLOAT field
        jpeg_bytes(raw_tiff(ifd0=[], gps=[(2, 5, 3_000_000, rationals((1, 1)))])),  # past the end
        jpeg_bytes(b"XX*\x00" + bytes(16)),  # no TIFF byte order
    ],
)
def test_fast_jpeg_reader_leaves_other_blocks_to_exifread(data: bytes) -> None:
    assert jpeg_exif_tags(data) is None
    assert read_exif(data) == _through_exifread(data)


@pytest.mark.filterwarnings("ignore:.*:UserWarning:PIL")
@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 2047), st.integers(0, 255)), min_size=1, max_size=12))
def test_fuzzed_exif_reads_the_same_with_the_fast_reader(edits: list[tuple[int, int]]) -> None:
    data = bytearray(_SEED)
    for position, value in edits:
        data[position % len(data)] = value
    try:
        expected = _through_exifread(bytes(data))
    except InputError:
        return
    assert read_exif(bytes(data)) == expected


@pytest.mark.filterwarnings("ignore:.*:UserWarning:PIL")
@settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(st.tuples(st.integers(0, 4095), st.integers(0, 255)), min_size=1, max_size=8))
def test_fuzzed_real_exif_with_a_thumbnail_reads_the_same_with_the_fast_reader(
    photos: Path, edits: list[tuple[int, int]]
) -> None:
    data = bytearray((photos / "jpg_Canon_40D.jpg").read_bytes())
    for position, value in edits:
        data[position % len(data)] = value
    try:
        expected = _through_exifread(bytes(data))
    except InputError:
        return
    assert read_exif(bytes(data)) == expected


def test_a_segment_cut_short_of_its_thumbnail_reads_as_exifread_reads_it(photos: Path) -> None:
    data = bytearray((photos / "jpg_Canon_40D.jpg").read_bytes())
    start = data.index(b"Exif\x00\x00") - 4  # the APP1 segment (after a JFIF APP0)
    data[start + 2 : start + 4] = struct.pack(">H", 1500)  # ends inside its IFD1 thumbnail
    assert read_exif(bytes(data)).thumbnail == _through_exifread(bytes(data)).thumbnail
    assert read_exif(bytes(data)).thumbnail is not None
