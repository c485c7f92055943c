"""Read camera nodes (man_made=surveillance) from OSM files: .osm.pbf, .osm, .osc, .bz2/.gz."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import osmium

from contrechamp.core.errors import InputError
from contrechamp.formats._osm_node import OsmNode, check_position
from contrechamp.formats._osm_xml import read_xml_cameras
from contrechamp.formats.limits import MAX_PBF_BYTES, MAX_XML_BYTES, checked_size

__all__ = ["OsmNode", "check_position", "osm_file_kind", "read_camera_nodes"]

OsmFileKind = Literal["pbf", "xml", "xml.bz2", "xml.gz"]

_KINDS: tuple[tuple[str, OsmFileKind], ...] = (
    (".pbf", "pbf"),
    (".osm", "xml"),
    (".osc", "xml"),
    (".osm.bz2", "xml.bz2"),
    (".osc.bz2", "xml.bz2"),
    (".osm.gz", "xml.gz"),
    (".osc.gz", "xml.gz"),
)


def osm_file_kind(path: Path) -> OsmFileKind:
    """Return how an OSM file is encoded, from its name; ``InputError("osm.format")`` if unknown."""
    name = path.name.lower()
    for suffix, kind in _KINDS:
        if name.endswith(suffix):
            return kind
    raise InputError(
        f"{path.name}: not an OSM file (expected .osm.pbf, .osm, .osc, .osm.bz2 or .osm.gz)",
        "osm.format",
    )


def read_camera_nodes(path: Path) -> list[OsmNode]:
    """Return every node tagged man_made=surveillance in an OSM file, in file order.

    Tags are kept exactly as written. Deleted nodes (JOSM ``action="delete"``, osmChange
    ``<delete>``, ``visible="false"``) are skipped. XML is read by a streaming expat parser
    that refuses any DOCTYPE or entity declaration before it reads a single element; PBF is
    read by pyosmium. Raises ``InputError`` (``osm.format``, ``osm.corrupt``, ``osm.hostile``,
    ``osm.coordinates``, ``file.*``) and never returns part of a file.
    """
    kind = osm_file_kind(path)
    if kind == "pbf":
        checked_size(path, MAX_PBF_BYTES)
        return _read_pbf(path)
    checked_size(path, MAX_XML_BYTES)
    return read_xml_cameras(path, compression=kind.partition(".")[2])


def _read_pbf(path: Path) -> list[OsmNode]:
    """Read the camera nodes of a PBF file with pyosmium's tag filter."""
    try:
        return _collect_pbf(path)
    except InputError:
        raise
    except (RuntimeError, ValueError, OSError, UnicodeError) as exc:
        raise InputError(f"{path.name}: damaged PBF file ({exc})", "osm.corrupt") from None


def _collect_pbf(path: Path) -> list[OsmNode]:
    """Walk the PBF nodes tagged man_made=surveillance (a tag filter skips the rest in C++)."""
    cameras = osmium.FileProcessor(str(path), osmium.osm.NODE).with_filter(
        osmium.filter.TagFilter(("man_made", "surveillance"))
    )
    found: list[OsmNode] = []
    for node in cameras:
        if not isinstance(node, osmium.osm.Node) or node.deleted:
            continue
        location = node.location
        if not location.valid():
            raise InputError(
                f"{path.name}: node {node.id} has coordinates out of range or none",
                "osm.coordinates",
            )
        tags = {tag.k: tag.v for tag in node.tags}
        version = node.version if node.version > 0 else None
        found.append(OsmNode(node.id, version, location.lat, location.lon, tags))
    return found
