"""Sectors as the organiser sees them: their size on the ground and whether they fit the area."""

from __future__ import annotations

from collections.abc import Sequence

import shapely

from contrechamp.core.area import BBox, Sector

__all__ = ["sector_hectares", "sectors_outside"]

_M2_PER_HECTARE = 10_000.0


def sector_hectares(sector: Sector) -> float:
    """Return the sector's area on the WGS 84 ellipsoid, in hectares.

    >>> square = shapely.box(7.42, 43.73, 7.421, 43.731)  # about 80 m by 111 m
    >>> round(sector_hectares(Sector("Nord", shapely.to_wkb(square))), 2)
    0.9
    """
    from pyproj import Geod  # slow to import: only when an area is measured

    area_m2, _ = Geod(ellps="WGS84").geometry_area_perimeter(shapely.from_wkb(sector.wkb))
    return abs(float(area_m2)) / _M2_PER_HECTARE


def sectors_outside(sectors: Sequence[Sector], area: BBox | None) -> list[str]:
    """The names of the sectors that lie wholly outside the area's box (a wrong file, or
    longitude and latitude swapped); none without an area.

    >>> area = BBox(7.40, 43.72, 7.44, 43.76)
    >>> inside = Sector("Port", shapely.to_wkb(shapely.box(7.42, 43.73, 7.43, 43.74)))
    >>> swapped = Sector("Swapped", shapely.to_wkb(shapely.box(43.73, 7.42, 43.74, 7.43)))
    >>> sectors_outside([inside, swapped], area)
    ['Swapped']
    """
    if area is None or not sectors:
        return []
    box = shapely.box(area.west, area.south, area.east, area.north)
    shapes = shapely.from_wkb([s.wkb for s in sectors])
    meets = shapely.intersects(shapes, box)
    return [sector.name for sector, inside in zip(sectors, meets, strict=True) if not inside]
