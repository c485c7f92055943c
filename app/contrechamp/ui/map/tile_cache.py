"""One tile cache for the map's layers: 256-px images in an LRU, painted ahead in a thread pool.

The base map and the camera layer each subclass ``TileCache`` and say only what differs: how
a tile is painted (their renderer's ``render``), what keys it (the renderer's key and a grid
zoom), what a tile missing from a frame becomes, and what drops tiles. This module composes a
frame from the cached tiles (the last complete zoom, scaled, stands in for the missing ones),
queues the tiles a frame wants in the pool, nearest the view's centre first, skips those the
view has left before they start, and hands each one back on the GUI thread with the epoch
(the count of changes of what the tiles show) it was painted in.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import ClassVar, Protocol

from PySide6.QtCore import QObject, QPointF, QRectF, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPainter

from contrechamp.logs import log_exception
from contrechamp.ui.map.projection import TILE_PX, Viewport
from contrechamp.ui.map.tile_sources import tile_range

__all__ = [
    "TileCache",
    "TileJob",
    "TileKey",
    "TileRenderer",
    "TileSignals",
    "tile_cells",
    "tile_origin",
]

TileKey = tuple[Hashable, float, int, int]  # renderer's key, grid zoom, x, y
_log = logging.getLogger(__name__)


class TileRenderer(Protocol):
    """What paints a layer's tiles (a base map source, a snapshot of the cameras)."""

    @property
    def key(self) -> Hashable:
        """Name what the tiles show; part of every cached tile's key."""
        ...

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        """Return the tile (x, y) of the grid at ``zoom``, or None for no image."""
        ...


class _WantedTiles:
    """The tiles the latest frame wants, read by the pool's jobs.

    A job holds this and never the cache: the last reference to a cache (a closed map)
    must not go with a finished job in a pool thread, where deleting it, and the pool it
    owns, crashes.
    """

    __slots__ = ("keys",)

    def __init__(self) -> None:
        self.keys: frozenset[TileKey] = frozenset()

    def __call__(self, key: TileKey) -> bool:
        """Tell whether the latest frame still wants a tile."""
        return key in self.keys


class TileSignals(QObject):
    """Lives on the GUI thread, so finished tiles are delivered there."""

    finished = Signal(object, int, object, bool, bool)  # key, epoch, image, rendered, failed


class TileJob(QRunnable):
    """Paints one tile in a pool thread, unless the view moved away before it started."""

    def __init__(
        self,
        renderer: TileRenderer,
        key: TileKey,
        epoch: int,
        signals: TileSignals,
        wanted: Callable[[TileKey], bool],
        failure: str,
    ) -> None:
        super().__init__()
        self._renderer, self._key, self._epoch = renderer, key, epoch
        self._signals, self._wanted, self._failure = signals, wanted, failure

    def run(self) -> None:
        """Paint the tile and hand it to the GUI thread."""
        image, rendered, failed = None, False, False
        if self._wanted(self._key):
            _, zoom, x, y = self._key
            try:
                image, rendered = self._renderer.render(zoom, x, y), True
            except Exception:  # a broken renderer must not kill the pool thread
                # The renderer's type only: the tile's zoom and numbers would say where one is.
                log_exception(_log, self._failure, type(self._renderer).__name__)
                failed = True
        try:
            self._signals.finished.emit(self._key, self._epoch, image, rendered, failed)
        except RuntimeError:  # the map was closed while this tile was painted
            return


class TileCache(QObject):
    """LRU cache of one layer's tiles and the pool painting them, with counters for tests
    and benchmarks (``hits``, ``misses``: tiles of a frame found cached or not)."""

    tiles_changed = Signal()  # a tile the latest frame shows was painted in the pool
    failure: ClassVar[str] = "a map tile failed (%s)"  # logged with the renderer's type

    def __init__(self, capacity: int, threads: int) -> None:
        super().__init__()
        self.capacity = capacity
        self.hits = self.misses = 0
        self.epoch = 0  # bumped by every change of what the tiles show
        self._images: OrderedDict[TileKey, QImage | None] = OrderedDict()  # None: empty
        self._pending: set[TileKey] = set()
        self._wanted = _WantedTiles()
        self._shown: frozenset[TileKey] = frozenset()
        self._complete: dict[Hashable, float] = {}  # renderer key -> last zoom shown complete
        # the pool is created first so that, as children are destroyed in creation order,
        # it waits for running jobs before the object they report to goes away
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._signals = TileSignals(self)
        self._signals.finished.connect(self._on_job_finished)

    def pending(self) -> int:
        """Return how many tiles are queued or being painted."""
        return len(self._pending)

    def _keep(self, key: TileKey, image: QImage | None, failed: bool) -> bool:
        """Keep a tile the pool painted (``failed``: its renderer raised); return whether the
        frame changed. Here: store it, a failed one as empty."""
        self._store(key, image)
        return True

    def _known_blank(self, key: TileKey) -> bool:
        """Tell whether a tile that is not cached needs no painting (none here)."""
        return False

    def _paint_now(self, renderer: TileRenderer, key: TileKey) -> bool:
        """Paint a missing tile of the frame in the GUI thread; return whether it did (never
        here: the pool paints it)."""
        return False

    def _forget(self) -> None:
        """Drop every tile: what they show changed (one painted before is thrown away)."""
        self.epoch += 1
        self._images.clear()
        self._complete.clear()

    def _compose(
        self, painter: QPainter, view: Viewport, renderer: TileRenderer, zoom: float
    ) -> tuple[list[TileKey], bool]:
        """Draw the view's tiles at a grid zoom, the last complete zoom's standing in for the
        missing ones; return the view's keys (centre first) and whether none was missing."""
        keys = [(renderer.key, zoom, x, y) for x, y in tile_cells(view, zoom)]
        self._shown = frozenset(keys)
        left, top, size = tile_origin(view, zoom)
        missing = []
        for key in keys:
            if not self._ready(renderer, key):
                missing.append(key)
            elif (image := self._images.get(key)) is not None:
                _draw(painter, image, key[2] * size - left, key[3] * size - top, size)
        if missing:
            self._stand_in(painter, view, renderer.key, missing)
        else:
            self._complete[renderer.key] = zoom
        return keys, not missing

    def _ready(self, renderer: TileRenderer, key: TileKey) -> bool:
        """Tell whether a tile of the frame can be drawn: cached (a hit, kept fresh in the
        LRU order), known to have no image, or painted now."""
        if key in self._images:
            self.hits += 1
            self._images.move_to_end(key)
            return True
        self.misses += 1
        return self._known_blank(key) or self._paint_now(renderer, key)

    def _stand_in(
        self, painter: QPainter, view: Viewport, renderer_key: Hashable, missing: list[TileKey]
    ) -> None:
        """Fill missing tiles from the cached tiles of the last complete zoom, scaled (clipped
        to the missing tiles: the layer's tiles may be transparent)."""
        zoom = self._complete.get(renderer_key)
        if zoom is None or zoom == missing[0][1]:
            return
        old = [(renderer_key, zoom, x, y) for x, y in tile_cells(view, zoom)]
        images = [(_screen_rect(view, k), self._images.get(k)) for k in old]
        painter.save()
        for key in missing:
            area = _screen_rect(view, key)
            painter.setClipRect(area)
            for rect, image in images:
                if image is not None and rect.intersects(area):
                    painter.drawImage(rect, image)
        painter.restore()

    def _request(
        self, renderer: TileRenderer, view: Viewport, zoom: float, keys: list[TileKey], ahead: bool
    ) -> None:
        """Queue the view's tiles ``keys`` that are neither cached nor being painted (nearest
        the centre first), then with ``ahead`` the ring just outside the view, for smooth pans."""
        if ahead:
            ring = replace(view, width=view.width + 2 * TILE_PX, height=view.height + 2 * TILE_PX)
            shown = set(keys)
            around = ((renderer.key, zoom, x, y) for x, y in tile_cells(ring, zoom))
            keys = keys + [key for key in around if key not in shown]
        self._wanted.keys = frozenset(keys)
        for priority, key in enumerate(keys):
            if key in self._images or key in self._pending or self._known_blank(key):
                continue
            self._pending.add(key)
            job = TileJob(renderer, key, self.epoch, self._signals, self._wanted, self.failure)
            self.pool.start(job, -priority)

    @Slot(object, int, object, bool, bool)
    def _on_job_finished(
        self, key: TileKey, epoch: int, image: QImage | None, rendered: bool, failed: bool = False
    ) -> None:
        """Keep a tile from the pool, unless what the tiles show changed while it was painted;
        repaint when the latest frame shows it (a stale one is then asked for again)."""
        self._pending.discard(key)
        if not (rendered or failed) or key in self._images:
            return  # skipped, or painted meanwhile in the GUI thread
        changed = epoch != self.epoch or self._keep(key, image, failed)
        if changed and key in self._shown:
            self.tiles_changed.emit()

    def _store(self, key: TileKey, image: QImage | None) -> None:
        """Put a tile (None: an empty one) in the LRU cache."""
        self._images[key] = image
        self._images.move_to_end(key)
        while len(self._images) > self.capacity:
            self._images.popitem(last=False)


def _draw(painter: QPainter, image: QImage, x: float, y: float, size: float) -> None:
    """Draw a tile at (x, y), scaled when the view is between grid zooms."""
    if size == TILE_PX:
        painter.drawImage(QPointF(x, y), image)
    else:
        painter.drawImage(QRectF(x, y, size, size), image)


def _screen_rect(view: Viewport, key: TileKey) -> QRectF:
    """Return where a tile is drawn in a view (whole pixels when not scaled)."""
    left, top, size = tile_origin(view, key[1])
    return QRectF(key[2] * size - left, key[3] * size - top, size, size)


def tile_cells(view: Viewport, zoom: float) -> list[tuple[int, int]]:
    """Return the (x, y) of the grid tiles at ``zoom`` covering the view, centre first."""
    s = 2.0 ** (view.zoom - zoom)
    left = view.center_x * 2.0**zoom - view.width / 2 / s
    top = view.center_y * 2.0**zoom - view.height / 2 / s
    last = tile_range(zoom) - 1
    x0, x1 = (
        max(0, math.floor(left / TILE_PX)),
        min(last, math.floor((left + view.width / s) / TILE_PX)),
    )
    y0, y1 = (
        max(0, math.floor(top / TILE_PX)),
        min(last, math.floor((top + view.height / s) / TILE_PX)),
    )
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    cells = [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    cells.sort(key=lambda c: (c[0] - cx) ** 2 + (c[1] - cy) ** 2)
    return cells


def tile_origin(view: Viewport, zoom: float) -> tuple[float, float, float]:
    """Return the view's top-left in pixels of the view's zoom, and the size of a grid tile
    at ``zoom`` on screen: tile (x, y) is drawn at (x × size − left, y × size − top)."""
    s = 2.0 ** (view.zoom - zoom)
    left = view.center_x * 2.0**view.zoom - view.width / 2
    top = view.center_y * 2.0**view.zoom - view.height / 2
    if s == 1.0:
        left, top = round(left), round(top)
    return left, top, TILE_PX * s
