"""The OSM node as read from a file, and the coordinate check shared by the OSM readers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from contrechamp.core.errors import InputError

__all__ = ["OsmNode", "check_position"]


@dataclass(frozen=True, slots=True)
class OsmNode:
    """One OSM node as read from a file.

    ``id`` is negative for nodes not yet uploaded (JOSM files, osmChange ``<create>``);
    ``version`` is None when the file carries none. ``action`` is JOSM's ``action`` attribute
    when present, or the osmChange block (``"create"``/``"modify"``) the node came from.
    """

    id: int
    version: int | None
    lat: float
    lon: float
    tags: Mapping[str, str]
    action: str | None = None


def check_position(path: Path, node_id: int, lat: float, lon: float) -> None:
    """Raise ``InputError("osm.coordinates")`` unless lat/lon are finite WGS 84 degrees."""
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise InputError(
            f"{path.name}: node {node_id} has coordinates out of range ({lat}, {lon})",
            "osm.coordinates",
        )
