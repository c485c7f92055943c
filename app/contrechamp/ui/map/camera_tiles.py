"""The camera layer as cached transparent 256-px tiles, so a pan costs blits whatever the density.

Tiles are painted from unchanging snapshots of the cameras (``CameraScene``). A frame paints
the tiles it lacks in the GUI thread within a small time budget (always those an edit dropped,
so an edit shows in the very next frame); the rest, and the ring around the view, are painted
in a worker thread and shown when ready. An edit drops only the tiles it touches; a tile
painted from data older than the last edit is thrown away.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QRectF, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPainter

from contrechamp.ui.map.camera_layer import CameraDrawing
from contrechamp.ui.map.camera_points import CameraPoints
from contrechamp.ui.map.projection import TILE_PX, Viewport
from contrechamp.ui.map.tile_layer import tile_cells, tile_origin

__all__ = [
    "CameraLayerTiles",
    "CameraScene",
    "CameraSet",
    "CameraTileKey",
    "WorldRect",
    "snap_zoom",
]

WorldRect = tuple[float, float, float, float]  # x0, y0, x1, y1 in world units
CameraTileKey = tuple[Hashable, float, int, int]  # scene key, grid zoom, x, y
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


class _Signals(QObject):
    """Lives on the GUI thread, so finished tiles are delivered there."""

    finished = Signal(object, int, object, bool)  # key, epoch, QImage | None, rendered


class _Job(QRunnable):
    """Paints one tile ahead of a pan, unless the view moved away before it started."""

    def __init__(
        self,
        scene: CameraScene,
        key: CameraTileKey,
        epoch: int,
        signals: _Signals,
        wanted: Callable[[CameraTileKey], bool],
    ) -> None:
        super().__init__()
        self._scene, self._key, self._epoch = scene, key, epoch
        self._signals, self._wanted = signals, wanted

    def run(self) -> None:
        """Paint the tile and hand it to the GUI thread."""
        rendered, image = False, None
        if self._wanted(self._key):
            _, zoom, x, y = self._key
            try:
                image = self._scene.render(zoom, x, y)
                rendered = True
            except Exception:  # must not kill the pool thread; the frame paints it instead
                rendered = False
        try:
            self._signals.finished.emit(self._key, self._epoch, image, rendered)
        except RuntimeError:  # the map was closed meanwhile
            return


class CameraLayerTiles(QObject):
    """LRU cache of camera tiles, with counters (renders, hits) for tests and benchmarks."""

    tiles_changed = Signal()  # a tile of the latest frame was painted in the worker

    def __init__(self, capacity: int = 160) -> None:
        super().__init__()
        self.capacity = capacity
        self.rendered = self.rendered_ahead = self.hits = 0
        self.epoch = 0  # bumped by every change of the cameras
        self._images: OrderedDict[CameraTileKey, QImage | None] = OrderedDict()
        self._pending: set[CameraTileKey] = set()
        self._wanted: frozenset[CameraTileKey] = frozenset()
        self._shown: frozenset[CameraTileKey] = frozenset()
        self._urgent: set[tuple[float, int, int]] = set()  # dropped by an edit: paint now
        self._complete: dict[Hashable, float] = {}  # scene key -> last zoom shown complete
        self.pool = QThreadPool(self)  # created first: destroyed last, after its jobs end
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_job_finished)

    def clear(self) -> None:
        """Forget every tile (the cameras were replaced)."""
        self.epoch += 1
        self._images.clear()
        self._urgent.clear()
        self._complete.clear()

    def drop(
        self, touched: Callable[[float], Sequence[WorldRect]], scene_key: Hashable
    ) -> list[CameraTileKey]:
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
        deadline = time.perf_counter() + FRAME_BUDGET_S if request else None
        keys = [(scene.key, zoom, x, y) for x, y in tile_cells(view, zoom)]
        self._shown = frozenset(keys)
        missing = []
        for key in keys:
            if not self._has(scene, key, deadline):
                missing.append(key)
            elif (image := self._images[key]) is not None:
                painter.drawImage(_screen_rect(view, key), image)
        if missing:
            self._stand_in(painter, view, scene, missing)
        else:
            self._complete[scene.key] = zoom
        if request:
            self._request_ahead(view, scene, zoom)

    def _has(self, scene: CameraScene, key: CameraTileKey, deadline: float | None) -> bool:
        """Tell whether a tile is cached, painting it now when missing: always without a
        deadline or when an edit dropped it, else while the frame's budget lasts."""
        if key in self._images:
            self.hits += 1
            self._images.move_to_end(key)
            return True
        urgent = key[1:] in self._urgent
        if deadline is not None and not urgent and time.perf_counter() > deadline:
            return False
        self._urgent.discard(key[1:])
        self._store(key, scene.render(key[1], key[2], key[3]))
        self.rendered += 1
        return True

    def _stand_in(
        self, painter: QPainter, view: Viewport, scene: CameraScene, missing: list[CameraTileKey]
    ) -> None:
        """Fill missing tiles from the cached tiles of the last complete zoom, scaled."""
        zoom = self._complete.get(scene.key)
        if zoom is None or zoom == missing[0][1]:
            return
        old = [(scene.key, zoom, x, y) for x, y in tile_cells(view, zoom)]
        images = [(_screen_rect(view, k), self._images.get(k)) for k in old]
        painter.save()
        for key in missing:
            area = _screen_rect(view, key)
            painter.setClipRect(area)
            for rect, image in images:
                if image is not None and rect.intersects(area):
                    painter.drawImage(rect, image)
        painter.restore()

    def _request_ahead(self, view: Viewport, scene: CameraScene, zoom: float) -> None:
        """Queue the view's missing tiles and the ring just outside it (nearest first)."""
        ring = replace(view, width=view.width + 2 * TILE_PX, height=view.height + 2 * TILE_PX)
        keys = [(scene.key, zoom, x, y) for x, y in tile_cells(ring, zoom)]
        self._wanted = frozenset(keys)
        for priority, key in enumerate(keys):
            if key in self._images or key in self._pending:
                continue
            self._pending.add(key)
            job = _Job(scene, key, self.epoch, self._signals, self._is_wanted)
            self.pool.start(job, -priority)

    def _is_wanted(self, key: CameraTileKey) -> bool:
        """Tell whether the latest frame still wants a tile (called from the worker)."""
        return key in self._wanted

    @Slot(object, int, object, bool)
    def _on_job_finished(
        self, key: CameraTileKey, epoch: int, image: QImage | None, rendered: bool
    ) -> None:
        """Keep a tile painted ahead, unless the cameras changed while it was painted."""
        self._pending.discard(key)
        if not rendered or key in self._images:
            return
        if epoch == self.epoch:
            self.rendered_ahead += 1
            self._urgent.discard(key[1:])
            self._store(key, image)
        if key in self._shown:  # show it, or (stale) ask for it again with the next frame
            self.tiles_changed.emit()

    def _store(self, key: CameraTileKey, image: QImage | None) -> None:
        """Put a tile (None: an empty one) in the LRU cache."""
        self._images[key] = image
        self._images.move_to_end(key)
        while len(self._images) > self.capacity:
            self._images.popitem(last=False)


def _screen_rect(view: Viewport, key: CameraTileKey) -> QRectF:
    """Return where a tile is drawn in a view (whole pixels when not scaled)."""
    left, top, size = tile_origin(view, key[1])
    return QRectF(key[2] * size - left, key[3] * size - top, size, size)


def _tile_rect(key: CameraTileKey) -> WorldRect:
    """Return the world rectangle a tile covers."""
    size = TILE_PX / 2.0 ** key[1]
    return key[2] * size, key[3] * size, (key[2] + 1) * size, (key[3] + 1) * size


def _meets(a: WorldRect, b: WorldRect) -> bool:
    """Tell whether two world rectangles overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
