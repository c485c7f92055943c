"""Cameras on the map: numpy positions for 100k-camera scale, fields of view drawn when zoomed in.

Zoomed out (or when too many are in view) cameras are square markers stamped in one batch
(see point_raster.py); zoomed in each gets its field-of-view and marker sprites.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPainter

from contrechamp.core.fov import FieldOfView, FovKind, field_of_view
from contrechamp.ui.map.point_raster import PointGroup, paint_point_groups
from contrechamp.ui.map.projection import Viewport, world_of, world_of_arrays
from contrechamp.ui.map.sprites import CameraSprites
from contrechamp.ui.map.style import CameraStyle

__all__ = ["CameraDrawing", "CameraPoints", "direction_of"]


def direction_of(tags: Mapping[str, str]) -> float | None:
    """Return the bearing the direction handle starts from: the middle of the first wedge."""
    fov = field_of_view(tags)
    if fov.kind is not FovKind.WEDGES or not fov.sectors:
        return None
    start, end = fov.sectors[0]
    return (start + ((end - start) % 360.0) / 2) % 360.0


_SHAPES: dict[FieldOfView, FieldOfView] = {}


class CameraPoints:
    """One set of cameras (the survey's, or those already in OSM) as parallel arrays."""

    def __init__(self) -> None:
        self.ids: list[Hashable] = []
        self.tags: list[Mapping[str, str]] = []
        self.x = np.empty(0, dtype=np.float64)
        self.y = np.empty(0, dtype=np.float64)
        self.group = np.empty(0, dtype=np.int8)
        self._index: dict[Hashable, int] = {}
        self._fovs: dict[Hashable, FieldOfView] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def replace(
        self, rows: Sequence[tuple[Hashable, float, float, int, Mapping[str, str]]]
    ) -> None:
        """Replace every camera with rows of (id, lat, lon, group, tags)."""
        self.ids = [row[0] for row in rows]
        self.tags = [row[4] for row in rows]
        lat = np.fromiter((row[1] for row in rows), dtype=np.float64, count=len(rows))
        lon = np.fromiter((row[2] for row in rows), dtype=np.float64, count=len(rows))
        self.x, self.y = world_of_arrays(lat, lon)
        self.group = np.fromiter((row[3] for row in rows), dtype=np.int8, count=len(rows))
        self._index = {cam_id: i for i, cam_id in enumerate(self.ids)}
        self._fovs.clear()

    def upsert(
        self, cam_id: Hashable, lat: float, lon: float, group: int, tags: Mapping[str, str]
    ) -> None:
        """Add a camera or update one in place."""
        x, y = world_of(lat, lon)
        i = self._index.get(cam_id)
        if i is None:
            self._index[cam_id] = len(self.ids)
            self.ids.append(cam_id)
            self.tags.append(tags)
            self.x, self.y = np.append(self.x, x), np.append(self.y, y)
            self.group = np.append(self.group, np.int8(group))
        else:
            self.x[i], self.y[i], self.group[i], self.tags[i] = x, y, group, tags
        self._fovs.pop(cam_id, None)

    def remove(self, cam_id: Hashable) -> None:
        """Remove a camera (nothing happens for an unknown id)."""
        i = self._index.pop(cam_id, None)
        if i is None:
            return
        del self.ids[i], self.tags[i]
        self.x, self.y = np.delete(self.x, i), np.delete(self.y, i)
        self.group = np.delete(self.group, i)
        self._index = {cid: j for j, cid in enumerate(self.ids)}
        self._fovs.pop(cam_id, None)

    def index_of(self, cam_id: Hashable) -> int | None:
        """Return the row of a camera id."""
        return self._index.get(cam_id)

    def visible(
        self, view: Viewport, shown: NDArray[np.bool_], margin_px: float
    ) -> NDArray[np.intp]:
        """Return the rows inside the view (grown by a margin) whose group is shown."""
        x0, y0, x1, y1 = view.world_rect(margin_px)
        inside = (self.x >= x0) & (self.x <= x1) & (self.y >= y0) & (self.y <= y1)
        return np.flatnonzero(inside & shown[self.group])

    def nearest(
        self, view: Viewport, px: float, py: float, shown: NDArray[np.bool_], radius_px: float
    ) -> int | None:
        """Return the row of the shown camera nearest to a pixel, within ``radius_px``."""
        rows = self.visible(view, shown, radius_px)
        if len(rows) == 0:
            return None
        wx, wy = view.to_world(px, py)
        dist = np.hypot(self.x[rows] - wx, self.y[rows] - wy) * view.scale
        best = int(np.argmin(dist))
        return int(rows[best]) if dist[best] <= radius_px else None

    def fov(self, row: int) -> FieldOfView:
        """Return the (cached) field of view of a row."""
        cam_id = self.ids[row]
        fov = self._fovs.get(cam_id)
        if fov is None:
            fov = field_of_view(self.tags[row])
            # equal fields of view share one object, so a frame can memoise sprites by id()
            fov = self._fovs[cam_id] = _SHAPES.setdefault(fov, fov)
        return fov


@dataclass(frozen=True, slots=True)
class CameraDrawing:
    """How to draw one camera set in one frame."""

    styles: Sequence[CameraStyle]  # by group
    shown: NDArray[np.bool_]  # by group
    show_fov: bool
    cone_zoom: float  # below this zoom cameras are points
    cone_max: int  # above this many in view, cameras are points
    marker_px: float
    sprites: CameraSprites
    hollow: bool = False  # cameras already in OSM: a ring, not a dot

    def paint(self, painter: QPainter, view: Viewport, cams: CameraPoints) -> bool:
        """Draw the visible cameras of the set; return True when drawn as full cones."""
        cones = view.zoom >= self.cone_zoom
        rows = cams.visible(view, self.shown, 200.0 if cones else 8.0)
        cones = cones and len(rows) <= self.cone_max
        if len(rows) == 0:
            return cones
        px = (cams.x[rows] - view.center_x) * view.scale + view.width / 2
        py = (cams.y[rows] - view.center_y) * view.scale + view.height / 2
        if cones:
            if self.show_fov:
                self._paint_fovs(painter, view, cams, rows, px, py)
            self._paint_markers(painter, cams, rows, px, py)
        else:
            self._paint_points(painter, view, cams.group[rows], px, py)
        return cones

    def _paint_fovs(
        self,
        painter: QPainter,
        view: Viewport,
        cams: CameraPoints,
        rows: NDArray[np.intp],
        px: NDArray[np.float64],
        py: NDArray[np.float64],
    ) -> None:
        """Blit each field of view's sprite at its camera (large ones are drawn as paths)."""
        ppm = 1.0 / view.metres_per_pixel()
        memo: dict[tuple[int, int], tuple[QImage | None, int]] = {}
        groups = cams.group[rows].tolist()
        for row, group, x, y in zip(rows.tolist(), groups, px.tolist(), py.tolist(), strict=True):
            fov = cams.fov(row)
            key = (id(fov), group)
            if key not in memo:
                sprite = None
                if fov.kind is not FovKind.NONE:
                    sprite = self.sprites.fov(fov, self.styles[group], self.hollow, ppm)
                memo[key] = (sprite, 0 if sprite is None else sprite.width() // 2)
            sprite, half = memo[key]
            if sprite is not None:
                painter.drawImage(QPoint(round(x) - half, round(y) - half), sprite)
            elif fov.kind is not FovKind.NONE:
                self._paint_fov_path(painter, fov, self.styles[group], x, y, ppm)

    def _paint_fov_path(
        self,
        painter: QPainter,
        fov: FieldOfView,
        style: CameraStyle,
        x: float,
        y: float,
        ppm: float,
    ) -> None:
        """Draw a field of view too large for a sprite (only a few are ever in view)."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.translate(x, y)
        self.sprites.paint_fov_path(painter, fov, style, self.hollow, ppm)
        painter.restore()

    def _paint_markers(
        self,
        painter: QPainter,
        cams: CameraPoints,
        rows: NDArray[np.intp],
        px: NDArray[np.float64],
        py: NDArray[np.float64],
    ) -> None:
        """Blit one marker per camera: a dot (a ring for OSM cameras), a cross when rejected."""
        rejected = self._rejected_style()
        sprites = [
            self.sprites.marker(style, self.hollow, style is rejected, self.marker_px)
            for style in self.styles
        ]
        half = sprites[0].width() // 2
        groups = cams.group[rows].tolist()
        for group, x, y in zip(groups, px.tolist(), py.tolist(), strict=True):
            painter.drawImage(QPoint(round(x) - half, round(y) - half), sprites[group])

    def _rejected_style(self) -> CameraStyle | None:
        """Return the style of the rejected group (the last one of a survey set)."""
        return None if self.hollow or len(self.styles) < 3 else self.styles[2]

    def _paint_points(
        self,
        painter: QPainter,
        view: Viewport,
        groups: NDArray[np.int8],
        px: NDArray[np.float64],
        py: NDArray[np.float64],
    ) -> None:
        """Draw every camera as an outlined square, all groups in one batched image."""
        order = reversed(range(len(self.styles)))  # drafts, which need checking, on top
        layers = [
            PointGroup(
                px[groups == g], py[groups == g], self.styles[g].outline, self.styles[g].fill
            )
            for g in order
            if self.shown[g]
        ]
        paint_point_groups(painter, view.width, view.height, layers, round(self.marker_px))
