"""A camera's field of view as the viewers draw it (OSM.md §2), in metres around the camera.

Fixed cameras are wedges (35° half-angle, as DeFlock), ranges ``a-b`` are the sector from a to
b clockwise, lists ``a;b`` are several wedges, ``0-359`` is a full circle, domes are circles.
The length grows with ``height`` (default 5 m, clamped to 3–12 m): 7 × height, shortened by
cos(tilt − 15°) when ``camera:angle`` is steeper than 15°.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from shapely import Polygon
from shapely.geometry import Point

from contrechamp.core.direction import Sector
from contrechamp.core.tags import read_camera

__all__ = [
    "DEFAULT_HEIGHT_M",
    "HALF_ANGLE_DEG",
    "FieldOfView",
    "FovKind",
    "field_of_view",
    "reach_m",
    "sector_polygon",
]

DEFAULT_HEIGHT_M = 5.0
MIN_HEIGHT_M, MAX_HEIGHT_M = 3.0, 12.0
REACH_PER_HEIGHT = 7.0
HALF_ANGLE_DEG = 35.0
FLAT_TILT_DEG = 15.0
_FULL_CIRCLE_DEG = 359.0
_ARC_STEP_DEG = 5.0


class FovKind(StrEnum):
    """How a field of view is drawn."""

    WEDGES = "wedges"
    CIRCLE = "circle"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class FieldOfView:
    """Sectors (clockwise start, end bearings in degrees) of a given radius around the camera."""

    kind: FovKind
    sectors: tuple[tuple[float, float], ...]
    radius_m: float

    def polygons(self) -> list[Polygon]:
        """Return the field of view as polygons in local metres (x east, y north, camera at 0, 0).

        >>> fov = FieldOfView(FovKind.WEDGES, ((55.0, 125.0),), 10.0)
        >>> round(fov.polygons()[0].area)
        61
        """
        if self.kind is FovKind.CIRCLE:
            return [Point(0.0, 0.0).buffer(self.radius_m, quad_segs=16)]
        return [sector_polygon(start, end, self.radius_m) for start, end in self.sectors]


def sector_polygon(start: float, end: float, radius: float) -> Polygon:
    """Return the pie slice from bearing ``start`` clockwise to ``end`` with the given radius.

    >>> round(sector_polygon(0.0, 90.0, 1.0).area, 2)
    0.78
    """
    span = (end - start) % 360.0 or 360.0
    steps = max(2, math.ceil(span / _ARC_STEP_DEG))
    arc = [_polar(start + span * i / steps, radius) for i in range(steps + 1)]
    return Polygon([(0.0, 0.0), *arc])


def _polar(bearing: float, radius: float) -> tuple[float, float]:
    rad = math.radians(bearing)
    return radius * math.sin(rad), radius * math.cos(rad)


def reach_m(height: float | None, tilt: float | None) -> float:
    """Return how far a camera sees, from its height and tilt below the horizon.

    >>> reach_m(None, None), reach_m(20.0, None), reach_m(5.0, 75.0)
    (35.0, 84.0, 17.5)
    """
    h = DEFAULT_HEIGHT_M if height is None else min(max(height, MIN_HEIGHT_M), MAX_HEIGHT_M)
    reach = REACH_PER_HEIGHT * h
    if tilt is not None and FLAT_TILT_DEG < tilt <= 90.0:
        reach *= math.cos(math.radians(tilt - FLAT_TILT_DEG))
    return round(reach, 6)


def field_of_view(tags: Mapping[str, str]) -> FieldOfView:
    """Return the field of view of a camera from its OSM tags.

    >>> field_of_view({"camera:type": "dome"}).kind
    <FovKind.CIRCLE: 'circle'>
    >>> field_of_view({"camera:direction": "90"}).sectors
    ((55.0, 125.0),)
    >>> field_of_view({"camera:direction": "0-359"}).kind
    <FovKind.CIRCLE: 'circle'>

    A range is drawn as written, a list as one wedge per bearing (wrapping past north); a
    fixed camera without a direction has nothing to draw:

    >>> field_of_view({"camera:direction": "90-270"}).sectors
    ((90.0, 270.0),)
    >>> field_of_view({"camera:direction": "0;S"}).sectors
    ((325.0, 35.0), (145.0, 215.0))
    >>> field_of_view({"camera:type": "fixed"}).kind
    <FovKind.NONE: 'none'>
    """
    camera = read_camera(tags)
    radius = reach_m(camera.height.value, camera.angle.value)
    direction = camera.direction.value
    if camera.camera_type.value == "dome" or (
        direction is None and camera.camera_type.value == "panning"
    ):
        return FieldOfView(FovKind.CIRCLE, ((0.0, 360.0),), radius)
    if direction is None:
        return FieldOfView(FovKind.NONE, (), radius)
    sectors: list[tuple[float, float]] = []
    for part in direction.parts:
        if isinstance(part, Sector):
            if part.span >= _FULL_CIRCLE_DEG:
                return FieldOfView(FovKind.CIRCLE, ((0.0, 360.0),), radius)
            sectors.append((part.start.degrees, part.end.degrees))
        else:
            b = part.degrees
            sectors.append(((b - HALF_ANGLE_DEG) % 360.0, (b + HALF_ANGLE_DEG) % 360.0))
    return FieldOfView(FovKind.WEDGES, tuple(sectors), radius)
