"""How far a point lies outside the survey's area: far GPS fixes and photo drafts from elsewhere.

One rule for both: a point more than ``FAR_FROM_AREA_M`` (3 km) beyond the area's bounds is
*far*. That is more than a walk to the meeting point, and far less than a receiver's first fix
or photos taken on holiday: the map does not follow a far fix without asking, and the drafts
of far photos are counted after an import so they can be rejected in one step.
"""

from __future__ import annotations

from collections.abc import Iterable

from contrechamp.core.area import BBox
from contrechamp.core.camera import Camera, Status
from contrechamp.core.geo import distance_m

__all__ = ["FAR_FROM_AREA_M", "distance_from_area_m", "drafts_far_from_area", "is_far_from_area"]

FAR_FROM_AREA_M = 3_000.0


def distance_from_area_m(area: BBox, lat: float, lon: float) -> float:
    """Return the geodesic distance in metres from a point to the nearest point of the area's
    bounds (0 inside).

    >>> area = BBox(west=7.40, south=43.72, east=7.44, north=43.76)
    >>> distance_from_area_m(area, 43.74, 7.42)
    0.0
    >>> round(distance_from_area_m(area, 43.77, 7.42))
    1111
    """
    nearest_lat = min(max(lat, area.south), area.north)
    nearest_lon = min(max(lon, area.west), area.east)
    if (nearest_lat, nearest_lon) == (lat, lon):
        return 0.0
    return distance_m(lat, lon, nearest_lat, nearest_lon)


def is_far_from_area(area: BBox, lat: float, lon: float, limit_m: float = FAR_FROM_AREA_M) -> bool:
    """Tell whether a point lies more than ``limit_m`` beyond the area's bounds.

    >>> area = BBox(west=7.40, south=43.72, east=7.44, north=43.76)
    >>> is_far_from_area(area, 43.77, 7.42), is_far_from_area(area, 48.904, 2.333)
    (False, True)
    """
    return distance_from_area_m(area, lat, lon) > limit_m


def drafts_far_from_area(
    area: BBox, cameras: Iterable[Camera], limit_m: float = FAR_FROM_AREA_M
) -> list[str]:
    """Return the ids of the drafts among ``cameras`` that lie far from the area, in order.

    Confirmed and rejected cameras are never counted: only drafts wait for a decision.
    """
    return [
        camera.id
        for camera in cameras
        if camera.status is Status.DRAFT and is_far_from_area(area, camera.lat, camera.lon, limit_m)
    ]
