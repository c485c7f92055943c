"""Drafting cameras from photo fixes: placement, direction, pairing, track matching."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyproj import Geod

from contrechamp.core.camera import PositionSource, Status
from contrechamp.core.drafts import (
    DRAFT_AHEAD_M,
    PhotoFix,
    close_up_and_wide,
    direction_is_proposal,
    draft_camera,
    group_sightings,
    place_draft,
    position_from_track,
    proposed_direction,
)
from contrechamp.core.geo import distance_m
from contrechamp.core.track import TrackPoint

GEOD = Geod(ellps="WGS84")
T0 = datetime(2024, 5, 1, 10, 0, 0)


def _tangent_plane_offset(
    lat: float, lon: float, heading: float, metres: float
) -> tuple[float, float]:
    """Reference independent of pyproj: a local east/north frame on the WGS 84 ellipsoid."""
    e2 = 6.69437999014e-3
    phi = math.radians(lat)
    w = math.sqrt(1 - e2 * math.sin(phi) ** 2)
    meridian = 6_378_137.0 * (1 - e2) / w**3
    parallel = 6_378_137.0 / w * math.cos(phi)
    north = metres * math.cos(math.radians(heading))
    east = metres * math.sin(math.radians(heading))
    return lat + math.degrees(north / meridian), lon + math.degrees(east / parallel)


@given(
    lat=st.floats(-80, 80),
    lon=st.floats(-179.9, 179.9),
    heading=st.floats(0, 359.99),
    ahead=st.floats(0.5, 50),
)
def test_draft_lies_ahead_along_the_heading_in_a_local_metric_frame(
    lat: float, lon: float, heading: float, ahead: float
) -> None:
    expected_lat, expected_lon = _tangent_plane_offset(lat, lon, heading, ahead)
    new_lat, new_lon = place_draft(lat, lon, heading, ahead)
    north_error = (new_lat - expected_lat) * 111_000
    east_error = (new_lon - expected_lon) * 111_000 * math.cos(math.radians(lat))
    assert math.hypot(north_error, east_error) < 0.005  # 5 mm over up to 50 m


def test_four_metres_east_in_helsinki_are_four_metres_not_web_mercator_ones() -> None:
    lat, lon = place_draft(60.17, 24.94, 90.0)
    _, _, metres = GEOD.inv(24.94, 60.17, lon, lat)
    assert metres == pytest.approx(DRAFT_AHEAD_M, abs=1e-3)
    mercator_lon = 24.94 + math.degrees(DRAFT_AHEAD_M / 6_378_137.0)  # 4 Web Mercator metres
    _, _, mercator_metres = GEOD.inv(24.94, 60.17, mercator_lon, 60.17)
    assert mercator_metres == pytest.approx(2.0, abs=0.01)  # half as far at 60° N


def test_no_heading_keeps_the_photographer_position() -> None:
    assert place_draft(48.85, 2.35, None) == (48.85, 2.35)


def test_across_the_antimeridian() -> None:
    _, lon = place_draft(0.0, 179.99999, 90.0, 10.0)
    assert -180 <= lon < -179.9
    track = [
        TrackPoint(datetime(2024, 1, 1, 0, 0, 0, tzinfo=UTC), 0.0, 179.9999),
        TrackPoint(datetime(2024, 1, 1, 0, 0, 10, tzinfo=UTC), 0.0, -179.9999),
    ]
    _, middle = position_from_track(track, datetime(2024, 1, 1, 0, 0, 5, tzinfo=UTC)) or (0, 0)
    assert abs(middle) == pytest.approx(180.0)


@given(st.floats(0, 720, exclude_max=True))
def test_proposed_direction_is_the_opposite_heading(heading: float) -> None:
    direction = proposed_direction(heading)
    assert 0 <= direction <= 359
    turn = abs((direction - heading) % 360 - 180)
    assert turn <= 0.5 + 1e-9


def _fix(key: str, seconds: float, east_m: float = 0.0, **extra: object) -> PhotoFix:
    lat, lon = place_draft(48.85, 2.35, 90.0, east_m) if east_m else (48.85, 2.35)
    return PhotoFix(key, lat, lon, T0 + timedelta(seconds=seconds), **extra)  # type: ignore[arg-type]


def _keys(groups: list[list[PhotoFix]]) -> list[list[str]]:
    return [[fix.key for fix in group] for group in groups]


def test_close_up_and_wide_taken_seconds_and_metres_apart_make_one_sighting() -> None:
    photos = [_fix("b", 20, 8), _fix("a", 0), _fix("c", 200, 40), _fix("d", 230, 45)]
    assert _keys(group_sightings(photos, 60, 15)) == [["a", "b"], ["c", "d"]]


def test_pairs_hold_two_photos_and_a_third_starts_the_next_camera() -> None:
    photos = [_fix("a", 0), _fix("b", 10), _fix("c", 20)]
    assert _keys(group_sightings(photos, 60, 15)) == [["a", "b"], ["c"]]


@pytest.mark.parametrize(
    ("second", "reason"),
    [
        (_fix("b", 61), "too late"),
        (_fix("b", 5, 16), "too far"),
        (PhotoFix("b", 48.85, 2.35, T0.replace(tzinfo=UTC)), "naive and aware times"),
        (_fix("b", 5, heading=200.0), "aimed elsewhere"),
    ],
)
def test_photos_apart_are_separate_sightings(second: PhotoFix, reason: str) -> None:
    first = _fix("a", 0, heading=10.0)
    assert len(group_sightings([first, second], 60, 15)) == 2, reason


def test_headings_across_north_still_pair() -> None:
    photos = [_fix("a", 0, heading=350.0), _fix("b", 5, heading=20.0)]
    assert len(group_sightings(photos, 60, 15)) == 1


def test_untimed_photos_are_alone_and_last() -> None:
    untimed = PhotoFix("u", 48.85, 2.35)
    assert _keys(group_sightings([untimed, _fix("a", 0)], 60, 15)) == [["a"], ["u"]]


def test_the_more_zoomed_photo_is_the_close_up_else_the_later_one() -> None:
    wide, tele = _fix("w", 0, zoom=26.0), _fix("t", 5, zoom=77.0)
    assert close_up_and_wide([tele, wide]) == (tele, wide)
    assert close_up_and_wide([wide, tele]) == (tele, wide)
    first, second = _fix("1", 0), _fix("2", 5)
    assert close_up_and_wide([first, second]) == (second, first)
    assert close_up_and_wide([first]) == (first, None)


def test_draft_camera_from_a_pair() -> None:
    wide = _fix("w", 0, heading=80.0, zoom=26.0, accuracy_m=9.0)
    close = _fix("c", 10, 3, heading=90.0, zoom=52.0, accuracy_m=4.0)
    camera = draft_camera([wide, close], surveyor="ana")
    assert camera.tags == {
        "man_made": "surveillance",
        "surveillance:type": "camera",
        "camera:direction": "270",
    }
    assert (camera.status, camera.source, camera.accuracy_m, camera.surveyor) == (
        Status.DRAFT,
        PositionSource.PHOTO,
        4.0,
        "ana",
    )
    assert distance_m(close.lat, close.lon, camera.lat, camera.lon) == pytest.approx(4.0, abs=1e-3)
    assert direction_is_proposal(camera)
    assert not direction_is_proposal(replace(camera, status=Status.CONFIRMED))


def test_draft_without_heading_is_at_the_photographer_with_no_direction() -> None:
    fix = _fix("a", 0)
    camera = draft_camera([fix])
    assert (camera.lat, camera.lon) == (fix.lat, fix.lon)
    assert "camera:direction" not in camera.tags
    assert not direction_is_proposal(camera)


def test_close_up_without_heading_borrows_the_wide_heading() -> None:
    camera = draft_camera([_fix("w", 0, heading=0.0, zoom=1.0), _fix("c", 5, zoom=2.0)])
    assert camera.tags["camera:direction"] == "180"


TRACK = [
    TrackPoint(datetime(2024, 5, 1, 8, 0, 0, tzinfo=UTC), 48.0, 2.0),
    TrackPoint(datetime(2024, 5, 1, 8, 0, 10, tzinfo=UTC), 48.001, 2.002),
    TrackPoint(datetime(2024, 5, 1, 8, 10, 0, tzinfo=UTC), 48.1, 2.1),
]


def test_track_position_is_interpolated_between_the_surrounding_points() -> None:
    lat, lon = position_from_track(TRACK, datetime(2024, 5, 1, 8, 0, 5, tzinfo=UTC), max_gap_s=60)  # type: ignore[misc]
    assert (lat, lon) == (pytest.approx(48.0005), pytest.approx(2.001))


def test_track_position_with_a_time_zone_and_a_clock_offset() -> None:
    local = datetime(2024, 5, 1, 10, 0, 0, tzinfo=timezone(timedelta(hours=2)))  # 08:00:00 UTC
    position = position_from_track(TRACK, local, timedelta(seconds=2.5), max_gap_s=60)
    assert position == (pytest.approx(48.00025), pytest.approx(2.0005))


def test_naive_photo_time_is_taken_as_utc_so_the_offset_carries_the_zone() -> None:
    naive_local = datetime(2024, 5, 1, 10, 0, 10)  # camera set to UTC+2
    assert position_from_track(TRACK, naive_local, timedelta(hours=-2), 60) == (48.001, 2.002)
    assert position_from_track(TRACK, naive_local, timedelta(0), 60) is None


def test_track_refuses_gaps_and_times_outside() -> None:
    inside_gap = datetime(2024, 5, 1, 8, 5, 0, tzinfo=UTC)
    assert position_from_track(TRACK, inside_gap, max_gap_s=120) is None
    assert position_from_track(TRACK, inside_gap, max_gap_s=600) is not None
    assert position_from_track(TRACK, datetime(2024, 5, 1, 7, 59, tzinfo=UTC)) is None
    assert position_from_track(TRACK, datetime(2024, 5, 1, 8, 11, tzinfo=UTC)) is None
    assert position_from_track([], datetime(2024, 5, 1, 8, 0, tzinfo=UTC)) is None
