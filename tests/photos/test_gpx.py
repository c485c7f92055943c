"""Reading GPS tracks from GPX files (untrusted) and writing GPX for GPS tools."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import defusedxml.ElementTree as DefusedET
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contrechamp.core.errors import InputError
from contrechamp.core.track import TrackPoint
from contrechamp.formats.gpx import GpxWaypoint, read_gpx_track, write_gpx

GPX_11 = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
 <trk><trkseg>
  <trkpt lat="48.8500" lon="2.3500"><ele>35.5</ele><time>2024-05-01T10:00:10Z</time></trkpt>
  <trkpt lat="48.8501" lon="2.3502"><time>2024-05-01T12:00:00+02:00</time></trkpt>
  <trkpt lat="48.8502" lon="2.3504"></trkpt>
 </trkseg></trk>
</gpx>
"""
GPX_10 = """<gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0">
<trk><trkseg><trkpt lat="-33.9" lon="151.2"><time>2024-05-01T10:00:00</time></trkpt></trkseg></trk>
</gpx>"""


def _write(tmp_path: Path, text: str, name: str = "walk.gpx") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_gpx_11_points_are_sorted_in_utc_and_untimed_points_skipped(tmp_path: Path) -> None:
    points = read_gpx_track(_write(tmp_path, GPX_11))
    assert [p.time for p in points] == [
        datetime(2024, 5, 1, 10, 0, 0, tzinfo=UTC),
        datetime(2024, 5, 1, 10, 0, 10, tzinfo=UTC),
    ]
    assert (points[1].lat, points[1].lon, points[1].altitude) == (48.85, 2.35, 35.5)


def test_gpx_10_and_naive_times_as_utc(tmp_path: Path) -> None:
    (point,) = read_gpx_track(_write(tmp_path, GPX_10))
    assert point == TrackPoint(datetime(2024, 5, 1, 10, 0, tzinfo=UTC), -33.9, 151.2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("<gpx><trk><trkseg><trkpt lat='1' lon='2'>", "gpx.invalid"),
        ("<kml></kml>", "gpx.invalid"),
        ("<gpx></gpx>", "gpx.no_track"),
        ("<gpx><trk><trkseg><trkpt lat='91' lon='2'/></trkseg></trk></gpx>", "gpx.bad_point"),
        ("<gpx><trk><trkseg><trkpt lat='nan' lon='2'/></trkseg></trk></gpx>", "gpx.bad_point"),
        (
            '<!DOCTYPE gpx [<!ENTITY a "aaaa">]><gpx><trk><trkseg>'
            "<trkpt lat='1' lon='2'><name>&a;</name></trkpt></trkseg></trk></gpx>",
            "gpx.hostile",
        ),
        (
            '<!DOCTYPE gpx SYSTEM "file:///etc/passwd"><gpx></gpx>',
            "gpx.hostile",
        ),
    ],
)
def test_bad_gpx_gives_a_coded_input_error(tmp_path: Path, text: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        read_gpx_track(_write(tmp_path, text))
    assert caught.value.code == code


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_gpx_track(tmp_path / "none.gpx")
    assert caught.value.code == "file.missing"


def test_round_trip_of_tracks_and_waypoints(tmp_path: Path) -> None:
    start = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
    track = [
        TrackPoint(start + timedelta(seconds=i), round(48.85 + i * 1e-5, 7), 2.35, altitude=30.0)
        for i in range(5)
    ]
    camera = GpxWaypoint(
        48.851, 2.351, name="Camera <dome> & co", description="wall", symbol="Camera"
    )
    path = tmp_path / "out.gpx"
    write_gpx(path, [track], [camera])
    assert read_gpx_track(path) == track
    root = DefusedET.parse(path).getroot()
    names = [el.text for el in root.iter("{http://www.topografix.com/GPX/1/1}name")]
    assert names == ["Camera <dome> & co"]
    assert not list(tmp_path.glob(".out.gpx.*"))  # no temporary file left


@settings(max_examples=60, deadline=2000)
@given(st.text(max_size=300))
def test_fuzzed_gpx_gives_input_error_or_points(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.gpx"
        path.write_text("<gpx><trk><trkseg>" + text, encoding="utf-8")
        try:
            points = read_gpx_track(path)
        except InputError:
            return
        assert all(-90 <= p.lat <= 90 for p in points)
