"""Sightings near a point, and a sighting that re-checks a camera already in OSM.

The rules the window applies when a walker adds a camera: warn (never block) when another
camera is within a few metres, and offer "I saw this one" for a camera already in OSM.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Camera, PositionSource, Status, utc_now
from contrechamp.core.geo import distance_m

__all__ = ["NEAR_M", "Nearby", "confirmed_sighting", "nearby"]

NEAR_M = 5.0
"""A new camera closer than this to another one gets a warning (several on a pole are normal)."""

_DEG_PER_M = 1.0 / 111_000.0  # coarse prefilter before the geodesic distance


@dataclass(frozen=True, slots=True)
class Nearby:
    """A camera close to a point: one of the survey's or one already in OSM."""

    distance_m: float
    camera: Camera | None = None
    existing: ExistingCamera | None = None


def nearby(
    lat: float,
    lon: float,
    cameras: Iterable[Camera],
    existing: Iterable[ExistingCamera],
    radius_m: float = NEAR_M,
    exclude: str | None = None,
) -> list[Nearby]:
    """The survey's cameras and the OSM cameras within ``radius_m`` (geodesic), nearest first.

    An OSM camera already linked to one of the survey's sightings counts once, as the sighting.

    >>> here = Camera(48.85, 2.35, {}, id="a")
    >>> [n.camera.id for n in nearby(48.85001, 2.35, [here], [])]
    ['a']
    >>> nearby(48.86, 2.35, [here], [])
    []
    """
    found: list[Nearby] = []
    linked: set[int] = set()
    for camera in cameras:
        if camera.osm_id is not None:
            linked.add(camera.osm_id)
        if camera.id != exclude and _close(lat, lon, camera.lat, camera.lon, radius_m):
            found.append(Nearby(distance_m(lat, lon, camera.lat, camera.lon), camera=camera))
    for node in existing:
        if node.osm_id not in linked and _close(lat, lon, node.lat, node.lon, radius_m):
            found.append(Nearby(distance_m(lat, lon, node.lat, node.lon), existing=node))
    return sorted((n for n in found if n.distance_m <= radius_m), key=lambda n: n.distance_m)


def confirmed_sighting(node: ExistingCamera, surveyor: str | None, today: date) -> Camera:
    """A confirmed camera re-checking an OSM node: its tags, id, version and ``check_date``."""
    tags = dict(node.tags)
    tags["check_date"] = today.isoformat()
    now = utc_now()
    return Camera(
        lat=node.lat,
        lon=node.lon,
        tags=tags,
        status=Status.CONFIRMED,
        source=PositionSource.IMPORT,
        surveyor=surveyor,
        created_at=now,
        updated_at=now,
        osm_id=node.osm_id,
        osm_version=node.version,
    )


def _close(lat: float, lon: float, lat2: float, lon2: float, radius_m: float) -> bool:
    margin = radius_m * _DEG_PER_M * 2.0
    lon_margin = margin / max(math.cos(math.radians(lat)), 0.01)
    return abs(lat - lat2) <= margin and abs(lon - lon2) <= lon_margin
