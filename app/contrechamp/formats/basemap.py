"""Read a survey's base map and the cameras already in OSM from an OSM extract (PBF or XML)."""

from __future__ import annotations

import bz2
import gzip
import io
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import osmium
import shapely
from osmium.filter import EntityFilter, KeyFilter, TagFilter
from osmium.geom import WKBFactory
from osmium.osm import Area as OsmArea
from osmium.osm import Node, TagList, Way

from contrechamp.core.area import BBox, ExistingCamera, FeatureKind, MapFeature
from contrechamp.core.collector import collector_paused
from contrechamp.core.errors import InputError
from contrechamp.formats._xml_stream import CHUNK_BYTES, XmlBudget
from contrechamp.formats.limits import MAX_PBF_BYTES, checked_size

__all__ = ["Area", "classify_area", "classify_line", "read_area", "sniff_format"]

_PROLOG_BYTES = 64 * 1024
_AREA_KEYS = ("building", "natural", "waterway", "landuse", "leisure", "amenity")

_ROAD_CLASSES: dict[str, FeatureKind] = {
    **dict.fromkeys(("motorway", "trunk", "motorway_link", "trunk_link"), FeatureKind.MOTORWAY),
    **dict.fromkeys(("primary", "primary_link"), FeatureKind.PRIMARY),
    **dict.fromkeys(("secondary", "secondary_link"), FeatureKind.SECONDARY),
    **dict.fromkeys(("tertiary", "tertiary_link"), FeatureKind.TERTIARY),
    **dict.fromkeys(
        ("residential", "unclassified", "living_street", "road", "pedestrian"),
        FeatureKind.RESIDENTIAL,
    ),
    "service": FeatureKind.SERVICE,
    **dict.fromkeys(
        ("footway", "path", "steps", "cycleway", "track", "bridleway", "corridor"),
        FeatureKind.PATH,
    ),
}
_RAIL_VALUES = frozenset({"rail", "light_rail", "subway", "tram", "narrow_gauge", "monorail"})
_WATER_TAGS = {
    "natural": frozenset({"water", "bay", "strait"}),
    "waterway": frozenset({"riverbank", "dock", "canal"}),
    "landuse": frozenset({"reservoir", "basin"}),
    "leisure": frozenset({"swimming_pool", "marina"}),
    "amenity": frozenset({"fountain"}),
}
_GREEN_TAGS = {
    "leisure": frozenset(
        {"park", "garden", "pitch", "playground", "golf_course", "nature_reserve"}
    ),
    "landuse": frozenset(
        {
            "grass",
            "forest",
            "meadow",
            "recreation_ground",
            "village_green",
            "cemetery",
            "allotments",
        }
    ),
    "natural": frozenset({"wood", "scrub", "grassland", "heath"}),
}
_WATER_LINES = frozenset({"river", "stream", "canal"})
# Every tag that can make a way a line (or a coastline): a superset of what classify_line keeps.
_LINE_TAGS = (
    *(("highway", value) for value in _ROAD_CLASSES),
    *(("railway", value) for value in _RAIL_VALUES),
    *(("waterway", value) for value in _WATER_LINES),
    ("natural", "coastline"),
)


@dataclass(frozen=True, slots=True)
class Area:
    """What an extract gives a survey: its extent, base map features and existing cameras."""

    bbox: BBox
    features: list[MapFeature] = field(default_factory=list)
    cameras: list[ExistingCamera] = field(default_factory=list)


def read_area(path: Path) -> Area:
    """Read base map features and ``man_made=surveillance`` nodes from an OSM extract.

    Accepts ``.osm.pbf``, ``.osm`` and ``.osm.bz2``/``.osm.gz`` (detected from the content).
    Raises ``InputError``: ``osm.format`` (not OSM data), ``osm.hostile`` (XML with a DOCTYPE
    or entities, or a tag longer than any OSM data needs), ``osm.corrupt`` (damaged or
    truncated), or a ``file.*`` code (``file.too_large`` past 512 MiB of XML, counted after
    decompression).
    """
    checked_size(path, MAX_PBF_BYTES)
    file_format = sniff_format(path)
    if file_format != "pbf":
        _check_xml_budget(path, file_format)
    with collector_paused():  # a city's features and tags, and no cycles among them
        try:
            features, cameras, coastlines = _collect(osmium.io.File(str(path), file_format))
        except (RuntimeError, ValueError, osmium.InvalidLocationError) as exc:
            raise InputError(f"{path.name}: damaged OSM data ({exc})", "osm.corrupt") from None
        bbox = _extent([f.wkb for f in features] + coastlines, cameras)
        if bbox is None:
            raise InputError(f"{path.name}: no map data in this file", "osm.empty")
        features.extend(sea_features(coastlines, bbox))
    return Area(bbox=bbox, features=features, cameras=cameras)


def sniff_format(path: Path) -> str:
    """Return the libosmium format name of ``path`` from its first bytes, refusing hostile XML."""
    with path.open("rb") as stream:
        head = stream.read(_PROLOG_BYTES)
    if head[:2] == b"\x1f\x8b":
        _check_xml_prolog(_decompressed_head(path, "gz"), path)
        return "osm.gz"
    if head[:3] == b"BZh":
        _check_xml_prolog(_decompressed_head(path, "bz2"), path)
        return "osm.bz2"
    if b"OSMHeader" in head[:32]:
        return "pbf"
    _check_xml_prolog(head, path)
    return "osm"


def _decompressed_head(path: Path, compression: str) -> bytes:
    """Return the first 64 KiB of a compressed file's content (streamed: bz2 blocks are big)."""
    try:
        if compression == "gz":
            with gzip.open(path, "rb") as stream:
                return stream.read(_PROLOG_BYTES)
        with bz2.open(path, "rb") as bz_stream:
            return bz_stream.read(_PROLOG_BYTES)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{path.name}: damaged compressed file ({exc})", "osm.corrupt") from None


def _check_xml_budget(path: Path, file_format: str) -> None:
    """Read XML through once before libosmium does, stopping at the decompressed cap (a
    small .bz2 can hold gigabytes) or at a tag or text longer than any OSM data needs."""
    budget = XmlBudget(path, "osm.hostile")
    try:
        with _open_xml(path, file_format) as stream:
            while chunk := stream.read(CHUNK_BYTES):
                budget.check(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{path.name}: damaged compressed file ({exc})", "osm.corrupt") from None


def _open_xml(path: Path, file_format: str) -> io.BufferedIOBase:
    """Open OSM XML for reading its (decompressed) bytes."""
    if file_format == "osm.gz":
        return gzip.open(path, "rb")
    if file_format == "osm.bz2":
        return bz2.open(path, "rb")
    return path.open("rb")


def _check_xml_prolog(head: bytes, path: Path) -> None:
    """Refuse anything that is not OSM XML, and XML declaring a DOCTYPE or entities."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        raise InputError(f"{path.name}: not an OSM file (PBF or XML)", "osm.format")
    root = _root_start(text)
    prolog = text if root < 0 else text[:root]
    if b"<!DOCTYPE" in prolog.upper() or b"<!ENTITY" in prolog.upper():
        raise InputError(f"{path.name}: XML with a DOCTYPE or entities is refused", "osm.hostile")
    if root < 0 or not text[root:].startswith((b"<osm", b"<osmChange")):
        raise InputError(f"{path.name}: not an OSM XML file", "osm.format")


def _root_start(text: bytes) -> int:
    """Return the offset of the root element: the first ``<`` not opening ``<?`` or ``<!``."""
    pos = text.find(b"<")
    while pos >= 0 and text[pos + 1 : pos + 2] in (b"?", b"!"):
        pos = text.find(b"<", pos + 1)
    return pos


def _collect(
    source: osmium.io.File,
) -> tuple[list[MapFeature], list[ExistingCamera], list[bytes]]:
    """Stream the file (relations first, for the areas): features, cameras and coastline
    ways (as WKB). Lines and areas interleave as libosmium hands its area buffers over."""
    processor = osmium.FileProcessor(source).with_locations().with_areas(KeyFilter(*_AREA_KEYS))
    for prefilter in _prefilters():
        processor.with_filter(prefilter)
    factory = WKBFactory()
    features: list[MapFeature] = []
    cameras: list[ExistingCamera] = []
    coastlines: list[bytes] = []
    for obj in processor:
        if isinstance(obj, Node):  # only camera nodes pass the prefilters
            cameras.append(_camera(obj))
        elif isinstance(obj, Way):
            _add_way(obj, factory, features, coastlines)
        elif isinstance(obj, OsmArea):
            _add_area(obj, factory, features)
    return features, cameras, coastlines


def _prefilters() -> list[osmium.BaseFilter]:
    """Filters run in libosmium, after the node locations and the area assembly have seen
    everything, that drop what the classifiers would skip: relations (their areas come
    through), nodes other than cameras, ways without a line tag, areas without an area key.
    Each object made a Python object costs more than reading it: this keeps 1 in 9."""
    nodes = TagFilter(("man_made", "surveillance"))
    nodes.enable_for(osmium.osm.NODE)
    ways = TagFilter(*_LINE_TAGS)
    ways.enable_for(osmium.osm.WAY)
    areas = KeyFilter(*_AREA_KEYS)
    areas.enable_for(osmium.osm.AREA)
    return [EntityFilter(osmium.osm.NODE | osmium.osm.WAY | osmium.osm.AREA), nodes, ways, areas]


def _camera(node: Node) -> ExistingCamera:
    """Turn a camera node into an ExistingCamera with its id, version and tags."""
    tags = {tag.k: tag.v for tag in node.tags}
    version = node.version if node.version > 0 else None  # 0: the extract has no versions
    return ExistingCamera(node.id, version, node.location.lat, node.location.lon, tags)


def _add_way(way: Way, factory: WKBFactory, out: list[MapFeature], coast: list[bytes]) -> None:
    """Append a road, railway or river line (coastlines go apart: they bound the sea)."""
    tags = way.tags
    is_coast = tags.get("natural") == "coastline"
    kind = classify_line(tags)
    if kind is None and not is_coast:
        return
    try:
        wkb = bytes.fromhex(factory.create_linestring(way))
    except (RuntimeError, osmium.InvalidLocationError):
        return
    if is_coast:
        coast.append(wkb)
    if kind is not None:
        out.append(MapFeature(kind, wkb, tags.get("name") or "", way.id))


def _add_area(area: OsmArea, factory: WKBFactory, out: list[MapFeature]) -> None:
    """Append a building, water or green polygon."""
    kind = classify_area(area.tags)
    if kind is None:
        return
    try:
        wkb = bytes.fromhex(factory.create_multipolygon(area))
    except (RuntimeError, osmium.InvalidLocationError):
        return
    out.append(MapFeature(kind, wkb, area.tags.get("name") or "", area.orig_id()))


def classify_line(tags: TagList | dict[str, str]) -> FeatureKind | None:
    """Return the kind of a linear feature (road class, railway, river), or None to skip it."""
    if tags.get("tunnel") in ("yes", "culvert") or tags.get("area") == "yes":
        return None
    highway = tags.get("highway")
    if highway is not None:
        return _ROAD_CLASSES.get(highway)
    if tags.get("railway") in _RAIL_VALUES:
        return FeatureKind.RAILWAY
    if tags.get("waterway") in _WATER_LINES:
        return FeatureKind.WATER
    return None


def classify_area(tags: TagList | dict[str, str]) -> FeatureKind | None:
    """Return the kind of a polygon (building, water, green), or None to skip it."""
    if tags.get("building", "no") != "no":
        return FeatureKind.BUILDING
    if any(tags.get(key) in values for key, values in _WATER_TAGS.items()):
        return FeatureKind.WATER
    if any(tags.get(key) in values for key, values in _GREEN_TAGS.items()):
        return FeatureKind.GREEN
    return None


def _extent(geometries: list[bytes], cameras: list[ExistingCamera]) -> BBox | None:
    """Return the box around every geometry (WKB) and camera, or None when there is nothing."""
    bounds = shapely.bounds(shapely.from_wkb(geometries))
    cams = np.array([(c.lon, c.lat, c.lon, c.lat) for c in cameras], dtype=np.float64)
    every = np.vstack([bounds.reshape(-1, 4), cams.reshape(-1, 4)])
    every = every[~np.isnan(every).any(axis=1)]
    if len(every) == 0:
        return None
    west, south = every[:, 0].min(), every[:, 1].min()
    east, north = every[:, 2].max(), every[:, 3].max()
    return BBox(float(west), float(south), float(east), float(north))


def sea_features(coastlines: Iterable[bytes], bbox: BBox) -> Iterator[MapFeature]:
    """Yield the sea inside ``bbox`` as WATER polygons, from coastline ways (land on the left).

    An extract carries no sea polygon: the sea is what lies right of the coastline. The box
    is cut along the coastlines and each piece is voted water or land by points just right
    and left of the coast segments that border it.
    """
    lines = [shapely.from_wkb(wkb) for wkb in coastlines]
    if not lines:
        return
    frame = shapely.box(bbox.west, bbox.south, bbox.east, bbox.north)
    merged = shapely.line_merge(shapely.union_all(lines))
    pieces = shapely.get_parts(shapely.polygonize([shapely.union(merged, frame.exterior)]))
    if len(pieces) < 2:
        return
    votes = _side_votes(lines, pieces)
    for piece, vote in zip(pieces, votes, strict=True):
        if vote > 0:
            yield MapFeature(FeatureKind.WATER, shapely.to_wkb(piece), "", None)


def _side_votes(lines: list[shapely.LineString], pieces: np.ndarray) -> np.ndarray:
    """Count, for each piece, points right of the coast (water) minus points left (land)."""
    coords = [np.asarray(line.coords) for line in lines]
    starts = np.vstack([c[:-1] for c in coords if len(c) > 1])
    ends = np.vstack([c[1:] for c in coords if len(c) > 1])
    step = max(1, len(starts) // 400)
    starts, ends = starts[::step], ends[::step]
    mid, delta = (starts + ends) / 2, ends - starts
    norm = np.hypot(delta[:, 0], delta[:, 1])
    keep = norm > 0
    right = np.column_stack([delta[keep, 1], -delta[keep, 0]]) / norm[keep, None] * 1e-6
    tree = shapely.STRtree(pieces)
    votes = np.zeros(len(pieces), dtype=np.int64)
    for offsets, sign in ((right, 1), (-right, -1)):
        points = shapely.points(mid[keep] + offsets)
        _, hit = tree.query(points, predicate="within")
        np.add.at(votes, hit, sign)
    return votes
