"""Metric geometry on the WGS 84 ellipsoid: distances, offsets and local frames.

Distances are geodesic (pyproj's Geod), never Web Mercator, which stretches them by
1/cos(latitude) (×1.52 at Paris).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from pyproj import Geod

__all__ = ["bearing_deg", "distance_m", "local_scale", "metres_to_degrees", "offset"]


@cache
def _geod() -> Geod:
    """The WGS 84 ellipsoid, built on first use (pyproj is slow to import: not at start-up)."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the geodesic distance in metres between two WGS 84 points.

    >>> round(distance_m(48.8566, 2.3522, 48.8566, 2.3622))
    734
    """
    _, _, dist = _geod().inv(lon1, lat1, lon2, lat2)
    return float(dist)


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the initial bearing from point 1 to point 2, clockwise from true north, in [0, 360).

    >>> round(bearing_deg(0.0, 0.0, 0.0, 1.0))
    90
    """
    azimuth, _, _ = _geod().inv(lon1, lat1, lon2, lat2)
    return float(azimuth) % 360.0


def offset(lat: float, lon: float, bearing: float, metres: float) -> tuple[float, float]:
    """Return the point ``metres`` away from (lat, lon) along ``bearing`` (degrees from north).

    >>> lat, lon = offset(43.0, 7.0, 0.0, 111.0)
    >>> round(lat, 4), lon
    (43.001, 7.0)
    """
    lon2, lat2, _ = _geod().fwd(lon, lat, bearing, metres)
    return float(lat2), float(lon2)


def local_scale(lat: float) -> tuple[float, float]:
    """Return metres per degree of latitude and of longitude near ``lat`` (for small areas).

    >>> [round(v) for v in local_scale(0.0)]
    [110574, 111319]
    """
    phi = math.radians(lat)
    per_lat = 111132.954 - 559.822 * math.cos(2 * phi) + 1.175 * math.cos(4 * phi)
    per_lon = 111412.84 * math.cos(phi) - 93.5 * math.cos(3 * phi) + 0.118 * math.cos(5 * phi)
    return per_lat, per_lon


def metres_to_degrees(lat: float, xy: Sequence[tuple[float, float]]) -> NDArray[np.float64]:
    """Turn local (x east, y north) metre offsets near ``lat`` into (dlat, dlon) degree offsets.

    A degree of longitude shrinks with latitude: 100 m east is twice as many degrees at 60° N.

    >>> metres_to_degrees(0.0, [(100.0, 0.0)]).round(6).tolist()
    [[0.0, 0.000898]]
    >>> metres_to_degrees(60.0, [(100.0, 0.0), (0.0, 100.0)]).round(6).tolist()
    [[0.0, 0.001792], [0.000898, 0.0]]
    """
    import numpy as np

    per_lat, per_lon = local_scale(lat)
    pts = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    return np.column_stack([pts[:, 1] / per_lat, pts[:, 0] / per_lon])
