"""Small MBTiles files made by the tests: one flat colour per tile, stored in TMS rows."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from PIL import Image


def tile_color(zoom: int, x: int, y: int) -> tuple[int, int, int]:
    """The colour the sample gives XYZ tile (zoom, x, y): distinct for every tile."""
    return (40 + (x * 37) % 200, 40 + (y * 53) % 200, 40 + zoom * 10)


def png(color: tuple[int, int, int]) -> bytes:
    """A 256-px PNG of one colour."""
    out = io.BytesIO()
    Image.new("RGB", (256, 256), color).save(out, format="PNG")
    return out.getvalue()


def make_mbtiles(path: Path, zoom: int, xs: range, ys: range, image_format: str = "png") -> Path:
    """Write an MBTiles file with tiles (zoom, x, y) for x in xs, y in ys (XYZ numbering)."""
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE metadata (name TEXT, value TEXT);"
        "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER,"
        " tile_data BLOB);"
    )
    meta = {"name": "sample", "format": image_format, "minzoom": str(zoom), "maxzoom": str(zoom)}
    meta["attribution"] = "Sample tiles"
    db.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    rows = [(zoom, x, (1 << zoom) - 1 - y, png(tile_color(zoom, x, y))) for x in xs for y in ys]
    db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
    db.commit()
    db.close()
    return path
