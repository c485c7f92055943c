"""Read and write cameras as GeoJSON (RFC 7946): Point features whose properties are OSM tags."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from json.encoder import encode_basestring
from pathlib import Path
from typing import NoReturn

from contrechamp.core.errors import InputError
from contrechamp.formats._atomic import atomic_text_writer
from contrechamp.formats._json_input import load_json
from contrechamp.formats._point_record import PointRecord, valid_position
from contrechamp.formats.numbers import finite_float
from contrechamp.formats.osm_fast import TagsTextProver

__all__ = [
    "CarefulWriteNeededError",
    "GeoJsonContent",
    "PointRecord",
    "StoredFeatures",
    "check_crs",
    "geojson_content",
    "read_geojson",
    "read_geojson_content",
    "write_feature_texts",
    "write_geojson",
]

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_DECODE = json.JSONDecoder().decode
_END = "\x02"  # after each position in a chunk's positions: never in one
_TRAILING_ZEROS = re.compile("0+(?=[," + _END + "])")
_WGS84_NAMES = frozenset({"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326",
                          "EPSG:4326", "OGC:CRS84"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class GeoJsonContent:
    """What a GeoJSON file gave: its Point features, and how many others were skipped.

    ``skipped`` counts features by geometry type (``"LineString"``, ``"null"``...).
    """

    records: list[PointRecord]
    skipped: Mapping[str, int]


def write_geojson(path: Path, records: Iterable[PointRecord]) -> int:
    """Write one Point Feature per record, atomically and streaming; return how many.

    Properties are exactly the OSM tags; ``meta["id"]`` becomes the Feature ``id``; other
    meta are not written. Coordinates are ``[lon, lat]`` rounded to 7 decimals (OSM's
    precision). Raises ``ValueError`` for a position out of range or text that is not valid
    Unicode (a lone surrogate); the file is then left as it was.
    """
    return write_feature_texts(path, _feature_batches(records))


def _feature_batches(records: Iterable[PointRecord]) -> Iterator[tuple[int, str]]:
    """The Features of the records, 1000 at a time: fewer, larger writes."""
    batch: list[str] = []
    for record in records:
        batch.append(_feature_text(record))
        if len(batch) == 1000:
            yield len(batch), ",\n".join(batch)
            batch.clear()
    if batch:
        yield len(batch), ",\n".join(batch)


def write_feature_texts(path: Path, batches: Iterable[tuple[int, str]]) -> int:
    """Write a FeatureCollection atomically and streaming from batches of Features already
    turned to text (how many, and their texts joined by ``",\\n"``); return how many.

    ``UnicodeEncodeError`` for text that is not valid Unicode; the file is then left as it was.
    """
    count = 0
    with atomic_text_writer(path) as out:
        out.write('{"type":"FeatureCollection","features":[')
        for size, text in batches:
            if size:
                out.write((",\n" if count else "\n") + text)
                count += size
        out.write("\n]}\n")
    return count


class CarefulWriteNeededError(Exception):
    """A camera ``StoredFeatures`` must not write: ``write_geojson`` (through the store's
    careful reader) says what is wrong with it."""


class StoredFeatures:
    """The Features ``write_geojson`` writes for cameras as a survey stores them, a chunk at
    a time: each chunk's numbers formatted at once, one format string filled for all its
    Features, and no tags decoded when their stored texts are canonical.

    A survey stores tags as compact JSON; when a ``TagsTextProver`` proves a text is exactly
    that of the tags it decodes to, the text is the ``properties`` object as it is. The other
    texts are decoded and encoded again, as the careful writer does.

    >>> features = StoredFeatures()
    >>> features.text(["c1"], [43.5], [7.25], ['{"a":"1"}'])
    '{"type":"Feature","id":"c1","geometry":{"type":"Point","coordinates":[7.25,43.5]},"properties":{"a":"1"}}'
    """

    def __init__(self) -> None:
        self._prover = TagsTextProver()

    def text(
        self,
        ids: Sequence[str],
        lats: Sequence[float],
        lons: Sequence[float],
        tags_texts: Sequence[str],
    ) -> str:
        """The Features of a chunk of cameras (their ids, positions and stored tags texts)
        joined by ``",\\n"``, as ``write_geojson`` joins them.

        Raises ``CarefulWriteNeededError`` for a position out of range or a tags text that
        is not a JSON object of strings.
        """
        if not ids:
            return ""
        if min(lats) < -90.0 or max(lats) > 90.0 or min(lons) < -180.0 or max(lons) > 180.0:
            raise CarefulWriteNeededError
        # The careful writer writes the stored text when it is canonical, which is then the
        # encoded tags themselves: encoding the tags is what it writes for any text.
        careful = self._prover.batch(tags_texts).careful
        if careful:
            tags_texts = list(tags_texts)
            for row in careful:
                tags_texts[row] = _encoded_again(tags_texts[row])
        template, _ = _templates(len(ids))
        values = zip(map(encode_basestring, ids), _positions(lats, lons), tags_texts, strict=True)
        return template % tuple(chain.from_iterable(values))


@lru_cache(maxsize=4)
def _templates(count: int) -> tuple[str, str]:
    """The format strings of ``count`` Features (id, position, properties) and of their
    ``count`` positions (each followed by ``_END``)."""
    feature = (
        '{"type":"Feature","id":%s,"geometry":{"type":"Point","coordinates":[%s]},"properties":%s}'
    )
    return ",\n".join([feature] * count), ("%.7f,%.7f" + _END) * count


def _positions(lats: Sequence[float], lons: Sequence[float]) -> list[str]:
    """``lon,lat`` of each position as ``_feature_text`` writes them, ``repr(round(x, 7))``.

    Each is its ``%.7f`` text without its trailing zeros (one digit kept after the point),
    all formatted at once: that is the decimal ``round`` gives, and the shortest one that
    ``repr`` writes, from 0.0001 on (smaller ones ``repr`` writes with an exponent).
    """
    if min(map(abs, lats)) < 1e-4 or min(map(abs, lons)) < 1e-4:
        pairs = zip(lons, lats, strict=True)
        return [f"{round(lon, 7)!r},{round(lat, 7)!r}" for lon, lat in pairs]
    _, template = _templates(len(lats))
    text = template % tuple(chain.from_iterable(zip(lons, lats, strict=True)))
    text = _TRAILING_ZEROS.sub("", text)
    return text.replace(".,", ".0,").replace("." + _END, ".0" + _END).split(_END)[:-1]


def _encoded_again(text: str) -> str:
    """The compact JSON text of the tags stored as ``text``; ``CarefulWriteNeededError``
    unless they are an object of strings (as the store decodes them)."""
    try:
        tags = _DECODE(text)
    except (ValueError, RecursionError):
        raise CarefulWriteNeededError from None
    if type(tags) is not dict or not all(type(value) is str for value in tags.values()):
        raise CarefulWriteNeededError
    return _ENCODER.encode(tags)


def _feature_text(record: PointRecord) -> str:
    """Return one Feature as compact JSON text."""
    if not valid_position(record.lat, record.lon):
        raise ValueError(f"position out of range: ({record.lat}, {record.lon})")
    feature_id = record.meta.get("id")
    id_member = "" if feature_id is None else f'"id":{encode_basestring(feature_id)},'
    position = f"[{round(record.lon, 7)!r},{round(record.lat, 7)!r}]"
    tags = _ENCODER.encode(dict(record.tags)) if record.tags_json is None else record.tags_json
    return (
        f'{{"type":"Feature",{id_member}"geometry":{{"type":"Point","coordinates":{position}}},'
        f'"properties":{tags}}}'
    )


def read_geojson(path: Path) -> list[PointRecord]:
    """Return the cameras of a GeoJSON file (its Point features; see ``read_geojson_content``)."""
    return read_geojson_content(path).records


def read_geojson_content(path: Path) -> GeoJsonContent:
    """Read a FeatureCollection or a single Feature; keep Point features, count the others.

    Property values become tag text: strings verbatim, numbers as written (``5.0`` -> ``"5"``),
    booleans ``"yes"``/``"no"``, null dropped, arrays and objects as compact JSON text.
    The Feature ``id`` goes to ``meta["id"]``. Raises ``InputError`` (``geojson.json``,
    ``geojson.shape``, ``geojson.geometry``, ``geojson.coordinates``, ``geojson.crs``,
    ``file.*``) and never returns part of a file.
    """
    return geojson_content(path, load_json(path, "geojson"))


def geojson_content(path: Path, document: object) -> GeoJsonContent:
    """The content of a GeoJSON document already parsed from ``path`` (see
    ``read_geojson_content``)."""
    try:
        return _content(path, document)
    except RecursionError:
        _fail(path, "geojson.json", "nested too deeply")


def _content(path: Path, document: object) -> GeoJsonContent:
    """Walk the features of a parsed document."""
    features = _features(path, document)
    records: list[PointRecord] = []
    skipped: Counter[str] = Counter()
    for number, feature in enumerate(features, start=1):
        geometry_type, record = _feature_record(path, number, feature)
        if record is None:
            skipped[geometry_type] += 1
        else:
            records.append(record)
    return GeoJsonContent(records, dict(skipped))


def _features(path: Path, document: object) -> list[object]:
    """Return the features of a FeatureCollection, or a lone Feature as a list of one."""
    if not isinstance(document, dict):
        _fail(path, "geojson.shape", "the top level is not a GeoJSON object")
    check_crs(path, document.get("crs"))
    kind = document.get("type")
    if kind == "Feature":
        return [document]
    features = document.get("features")
    if kind != "FeatureCollection" or not isinstance(features, list):
        _fail(path, "geojson.shape", "neither a FeatureCollection nor a Feature")
    return features


def check_crs(path: Path, crs: object) -> None:
    """Refuse the pre-RFC ``crs`` member unless it names WGS 84 longitude/latitude."""
    if crs is None:
        return
    properties = crs.get("properties") if isinstance(crs, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else None
    if not isinstance(name, str) or name not in _WGS84_NAMES:
        shown = f" ({name[:80]})" if isinstance(name, str) else ""
        _fail(path, "geojson.crs", f"coordinates are not WGS 84 longitude/latitude{shown}")


def _feature_record(path: Path, number: int, feature: object) -> tuple[str, PointRecord | None]:
    """Return the geometry type of a feature and its record, or None when it is not a Point."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        _fail(path, "geojson.shape", f"feature {number} is not a GeoJSON Feature")
    geometry = feature.get("geometry")
    if geometry is None:
        return "null", None
    if not isinstance(geometry, dict) or not isinstance(geometry.get("type"), str):
        _fail(path, "geojson.geometry", f"feature {number} has a malformed geometry")
    if geometry["type"] != "Point":
        return str(geometry["type"])[:40], None
    lon, lat = _point(path, number, geometry.get("coordinates"))
    tags = _tags(path, number, feature.get("properties"))
    feature_id = feature.get("id")
    meta = {} if feature_id is None else {"id": _text(feature_id)}
    return "Point", PointRecord(lat, lon, tags, meta)


def _point(path: Path, number: int, coordinates: object) -> tuple[float, float]:
    """Return (lon, lat) of a Point's coordinates, checked to lie on the Earth."""
    if (
        not isinstance(coordinates, list)
        or len(coordinates) < 2
        or not all(_is_number(value) for value in coordinates[:2])
    ):
        _fail(path, "geojson.geometry", f"feature {number}: a Point needs [longitude, latitude]")
    lon, lat = finite_float(coordinates[0]), finite_float(coordinates[1])
    if lon is None or lat is None:
        _fail(path, "geojson.coordinates", f"feature {number}: a coordinate is too large")
    if not valid_position(lat, lon):
        _fail(path, "geojson.coordinates", f"feature {number}: position out of range {lon}, {lat}")
    return lon, lat


def _is_number(value: object) -> bool:
    """True for JSON numbers (bool is an int in Python but not a number in JSON)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _tags(path: Path, number: int, properties: object) -> dict[str, str]:
    """Turn a feature's properties into OSM tags (null values dropped)."""
    if properties is None:
        return {}
    if not isinstance(properties, dict):
        _fail(path, "geojson.shape", f"feature {number}: properties must be an object")
    return {key: _text(value) for key, value in properties.items() if value is not None}


def _text(value: object) -> str:
    """Return the tag text of a JSON value."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer() and math.fabs(value) < 1e15:
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    return _ENCODER.encode(value)


def _fail(path: Path, code: str, detail: str) -> NoReturn:
    """Raise the InputError of a bad GeoJSON file."""
    raise InputError(f"{path.name}: {detail}", code)
