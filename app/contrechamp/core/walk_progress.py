"""How much of each sector's streets a pair has walked, from where it logged cameras and its track.

The streets are cut into pieces of at most ``PIECE_M`` metres, in a transverse Mercator
projection centred on the sectors (never Web Mercator, which stretches lengths by
1/cos(latitude)). A piece belongs to the sector holding its middle, and is *walked* when its
middle lies within ``WALKED_WITHIN_M`` of where the pair was: a camera it logged, a fix of
its track, or the line between two consecutive fixes less than ``TRACK_GAP_S`` seconds and
``TRACK_GAP_M`` metres apart (a longer gap is a lost fix or a break, not a walk). The share
walked is by length. Only streets count (``WALKED_STREETS``, and footpaths that carry a
name: an old town's lanes and steps); unnamed footpaths and service roads are left out, since
sidewalks mapped apart, park paths and parking aisles would count the same street twice or
count places where no camera watches a street.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import shapely
from numpy.typing import NDArray

from contrechamp.core.area import FeatureKind, MapFeature, Sector
from contrechamp.core.track import TrackPoint

__all__ = [
    "PIECE_M",
    "TRACK_GAP_M",
    "TRACK_GAP_S",
    "WALKED_STREETS",
    "WALKED_WITHIN_M",
    "SectorProgress",
    "is_walked_street",
    "walk_progress",
]

PIECE_M = 20.0  # short enough that a cross street counts only where it was passed
WALKED_WITHIN_M = 25.0  # a street across, and a GPS fix's usual error
TRACK_GAP_S = 60.0
TRACK_GAP_M = 150.0
WALKED_STREETS = frozenset(
    {FeatureKind.PRIMARY, FeatureKind.SECONDARY, FeatureKind.TERTIARY, FeatureKind.RESIDENTIAL}
)

FloatArray = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class SectorProgress:
    """One sector's walk: its streets' length, how much was walked, the cameras in it, and
    the walked pieces (a MultiLineString as WKB in WGS 84, for the map)."""

    sector: Sector
    street_m: float
    walked_m: float
    cameras_inside: int
    walked_wkb: bytes

    @property
    def percent_walked(self) -> float:
        """The share of the sector's street length walked, 0 to 100 (0 without streets)."""
        return 100.0 * self.walked_m / self.street_m if self.street_m > 0 else 0.0


def walk_progress(
    sectors: Sequence[Sector],
    features: Sequence[MapFeature],
    cameras: Sequence[tuple[float, float]],
    track: Sequence[TrackPoint] = (),
) -> list[SectorProgress]:
    """Return the progress of each sector, in the order given.

    ``features`` may hold the whole base map (only ``WALKED_STREETS`` count); ``cameras``
    are the (lat, lon) of the cameras the pair logged; ``track`` is in time order.
    """
    if not sectors:
        return []
    shapes = shapely.from_wkb([s.wkb for s in sectors])
    project = _Projection(shapes)
    starts, ends = _street_pieces(project, features)
    middles = (starts + ends) / 2
    walked = _walked(project, middles, cameras, track)
    inside = _cameras_inside(shapes, cameras)
    local_sectors = project.forward(shapes)
    middle_points = shapely.points(middles)
    piece, holder = shapely.STRtree(local_sectors).query(middle_points, predicate="within")
    lengths = np.hypot(*(ends - starts).T)
    return [
        _progress(sector, project, starts, ends, lengths, piece[holder == i], walked, inside[i])
        for i, sector in enumerate(sectors)
    ]


def _progress(
    sector: Sector,
    project: _Projection,
    starts: FloatArray,
    ends: FloatArray,
    lengths: FloatArray,
    pieces: NDArray[np.int64],
    walked: NDArray[np.bool_],
    cameras_inside: int,
) -> SectorProgress:
    done = pieces[walked[pieces]]
    lines = shapely.linestrings(np.stack([starts[done], ends[done]], axis=1))
    merged = shapely.line_merge(shapely.multilinestrings(lines)) if len(done) else None
    wkb = b"" if merged is None else shapely.to_wkb(project.backward(merged))
    return SectorProgress(
        sector,
        float(lengths[pieces].sum()),
        float(lengths[done].sum()),
        cameras_inside,
        wkb,
    )


class _Projection:
    """A transverse Mercator projection centred on the sectors, both ways (as
    ``core.proximity`` projects: true to the millimetre over a city)."""

    def __init__(self, shapes: NDArray[np.object_]) -> None:
        from pyproj import CRS, Transformer  # slow to import: only when progress is measured

        west, south, east, north = (float(v) for v in shapely.total_bounds(shapes))
        if not all(math.isfinite(v) for v in (west, south, east, north)):
            west = south = east = north = 0.0  # only empty sectors: nothing will be inside
        local = CRS.from_proj4(
            f"+proj=tmerc +lat_0={(south + north) / 2:.9f} +lon_0={(west + east) / 2:.9f} "
            "+k_0=1 +ellps=WGS84 +units=m"
        )
        self._to = Transformer.from_crs("EPSG:4326", local, always_xy=True)
        self._back = Transformer.from_crs(local, "EPSG:4326", always_xy=True)

    def _metres(self, lonlat: FloatArray) -> FloatArray:
        x, y = self._to.transform(lonlat[:, 0], lonlat[:, 1])
        return np.column_stack([x, y]).astype(np.float64)

    def _degrees(self, xy: FloatArray) -> FloatArray:
        lon, lat = self._back.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat]).astype(np.float64)

    def forward(self, geometry: NDArray[np.object_]) -> NDArray[np.object_]:
        """Geometries in WGS 84 to local metres."""
        return shapely.transform(geometry, self._metres)  # type: ignore[no-any-return]

    def backward(self, geometry: shapely.Geometry) -> shapely.Geometry:
        """A geometry in local metres back to WGS 84."""
        return shapely.transform(geometry, self._degrees)

    def points(self, lat: FloatArray, lon: FloatArray) -> FloatArray:
        """Positions in degrees to local (x, y) metres."""
        return self._metres(np.column_stack([lon, lat]))


def is_walked_street(feature: MapFeature) -> bool:
    """Whether a base map feature is a street whose walk counts (see the module's rules).

    >>> is_walked_street(MapFeature(FeatureKind.PATH, b"", "Rampe Major"))
    True
    >>> is_walked_street(MapFeature(FeatureKind.PATH, b"")), is_walked_street(
    ...     MapFeature(FeatureKind.SERVICE, b"", "Parking"))
    (False, False)
    """
    if feature.kind is FeatureKind.PATH:
        return bool(feature.name.strip())
    return feature.kind in WALKED_STREETS


def _street_pieces(
    project: _Projection, features: Sequence[MapFeature]
) -> tuple[FloatArray, FloatArray]:
    """The start and end (local metres) of every street piece of at most PIECE_M."""
    wkbs = [f.wkb for f in features if is_walked_street(f)]
    if not wkbs:
        return np.zeros((0, 2)), np.zeros((0, 2))
    lines = shapely.segmentize(project.forward(shapely.from_wkb(wkbs)), PIECE_M)
    xy, which = shapely.get_coordinates(lines, return_index=True)
    same = which[1:] == which[:-1]
    return xy[:-1][same], xy[1:][same]


def _walked(
    project: _Projection,
    middles: FloatArray,
    cameras: Sequence[tuple[float, float]],
    track: Sequence[TrackPoint],
) -> NDArray[np.bool_]:
    """Whether each piece's middle lies within WALKED_WITHIN_M of where the pair was."""
    walked = np.zeros(len(middles), dtype=bool)
    places = _places(project, cameras, track)
    if len(places) == 0 or len(middles) == 0:
        return walked
    near = shapely.STRtree(places).query(
        shapely.points(middles), predicate="dwithin", distance=WALKED_WITHIN_M
    )
    walked[near[0]] = True
    return walked


def _places(
    project: _Projection, cameras: Sequence[tuple[float, float]], track: Sequence[TrackPoint]
) -> NDArray[np.object_]:
    """Where the pair was, in local metres: camera points, fixes, and the lines between
    consecutive fixes close enough in time and space to have been walked."""
    lat = np.array([c[0] for c in cameras] + [p.lat for p in track], dtype=np.float64)
    lon = np.array([c[1] for c in cameras] + [p.lon for p in track], dtype=np.float64)
    if lat.size == 0:
        return np.empty(0, dtype=object)
    xy = project.points(lat, lon)
    points = shapely.points(xy)
    fixes = xy[len(cameras) :]
    if len(fixes) < 2:
        return points  # type: ignore[no-any-return]
    seconds = np.array([(b.time - a.time).total_seconds() for a, b in pairwise(track)])
    metres = np.hypot(*(fixes[1:] - fixes[:-1]).T)
    kept = (seconds >= 0) & (seconds <= TRACK_GAP_S) & (metres <= TRACK_GAP_M)
    steps = shapely.linestrings(np.stack([fixes[:-1][kept], fixes[1:][kept]], axis=1))
    return np.concatenate([points, steps])


def _cameras_inside(
    shapes: NDArray[np.object_], cameras: Sequence[tuple[float, float]]
) -> list[int]:
    """How many of the cameras lie in each sector (a camera on a shared edge counts twice)."""
    if not cameras:
        return [0] * len(shapes)
    xy = np.array([(lon, lat) for lat, lon in cameras], dtype=np.float64)
    return [int(shapely.intersects_xy(shape, xy[:, 0], xy[:, 1]).sum()) for shape in shapes]
