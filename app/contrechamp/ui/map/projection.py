"""Web Mercator for display only: WGS 84 <-> world units <-> screen pixels (never for distances).

World units span [0, 256) at zoom 0, as one 256-px tile; at zoom z a world unit is 2**z pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported by the functions on arrays: the first frame needs none
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "EARTH_CIRCUMFERENCE_M",
    "MAX_LAT",
    "TILE_PX",
    "Viewport",
    "lat_lon_of",
    "world_of",
    "world_of_arrays",
]

TILE_PX = 256
MAX_LAT = 85.05112878
EARTH_CIRCUMFERENCE_M = 40_075_016.686


def world_of(lat: float, lon: float) -> tuple[float, float]:
    """Return the world position (x east, y south, in [0, 256)) of a WGS 84 point.

    >>> world_of(0.0, 0.0)
    (128.0, 128.0)
    """
    lat = min(max(lat, -MAX_LAT), MAX_LAT)
    x = (lon + 180.0) / 360.0 * TILE_PX
    sin_lat = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin_lat) / (1 - sin_lat)) / (4 * math.pi)) * TILE_PX
    return x, y


def world_of_arrays(
    lat: NDArray[np.float64], lon: NDArray[np.float64], *, in_place: bool = False
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Vectorised ``world_of`` over arrays of latitudes and longitudes: the same steps, each
    in place, so that a million points need three arrays of their size at once, not eight.
    ``in_place``: ``lat`` and ``lon`` are float64 arrays of the caller's own, given up to hold
    ``y`` and ``x`` (one array more at once, not three).

    >>> import numpy as np
    >>> x, y = world_of_arrays(np.array([0.0, 90.0]), np.array([0.0, -180.0]))
    >>> [(float(a), round(float(b), 9)) for a, b in zip(x, y)]
    [(128.0, 128.0), (0.0, 0.0)]
    """
    import numpy as np

    y = lat if in_place else np.array(lat, dtype=np.float64)
    np.clip(y, -MAX_LAT, MAX_LAT, out=y)
    np.sin(np.radians(y, out=y), out=y)  # sin(lat)
    below = np.subtract(1.0, y)
    y += 1.0
    y /= below
    del below
    np.log(y, out=y)
    y /= 4 * np.pi
    np.subtract(0.5, y, out=y)
    y *= TILE_PX
    x = lon if in_place else np.array(lon, dtype=np.float64)
    x += 180.0
    x /= 360.0
    x *= TILE_PX
    return x, y


def lat_lon_of(x: float, y: float) -> tuple[float, float]:
    """Return the WGS 84 point at a world position (inverse of ``world_of``).

    >>> lat_lon_of(128.0, 128.0)
    (0.0, 0.0)
    """
    lon = x / TILE_PX * 360.0 - 180.0
    n = math.pi * (1 - 2 * y / TILE_PX)
    return math.degrees(math.atan(math.sinh(n))), lon


@dataclass(frozen=True, slots=True)
class Viewport:
    """What a frame shows: a world centre, a (fractional) zoom, and a size in pixels."""

    center_x: float
    center_y: float
    zoom: float
    width: int
    height: int

    @property
    def scale(self) -> float:
        """Pixels per world unit."""
        return float(2.0**self.zoom)

    def to_pixel(self, x: float, y: float) -> tuple[float, float]:
        """Return the pixel of a world position."""
        s = self.scale
        return (x - self.center_x) * s + self.width / 2, (y - self.center_y) * s + self.height / 2

    def to_world(self, px: float, py: float) -> tuple[float, float]:
        """Return the world position under a pixel."""
        s = self.scale
        return (px - self.width / 2) / s + self.center_x, (py - self.height / 2) / s + self.center_y

    def pixel_of(self, lat: float, lon: float) -> tuple[float, float]:
        """Return the pixel of a WGS 84 point."""
        return self.to_pixel(*world_of(lat, lon))

    def lat_lon_at(self, px: float, py: float) -> tuple[float, float]:
        """Return the WGS 84 point under a pixel."""
        return lat_lon_of(*self.to_world(px, py))

    def world_rect(self, margin_px: float = 0.0) -> tuple[float, float, float, float]:
        """Return the visible world rectangle (x0, y0, x1, y1), grown by a pixel margin."""
        x0, y0 = self.to_world(-margin_px, -margin_px)
        x1, y1 = self.to_world(self.width + margin_px, self.height + margin_px)
        return x0, y0, x1, y1

    def metres_per_pixel(self, lat: float | None = None) -> float:
        """Return the ground size of one pixel at ``lat`` (default: the centre)."""
        if lat is None:
            lat = lat_lon_of(self.center_x, self.center_y)[0]
        return EARTH_CIRCUMFERENCE_M * math.cos(math.radians(lat)) / (TILE_PX * self.scale)

    def panned(self, dx_px: float, dy_px: float) -> Viewport:
        """Return the viewport moved so that content shifts by (dx, dy) pixels."""
        s = self.scale
        return replace(self, center_x=self.center_x - dx_px / s, center_y=self.center_y - dy_px / s)

    def zoomed(self, zoom: float, anchor: tuple[float, float] | None = None) -> Viewport:
        """Return the viewport at ``zoom``, keeping the world point under ``anchor`` in place."""
        if anchor is None:
            return replace(self, zoom=zoom)
        wx, wy = self.to_world(*anchor)
        s = float(2.0**zoom)
        cx = wx - (anchor[0] - self.width / 2) / s
        cy = wy - (anchor[1] - self.height / 2) / s
        return replace(self, center_x=cx, center_y=cy, zoom=zoom)
