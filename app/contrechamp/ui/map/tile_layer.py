"""The base map layer: 256-px tile images painted or fetched in worker threads, composed per frame.

A frame only blits cached tiles (about 1 ms for a full view); missing tiles are read from disk
when kept there from an earlier run (vector tiles, ``tile_folder``), else requested from a
thread pool, and the frame shows the last complete zoom level, scaled, meanwhile.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QImage, QPainter

from contrechamp.ui.map.projection import Viewport
from contrechamp.ui.map.tile_cache import TileCache, TileKey, TileRenderer, tile_cells
from contrechamp.ui.map.tile_sources import TileProvider, VectorProvider

__all__ = ["TileLayer"]

_MISSING_RETRY_S = 30.0


class TileLayer(TileCache):
    """The tiles of the current base map source, with counters for tests and benchmarks
    (``rendered``: tiles got from the source, painted or read from disk, in this thread or
    in the pool)."""

    failure = "a base map tile failed (%s)"

    def __init__(self, provider: TileProvider, capacity: int = 160) -> None:
        super().__init__(capacity, max(1, min(4, QThreadPool.globalInstance().maxThreadCount())))
        self.provider = provider
        self.rendered = 0
        self.last_complete = False  # whether the last frame had every one of its tiles
        self._whole_once = False  # whether a frame of this source had them all
        self._missing: dict[TileKey, float] = {}

    def set_provider(self, provider: TileProvider) -> None:
        """Switch the source; tiles of the old one are dropped."""
        self.provider = provider
        self._whole_once = False
        self._forget()
        self._missing.clear()
        self._wanted.keys = frozenset()
        self.tiles_changed.emit()

    def paint(self, painter: QPainter, view: Viewport, request: bool = True) -> bool:
        """Draw the view's tiles; return True when every tile was in the cache.

        Once the view is complete, only local sources paint the ring around it ahead:
        online tiles are fetched for what is viewed (OSM.md §5).
        """
        zoom = self.provider.tile_zoom(view.zoom)
        keys, complete = self._compose(painter, view, self.provider, zoom)
        self.last_complete = complete
        self._whole_once = self._whole_once or complete
        if request:
            self._request(self.provider, view, zoom, keys, complete and self.provider.prefetch)
        return complete

    def fill(self, view: Viewport) -> int:
        """Render the view's missing tiles in the calling thread; return how many it rendered."""
        zoom = self.provider.tile_zoom(view.zoom)
        count = 0
        for x, y in tile_cells(view, zoom):
            key = (self.provider.key, zoom, x, y)
            if key not in self._images and not self._known_blank(key):
                self._store(key, self.provider.render(zoom, x, y))
                count += 1
        return count

    def _paint_now(self, renderer: TileRenderer, key: TileKey) -> bool:
        """Until a frame of this source was whole, read a missing tile kept on disk in this
        thread (about 1 ms), so that the first frame of an area shown before is whole at
        once; return whether it did. Later the pool reads them: a pan never waits for one."""
        if self._whole_once or not isinstance(renderer, VectorProvider):
            return False
        image = renderer.kept_tile(key[1], key[2], key[3])
        if image is None:
            return False
        self._store(key, image)
        return True

    def _known_blank(self, key: TileKey) -> bool:
        """Tell whether the source recently had no image for this tile."""
        when = self._missing.get(key)
        return when is not None and time.monotonic() - when < _MISSING_RETRY_S

    def _store(self, key: TileKey, image: QImage | None) -> None:
        """Put a tile in the LRU cache (or remember that the source has none)."""
        self.rendered += 1
        if image is None:
            self._missing[key] = time.monotonic()
            return
        super()._store(key, image)
