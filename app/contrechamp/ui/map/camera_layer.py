"""How a set of cameras is drawn: fields of view where there is room, lighter marks where crowded.

Zoomed out, cameras are square markers stamped in one batch (see point_raster.py). Zoomed in,
each camera's look depends on how crowded its neighbourhood is, counted on world grids (so the
choice is the same in every tile): a field-of-view cone and a marker where few cameras share a
cell about as wide as two default cones (~70 m: cones overlap the same at any zoom), else a
marker with a short direction tick, or a square where even markers would pile up in a 64-px cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPainter

from contrechamp.core.direction import Sector
from contrechamp.core.fov import FieldOfView, FovKind
from contrechamp.core.tags import read_camera
from contrechamp.ui.map.camera_points import MAX_REACH_M, CameraPoints, pixels_per_metre
from contrechamp.ui.map.point_raster import PointGroup, paint_point_groups
from contrechamp.ui.map.projection import Viewport
from contrechamp.ui.map.sprites import CameraSprites
from contrechamp.ui.map.style import CameraStyle

__all__ = [
    "CONE",
    "CONES_PER_CELL",
    "POINT",
    "TICK",
    "TICKS_PER_CELL",
    "CameraDrawing",
    "CameraPoints",
    "direction_of",
]

CONE, TICK, POINT = 0, 1, 2  # how one camera is drawn zoomed in, by the crowding of its cell
CONE_CELL_WORLD = 80.0 / 2.0**17  # 80 px at zoom 17: about 70 m at mid latitudes
CONES_PER_CELL = 6  # at most this many cameras in a ~70-m cell: cones
TICKS_PER_CELL = 48  # at most this many in a 64-px cell: markers with a tick, else squares


def direction_of(tags: Mapping[str, str]) -> float | None:
    """Return the bearing the direction handle starts from: the first direction's bearing, or
    the middle of its range; None when no direction is tagged.

    Domes and full circles too: their field of view is a circle, but the walker still typed
    (or dragged) a direction, and the handle must show it.
    """
    direction = read_camera(tags).direction.value
    if direction is None or not direction.parts:
        return None
    first = direction.parts[0]
    if isinstance(first, Sector):
        return (first.start.degrees + first.span / 2) % 360.0
    return first.degrees % 360.0


@dataclass(frozen=True, slots=True)
class CameraDrawing:
    """How to draw one camera set in one frame or tile."""

    styles: Sequence[CameraStyle]  # by group
    shown: NDArray[np.bool_]  # by group
    show_fov: bool
    cone_zoom: float  # below this zoom cameras are points
    marker_px: float
    sprites: CameraSprites
    hollow: bool = False  # cameras already in OSM: a ring, not a dot
    cones_per_cell: int = CONES_PER_CELL
    cell_px: int = 64  # the screen grid where markers pile up
    ticks_per_cell: int = TICKS_PER_CELL

    def paint(
        self, painter: QPainter, view: Viewport, cams: CameraPoints, skip: int | None = None
    ) -> bool:
        """Draw the visible cameras of the set (but row ``skip``); return True when zoomed in
        enough for fields of view."""
        zoomed_in = view.zoom >= self.cone_zoom
        rows = cams.visible(view, self.shown, self.reach_px(view))
        if skip is not None:
            rows = rows[rows != skip]
        if len(rows) == 0:
            return zoomed_in
        px = (cams.x[rows] - view.center_x) * view.scale + view.width / 2
        py = (cams.y[rows] - view.center_y) * view.scale + view.height / 2
        if not zoomed_in:
            self._paint_points(painter, view, cams.group[rows], px, py)
            return False
        looks = self.looks(view.zoom, cams, rows)
        self._paint_points(
            painter, view, cams.group[rows[looks == POINT]], *_at(px, py, looks, POINT)
        )
        cones = looks == CONE
        if self.show_fov:
            ppm = pixels_per_metre(cams.y[rows[cones]], view.zoom)
            self._paint_fovs(painter, cams, rows[cones], *_at(px, py, looks, CONE), ppm)
        ticks = looks == TICK
        self._paint_ticks(painter, cams, rows[ticks], *_at(px, py, looks, TICK))
        self._paint_markers(painter, cams, rows[cones], *_at(px, py, looks, CONE))
        return True

    def reach_px(self, view: Viewport) -> float:
        """Return how far outside a view a camera can be and still draw into it."""
        if view.zoom < self.cone_zoom:
            return self.marker_px / 2 + 4.0
        return self.margin_px(view.zoom, view.center_y)

    def margin_px(self, zoom: float, y: float) -> float:
        """Return how far (pixels) from a view near world row ``y`` a camera can be and
        still draw into it."""
        return MAX_REACH_M * float(pixels_per_metre(y, zoom)) * 1.05 + 4.0

    def grids(self, zoom: float) -> tuple[float, float]:
        """Return the two crowding grids at a zoom, in cells per world unit: the ground grid
        (cones or not) and the screen grid (ticks or squares)."""
        return 1.0 / CONE_CELL_WORLD, 2.0**zoom / self.cell_px

    def looks(self, zoom: float, cams: CameraPoints, rows: NDArray[np.intp]) -> NDArray[np.int8]:
        """Return CONE, TICK or POINT for each row, from how crowded its cells are."""
        ground, screen = (cams.density(g, self.shown).counts[rows] for g in self.grids(zoom))
        looks = np.full(len(rows), POINT, dtype=np.int8)
        looks[screen <= self.ticks_per_cell] = TICK
        looks[ground <= self.cones_per_cell] = CONE
        return looks

    def _paint_fovs(
        self,
        painter: QPainter,
        cams: CameraPoints,
        rows: NDArray[np.intp],
        px: NDArray[np.float64],
        py: NDArray[np.float64],
        ppm: NDArray[np.float64],
    ) -> None:
        """Blit each field of view's sprite at its camera (large ones are drawn as paths)."""
        memo: dict[tuple[int, int, float], tuple[QImage | None, int]] = {}
        groups = cams.group[rows].tolist()
        for row, group, x, y, scale in zip(
            rows.tolist(), groups, px.tolist(), py.tolist(), ppm.tolist(), strict=True
        ):
            fov = cams.fov(row)
            key = (id(fov), group, scale)
            if key not in memo:
                sprite = None
                if fov.kind is not FovKind.NONE:
                    sprite = self.sprites.fov(fov, self.styles[group], self.hollow, scale)
                memo[key] = (sprite, 0 if sprite is None else sprite.width() // 2)
            sprite, half = memo[key]
            if sprite is not None:
                painter.drawImage(QPoint(round(x) - half, round(y) - half), sprite)
            elif fov.kind is not FovKind.NONE:
                self._paint_fov_path(painter, fov, self.styles[group], x, y, scale)

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

    def _paint_ticks(
        self,
        painter: QPainter,
        cams: CameraPoints,
        rows: NDArray[np.intp],
        px: NDArray[np.float64],
        py: NDArray[np.float64],
    ) -> None:
        """Blit a marker with short ticks along the directions it films (a ring for domes)."""
        rejected = self._rejected_style()
        memo: dict[tuple[int, int], tuple[QImage, int]] = {}
        groups = cams.group[rows].tolist()
        for row, group, x, y in zip(rows.tolist(), groups, px.tolist(), py.tolist(), strict=True):
            fov = cams.fov(row) if self.show_fov else None
            key = (id(fov), group)
            if key not in memo:
                style = self.styles[group]
                sprite = self.sprites.tick(
                    fov, style, self.hollow, style is rejected, self.marker_px
                )
                memo[key] = (sprite, sprite.width() // 2)
            sprite, half = memo[key]
            painter.drawImage(QPoint(round(x) - half, round(y) - half), sprite)

    def _paint_markers(
        self,
        painter: QPainter,
        cams: CameraPoints,
        rows: NDArray[np.intp],
        px: NDArray[np.float64],
        py: NDArray[np.float64],
    ) -> None:
        """Blit one marker per camera: a dot (a ring for OSM cameras), a cross when rejected."""
        if len(rows) == 0:
            return
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
        """Draw cameras as outlined squares, all groups in one batched image."""
        if len(groups) == 0:
            return
        order = reversed(range(len(self.styles)))  # drafts, which need checking, on top
        layers = [
            PointGroup(
                px[groups == g], py[groups == g], self.styles[g].outline, self.styles[g].fill
            )
            for g in order
            if self.shown[g]
        ]
        paint_point_groups(painter, view.width, view.height, layers, round(self.marker_px))


def _at(
    px: NDArray[np.float64], py: NDArray[np.float64], looks: NDArray[np.int8], look: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return the pixel positions of the cameras drawn with one look."""
    chosen = looks == look
    return px[chosen], py[chosen]
