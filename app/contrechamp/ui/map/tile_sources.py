"""Where base map tiles come from: the local vector extract (default), MBTiles, or online XYZ."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QImage

from contrechamp.ui.map.online_tiles import USER_AGENT, TileFetcher
from contrechamp.ui.map.tile_folder import KEPT_AT_MOST_ZOOM, TileFolder
from contrechamp.ui.map.vector_basemap import VectorBaseMap

if TYPE_CHECKING:
    from contrechamp.formats.mbtiles import MBTiles

__all__ = [
    "OSM_ATTRIBUTION",
    "MBTilesFile",
    "OnlineTiles",
    "TileProvider",
    "TileSource",
    "VectorTiles",
    "provider_for",
]

OSM_ATTRIBUTION = "© OpenStreetMap contributors"
_VECTOR_ZOOM_STEP = 0.25


@dataclass(frozen=True, slots=True)
class VectorTiles:
    """The base map rendered locally from the survey's OSM extract (the default)."""


@dataclass(frozen=True, slots=True)
class MBTilesFile:
    """Raster tiles from an MBTiles file the user provides."""

    path: Path


@dataclass(frozen=True, slots=True)
class OnlineTiles:
    """Online XYZ tiles, only when the user turns them on; the URL is configurable."""

    url: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    cache_dir: Path | None = None
    attribution: str = OSM_ATTRIBUTION
    max_zoom: int = 19
    user_agent: str = field(default=USER_AGENT)


TileSource = VectorTiles | MBTilesFile | OnlineTiles


class TileProvider(Protocol):
    """What the tile cache needs from a source."""

    key: str  # unique to the source's content, part of every cached tile's key
    attribution: str  # shown in the map corner
    prefetch: bool  # whether tiles around the view may be painted ahead

    def tile_zoom(self, zoom: float) -> float:
        """Return the zoom of the tile grid used to show ``zoom``."""
        ...

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        """Return the tile image, or None when the source has none (runs in a worker)."""
        ...


class VectorProvider:
    """Tiles painted from the area's features, at quarter zoom steps so text is never scaled.

    With ``folder`` (the user's tile cache), the tiles of the overview zooms are kept there
    between runs (``tile_folder``) and read back instead of painted.
    """

    prefetch = True

    def __init__(
        self, basemap: VectorBaseMap, generation: int, dpr: float = 1.0, folder: Path | None = None
    ) -> None:
        self.basemap = basemap
        self.dpr = dpr  # the screen's device pixel ratio: tiles are sharp on HiDPI screens
        self.key = f"vector:{generation}@{dpr:g}"
        self.attribution = OSM_ATTRIBUTION
        self._root = folder if len(basemap) else None  # an empty area is quick to paint
        self._kept: TileFolder | None = None
        self._lock = threading.Lock()

    def tile_zoom(self, zoom: float) -> float:
        """Snap to the nearest quarter zoom."""
        return round(zoom / _VECTOR_ZOOM_STEP) * _VECTOR_ZOOM_STEP

    def kept(self) -> TileFolder | None:
        """The folder of this area's kept tiles (named on first use), or None without one."""
        if self._root is None:
            return None
        with self._lock:
            if self._kept is None:
                self._kept = TileFolder(self._root, self.basemap.digest(self.dpr))
            return self._kept

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        """Read the kept tile, or paint it (an empty area gives the plain background) and keep
        it."""
        image = self.kept_tile(zoom, x, y)
        if image is None:
            image = self.basemap.render_tile(zoom, x, y, self.dpr)
            kept = self._kept_at(zoom)
            if kept is not None:
                kept.write(zoom, x, y, image)
        return image

    def kept_tile(self, zoom: float, x: int, y: int) -> QImage | None:
        """Return the tile when it is kept on disk, else None (asked in the window's thread,
        so that a frame shows it at once)."""
        kept = self._kept_at(zoom)
        return None if kept is None else kept.read(zoom, x, y, self.dpr)

    def _kept_at(self, zoom: float) -> TileFolder | None:
        """The folder of kept tiles for tiles of ``zoom``; None past the zooms kept (the
        area's digest is then not worked out)."""
        return None if zoom > KEPT_AT_MOST_ZOOM else self.kept()


class MBTilesProvider:
    """Tiles decoded from an MBTiles file; beyond its zoom range the nearest level is scaled."""

    prefetch = True

    def __init__(self, mbtiles: MBTiles) -> None:
        self.mbtiles = mbtiles
        self.key = f"mbtiles:{mbtiles.path}"
        self.attribution = mbtiles.info.attribution or OSM_ATTRIBUTION

    def tile_zoom(self, zoom: float) -> float:
        """Use the nearest integer zoom the file holds."""
        info = self.mbtiles.info
        return float(min(max(round(zoom), info.min_zoom), info.max_zoom))

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        """Decode the tile, or None when the file lacks it or holds no valid image."""
        data = self.mbtiles.tile(int(zoom), x, y)
        return _decoded(data)


class OnlineProvider:
    """Tiles from an XYZ server, through the disk cache; never prefetched (OSM tile policy)."""

    prefetch = False

    def __init__(self, source: OnlineTiles) -> None:
        cache = source.cache_dir or _default_cache_dir()
        self.fetcher = TileFetcher(source.url, cache, source.user_agent)
        self.source = source
        self.key = f"online:{source.url}"
        self.attribution = source.attribution

    def tile_zoom(self, zoom: float) -> float:
        """Use the nearest integer zoom up to the server's maximum."""
        return float(min(max(round(zoom), 0), self.source.max_zoom))

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        """Fetch (or read from the disk cache) and decode one tile."""
        count = 1 << int(zoom)
        if not (0 <= x < count and 0 <= y < count):
            return None
        return _decoded(self.fetcher.tile(int(zoom), x, y))


def provider_for(
    source: TileSource,
    basemap: VectorBaseMap,
    generation: int,
    dpr: float = 1.0,
    folder: Path | None = None,
) -> TileProvider:
    """Return the provider of a tile source (opening an MBTiles file may raise InputError);
    ``folder``: where vector tiles are kept between runs (None: nowhere)."""
    if isinstance(source, MBTilesFile):
        from contrechamp.formats.mbtiles import MBTiles  # only for a user's MBTiles file

        return MBTilesProvider(MBTiles(source.path))
    if isinstance(source, OnlineTiles):
        return OnlineProvider(source)
    return VectorProvider(basemap, generation, dpr, folder)


def tile_range(zoom: float) -> int:
    """Return how many tiles span the world at a (possibly fractional) grid zoom."""
    return math.ceil(float(2.0**zoom))


def _decoded(data: bytes | None) -> QImage | None:
    """Decode image bytes; None for missing or undecodable data."""
    if not data:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def _default_cache_dir() -> Path:
    """Return the per-user cache folder for online tiles."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base or Path.home() / ".cache" / "contrechamp") / "tiles"
