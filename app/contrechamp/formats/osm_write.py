"""Write camera nodes as a JOSM .osm file or an osmChange .osc file (standard library only)."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from contrechamp import GENERATOR
from contrechamp.formats._atomic import atomic_bytes_writer, atomic_text_writer

__all__ = [
    "OsmWriteNode",
    "josm_node",
    "osmchange_xml",
    "unwritable_xml_text",
    "write_josm",
    "write_josm_parts",
    "write_osmchange",
]

# Characters XML 1.0 cannot carry at all, even as character references (OSM cannot store
# them either): C0 controls other than tab/LF/CR, surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile('[&<>"\t\n\r]')
# Tab, LF and CR become references so that attribute normalisation keeps them.
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;",
     "\r": "&#13;"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class OsmWriteNode:
    """A camera node to write. Negative ``id`` = new node (no version); positive = existing
    node, whose ``version`` (> 0) is required. ``modified`` drives JOSM's ``action="modify"``
    (always set for new nodes). Raises ``ValueError`` on an inconsistent id/version or
    coordinates out of range, and on tags XML cannot carry (see ``unwritable_xml_text``).
    """

    id: int
    version: int | None
    lat: float
    lon: float
    tags: Mapping[str, str]
    modified: bool = True

    def __post_init__(self) -> None:
        if self.id == 0:
            raise ValueError("OSM node id 0 does not exist")
        if self.id > 0 and (self.version is None or self.version <= 0):
            raise ValueError(f"existing node {self.id} needs its version (> 0)")
        if self.id < 0 and self.version is not None:
            raise ValueError(f"new node {self.id} cannot have a version")
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise ValueError(f"node {self.id}: coordinates out of range ({self.lat}, {self.lon})")
        bad = unwritable_xml_text(self.tags)
        if bad is not None:
            raise ValueError(f"node {self.id}: tag {bad!r} has characters XML cannot carry")


def unwritable_xml_text(tags: Mapping[str, str]) -> str | None:
    """Return the first tag key whose key or value XML 1.0 cannot carry, or None if all can.

    Such characters (NUL and other control characters, lone surrogates) are refused rather
    than stripped: silently changing a tag would hide it from the user.
    """
    # One search over all the text first: tags are nearly always fine, and this runs per node.
    if not _NOT_XML.search("".join(tags) + "".join(tags.values())):
        return None
    for key, value in tags.items():
        if _NOT_XML.search(key) or _NOT_XML.search(value):
            return key
    return None


def write_josm(path: Path, nodes: Iterable[OsmWriteNode], *, upload: bool = True) -> None:
    """Write ``nodes`` as a JOSM ``.osm`` file atomically; ``upload=False`` makes it review-only."""
    with atomic_text_writer(path) as out:
        out.write(_josm_head(upload))
        _NodeWriter(out, indent="  ").nodes(nodes, _josm_action)
        out.write(_JOSM_END)


def write_josm_parts(path: Path, parts: Iterable[bytes], *, upload: bool = True) -> None:
    """Write a JOSM ``.osm`` file atomically from its ``<node>`` elements, already in UTF-8
    (``josm_node``, ``formats.osm_fast``): the same bytes ``write_josm`` writes."""
    newline = os.linesep.encode()  # what the text stream of write_josm writes for "\n"
    with atomic_bytes_writer(path) as out:
        for part in (_josm_head(upload).encode(), *parts, _JOSM_END.encode()):
            out.write(part if newline == b"\n" else part.replace(b"\n", newline))


def josm_node(node: OsmWriteNode) -> str:
    """One ``<node>`` element as ``write_josm`` writes it (without the check that no node id
    is given twice, which needs the whole file).

    >>> print(josm_node(OsmWriteNode(-1, None, 1.5, 2.0, {"a": "1 & 2"})), end="")
      <node id="-1" action="modify" lat="1.5000000" lon="2.0000000">
        <tag k="a" v="1 &amp; 2"/>
      </node>
    """
    return _NodeWriter(io.StringIO(), indent="  ").node(node, _josm_action(node))


_JOSM_END = "</osm>\n"


def _josm_head(upload: bool) -> str:
    """The XML declaration and the ``<osm>`` start tag of a JOSM file."""
    refuse = "" if upload else ' upload="false"'
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        f'<osm version="0.6" generator="{_escape(GENERATOR)}"{refuse}>\n'
    )


def _josm_action(node: OsmWriteNode) -> str:
    """JOSM uploads nodes marked modified; new nodes always are."""
    return ' action="modify"' if node.modified or node.id < 0 else ""


def _no_action(_: OsmWriteNode) -> str:
    """osmChange blocks say what happens; nodes carry no action attribute."""
    return ""


def write_osmchange(
    path: Path,
    create: Iterable[OsmWriteNode],
    modify: Iterable[OsmWriteNode],
    delete: Iterable[OsmWriteNode] = (),
    *,
    changeset: int | None = None,
) -> None:
    """Write an osmChange ``.osc`` file atomically (see ``osmchange_xml`` for the rules)."""
    blocks = _checked_blocks(create, modify, delete)
    with atomic_text_writer(path) as out:
        _write_osmchange(out, blocks, changeset)


def osmchange_xml(
    create: Iterable[OsmWriteNode],
    modify: Iterable[OsmWriteNode],
    delete: Iterable[OsmWriteNode] = (),
    *,
    changeset: int | None = None,
) -> str:
    """Return an osmChange document: ``<create>`` takes new nodes (negative ids, no version),
    ``<modify>`` and ``<delete>`` existing ones (id + version). ``changeset`` stamps every node
    for an API upload. Raises ``ValueError`` when a node is in the wrong block.
    """
    out = io.StringIO()
    _write_osmchange(out, _checked_blocks(create, modify, delete), changeset)
    return out.getvalue()


def _checked_blocks(
    create: Iterable[OsmWriteNode],
    modify: Iterable[OsmWriteNode],
    delete: Iterable[OsmWriteNode],
) -> dict[str, list[OsmWriteNode]]:
    """Return the three blocks, refusing existing nodes in <create> and new ones elsewhere."""
    blocks = {"create": list(create), "modify": list(modify), "delete": list(delete)}
    for node in blocks["create"]:
        if node.id > 0:
            raise ValueError(f"node {node.id} already exists: it cannot be created")
    for node in (*blocks["modify"], *blocks["delete"]):
        if node.id < 0:
            raise ValueError(f"new node {node.id} can only be created")
    return blocks


def _write_osmchange(
    out: TextIO, blocks: Mapping[str, list[OsmWriteNode]], changeset: int | None
) -> None:
    """Write the osmChange root and its non-empty blocks."""
    out.write("<?xml version='1.0' encoding='UTF-8'?>\n")
    out.write(f'<osmChange version="0.6" generator="{_escape(GENERATOR)}">\n')
    writer = _NodeWriter(out, indent="    ", changeset=changeset)
    for name, nodes in blocks.items():
        if not nodes:
            continue
        out.write(f"  <{name}>\n")
        writer.nodes(nodes, _no_action)
        out.write(f"  </{name}>\n")
    out.write("</osmChange>\n")


class _NodeWriter:
    """Writes ``<node>`` elements with their ``<tag>`` children to a stream.

    Each (key, value) is escaped once per file and its ``<tag>`` line reused: camera tags
    repeat a lot, and escaping every tag took most of the export time.
    """

    def __init__(self, out: TextIO, *, indent: str, changeset: int | None = None) -> None:
        self._out = out
        self._indent = indent
        self._stamp = "" if changeset is None else f' changeset="{changeset}"'
        self._tag_lines: dict[tuple[str, str], str] = {}
        self._ids: set[int] = set()  # JOSM and the API refuse a node given twice

    def nodes(self, nodes: Iterable[OsmWriteNode], action: Callable[[OsmWriteNode], str]) -> None:
        """Write ``<node>`` elements, ``action(node)`` giving each one's JOSM action or ""."""
        batch: list[str] = []
        seen = self._ids
        for node in nodes:
            if node.id in seen:
                raise ValueError(f"node {node.id} appears twice")
            seen.add(node.id)
            batch.append(self.node(node, action(node)))
            if len(batch) == 1000:  # fewer, larger writes
                self._out.write("".join(batch))
                batch.clear()
        self._out.write("".join(batch))

    def node(self, node: OsmWriteNode, action: str) -> str:
        """Return one ``<node>`` element with its tags."""
        version = "" if node.version is None else f' version="{node.version}"'
        head = (
            f'{self._indent}<node id="{node.id}"{version}{self._stamp}{action}'
            f' lat="{node.lat:.7f}" lon="{node.lon:.7f}"'
        )
        if not node.tags:
            return head + "/>\n"
        return f"{head}>\n{self._tags(node.tags)}{self._indent}</node>\n"

    def _tags(self, tags: Mapping[str, str]) -> str:
        """Return the ``<tag>`` lines of a node."""
        lines = self._tag_lines
        try:
            return "".join([lines[item] for item in tags.items()])
        except KeyError:
            for key, value in tags.items():
                if (key, value) not in lines:
                    lines[key, value] = self._tag(key, value)
            return "".join([lines[item] for item in tags.items()])

    def _tag(self, key: str, value: str) -> str:
        """Return one escaped ``<tag k= v=/>`` element line."""
        return f'{self._indent}  <tag k="{_escape(key)}" v="{_escape(value)}"/>\n'


def _escape(text: str) -> str:
    """Escape text for a double-quoted XML attribute, keeping tabs and line breaks."""
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text
