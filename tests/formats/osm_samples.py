"""Helpers shared by the OSM format tests: direct pyosmium reads and small hand-made files."""

from __future__ import annotations

from pathlib import Path

import osmium
from hypothesis import strategies as st

# XML 1.0 cannot carry these characters at all (see osm_write.unwritable_xml_text).
NOT_XML = "".join(chr(i) for i in range(32) if chr(i) not in "\t\n\r") + "\ufffe\uffff"

xml_text = st.text(alphabet=st.characters(codec="utf-8", exclude_characters=NOT_XML))
"""Any text XML can carry: quotes, <, &, tabs, newlines, CR, emoji, every script."""

xml_tags = st.dictionaries(xml_text, xml_text, max_size=8)


def pyosmium_cameras(path: Path) -> dict[int, tuple[int, float, float, dict[str, str]]]:
    """Read the man_made=surveillance nodes with pyosmium directly (the reference reading)."""
    found = {}
    for node in osmium.FileProcessor(str(path), osmium.osm.NODE):
        assert isinstance(node, osmium.osm.Node)
        tags = {tag.k: tag.v for tag in node.tags}
        if tags.get("man_made") == "surveillance":
            found[node.id] = (node.version, node.location.lat, node.location.lon, tags)
    return found


def osm_document(body: str, *, prolog: str = "") -> str:
    """Return an OSM XML document around ``body``, with an optional DOCTYPE prolog."""
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        f'{prolog}<osm version="0.6" generator="test">\n{body}\n</osm>\n'
    )


def camera_xml(node_id: int, *, extra: str = "", lat: str = "43.7", lon: str = "7.4") -> str:
    """Return one camera <node> element with a version when the id is positive."""
    version = ' version="2"' if node_id > 0 else ""
    return (
        f'<node id="{node_id}"{version}{extra} lat="{lat}" lon="{lon}">'
        '<tag k="man_made" v="surveillance"/><tag k="surveillance:type" v="camera"/></node>'
    )
