"""Camera drafts from walk photos: where the camera stands, which way it looks, which photos
show the same camera, and where an untagged photo was taken according to a GPS track."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.core.geo import distance_m, offset
from contrechamp.core.track import TrackPoint

__all__ = [
    "DRAFT_AHEAD_M",
    "PAIR_MAX_HEADING_DEG",
    "PAIR_MAX_METRES",
    "PAIR_MAX_SECONDS",
    "TRACK_MAX_GAP_S",
    "PhotoFix",
    "close_up_and_wide",
    "direction_is_proposal",
    "draft_camera",
    "group_sightings",
    "place_draft",
    "position_from_track",
    "proposed_direction",
]

DRAFT_AHEAD_M = 4.0
"""How far ahead of the photographer, along the heading, a draft camera is placed."""
PAIR_MAX_SECONDS = 60.0
"""A close-up and a wide shot of one camera are taken at most this far apart in time..."""
PAIR_MAX_METRES = 15.0
"""...and in space."""
PAIR_MAX_HEADING_DEG = 90.0
"""...and, when both photos know their heading, pointing at most this far apart."""
TRACK_MAX_GAP_S = 120.0
"""A photo between two track points further apart than this in time is not placed."""


@dataclass(frozen=True, slots=True)
class PhotoFix:
    """Where and when one photo was taken, as far as drafting a camera goes.

    ``key`` identifies the photo for the caller; ``zoom`` compares focal lengths (longer is
    more zoomed in); ``heading`` is where the lens pointed, degrees clockwise from north.
    """

    key: str
    lat: float
    lon: float
    taken_at: datetime | None = None
    heading: float | None = None
    zoom: float | None = None
    accuracy_m: float | None = None


def place_draft(
    lat: float, lon: float, heading: float | None, ahead_m: float = DRAFT_AHEAD_M
) -> tuple[float, float]:
    """Where a photographed camera probably is: ``ahead_m`` metres along the heading.

    Geodesic on the WGS 84 ellipsoid (not Web Mercator). Without a heading the camera is
    put at the photographer.

    >>> lat, lon = place_draft(48.85, 2.35, 0.0, 4.0)
    >>> round(distance_m(48.85, 2.35, lat, lon), 3), lon
    (4.0, 2.35)
    """
    if heading is None:
        return lat, lon
    return offset(lat, lon, heading, ahead_m)


def proposed_direction(heading: float) -> int:
    """The direction a photographed camera looks: back at the photographer, 0..359.

    >>> proposed_direction(10.0), proposed_direction(211.2), proposed_direction(179.6)
    (190, 31, 0)
    """
    return round((heading + 180.0) % 360.0) % 360


def group_sightings(
    photos: Sequence[PhotoFix],
    max_seconds: float = PAIR_MAX_SECONDS,
    max_metres: float = PAIR_MAX_METRES,
    max_heading_deg: float | None = PAIR_MAX_HEADING_DEG,
) -> list[list[PhotoFix]]:
    """Group photos into sightings: consecutive photos (in time) taken within ``max_seconds``
    and ``max_metres`` (and ``max_heading_deg`` when both know their heading) form a pair,
    a close-up and a wide shot of one camera; any other photo is a sighting of its own.

    Groups hold at most two photos: walkers shoot each camera twice, so a third photo nearby
    is taken to be the next camera. Pairing is greedy in time order. Photos without a time
    stay alone. Groups come in time order, untimed ones last.
    """
    timed = sorted(
        ((p.taken_at, p) for p in photos if p.taken_at is not None),
        key=lambda item: _time_key(item[0]),
    )
    groups: list[list[PhotoFix]] = []
    index = 0
    while index < len(timed):
        if index + 1 < len(timed) and _same_sighting(
            timed[index], timed[index + 1], max_seconds, max_metres, max_heading_deg
        ):
            groups.append([timed[index][1], timed[index + 1][1]])
            index += 2
        else:
            groups.append([timed[index][1]])
            index += 1
    groups.extend([photo] for photo in photos if photo.taken_at is None)
    return groups


def _time_key(moment: datetime) -> tuple[bool, datetime]:
    """Sort key: naive times first, then aware ones, each by time."""
    if moment.tzinfo is None:
        return False, moment
    return True, moment.astimezone(UTC).replace(tzinfo=None)


def _same_sighting(
    first: tuple[datetime, PhotoFix],
    second: tuple[datetime, PhotoFix],
    max_seconds: float,
    max_metres: float,
    max_heading: float | None,
) -> bool:
    """Whether two timed photos are close enough in time, space and aim to show one camera."""
    (time_a, a), (time_b, b) = first, second
    if (time_a.tzinfo is None) != (time_b.tzinfo is None):
        return False
    if abs((time_b - time_a).total_seconds()) > max_seconds:
        return False
    if distance_m(a.lat, a.lon, b.lat, b.lon) > max_metres:
        return False
    if max_heading is None or a.heading is None or b.heading is None:
        return True
    turn = abs(a.heading - b.heading) % 360.0
    return min(turn, 360.0 - turn) <= max_heading


def close_up_and_wide(group: Sequence[PhotoFix]) -> tuple[PhotoFix, PhotoFix | None]:
    """Which photo of a sighting is the close-up: the more zoomed-in one (longer focal
    length), else the later one (walkers step closer for the second shot)."""
    if len(group) == 1:
        return group[0], None
    first, second = group[0], group[1]
    if first.zoom is not None and second.zoom is not None and first.zoom > second.zoom:
        return first, second
    return second, first


def draft_camera(
    group: Sequence[PhotoFix], *, surveyor: str | None = None, ahead_m: float = DRAFT_AHEAD_M
) -> Camera:
    """A draft camera for one sighting: placed ahead of the close-up's photographer, its
    direction proposed from the heading (see :func:`direction_is_proposal`)."""
    close_up, wide = close_up_and_wide(group)
    heading = close_up.heading
    if heading is None and wide is not None:
        heading = wide.heading
    lat, lon = place_draft(close_up.lat, close_up.lon, heading, ahead_m)
    tags = {"man_made": "surveillance", "surveillance:type": "camera"}
    if heading is not None:
        tags["camera:direction"] = str(proposed_direction(heading))
    return Camera(
        lat=lat,
        lon=lon,
        tags=tags,
        status=Status.DRAFT,
        source=PositionSource.PHOTO,
        accuracy_m=close_up.accuracy_m,
        surveyor=surveyor,
    )


def direction_is_proposal(camera: Camera) -> bool:
    """Whether the camera's direction was guessed from a photo and awaits confirmation.

    No tag or note marks it (nothing private may reach OSM): a draft made from photos has,
    by construction, a proposed direction; confirming the draft confirms the direction.
    """
    return (
        camera.status is Status.DRAFT
        and camera.source is PositionSource.PHOTO
        and "camera:direction" in camera.tags
    )


def position_from_track(
    track: Sequence[TrackPoint],
    when: datetime,
    offset: timedelta = timedelta(0),
    max_gap_s: float = TRACK_MAX_GAP_S,
) -> tuple[float, float] | None:
    """Where the walker was at ``when + offset``, interpolated between the two track points
    around that moment (``track`` sorted by time, as read_gpx_track returns it).

    ``offset`` corrects the camera clock (camera 30 s late: +30 s). Naive times are taken
    as UTC, so a camera set to local time needs the time zone in the offset (UTC+2: -2 h).
    None outside the track or across a gap longer than ``max_gap_s``.
    """
    moment = _as_utc(when + offset)
    index = bisect_left(track, moment, key=lambda point: _as_utc(point.time))
    if index < len(track) and _as_utc(track[index].time) == moment:
        return track[index].lat, track[index].lon
    if index == 0 or index == len(track):
        return None
    before, after = track[index - 1], track[index]
    gap = (_as_utc(after.time) - _as_utc(before.time)).total_seconds()
    if gap > max_gap_s:
        return None
    share = (moment - _as_utc(before.time)).total_seconds() / gap
    d_lon = after.lon - before.lon
    if abs(d_lon) > 180.0:  # the two points straddle the antimeridian
        d_lon -= math.copysign(360.0, d_lon)
    lon = before.lon + share * d_lon
    lon = lon if -180.0 <= lon <= 180.0 else lon - math.copysign(360.0, lon)
    return before.lat + share * (after.lat - before.lat), lon


def _as_utc(moment: datetime) -> datetime:
    """An aware UTC time; naive times are taken as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
