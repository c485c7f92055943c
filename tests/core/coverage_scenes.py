"""Hand-built areas for the coverage tests: streets, buildings and cameras placed in metres
around a centre, turned into the WGS 84 map features and cameras a survey holds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import shapely

from contrechamp.core.area import FeatureKind, MapFeature
from contrechamp.core.coverage import CoverageCamera, StreetCoverage
from contrechamp.core.local_frame import LocalFrame

FRAME = LocalFrame(43.73, 7.42)
DOME = {"camera:type": "dome", "height": "5"}  # a circle of 35 m


def _wgs84(geometry: shapely.Geometry) -> bytes:
    return bytes(shapely.to_wkb(FRAME.backward(geometry)))


def street(
    coords: Sequence[tuple[float, float]],
    name: str = "",
    kind: FeatureKind = FeatureKind.RESIDENTIAL,
) -> MapFeature:
    """A street through points given in metres."""
    return MapFeature(kind, _wgs84(shapely.LineString(coords)), name)


def building(x0: float, y0: float, x1: float, y1: float) -> MapFeature:
    """A rectangular building, corners in metres."""
    return MapFeature(FeatureKind.BUILDING, _wgs84(shapely.box(x0, y0, x1, y1)))


def camera(camera_id: str, x: float, y: float, tags: Mapping[str, str] = DOME) -> CoverageCamera:
    """A camera at (x, y) metres."""
    lat, lon = FRAME.degrees(np.array([x]), np.array([y]))
    return CoverageCamera(camera_id, float(lat[0]), float(lon[0]), dict(tags))


def point(x: float, y: float) -> tuple[float, float]:
    """The (lat, lon) of a point given in metres."""
    lat, lon = FRAME.degrees(np.array([x]), np.array([y]))
    return float(lat[0]), float(lon[0])


def zone(x0: float, y0: float, x1: float, y1: float) -> shapely.Geometry:
    """A rectangular sector in WGS 84, corners in metres."""
    return FRAME.backward(shapely.box(x0, y0, x1, y1))


def coverage(
    features: Sequence[MapFeature], cameras: Sequence[CoverageCamera] = ()
) -> StreetCoverage:
    """The coverage of these features with these cameras placed."""
    model = StreetCoverage(FRAME, features)
    model.set_cameras(cameras)
    return model
