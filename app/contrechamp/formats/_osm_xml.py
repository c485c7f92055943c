"""Stream OSM XML and osmChange through expat, refusing DTDs, and keep the camera nodes."""

from __future__ import annotations

import bz2
import gzip
import io
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from contrechamp.core.errors import InputError
from contrechamp.formats._osm_node import OsmNode, check_position
from contrechamp.formats._xml_stream import XmlBudget, feed_xml, hardened_parser
from contrechamp.formats.numbers import parse_decimal, parse_integer

__all__ = ["read_xml_cameras"]

_ROOTS = frozenset({"osm", "osmChange"})
_BLOCKS = frozenset({"create", "modify", "delete"})


def read_xml_cameras(path: Path, *, compression: str = "") -> list[OsmNode]:
    """Return the camera nodes of an OSM XML or osmChange file (optionally bz2/gzip).

    The caller has checked the file size; decompressed bytes, and the length of any one tag
    or text, are capped here too (see ``_xml_stream``).
    """
    collector = _CameraCollector(path)
    parser = hardened_parser(collector.hostile)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    try:
        with _open(path, compression) as stream:
            feed_xml(parser, stream, XmlBudget(path, "osm.hostile"))
    except expat.ExpatError as exc:
        raise InputError(f"{path.name}: damaged OSM XML ({exc})", "osm.corrupt") from None
    except (OSError, EOFError, ValueError, LookupError) as exc:
        # LookupError: an unknown encoding in the XML declaration.
        raise InputError(f"{path.name}: damaged file ({exc})", "osm.corrupt") from None
    return collector.cameras


def _open(path: Path, compression: str) -> io.BufferedIOBase:
    """Open an OSM XML file for reading bytes, decompressing bz2 or gzip."""
    if compression == "bz2":
        return bz2.open(path, "rb")
    if compression == "gz":
        return gzip.open(path, "rb")
    return open(path, "rb")


class _CameraCollector:
    """Expat callbacks that keep each node with man_made=surveillance as an OsmNode."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cameras: list[OsmNode] = []
        self._node: dict[str, str] | None = None
        self._tags: dict[str, str] = {}
        self._block: str | None = None
        self._depth = 0

    def hostile(self, *_args: object) -> NoReturn:
        """Stop at a DOCTYPE or entity declaration (billion laughs, external files)."""
        raise InputError(
            f"{self.path.name}: XML with a DOCTYPE or entity declaration is refused",
            "osm.hostile",
        )

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Note a node's attributes and its tags; check the root element."""
        self._depth += 1
        if name == "tag":
            if self._node is not None:
                self._add_tag(attrs)
        elif name == "node":
            if self._node is not None:  # only one of the two could be kept
                self._corrupt("a <node> inside another <node>")
            self._node, self._tags = attrs, {}
        elif name in _BLOCKS:
            self._block = name
        elif self._depth == 1 and name not in _ROOTS:
            self._corrupt(f"not an OSM XML file (root element <{name}>)")

    def end(self, name: str) -> None:
        """Finish a node or an osmChange block."""
        self._depth -= 1
        if name == "node":
            if self._tags.get("man_made") == "surveillance" and self._node is not None:
                self._keep(self._node)
            self._node = None
        elif name in _BLOCKS:
            self._block = None

    def _add_tag(self, attrs: dict[str, str]) -> None:
        """Record one ``<tag k= v=>`` of the open node."""
        try:
            self._tags[attrs["k"]] = attrs["v"]
        except KeyError:
            self._corrupt("a <tag> without k or v")

    def _keep(self, attrs: dict[str, str]) -> None:
        """Append the open node unless it is deleted."""
        action = attrs.get("action")
        if action == "delete" or self._block == "delete" or attrs.get("visible") == "false":
            return
        node_id, version, lat, lon = self._identity(attrs)
        check_position(self.path, node_id, lat, lon)
        self.cameras.append(OsmNode(node_id, version, lat, lon, self._tags, action or self._block))

    def _identity(self, attrs: dict[str, str]) -> tuple[int, int | None, float, float]:
        """Parse id, version and position of a node."""
        try:
            node_id = parse_integer(attrs["id"])
            version = parse_integer(attrs["version"]) if "version" in attrs else None
            lat, lon = parse_decimal(attrs["lat"]), parse_decimal(attrs["lon"])
            return node_id, version if version else None, lat, lon
        except (KeyError, ValueError):
            self._corrupt(f"a camera node with a missing or bad id, version or position: {attrs}")

    def _corrupt(self, what: str) -> NoReturn:
        """Stop parsing: the file is not valid OSM XML."""
        raise InputError(f"{self.path.name}: damaged OSM XML ({what[:200]})", "osm.corrupt")
