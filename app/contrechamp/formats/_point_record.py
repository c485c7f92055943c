"""The camera record shared by the generic GIS readers and writers (GeoJSON, CSV)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["META_COLUMNS", "PointRecord", "valid_position"]

META_COLUMNS: tuple[str, ...] = (
    "id",
    "status",
    "source",
    "accuracy_m",
    "created_at",
    "surveyor",
    "osm_id",
    "osm_version",
)
"""Survey bookkeeping a GIS file may carry beside the OSM tags."""


@dataclass(frozen=True, slots=True)
class PointRecord:
    """A camera read from or written to a generic GIS file.

    ``tags`` are the OSM tags; ``meta`` holds the non-OSM columns (see ``META_COLUMNS``),
    all as text. ``tags_json``, when a caller already holds it, is exactly the compact JSON
    text of ``tags`` (``json.dumps(dict(tags), ensure_ascii=False, separators=(",", ":"))``):
    the GeoJSON writer then copies it instead of encoding the tags again.
    """

    lat: float
    lon: float
    tags: Mapping[str, str]
    meta: Mapping[str, str] = field(default_factory=dict)
    tags_json: str | None = None


def valid_position(lat: float, lon: float) -> bool:
    """Return True when lat/lon are finite WGS 84 degrees (lat in [-90, 90], lon in [-180, 180])."""
    return math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90.0 and abs(lon) <= 180.0
