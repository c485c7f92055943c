"""Reading a walk's lines from GPX: tracks and planned routes, with or without times."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrechamp.core.errors import InputError
from contrechamp.formats.gpx_route import read_gpx_lines

_HEAD = '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'


def _gpx(tmp_path: Path, body: str, head: str = _HEAD) -> Path:
    path = tmp_path / "walk.gpx"
    path.write_text(f"{head}{body}</gpx>", encoding="utf-8")
    return path


def _pt(tag: str, lat: float, lon: float, time: str = "") -> str:
    inner = f"<time>{time}</time>" if time else ""
    return f'<{tag} lat="{lat}" lon="{lon}">{inner}</{tag}>'


def test_each_track_segment_is_a_line_in_file_order(tmp_path: Path) -> None:
    first = _pt("trkpt", 43.73, 7.42, "2024-05-01T10:00:00Z") + _pt("trkpt", 43.74, 7.42)
    second = _pt("trkpt", 43.75, 7.43) + _pt("trkpt", 43.76, 7.43)
    path = _gpx(tmp_path, f"<trk><trkseg>{first}</trkseg><trkseg>{second}</trkseg></trk>")
    assert read_gpx_lines(path) == [[(43.73, 7.42), (43.74, 7.42)], [(43.75, 7.43), (43.76, 7.43)]]


def test_a_planned_route_without_times_is_read(tmp_path: Path) -> None:
    path = _gpx(tmp_path, f"<rte>{_pt('rtept', 60.17, 24.94)}{_pt('rtept', 60.18, 24.95)}</rte>")
    assert read_gpx_lines(path) == [[(60.17, 24.94), (60.18, 24.95)]]


def test_tracks_win_over_routes_and_lone_points_are_left_out(tmp_path: Path) -> None:
    route = f"<rte>{_pt('rtept', 1, 1)}{_pt('rtept', 2, 2)}</rte>"
    tracks = f"<trk><trkseg>{_pt('trkpt', 3, 3)}</trkseg><trkseg>{_pt('trkpt', 4, 4)}"
    tracks += f"{_pt('trkpt', 5, 5)}</trkseg></trk>"
    assert read_gpx_lines(_gpx(tmp_path, route + tracks)) == [[(4.0, 4.0), (5.0, 5.0)]]


def test_gpx_1_0_without_a_namespace_is_read(tmp_path: Path) -> None:
    head = '<?xml version="1.0"?><gpx version="1.0">'
    path = _gpx(
        tmp_path, f"<trk><trkseg>{_pt('trkpt', 1, 2)}{_pt('trkpt', 3, 4)}</trkseg></trk>", head
    )
    assert read_gpx_lines(path) == [[(1.0, 2.0), (3.0, 4.0)]]


@pytest.mark.parametrize(
    ("body", "head", "code"),
    [
        ("<trk><trkseg><trkpt lat='91' lon='2'/></trkseg></trk>", _HEAD, "gpx.bad_point"),
        ("<trk><trkseg><trkpt lat='x' lon='2'/></trkseg></trk>", _HEAD, "gpx.bad_point"),
        (f"<trk><trkseg>{_pt('trkpt', 1, 2)}</trkseg></trk>", _HEAD, "gpx.no_route"),
        ("", _HEAD, "gpx.no_route"),
        ("<trk>", _HEAD, "gpx.invalid"),
        ("", '<?xml version="1.0"?><kml>', "gpx.invalid"),
        ("", '<!DOCTYPE gpx [<!ENTITY a "b">]><gpx>', "gpx.hostile"),
    ],
)
def test_a_file_that_is_no_walk_is_refused_with_its_reason(
    tmp_path: Path, body: str, head: str, code: str
) -> None:
    path = _gpx(tmp_path, body, head)
    if head.endswith("<kml>"):
        path.write_text(head + "</kml>", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gpx_lines(path)
    assert caught.value.code == code
    assert "walk.gpx" in caught.value.detail


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_gpx_lines(tmp_path / "nowhere.gpx")
    assert caught.value.code == "file.missing"
