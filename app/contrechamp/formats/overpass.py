"""Read existing cameras from an Overpass API answer saved as JSON (``[out:json]...out meta;``)."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn, TypeGuard

from contrechamp.core.errors import InputError
from contrechamp.formats._json_input import load_json
from contrechamp.formats._osm_node import OsmNode, check_position
from contrechamp.formats.numbers import finite_float

__all__ = ["is_overpass_answer", "overpass_cameras", "read_overpass_json"]

_GEOJSON_TYPES = frozenset({"FeatureCollection", "Feature"})


def read_overpass_json(path: Path) -> list[OsmNode]:
    """Return the nodes tagged man_made=surveillance of an Overpass JSON answer, in order.

    Ways, relations and other nodes are ignored. ``version`` is None unless the query asked
    for ``out meta``. An answer the server cut short (a ``remark`` reporting a runtime error,
    such as a timeout) is refused rather than read partially. Raises ``InputError``
    (``overpass.json``, ``overpass.shape``, ``overpass.incomplete``, ``osm.coordinates``,
    ``file.*``).
    """
    return overpass_cameras(path, load_json(path, "overpass"))


def is_overpass_answer(document: object) -> bool:
    """Tell an Overpass answer (``elements``, or only a ``remark`` when the server failed)
    from GeoJSON, which may carry any other member but always has a GeoJSON ``type``."""
    if not isinstance(document, dict) or str(document.get("type")) in _GEOJSON_TYPES:
        return False
    return "elements" in document or "remark" in document


def overpass_cameras(path: Path, document: object) -> list[OsmNode]:
    """The camera nodes of an Overpass answer already parsed from ``path`` (see
    ``read_overpass_json``)."""
    if isinstance(document, dict):
        remark = document.get("remark")
        if isinstance(remark, str) and "error" in remark.lower():
            said = " ".join("".join(c if c.isprintable() else " " for c in remark).split())
            _fail(path, "overpass.incomplete", f"the Overpass server stopped early: {said[:200]}")
    if not isinstance(document, dict) or not isinstance(document.get("elements"), list):
        _fail(path, "overpass.shape", 'not an Overpass JSON answer (no "elements" list)')
    cameras: list[OsmNode] = []
    for element in document["elements"]:
        if not isinstance(element, dict):
            _fail(path, "overpass.shape", "an element is not an object")
        if element.get("type") == "node" and _is_camera(path, element):
            cameras.append(_node(path, element))
    return cameras


def _is_camera(path: Path, element: dict[str, object]) -> bool:
    """True when a node element is tagged man_made=surveillance (tags checked to be text)."""
    tags = element.get("tags", {})
    if not isinstance(tags, dict):
        _fail(path, "overpass.shape", f"node {element.get('id')!r}: tags must be an object")
    return tags.get("man_made") == "surveillance"


def _node(path: Path, element: dict[str, object]) -> OsmNode:
    """Return one camera node, checking every field's type."""
    node_id, version = element.get("id"), element.get("version")
    lat, lon, tags = element.get("lat"), element.get("lon"), element.get("tags")
    if not _is_int(node_id) or not (version is None or _is_int(version)):
        _fail(path, "overpass.shape", f"node {node_id!r}: id and version must be integers")
    if not (_is_number(lat) and _is_number(lon)):
        _fail(path, "overpass.shape", f"node {node_id}: lat and lon must be numbers")
    if not isinstance(tags, dict) or not all(isinstance(value, str) for value in tags.values()):
        _fail(path, "overpass.shape", f"node {node_id}: tag values must be text")
    north, east = finite_float(lat), finite_float(lon)
    if north is None or east is None:
        _fail(path, "osm.coordinates", f"node {node_id}: a coordinate is too large")
    check_position(path, node_id, north, east)
    return OsmNode(node_id, version if version else None, north, east, tags)


def _is_int(value: object) -> TypeGuard[int]:
    """True for a JSON integer (not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> TypeGuard[int | float]:
    """True for a JSON number (not a boolean)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _fail(path: Path, code: str, detail: str) -> NoReturn:
    """Raise the InputError of a bad Overpass file."""
    raise InputError(f"{path.name}: {detail}", code)
