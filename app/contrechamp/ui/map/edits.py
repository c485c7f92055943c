"""Which part of the map one camera edit repaints: its marker and cone, old and new, and the
whole grid cell when the edit changes how crowded that cell looks."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from contrechamp.ui.map.camera_layer import CameraDrawing
from contrechamp.ui.map.camera_points import CameraPoints, pixels_per_metre
from contrechamp.ui.map.camera_tiles import WorldRect
from contrechamp.ui.map.sprites import TICK_PX

__all__ = ["Place", "place_of", "touched_by"]

_SLACK_PX = 4.0  # antialiasing and rounding around a sprite


@dataclass(frozen=True, slots=True)
class Place:
    """Where a camera is drawn: world position, status group and field-of-view radius."""

    x: float
    y: float
    group: int
    radius_m: float


def place_of(cams: CameraPoints, cam_id: str) -> Place | None:
    """Return where a camera of a live set is drawn (None for an unknown id)."""
    row = cams.index_of(cam_id)
    if row is None:
        return None
    fov = cams.fov(row)
    return Place(float(cams.x[row]), float(cams.y[row]), int(cams.group[row]), fov.radius_m)


def touched_by(
    drawing: CameraDrawing,
    before: CameraPoints,
    after: CameraPoints,
    places: list[Place | None],
    zoom: float,
) -> list[WorldRect]:
    """Return the world rectangles whose tiles at ``zoom`` change when a camera goes from
    one place to another (either may be None: added, removed)."""
    rects = []
    for place in places:
        if place is None:
            continue
        rects.append(_footprint(drawing, place, zoom))
        if zoom >= drawing.cone_zoom:
            rects += _crowding_changes(drawing, before, after, place, zoom)
    return rects


def _footprint(drawing: CameraDrawing, place: Place, zoom: float) -> WorldRect:
    """Return the box of a camera's marker, tick and (zoomed in) cone."""
    reach = drawing.marker_px / 2 + 1 + TICK_PX + _SLACK_PX
    if zoom >= drawing.cone_zoom and drawing.show_fov:
        ppm = float(pixels_per_metre(place.y, zoom))
        reach = max(reach, place.radius_m * ppm + _SLACK_PX)
    r = reach / 2.0**zoom
    return place.x - r, place.y - r, place.x + r, place.y + r


def _crowding_changes(
    drawing: CameraDrawing, before: CameraPoints, after: CameraPoints, place: Place, zoom: float
) -> list[WorldRect]:
    """Return the cells around a place (grown by the farthest reach) whose cameras change
    look because the edit crossed a crowding threshold there."""
    ground, screen = drawing.grids(zoom)
    rects = []
    for scale, limit in ((ground, drawing.cones_per_cell), (screen, drawing.ticks_per_cell)):
        counts = [_cell_count(drawing, cams, place, scale) for cams in (before, after)]
        if (counts[0] <= limit) != (counts[1] <= limit):
            rects.append(_cell_reach(drawing, place, scale, zoom))
    return rects


def _cell_count(drawing: CameraDrawing, cams: CameraPoints, place: Place, scale: float) -> int:
    """Return how many shown cameras of a set share the grid cell of a place."""
    col, row = math.floor(place.x * scale), math.floor(place.y * scale)
    inside = (np.floor(cams.x * scale) == col) & (np.floor(cams.y * scale) == row)
    return int(np.count_nonzero(inside & drawing.shown[cams.group]))


def _cell_reach(drawing: CameraDrawing, place: Place, scale: float, zoom: float) -> WorldRect:
    """Return the box every camera of the place's grid cell can draw into."""
    col, row = math.floor(place.x * scale), math.floor(place.y * scale)
    margin = drawing.margin_px(zoom, place.y) / 2.0**zoom
    return (
        col / scale - margin,
        row / scale - margin,
        (col + 1) / scale + margin,
        (row + 1) / scale + margin,
    )
