"""The base map layer: 256-px tile images painted or fetched in worker threads, composed per frame.

A frame only blits cached tiles (about 1 ms for a full view); missing tiles are requested
from a thread pool and the frame shows the last complete zoom level, scaled, meanwhile.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QPointF, QRectF, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPainter

from contrechamp.ui.map.projection import TILE_PX, Viewport
from contrechamp.ui.map.tile_sources import TileProvider, tile_range

__all__ = ["TileKey", "TileLayer", "tile_cells", "tile_origin"]

TileKey = tuple[str, float, int, int]
_MISSING_RETRY_S = 30.0


class _TileSignals(QObject):
    """Lives on the GUI thread, so the finished tile is delivered there."""

    finished = Signal(object, object, bool)  # key, QImage | None, rendered


class _TileJob(QRunnable):
    """Renders one tile in a pool thread, unless the view moved away before it started."""

    def __init__(
        self,
        provider: TileProvider,
        key: TileKey,
        signals: _TileSignals,
        wanted: Callable[[TileKey], bool],
    ) -> None:
        super().__init__()
        self._provider, self._key, self._signals, self._wanted = provider, key, signals, wanted

    def run(self) -> None:
        """Render the tile and hand it to the GUI thread."""
        rendered, image = False, None
        if self._wanted(self._key):
            _, zoom, x, y = self._key
            try:
                image = self._provider.render(zoom, x, y)
            except Exception:  # a broken source must not kill the pool thread: tile stays blank
                image = None
            rendered = True
        try:
            self._signals.finished.emit(self._key, image, rendered)
        except RuntimeError:  # the map was closed while this tile was painted
            return


class TileLayer(QObject):
    """Cache of tile images for the current provider, with counters for tests and benchmarks."""

    tiles_changed = Signal()

    def __init__(self, provider: TileProvider, capacity: int = 160) -> None:
        super().__init__()
        self.provider = provider
        self.capacity = capacity
        self.hits = self.misses = self.rendered = 0
        self._images: OrderedDict[TileKey, QImage] = OrderedDict()
        self._missing: dict[TileKey, float] = {}
        self._pending: set[TileKey] = set()
        self._wanted: frozenset[TileKey] = frozenset()
        self._complete_zoom: float | None = None
        # the pool is created first so that, as children are destroyed in creation order,
        # it waits for running jobs before the object they report to goes away
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(1, min(4, QThreadPool.globalInstance().maxThreadCount())))
        self._signals = _TileSignals(self)
        self._signals.finished.connect(self._on_job_finished)

    def set_provider(self, provider: TileProvider) -> None:
        """Switch the source; tiles of the old one are dropped."""
        self.provider = provider
        self._images.clear()
        self._missing.clear()
        self._wanted = frozenset()
        self._complete_zoom = None
        self.tiles_changed.emit()

    def pending(self) -> int:
        """Return how many tiles are being rendered."""
        return len(self._pending)

    def paint(self, painter: QPainter, view: Viewport, request: bool = True) -> bool:
        """Draw the view's tiles; return True when every tile was in the cache."""
        zoom = self.provider.tile_zoom(view.zoom)
        keys = self._visible_keys(view, zoom)
        complete = all(key in self._images or self._is_missing(key) for key in keys)
        if not complete and self._complete_zoom is not None and self._complete_zoom != zoom:
            old = self._visible_keys(view, self._complete_zoom)
            self._blit(painter, view, self._complete_zoom, old, count=False)
        self._blit(painter, view, zoom, keys, count=True)
        if complete:
            self._complete_zoom = zoom
        if request:
            ahead = self._ahead(view, zoom) if complete and self.provider.prefetch else []
            self._wanted = frozenset(keys + ahead)
            self._request(keys + ahead)
        return complete

    def _ahead(self, view: Viewport, zoom: float) -> list[TileKey]:
        """Return the ring of tiles just outside the view, painted ahead for smooth panning.

        Only local sources prefetch: online tiles are fetched for what is viewed (OSM.md §5).
        """
        ring = replace(view, width=view.width + 2 * TILE_PX, height=view.height + 2 * TILE_PX)
        visible = set(self._visible_keys(view, zoom))
        return [key for key in self._visible_keys(ring, zoom) if key not in visible]

    def fill(self, view: Viewport) -> int:
        """Render the view's missing tiles in the calling thread; return how many it rendered."""
        zoom = self.provider.tile_zoom(view.zoom)
        count = 0
        for key in self._visible_keys(view, zoom):
            if key not in self._images and not self._is_missing(key):
                self._store(key, self.provider.render(zoom, key[2], key[3]))
                count += 1
        return count

    def _visible_keys(self, view: Viewport, zoom: float) -> list[TileKey]:
        """Return the keys of the tiles covering the view at a grid zoom, centre first."""
        return [(self.provider.key, zoom, x, y) for x, y in tile_cells(view, zoom)]

    def _blit(
        self, painter: QPainter, view: Viewport, zoom: float, keys: list[TileKey], count: bool
    ) -> None:
        """Draw the cached tiles among ``keys``, scaled when the view is between grid zooms."""
        left, top, size = tile_origin(view, zoom)
        for key in keys:
            image = self._images.get(key)
            if count:
                self._count(key, image)
            if image is None:
                continue
            x, y = key[2] * size - left, key[3] * size - top
            if size == TILE_PX:
                painter.drawImage(QPointF(x, y), image)
            else:
                painter.drawImage(QRectF(x, y, size, size), image)

    def _count(self, key: TileKey, image: QImage | None) -> None:
        """Count a cache hit or miss, keeping hit tiles fresh in the LRU order."""
        if image is None:
            self.misses += 1
        else:
            self.hits += 1
            self._images.move_to_end(key)

    def _request(self, keys: list[TileKey]) -> None:
        """Queue the missing tiles (nearest the centre first)."""
        for priority, key in enumerate(keys):
            if key in self._images or key in self._pending or self._is_missing(key):
                continue
            self._pending.add(key)
            job = _TileJob(self.provider, key, self._signals, self._is_wanted)
            self.pool.start(job, -priority)

    def _is_wanted(self, key: TileKey) -> bool:
        """Tell whether the latest frame still needs a tile (called from pool threads)."""
        return key in self._wanted

    def _is_missing(self, key: TileKey) -> bool:
        """Tell whether the source recently had no image for this tile."""
        when = self._missing.get(key)
        return when is not None and time.monotonic() - when < _MISSING_RETRY_S

    @Slot(object, object, bool)
    def _on_job_finished(self, key: TileKey, image: QImage | None, rendered: bool) -> None:
        """Store a finished tile and ask for a repaint."""
        self._pending.discard(key)
        if not rendered or key[0] != self.provider.key:
            return
        self._store(key, image)
        self.tiles_changed.emit()

    def _store(self, key: TileKey, image: QImage | None) -> None:
        """Put a tile in the LRU cache (or remember that the source has none)."""
        self.rendered += 1
        if image is None:
            self._missing[key] = time.monotonic()
            return
        self._images[key] = image
        self._images.move_to_end(key)
        while len(self._images) > self.capacity:
            self._images.popitem(last=False)


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
