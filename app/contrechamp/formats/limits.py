"""Size caps for every file the formats layer reads: untrusted input stays bounded."""

from __future__ import annotations

from pathlib import Path

from contrechamp.core.errors import InputError
from contrechamp.formats.held_files import refuse_held

__all__ = [
    "MAX_CSV_BYTES",
    "MAX_JSON_BYTES",
    "MAX_LIST_BYTES",
    "MAX_PBF_BYTES",
    "MAX_XML_BYTES",
    "checked_size",
]

MiB = 1024 * 1024

MAX_PBF_BYTES = 2048 * MiB
"""A whole-country PBF; pyosmium streams it, memory stays small."""

MAX_XML_BYTES = 512 * MiB
"""OSM XML and osmChange, counted after decompression (.bz2/.gz bombs stop here)."""

MAX_CSV_BYTES = 512 * MiB
"""CSV is read row by row."""

MAX_JSON_BYTES = 256 * MiB
"""GeoJSON and Overpass JSON are parsed as a whole document, which takes about ten
times its size in memory; 256 MiB is already ten times a 100,000-camera export."""

MAX_LIST_BYTES = 64 * MiB
"""An official list of cameras is decoded whole (to find its encoding and delimiter); the
largest published ones hold a few thousand rows, well under 1 MiB."""


def checked_size(path: Path, limit: int) -> int:
    """Return the size of ``path`` in bytes after checking it is a readable file under ``limit``.

    Raises ``InputError`` with code ``file.missing``, ``file.unreadable``, ``file.too_large``
    or ``file.held`` (the survey this process has open, which only SQLite may open).
    """
    refuse_held(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path.name}: file not found", "file.missing") from None
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read ({exc.strerror})", "file.unreadable") from None
    if not path.is_file():
        raise InputError(f"{path.name}: not a regular file", "file.unreadable")
    if size > limit:
        raise InputError(
            f"{path.name}: file too large ({size // MiB} MiB, at most {limit // MiB} MiB)",
            "file.too_large",
        )
    return size
