"""Read raster tiles from an MBTiles file (SQLite, TMS rows: y counts from the south)."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from contrechamp.core.errors import InputError
from contrechamp.formats.limits import checked_size
from contrechamp.formats.numbers import parse_decimal, parse_integer

__all__ = ["MBTiles", "MBTilesInfo", "xyz_to_tms_row"]

MAX_MBTILES_BYTES = 64 * 1024 * 1024 * 1024
_RASTER_FORMATS = frozenset({"png", "jpg", "jpeg", "webp"})


@dataclass(frozen=True, slots=True)
class MBTilesInfo:
    """The metadata a viewer needs: image format, zoom range, bounds and attribution."""

    name: str
    image_format: str
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None
    attribution: str


def xyz_to_tms_row(zoom: int, y: int) -> int:
    """Return the MBTiles (TMS) row of the XYZ tile row ``y`` at ``zoom``.

    >>> xyz_to_tms_row(1, 0), xyz_to_tms_row(3, 2)
    (1, 5)
    """
    return (1 << zoom) - 1 - y


class MBTiles:
    """An MBTiles file opened read-only; ``tile`` is safe to call from worker threads."""

    def __init__(self, path: Path) -> None:
        checked_size(path, MAX_MBTILES_BYTES)
        self.path = path
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise InputError(f"{path.name}: cannot open ({exc})", "mbtiles.corrupt") from None
        try:
            self.info = self._read_info()
        except (sqlite3.Error, InputError) as exc:
            self._db.close()
            if isinstance(exc, InputError):
                raise
            raise InputError(
                f"{path.name}: not a readable MBTiles file ({exc})", "mbtiles.corrupt"
            ) from None
        if self.info.image_format not in _RASTER_FORMATS:
            self.close()
            raise InputError(
                f"{path.name}: {self.info.image_format} tiles are not raster images",
                "mbtiles.format",
            )

    def tile(self, zoom: int, x: int, y: int) -> bytes | None:
        """Return the image bytes of XYZ tile (zoom, x, y), or None when the file lacks it."""
        if zoom < 0 or not (0 <= x < (1 << zoom) and 0 <= y < (1 << zoom)):
            return None
        query = "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?"
        try:
            with self._lock:
                row = self._db.execute(query, (zoom, x, xyz_to_tms_row(zoom, y))).fetchone()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path.name}: damaged tile ({exc})", "mbtiles.corrupt") from None
        return None if row is None or row[0] is None else bytes(row[0])

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> MBTiles:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _read_info(self) -> MBTilesInfo:
        """Read the metadata table, falling back on the tiles themselves for the zoom range."""
        meta = dict(self._db.execute("SELECT name, value FROM metadata").fetchall())
        zooms = self._db.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        if zooms is None or zooms[0] is None:
            raise InputError(f"{self.path.name}: the MBTiles file has no tiles", "mbtiles.empty")
        return MBTilesInfo(
            name=str(meta.get("name", self.path.stem)),
            image_format=str(meta.get("format", "png")).lower(),
            min_zoom=_int(meta.get("minzoom"), int(zooms[0])),
            max_zoom=_int(meta.get("maxzoom"), int(zooms[1])),
            bounds=_bounds(meta.get("bounds")),
            attribution=str(meta.get("attribution", "")),
        )


def _int(value: object, default: int) -> int:
    """Parse an integer metadata value, or return ``default``."""
    try:
        return parse_integer(str(value))
    except ValueError:
        return default


def _bounds(value: object) -> tuple[float, float, float, float] | None:
    """Parse ``west,south,east,north`` metadata, or None when absent or malformed."""
    try:
        west, south, east, north = (parse_decimal(part.strip()) for part in str(value).split(","))
    except ValueError:
        return None
    return west, south, east, north
