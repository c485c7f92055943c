"""Generated OSM files: a bigger city made of shifted copies of a real one, and camera nodes.

The copies keep every tag and relation, so reading them costs what reading a real city of that
size costs. Ids are renumbered densely (1, 2, … per object type, copy after copy): osmium-tool
sizes its id sets by the largest id, and a file whose ids grow by 10^11 per copy would make
the reference tool look slow for a reason no real extract has.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import osmium
from osmium.osm import mutable

from bench.config import scratch_path
from contrechamp.core.camera import Camera

__all__ = ["write_camera_nodes", "write_tiled_city"]

_KINDS = {"n": osmium.osm.NODE, "w": osmium.osm.WAY, "r": osmium.osm.RELATION}


@dataclass(frozen=True)
class _Numbering:
    """New dense ids for the objects of the source: per type, a map and the count."""

    ids: dict[str, dict[int, int]]

    @classmethod
    def of(cls, source: Path) -> _Numbering:
        """Number the source's nodes, ways and relations 1, 2, … in file order."""
        ids: dict[str, dict[int, int]] = {}
        for key, kind in _KINDS.items():
            objects = osmium.FileProcessor(str(source), kind)
            ids[key] = {obj.id: n for n, obj in enumerate(objects, start=1)}
        return cls(ids)

    def new_id(self, key: str, old: int, copy: int) -> int | None:
        """The id of object ``old`` of type ``key`` in copy ``copy`` (None if not in the file)."""
        index = self.ids[key].get(old)
        return None if index is None else copy * len(self.ids[key]) + index


def _width(source: Path) -> float:
    """The longitude span of the bulk of a file's nodes (relations drag in a few far ones)."""
    lons = [
        node.location.lon
        for node in osmium.FileProcessor(str(source), osmium.osm.NODE)
        if isinstance(node, osmium.osm.Node) and node.location.valid()
    ]
    west, east = np.percentile(np.array(lons), [0.5, 99.5])
    return float(east - west) * 1.05


def _node(node: osmium.osm.Node, ids: _Numbering, copy: int, dx: float) -> mutable.Node:
    loc = node.location
    location = (loc.lon + copy * dx, loc.lat) if loc.valid() else None
    return mutable.Node(node, id=ids.new_id("n", node.id, copy), location=location)


def _way(way: osmium.osm.Way, ids: _Numbering, copy: int) -> mutable.Way:
    refs = [ids.new_id("n", n.ref, copy) for n in way.nodes]
    return mutable.Way(way, id=ids.new_id("w", way.id, copy), nodes=[r for r in refs if r])


def _relation(rel: osmium.osm.Relation, ids: _Numbering, copy: int) -> mutable.Relation:
    """The relation in copy ``copy``; members outside the extract are left out."""
    members = []
    for member in rel.members:
        ref = ids.new_id(member.type, member.ref, copy)
        if ref is not None:
            members.append((member.type, ref, member.role))
    return mutable.Relation(rel, id=ids.new_id("r", rel.id, copy), members=members)


def _write_copy(
    writer: osmium.SimpleWriter, obj: object, ids: _Numbering, copy: int, dx: float
) -> None:
    """Write one object of the source as it is in copy number ``copy``."""
    if isinstance(obj, osmium.osm.Node):
        writer.add_node(_node(obj, ids, copy, dx))
    elif isinstance(obj, osmium.osm.Way):
        writer.add_way(_way(obj, ids, copy))
    elif isinstance(obj, osmium.osm.Relation):
        writer.add_relation(_relation(obj, ids, copy))


def write_tiled_city(source: Path, target: Path, copies: int) -> None:
    """Write ``copies`` side-by-side copies of ``source`` (a PBF) into ``target`` (a PBF)."""
    dx = _width(source)
    ids = _Numbering.of(source)
    partial = scratch_path(target, ".osm.pbf")
    with osmium.SimpleWriter(str(partial)) as writer:
        for kind in _KINDS.values():
            for copy in range(copies):
                for obj in osmium.FileProcessor(str(source), kind):
                    _write_copy(writer, obj, ids, copy, dx)
    partial.replace(target)


def write_camera_nodes(target: Path, cameras: list[Camera]) -> int:
    """Write cameras as OSM nodes 1, 2, … (version 1) into ``target`` (PBF); return the count."""
    partial = scratch_path(target, ".osm.pbf")
    with osmium.SimpleWriter(str(partial)) as writer:
        for number, camera in enumerate(cameras, start=1):
            location = (camera.lon, camera.lat)
            node = mutable.Node(id=number, version=1, location=location, tags=dict(camera.tags))
            writer.add_node(node)
    partial.replace(target)
    return len(cameras)
