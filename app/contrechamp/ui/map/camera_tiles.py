"""The camera layer as cached transparent 256-px tiles, so a pan costs blits whatever the density.

Tiles are painted from unchanging snapshots of the cameras (``CameraScene``). A frame paints
the tiles it lacks in the GUI thread within a small time budget (always those an edit dropped,
so an edit shows in the very next frame); the rest, and the ring around the view, are painted
in a worker thread and shown when ready. An edit drops only the tiles it touches; a tile
painted from data older than the last edit is thrown away.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from contrechamp.ui.map.camera_layer import CameraDrawing
from contrechamp.ui.map.camera_points import CameraPoints
from contrechamp.ui.map.projection import TILE_PX, Viewport
from contrechamp.ui.map.tile_cache import TileCache, TileKey, TileRenderer

__all__ = [
    "CameraLayerTiles",
    "CameraScene",
    "CameraSet",
    "WorldRect",
    "snap_zoom",
]

WorldRect = tuple[float, float, float, float]  # x0, y0, x1, y1 in world units
_ZOOM_STEP = 0.25
FRAME_BUDGET_S = 0.025  # on screen, missing tiles beyond this are left to the worker


def snap_zoom(zoom: float) -> float:
    """Return the grid zoom of camera tiles: the nearest quarter zoom, like the base map."""
    return round(zoom / _ZOOM_STEP) * _ZOOM_STEP


@dataclass(frozen=True, slots=True)
class CameraSet:
    """One snapshot of cameras, how it is drawn, and the row left for live drawing (if any)."""

    drawing: CameraDrawing
    cams: CameraPoints
    skip: int | None = None


@dataclass(frozen=True, slots=True)
class CameraScene:
    """What the camera tiles show; ``key`` names the layer toggles it was drawn under."""

    key: Hashable
    sets: Sequence[CameraSet]

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        """Paint one tile; None when no camera reaches it."""
        size = TILE_PX / 2.0**zoom
        view = Viewport((x + 0.5) * size, (y + 0.5) * size, zoom, TILE_PX, TILE_PX)
        if not any(self._reaches(one, view) for one in self.sets):
            return None
        image = QImage(TILE_PX, TILE_PX, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            for one in self.sets:
                one.drawing.paint(painter, view, one.cams, one.skip)
        finally:
            painter.end()
        return image

    @staticmethod
    def _reaches(one: CameraSet, view: Viewport) -> bool:
        """Tell whether a set has a shown camera near enough to draw into the view."""
        rows = one.cams.visible(view, one.drawing.shown, one.drawing.reach_px(view))
        return len(rows) > (1 if one.skip is not None and one.skip in rows else 0)


class CameraLayerTiles(TileCache):
    """The camera tiles of every layer toggle, with counters for tests and benchmarks
    (``rendered``: tiles painted in the frame, ``rendered_ahead``: in the worker)."""

    failure = "a camera tile failed in the worker (%s)"  # the frame paints it instead

    def __init__(self, capacity: int = 160) -> None:
        super().__init__(capacity, threads=1)
        self.rendered = self.rendered_ahead = 0
        self.last_complete = False  # whether the last frame had every one of its tiles
        self._urgent: set[tuple[float, int, int]] = set()  # dropped by an edit: paint now
        self._deadline: float | None = None  # of the frame being painted

    def clear(self) -> None:
        """Forget every tile (the cameras were replaced)."""
        self._forget()
        self._urgent.clear()

    def drop(
        self, touched: Callable[[float], Sequence[WorldRect]], scene_key: Hashable
    ) -> list[TileKey]:
        """Forget the tiles of ``scene_key`` meeting the world rectangles ``touched(zoom)``
        names for their zoom, and every tile of other layer toggles; return the keys of
        ``scene_key`` dropped."""
        self.epoch += 1
        rects: dict[float, Sequence[WorldRect]] = {}
        dropped = []
        for key in list(self._images):
            if key[0] != scene_key:
                del self._images[key]
                continue
            if key[1] not in rects:
                rects[key[1]] = touched(key[1])
            if any(_meets(_tile_rect(key), rect) for rect in rects[key[1]]):
                del self._images[key]
                dropped.append(key)
        self._urgent |= {key[1:] for key in dropped}
        return dropped

    def cached(self, scene: CameraScene, zoom: float) -> set[tuple[int, int]]:
        """Return the (x, y) of the tiles cached for a scene at a grid zoom."""
        return {(k[2], k[3]) for k in self._images if k[0] == scene.key and k[1] == zoom}

    def paint(self, painter: QPainter, view: Viewport, scene: CameraScene, request: bool) -> None:
        """Blit the view's tiles, painting the missing ones now; with ``request`` those beyond
        the frame's budget, and the ring around the view, are painted in a worker (meanwhile
        the last complete zoom's tiles stand in for them, scaled)."""
        zoom = snap_zoom(view.zoom)
        self._deadline = time.perf_counter() + FRAME_BUDGET_S if request else None
        keys, self.last_complete = self._compose(painter, view, scene, zoom)
        if request:
            self._request(scene, view, zoom, keys, ahead=True)

    def _paint_now(self, renderer: TileRenderer, key: TileKey) -> bool:
        """Paint a missing tile now: always without a deadline or when an edit dropped it,
        else while the frame's budget lasts."""
        urgent = key[1:] in self._urgent
        if self._deadline is not None and not urgent and time.perf_counter() > self._deadline:
            return False
        self._urgent.discard(key[1:])
        self._store(key, renderer.render(key[1], key[2], key[3]))
        self.rendered += 1
        return True

    def _keep(self, key: TileKey, image: QImage | None, failed: bool) -> bool:
        """Keep a tile painted ahead; a failed one is left to the frame."""
        if failed:
            return False
        self.rendered_ahead += 1
        self._urgent.discard(key[1:])
        self._store(key, image)
        return True


def _tile_rect(key: TileKey) -> WorldRect:
    """Return the world rectangle a tile covers."""
    size = TILE_PX / 2.0 ** key[1]
    return key[2] * size, key[3] * size, (key[2] + 1) * size, (key[3] + 1) * size


def _meets(a: WorldRect, b: WorldRect) -> bool:
    """Tell whether two world rectangles overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
