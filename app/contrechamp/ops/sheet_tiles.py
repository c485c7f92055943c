"""Cutting a region into printed map pages at a legible scale (no Qt: plain Web Mercator maths).

World units are those of the window's map (x east, y south, the world spans [0, 256)), so the
painter can place each page's frame on its base map without converting anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray

__all__ = [
    "SCALES",
    "PageFrame",
    "Tiling",
    "tile_region",
    "to_world",
    "world_of",
    "world_per_metre",
    "world_per_mm",
]

EARTH_CIRCUMFERENCE_M = 40_075_016.686
_WORLD = 256.0
MAX_LAT = 85.05112878
SCALES = (1500, 2000, 2500, 3000, 4000, 5000)
"""The scales tried, largest first: a region is printed at the first one it fits on one page;
beyond 1:5,000 street names are too small on paper, so a larger region is cut into pages."""
OVERLAP_MM = 10.0  # what two neighbouring pages both show, so a street is never cut unseen


def world_of(lat: float, lon: float) -> tuple[float, float]:
    """Return the world position of a WGS 84 point (the window's Web Mercator).

    >>> world_of(0.0, 0.0)
    (128.0, 128.0)
    """
    x, y = world_of_arrays(np.array([lat]), np.array([lon]))
    return float(x[0]), float(y[0])


def world_of_arrays(
    lat: NDArray[np.float64], lon: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Vectorised :func:`world_of`."""
    sin_lat = np.sin(np.radians(np.clip(lat, -MAX_LAT, MAX_LAT)))
    x = (np.asarray(lon, dtype=np.float64) + 180.0) / 360.0 * _WORLD
    y = (0.5 - np.log((1 + sin_lat) / (1 - sin_lat)) / (4 * np.pi)) * _WORLD
    return x, y


def to_world(geometry: shapely.Geometry) -> shapely.Geometry:
    """Return a WGS 84 (lon, lat) geometry in world units."""

    def project(lon_lat: NDArray[np.float64]) -> NDArray[np.float64]:
        x, y = world_of_arrays(lon_lat[:, 1], lon_lat[:, 0])
        return np.column_stack([x, y])

    return shapely.transform(geometry, project)


def world_per_metre(lat: float) -> float:
    """World units one metre of ground spans near latitude ``lat``."""
    return _WORLD / (EARTH_CIRCUMFERENCE_M * math.cos(math.radians(lat)))


def world_per_mm(scale: int, lat: float) -> float:
    """World units covered by one millimetre of paper at ``1:scale`` near latitude ``lat``.

    >>> round(world_per_mm(5000, 0.0) * 1e6, 3)  # 5 m of ground at the equator
    31.94
    """
    return scale / 1000.0 * world_per_metre(lat)


@dataclass(frozen=True, slots=True)
class PageFrame:
    """One map page: where it lies in the grid and the world rectangle its frame shows."""

    row: int
    column: int
    x0: float
    y0: float
    x1: float
    y1: float

    def box(self) -> shapely.Polygon:
        """The frame as a world-unit polygon."""
        return shapely.box(self.x0, self.y0, self.x1, self.y1)

    def contains(self, x: float, y: float, inset: float = 0.0) -> bool:
        """Tell whether a world point lies in the frame, at least ``inset`` inside its edges."""
        return self.x0 + inset <= x <= self.x1 - inset and self.y0 + inset <= y <= self.y1 - inset


@dataclass(frozen=True, slots=True)
class Tiling:
    """The scale chosen and the pages cut, in reading order (rows north to south)."""

    scale: int
    world_per_mm: float
    frames: tuple[PageFrame, ...]


def tile_region(
    region: tuple[float, float, float, float],
    frame_mm: tuple[float, float],
    lat: float,
    keep: Sequence[shapely.Geometry] = (),
) -> Tiling:
    """Cut the world rectangle ``region`` into page frames of ``frame_mm`` (width, height).

    The largest scale of :data:`SCALES` at which the region fits one frame is used; beyond
    1:5,000 the region is cut into a grid of 1:5,000 frames centred on it, overlapping by
    10 mm, and only frames meeting one of ``keep`` (when given) are kept.

    >>> one = tile_region((100.0, 100.0, 100.0001, 100.0001), (186.0, 220.0), 0.0)
    >>> one.scale, len(one.frames)
    (1500, 1)
    >>> wide = tile_region((100.0, 100.0, 100.05, 100.005), (186.0, 220.0), 0.0)
    >>> wide.scale, len(wide.frames), {f.row for f in wide.frames}
    (5000, 9, {0})
    """
    width, height = region[2] - region[0], region[3] - region[1]
    for scale in SCALES:
        unit = world_per_mm(scale, lat)
        if width <= frame_mm[0] * unit and height <= frame_mm[1] * unit:
            return Tiling(scale, unit, (_frame(region, frame_mm, unit, 0, 0, 1, 1),))
    scale = SCALES[-1]
    unit = world_per_mm(scale, lat)
    columns = _count(width, frame_mm[0] * unit, OVERLAP_MM * unit)
    rows = _count(height, frame_mm[1] * unit, OVERLAP_MM * unit)
    frames = [
        _frame(region, frame_mm, unit, row, column, rows, columns)
        for row in range(rows)
        for column in range(columns)
    ]
    if keep:
        tree = shapely.STRtree(list(keep))
        frames = [f for f in frames if len(tree.query(f.box(), predicate="intersects"))]
    return Tiling(scale, unit, tuple(frames))


def _count(extent: float, frame: float, overlap: float) -> int:
    """How many frames overlapping by ``overlap`` cover ``extent``."""
    return max(1, math.ceil((extent - overlap) / (frame - overlap) - 1e-9))


def _frame(
    region: tuple[float, float, float, float],
    frame_mm: tuple[float, float],
    unit: float,
    row: int,
    column: int,
    rows: int,
    columns: int,
) -> PageFrame:
    """The frame at (row, column) of a grid of rows × columns centred on the region."""
    w, h = frame_mm[0] * unit, frame_mm[1] * unit
    step_x, step_y = w - OVERLAP_MM * unit, h - OVERLAP_MM * unit
    grid_w, grid_h = w + (columns - 1) * step_x, h + (rows - 1) * step_y
    left = (region[0] + region[2]) / 2 - grid_w / 2 + column * step_x
    top = (region[1] + region[3]) / 2 - grid_h / 2 + row * step_y
    return PageFrame(row, column, left, top, left + w, top + h)
