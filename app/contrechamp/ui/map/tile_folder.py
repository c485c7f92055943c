"""Base map tiles kept on disk between runs, so that a survey's map shows at once when it opens.

Painting an area's first tiles costs a few hundred milliseconds: the geometry is prepared,
then each tile is painted. Reading a tile back as a PNG costs about a millisecond. So the
base map's tiles are kept in the user's cache folder, one folder per area:

- An area is named by a digest of what its tiles show: the features and the area's box,
  the style, the label font found, the painter's version. A changed extract, style or font
  never shows an old tile.
- Only the zooms a survey opens at are kept (grid zoom ≤ ``KEPT_AT_MOST_ZOOM``, the
  closest view the window opens on), and at most ``TILES_PER_AREA`` tiles per area: the
  first ones painted, those of the opening view among them.
- Only the ``AREAS_KEPT`` areas used last are kept; the others are deleted.
- A tile holds the base map alone: never cameras, the GPS position or the track; its file
  keeps no time (the folder's says when the area was used last, for the rule above).

A file that cannot be read or written only costs the cache: the tile is painted instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStandardPaths, qVersion
from PySide6.QtGui import QFontInfo, QImage, QImageWriter

from contrechamp.core.area import BBox, MapFeature
from contrechamp.ui.map.projection import TILE_PX
from contrechamp.ui.map.style import MapStyle, label_font

__all__ = [
    "AREAS_KEPT",
    "KEPT_AT_MOST_ZOOM",
    "PAINTER_VERSION",
    "TILES_PER_AREA",
    "TileFolder",
    "area_digest",
    "default_tile_folder",
    "forget_old_areas",
]

KEPT_AT_MOST_ZOOM = 18.0
TILES_PER_AREA = 1000  # about 10 MB: a few views of each zoom
AREAS_KEPT = 8
PAINTER_VERSION = 1  # bumped whenever the base map is painted differently for the same style
_PNG_QUALITY = 80  # Qt's PNG writer: zlib level 1, quick to write, a few kB per tile
_log = logging.getLogger(__name__)


def default_tile_folder() -> Path | None:
    """Return the user's folder for base map tiles (None when the system has no cache)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base) / "basemap" if base else None


def area_digest(
    bbox: BBox | None, features: Sequence[MapFeature], style: MapStyle, dpr: float
) -> str:
    """Name what an area's tiles show: its box (line widths follow its latitude) and
    features, the style, the label font found on this system, the painter and the density.

    >>> from contrechamp.core.area import FeatureKind
    >>> from contrechamp.ui.map.style import load_style
    >>> box = BBox(7.42, 43.73, 7.43, 43.74)
    >>> road = MapFeature(FeatureKind.RESIDENTIAL, b"\\x01", "Rue Grimaldi")
    >>> area_digest(box, [road], load_style(), 1.0) == area_digest(box, [road], load_style(), 1.0)
    True
    >>> area_digest(box, [road], load_style(), 1.0) == area_digest(box, [road], load_style(), 2.0)
    False
    """
    head = {
        "painter": PAINTER_VERSION,
        "qt": qVersion(),
        "font": QFontInfo(label_font(12)).family(),
        "dpr": dpr,
        "box": None if bbox is None else [bbox.west, bbox.south, bbox.east, bbox.north],
        "style": style.raw,
    }
    digest = hashlib.blake2b(json.dumps(head, sort_keys=True).encode(), digest_size=16)
    # Each field's lengths first, then the fields joined: one call each, not one per feature.
    names = [feature.name.encode() for feature in features]
    wkbs = [feature.wkb for feature in features]
    kinds = [feature.kind.value for feature in features]
    digest.update(json.dumps([kinds, list(map(len, names)), list(map(len, wkbs))]).encode())
    digest.update(b"".join(names))
    digest.update(b"".join(wkbs))
    return digest.hexdigest()


class TileFolder:
    """The kept tiles of one area: read in the window's thread, written by the pool's.

    The folder's listing is read once, so asking for a tile that is not kept costs no disk
    access; a tile is written to a temporary name and renamed, so a reader never sees half
    of one. The cap of ``TILES_PER_AREA`` may be passed by the few tiles being written at
    once.
    """

    def __init__(self, root: Path, digest: str) -> None:
        self.root = root
        self.folder = root / digest
        self._names: set[str] | None = None
        self._lock = threading.Lock()
        self._used = False

    def _listing(self) -> set[str]:
        with self._lock:
            if self._names is None:
                try:
                    self._names = {n for n in os.listdir(self.folder) if n.endswith(".png")}
                except OSError:
                    self._names = set()
            return self._names

    def has(self, zoom: float, x: int, y: int) -> bool:
        """Tell whether the tile is kept (from the listing: no disk access after the first)."""
        return zoom <= KEPT_AT_MOST_ZOOM and _name(zoom, x, y) in self._listing()

    def read(self, zoom: float, x: int, y: int, dpr: float) -> QImage | None:
        """Return the kept tile, or None when it is not kept or cannot be read (a damaged
        file, or one of another size, is painted again)."""
        if not self.has(zoom, x, y):
            return None
        name = _name(zoom, x, y)
        image = QImage(str(self.folder / name))
        size = round(TILE_PX * dpr)
        if image.isNull() or image.width() != size or image.height() != size:
            self._listing().discard(name)
            return None
        self._note_used()
        image.setDevicePixelRatio(dpr)
        return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)

    def write(self, zoom: float, x: int, y: int, image: QImage) -> None:
        """Keep a painted tile (at a zoom kept, while the area has room); failing to is not an
        error."""
        if zoom > KEPT_AT_MOST_ZOOM or len(self._listing()) >= TILES_PER_AREA:
            return
        name = _name(zoom, x, y)
        target = self.folder / name
        partial = self.folder / f".{name}.{os.getpid()}-{threading.get_ident()}.part"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(_png(image))
            os.utime(partial, (0, 0))  # a tile says nothing of when it was seen
            os.replace(partial, target)
        except OSError as error:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            _log.info("a base map tile was not kept (%s)", type(error).__name__)
            return
        self._listing().add(name)
        if self._note_used():  # in the pool's thread: deleting old areas can take a while
            forget_old_areas(self.root, AREAS_KEPT)

    def _note_used(self) -> bool:
        """Note the area as used now (once per run); return whether this call did."""
        with self._lock:
            if self._used:
                return False
            self._used = True
        with contextlib.suppress(OSError):
            os.utime(self.folder)
        return True


def forget_old_areas(root: Path, kept: int) -> list[Path]:
    """Delete all but the ``kept`` area folders used last; return the deleted ones."""
    try:
        folders = [p for p in root.iterdir() if p.is_dir()]
        folders.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []
    gone = folders[kept:]
    for folder in gone:
        shutil.rmtree(folder, ignore_errors=True)
    return gone


def _png(image: QImage) -> bytes:
    """The tile as PNG bytes (OSError when Qt cannot encode it)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"png")
    writer.setQuality(_PNG_QUALITY)
    if not writer.write(image):
        raise OSError(writer.errorString())
    buffer.close()
    return bytes(data.data())


def _name(zoom: float, x: int, y: int) -> str:
    """The file name of a tile: its grid zoom (quarter steps), column and row.

    >>> _name(14.25, 8530, 5975)
    '14.25-8530-5975.png'
    """
    return f"{zoom:g}-{x}-{y}.png"
