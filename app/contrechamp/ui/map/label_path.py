"""Laying a street name along its street: glyph positions on a gently curving piece of line.

Pure numpy geometry in pixels. A piece is used only when it turns little (each glyph at most
30° from the previous one, 60° in all), and the text always reads left to right.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import shapely
from numpy.typing import NDArray

__all__ = ["glyph_placements", "label_outline"]

MAX_TURN_DEG = 30.0
MAX_TOTAL_TURN_DEG = 60.0
MIN_STEP_PX = 24.0


def glyph_placements(
    coords: NDArray[np.float64], advances: Sequence[float], pad: float
) -> Iterator[NDArray[np.float64]]:
    """Yield (x, y, angle°) rows, one per glyph, for each good place along a pixel polyline.

    Places nearest the middle of the line come first. ``advances`` are the glyph widths.

    >>> line = np.array([[0.0, 0.0], [100.0, 0.0]])
    >>> next(glyph_placements(line, [10.0, 10.0], 10.0)).round(1).tolist()
    [[45.0, 0.0, 0.0], [55.0, 0.0, 0.0]]
    """
    cum = _cumulative(coords)
    length, total = float(cum[-1]), float(sum(advances))
    if length < total + pad:
        return
    centres = np.cumsum(advances) - np.asarray(advances) / 2
    for start in _starts(length, total, pad):
        glyphs = _along(coords, cum, start + centres)
        if np.cos(np.radians(_mean_angle(glyphs[:, 2]))) < 0:
            back = coords[::-1]
            glyphs = _along(back, _cumulative(back), length - start - total + centres)
        if _gentle(glyphs[:, 2]):
            yield glyphs


def _starts(length: float, total: float, pad: float) -> list[float]:
    """Return where a label may start: centred on the line first, then stepping outwards."""
    middle, step = (length - total) / 2, max(total / 2, MIN_STEP_PX)
    count = int((middle - pad / 2) // step)
    offsets = sorted(range(-count, count + 1), key=lambda k: (abs(k), k))
    return [middle + k * step for k in offsets]


def label_outline(
    glyphs: NDArray[np.float64], first_advance: float, last_advance: float, height: float
) -> shapely.Polygon:
    """Return the pixel area a placed label covers (its glyph line, widened to the text)."""
    head = _shifted(glyphs[0], -first_advance / 2)
    tail = _shifted(glyphs[-1], last_advance / 2)
    line = shapely.LineString([head, *glyphs[:, :2].tolist(), tail])
    return shapely.buffer(line, height / 2, cap_style="flat")


def _cumulative(coords: NDArray[np.float64]) -> NDArray[np.float64]:
    """Return the distance along the line at each vertex."""
    steps = np.hypot(*np.diff(coords, axis=0).T)
    return np.concatenate([[0.0], np.cumsum(steps)])


def _along(
    coords: NDArray[np.float64], cum: NDArray[np.float64], distances: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Return (x, y, angle°) at distances along the line (angle of the segment there)."""
    seg = np.clip(np.searchsorted(cum, distances, side="right") - 1, 0, len(coords) - 2)
    start, end = coords[seg], coords[seg + 1]
    span = np.maximum(cum[seg + 1] - cum[seg], 1e-12)
    t = ((distances - cum[seg]) / span)[:, None]
    points = start + (end - start) * t
    angles = np.degrees(np.arctan2(end[:, 1] - start[:, 1], end[:, 0] - start[:, 0]))
    return np.column_stack([points, angles])


def _mean_angle(angles: NDArray[np.float64]) -> float:
    """Return the circular mean of angles in degrees."""
    rad = np.radians(angles)
    return float(np.degrees(np.arctan2(np.sin(rad).sum(), np.cos(rad).sum())))


def _gentle(angles: NDArray[np.float64]) -> bool:
    """Tell whether successive glyph angles turn little enough to read comfortably."""
    turns = np.abs((np.diff(angles) + 180.0) % 360.0 - 180.0)
    return bool(
        turns.size == 0 or (turns.max() <= MAX_TURN_DEG and turns.sum() <= MAX_TOTAL_TURN_DEG)
    )


def _shifted(glyph: NDArray[np.float64], distance: float) -> tuple[float, float]:
    """Return the point ``distance`` pixels from a glyph centre along its direction."""
    rad = np.radians(glyph[2])
    return float(glyph[0] + distance * np.cos(rad)), float(glyph[1] + distance * np.sin(rad))
