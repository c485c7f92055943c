"""Read and write cameras as GeoJSON (RFC 7946): Point features whose properties are OSM tags."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from json.encoder import encode_basestring
from pathlib import Path
from typing import NoReturn, TextIO

from contrechamp.core.errors import InputError
from contrechamp.formats._atomic import atomic_text_writer
from contrechamp.formats._json_input import load_json
from contrechamp.formats._point_record import PointRecord, valid_position
from contrechamp.formats.numbers import finite_float

__all__ = [
    "GeoJsonContent",
    "PointRecord",
    "check_crs",
    "geojson_content",
    "read_geojson",
    "read_geojson_content",
    "write_geojson",
]

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
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
    count = 0
    batch: list[str] = []
    with atomic_text_writer(path) as out:
        out.write('{"type":"FeatureCollection","features":[')
        for record in records:
            batch.append(_feature_text(record))
            if len(batch) == 1000:  # fewer, larger writes
                count = _write_features(out, batch, count)
        count = _write_features(out, batch, count)
        out.write("\n]}\n")
    return count


def _write_features(out: TextIO, batch: list[str], written: int) -> int:
    """Write a batch of Feature texts, one per line, and empty it; return the new count."""
    if batch:
        out.write((",\n" if written else "\n") + ",\n".join(batch))
    written += len(batch)
    batch.clear()
    return written


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
