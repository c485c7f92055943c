"""Sectors as the organiser sees them: their size on the ground and whether they fit the area."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import shapely

from contrechamp.core.area import BBox, Sector
from contrechamp.core.errors import InputError

__all__ = ["drawn_sector", "sector_hectares", "sector_named", "sector_polygon", "sectors_outside"]

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


def sector_named(sectors: Sequence[Sector], name: str, code: str) -> Sector:
    """The sector called ``name`` (exactly, else the one name that differs only by case).

    InputError ``code`` when there is none, naming the sectors there are.

    >>> north = Sector("North", b"")
    >>> sector_named([north], " north", "sheets.sector") is north
    True
    """
    for sector in sectors:
        if sector.name == name:
            return sector
    folded = [s for s in sectors if s.name.casefold() == name.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    known = ", ".join(repr(s.name) for s in sectors) or "none"
    raise InputError(f"no sector named {name!r} in the survey (its sectors: {known})", code)


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


def sector_polygon(corners: Sequence[tuple[float, float]]) -> bytes:
    """Return the polygon (WKB, WGS 84) of the ``corners`` drawn on the map, (lat, lon) in
    order around it; the edge closes by itself.

    Raises InputError: "sector.corners" for fewer than three distinct corners,
    "sectors.no_area" when they all lie on one line, "sector.crossing" when the edge
    crosses itself.

    >>> len(sector_polygon([(43.73, 7.42), (43.73, 7.43), (43.74, 7.43)])) > 0
    True
    >>> sector_polygon([(43.73, 7.42), (43.74, 7.43), (43.73, 7.43), (43.74, 7.42)])
    Traceback (most recent call last):
    contrechamp.core.errors.InputError: The sector's edge crosses itself.
    """
    ring = [(lon, lat) for lat, lon in corners]
    if ring and ring[0] == ring[-1]:
        ring.pop()
    if len(set(ring)) < 3:
        raise InputError("A sector needs at least three corners.", "sector.corners")
    shape = shapely.Polygon(ring)
    if shape.convex_hull.area == 0:  # every corner on one line
        raise InputError("The sector encloses no area.", "sectors.no_area")
    if not shape.is_valid:
        raise InputError("The sector's edge crosses itself.", "sector.crossing")
    return bytes(shapely.to_wkb(shape))


def drawn_sector(
    corners: Sequence[tuple[float, float]],
    name: str,
    pair: str | None = None,
    taken: Collection[str] = (),
) -> Sector:
    """Return the sector drawn on the map (see :func:`sector_polygon`), its name and pair
    trimmed (an empty pair is none).

    Raises InputError: "sector.name" for no name, "sector.name_taken" for a name in
    ``taken``, and those of :func:`sector_polygon`.

    >>> drawn_sector([(43.73, 7.42), (43.73, 7.43), (43.74, 7.43)], " Port ", " ").pair
    >>> drawn_sector([(43.73, 7.42), (43.73, 7.43), (43.74, 7.43)], "Port", taken={"Port"})
    Traceback (most recent call last):
    contrechamp.core.errors.InputError: There is already a sector Port.
    """
    name, pair = name.strip(), (pair or "").strip() or None
    if not name:
        raise InputError("A sector needs a name.", "sector.name")
    if name in taken:
        raise InputError(f"There is already a sector {name}.", "sector.name_taken")
    return Sector(name, sector_polygon(corners), pair=pair)
