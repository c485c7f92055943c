"""Where the bundled resources (demo area, glossary drawings, map style) are found."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path"]


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. ``resource_path("demo", "helsinki.osm.pbf")``."""
    return _root().joinpath(*parts)
