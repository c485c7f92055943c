"""Where the map opens on a survey: on its cameras, else on its busiest streets, never at sea.

The centre of an area's bounding box can be open sea (Monaco) or empty fields; the walker
wants the cameras, or failing that the streets. The decision is a box for the map to fit:

1. the *focus* is the survey's own sector if it has one (a handout's: the sector its pair
   walks, while the handout also holds the others), else the union of its sectors if it has
   any, else its area;
2. the cameras in the focus, or within ``MIN_SPAN_M`` of it (the survey's own, rejected
   ones left out, and those already in OSM; drafts from photos taken elsewhere are ignored)
   give the box: their extent, padded by ``CAMERA_PADDING`` and at least ``MIN_SPAN_M`` wide
   and high, so one camera opens at street zoom and cameras spread over the area never zoom
   out past the focus;
3. without cameras, the view is centred on the streets with the most length in a
   ``STREET_CELL_M`` cell, and shows the whole sector, or without sectors all the streets of
   the area (the area as mapped: an extract's bounding box may be mostly sea); the centre
   shifts towards the middle when needed so the box never grows past 1.5 times what it
   shows. Without streets, the focus itself;
4. without an area, the survey's cameras alone; None when there is nothing at all.

A few camera pairs (the two corners a survey's first look gives) are read without numpy, so
the window's first frame needs none; an array of them (a whole survey) with it. The streets
and sectors need shapely, imported when there are some to look at.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from contrechamp.core.area import BBox, FeatureKind, MapFeature, Sector
from contrechamp.core.camera import Located

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "CAMERA_PADDING",
    "MIN_SPAN_M",
    "STREETS",
    "STREET_CELL_M",
    "counted_within",
    "opening_view",
    "positions",
]

CAMERA_PADDING = 0.15  # of the cameras' extent, on each side
MIN_SPAN_M = 250.0  # a box at least this wide and high: street zoom for a single camera
STREET_CELL_M = 300.0  # about a neighbourhood block: where the streets are densest
STREETS = frozenset(
    {
        FeatureKind.PRIMARY,
        FeatureKind.SECONDARY,
        FeatureKind.TERTIARY,
        FeatureKind.RESIDENTIAL,
        FeatureKind.SERVICE,
        FeatureKind.PATH,
    }
)
_M_PER_DEG_LAT = 111_320.0
_MAX_SHIFT = 0.25  # the centre stays in the middle half of what is shown: at most 1.5 × it


def positions(*groups: Sequence[Located]) -> NDArray[np.float64]:
    """Return the (lat, lon) rows of every item of ``groups``, as ``opening_view`` takes them,
    without a tuple per item (a million of them kept the garbage collector busy).

    >>> from contrechamp.core.area import ExistingCamera
    >>> from contrechamp.core.camera import Camera
    >>> positions([Camera(43.7, 7.4)], [ExistingCamera(1, 2, 43.8, 7.5)]).tolist()
    [[43.7, 7.4], [43.8, 7.5]]
    """
    import numpy as np

    count = sum(len(group) for group in groups)
    rows = np.empty((count, 2), dtype=np.float64)
    start = 0
    for group in groups:
        end = start + len(group)
        rows[start:end, 0] = np.fromiter((item.lat for item in group), np.float64, len(group))
        rows[start:end, 1] = np.fromiter((item.lon for item in group), np.float64, len(group))
        start = end
    return rows


def opening_view(
    area: BBox | None,
    cameras: Sequence[tuple[float, float]] | NDArray[np.float64],
    streets: Sequence[MapFeature] = (),
    sectors: Sequence[Sector] = (),
    own_sector: Sector | None = None,
) -> BBox | None:
    """Return the box the map should fit when a survey opens (see the module's rules).

    ``cameras`` are (lat, lon) pairs (or an array of them); ``streets`` may hold any base map
    features (only streets count); ``own_sector`` is the sector the survey's pair walks
    (``own_sector()`` of the store), which wins over ``sectors``.

    >>> area = BBox(west=7.40, south=43.72, east=7.48, north=43.76)
    >>> box = opening_view(area, [(43.739, 7.426)])
    >>> box.contains(43.739, 7.426), box.north - box.south < 0.003
    (True, True)
    """
    sector_box = _sectors_box([own_sector] if own_sector is not None else sectors)
    focus = sector_box or area
    near = None if focus is None else counted_within(focus)
    if isinstance(cameras, Sequence):
        extent = _pairs_extent(cameras, near)
    else:
        extent = _array_extent(cameras, near)
    if extent is not None:
        return _camera_box(*extent)
    if focus is None:
        return None
    return _street_view(focus, streets, whole=sector_box is not None) or focus


_Extent = tuple[float, float, float, float]  # south, north, west, east


def _pairs_extent(cameras: Sequence[tuple[float, float]], near: BBox | None) -> _Extent | None:
    """The extent of the (lat, lon) pairs within ``near`` (all without it), or None."""
    lats, lons = [], []
    for lat, lon in cameras:
        lat, lon = float(lat), float(lon)
        if not (math.isfinite(lat) and math.isfinite(lon)):
            continue  # as the array's comparisons leave it out
        if near is None or (near.south <= lat <= near.north and near.west <= lon <= near.east):
            lats.append(lat)
            lons.append(lon)
    return (min(lats), max(lats), min(lons), max(lons)) if lats else None


def _array_extent(cameras: NDArray[np.float64], near: BBox | None) -> _Extent | None:
    """``_pairs_extent`` of an array of (lat, lon) rows."""
    import numpy as np

    points = np.asarray(cameras, dtype=np.float64).reshape(-1, 2)
    lat, lon = points[:, 0], points[:, 1]
    if near is not None:
        keep = (lat >= near.south) & (lat <= near.north) & (lon >= near.west) & (lon <= near.east)
        lat, lon = lat[keep], lon[keep]
    if not len(lat):
        return None
    return float(np.min(lat)), float(np.max(lat)), float(np.min(lon)), float(np.max(lon))


def counted_within(focus: BBox) -> BBox:
    """The box in which cameras count for the view of ``focus`` (rule 2): only the extent of
    those inside it matters, so its two corners give the same view as all of them.

    >>> box = counted_within(BBox(7.42, 43.73, 7.43, 43.74))
    >>> round((box.north - 43.74) * _M_PER_DEG_LAT)
    250
    """
    return _grown(focus, MIN_SPAN_M)


def _camera_box(south: float, north: float, west: float, east: float) -> BBox:
    """The cameras' extent, padded, at least MIN_SPAN_M each way."""
    mid_lat, mid_lon = (south + north) / 2, (west + east) / 2
    lon_m = _m_per_deg_lon(mid_lat)
    half_h = max((north - south) * (0.5 + CAMERA_PADDING), MIN_SPAN_M / 2 / _M_PER_DEG_LAT)
    half_w = max((east - west) * (0.5 + CAMERA_PADDING), MIN_SPAN_M / 2 / lon_m)
    return BBox(mid_lon - half_w, mid_lat - half_h, mid_lon + half_w, mid_lat + half_h)


def _street_view(focus: BBox, streets: Sequence[MapFeature], whole: bool) -> BBox | None:
    """A box centred near the densest streets of the focus that shows all its streets (all
    the focus with ``whole``), or None without streets."""
    wkbs = [f.wkb for f in streets if f.kind in STREETS]
    if not wkbs:
        return None
    import shapely

    geoms = shapely.from_wkb(wkbs)
    xy = shapely.get_coordinates(shapely.centroid(geoms))
    lon, lat = xy[:, 0], xy[:, 1]
    keep = (lat >= focus.south) & (lat <= focus.north) & (lon >= focus.west) & (lon <= focus.east)
    if not keep.any():
        return None
    lat, lon, weight = lat[keep], lon[keep], shapely.length(geoms)[keep] + 1e-12
    extent = focus
    if not whole:
        extent = BBox(float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max()))
    return _box_around(extent, *_densest_cell(focus, lat, lon, weight))


def _densest_cell(
    focus: BBox, lat: NDArray[np.float64], lon: NDArray[np.float64], weight: NDArray[np.float64]
) -> tuple[float, float]:
    """The length-weighted middle of the streets in the STREET_CELL_M cell with the most."""
    import numpy as np

    lon_m = _m_per_deg_lon((focus.south + focus.north) / 2)
    col = np.floor((lon - focus.west) * lon_m / STREET_CELL_M).astype(np.int64)
    row = np.floor((lat - focus.south) * _M_PER_DEG_LAT / STREET_CELL_M).astype(np.int64)
    cells, which = np.unique(np.stack([col, row], axis=1), axis=0, return_inverse=True)
    which = which.reshape(-1)
    best = int(np.argmax(np.bincount(which, weights=weight, minlength=len(cells))))
    w = weight[which == best]
    return (
        float(np.average(lat[which == best], weights=w)),
        float(np.average(lon[which == best], weights=w)),
    )


def _box_around(extent: BBox, lat: float, lon: float) -> BBox:
    """The smallest box centred near (lat, lon) that shows all of ``extent``."""
    south, north, west, east = extent.south, extent.north, extent.west, extent.east
    lat = min(max(lat, south + _MAX_SHIFT * (north - south)), north - _MAX_SHIFT * (north - south))
    lon = min(max(lon, west + _MAX_SHIFT * (east - west)), east - _MAX_SHIFT * (east - west))
    half_h = max(lat - south, north - lat, MIN_SPAN_M / 2 / _M_PER_DEG_LAT)
    half_w = max(lon - west, east - lon, MIN_SPAN_M / 2 / _m_per_deg_lon(lat))
    return BBox(lon - half_w, lat - half_h, lon + half_w, lat + half_h)


def _sectors_box(sectors: Sequence[Sector]) -> BBox | None:
    """The bounds of all sectors together, or None without sectors."""
    if not sectors:
        return None
    import shapely

    west, south, east, north = shapely.total_bounds(shapely.from_wkb([s.wkb for s in sectors]))
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        return None
    return BBox(float(west), float(south), float(east), float(north))


def _grown(box: BBox, metres: float) -> BBox:
    """The box grown by ``metres`` on every side."""
    dlat = metres / _M_PER_DEG_LAT
    dlon = metres / _m_per_deg_lon((box.south + box.north) / 2)
    return BBox(box.west - dlon, box.south - dlat, box.east + dlon, box.north + dlat)


def _m_per_deg_lon(lat: float) -> float:
    return _M_PER_DEG_LAT * max(math.cos(math.radians(lat)), 0.01)
