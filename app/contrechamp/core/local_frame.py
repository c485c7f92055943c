"""A local metric frame for one area: metres east and north of its centre, and back.

A transverse Mercator projection centred on the area (as ``core.proximity`` projects): over
a city its scale is true to a few parts in 10⁵, so lengths and areas in it are ground
lengths and areas. Never Web Mercator, which stretches them by 1/cos(latitude).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely
from numpy.typing import NDArray

from contrechamp.core.area import BBox

if TYPE_CHECKING:
    from pyproj import Transformer

__all__ = ["LocalFrame"]

FloatArray = NDArray[np.float64]


class LocalFrame:
    """Metres (x east, y north) around a centre, to and from WGS 84 degrees.

    >>> frame = LocalFrame(43.73, 7.42)
    >>> x, y = frame.metres(np.array([43.731]), np.array([7.42]))
    >>> round(float(x[0]), 3), round(float(y[0]), 1)
    (0.0, 111.1)
    >>> lat, lon = frame.degrees(x, y)
    >>> round(float(lat[0]), 9), round(float(lon[0]), 9)
    (43.731, 7.42)
    """

    def __init__(self, lat0: float, lon0: float) -> None:
        from pyproj import CRS, Transformer  # slow to import: only when something is measured

        local = CRS.from_proj4(
            f"+proj=tmerc +lat_0={lat0:.9f} +lon_0={lon0:.9f} +k_0=1 +ellps=WGS84 +units=m"
        )
        self.lat0, self.lon0 = lat0, lon0
        self._to: Transformer = Transformer.from_crs("EPSG:4326", local, always_xy=True)
        self._back: Transformer = Transformer.from_crs(local, "EPSG:4326", always_xy=True)

    @classmethod
    def around(cls, bbox: BBox) -> LocalFrame:
        """The frame centred on a box."""
        return cls((bbox.south + bbox.north) / 2, (bbox.west + bbox.east) / 2)

    def metres(self, lat: FloatArray, lon: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Positions in degrees to (x, y) metres."""
        x, y = self._to.transform(np.asarray(lon, float), np.asarray(lat, float))
        return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)

    def degrees(self, x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
        """(x, y) metres back to (lat, lon) degrees."""
        lon, lat = self._back.transform(np.asarray(x, float), np.asarray(y, float))
        return np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)

    def forward(self, geometry: NDArray[np.object_]) -> NDArray[np.object_]:
        """Geometries in WGS 84 (x = longitude) to local metres."""
        return shapely.transform(geometry, self._lonlat_to_xy)  # type: ignore[no-any-return]

    def backward(self, geometry: shapely.Geometry) -> shapely.Geometry:
        """A geometry (or an array of them) in local metres back to WGS 84 (x = longitude)."""
        return shapely.transform(geometry, self._xy_to_lonlat)

    def _lonlat_to_xy(self, lonlat: FloatArray) -> FloatArray:
        x, y = self.metres(lonlat[:, 1], lonlat[:, 0])
        return np.column_stack([x, y])

    def _xy_to_lonlat(self, xy: FloatArray) -> FloatArray:
        lat, lon = self.degrees(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat])
