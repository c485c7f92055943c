"""Read a workshop's sectors from GeoJSON: named Polygon or MultiPolygon features in WGS 84.

Organisers draw the sectors in uMap, geojson.io or QGIS, so the names of the properties vary:
``name`` or ``nom`` for the sector, ``pair``, ``binome``, ``binôme``, ``pseudonyms`` or
``pseudonymes`` for the pair it is handed to (a text, or a list of pseudonyms joined with
" & "). Keys are matched without case or accents. Other features (a meeting point, a route)
are skipped and counted. A polygon that crosses itself is repaired (shapely's
``make_valid``, keeping its polygons); one that has no area left is refused, named.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import shapely

from contrechamp.core.area import Sector
from contrechamp.core.errors import InputError
from contrechamp.formats._json_input import load_json
from contrechamp.formats._point_record import valid_position
from contrechamp.formats.geojson import check_crs
from contrechamp.formats.numbers import finite_float

__all__ = ["MAX_SECTORS", "SectorsFile", "read_sectors_geojson"]

MAX_SECTORS = 1000  # a workshop hands out tens; thousands is a wrong file
MAX_TEXT = 200  # characters of a sector's name or of its pair
_NAME_KEYS = ("name", "nom")
_PAIR_KEYS = ("pair", "binome", "pseudonyms", "pseudonymes")
_POLYGONS = frozenset({"Polygon", "MultiPolygon"})


@dataclass(frozen=True, slots=True)
class SectorsFile:
    """The sectors of a file (without ids), and what was set aside while reading it."""

    sectors: list[Sector]
    skipped: int  # features that are not polygons (points, lines, no geometry)
    repaired: list[str]  # sectors whose polygon crossed itself and was repaired


def read_sectors_geojson(path: Path) -> SectorsFile:
    """Return the sectors of a GeoJSON file, all checked, or raise ``InputError``.

    A sector without a name is called "Sector N" (N: its feature's number). Codes:
    ``geojson.json``, ``geojson.shape``, ``geojson.geometry``, ``geojson.coordinates``,
    ``geojson.crs``, ``sectors.empty``, ``sectors.too_many``, ``sectors.duplicate``,
    ``sectors.text``, ``sectors.no_area`` and ``file.*``. Never returns part of a file.
    """
    document = load_json(path, "geojson")
    try:
        return _read(path, document)
    except RecursionError:
        _fail(path, "geojson.json", "nested too deeply")


def _read(path: Path, document: object) -> SectorsFile:
    sectors: list[Sector] = []
    repaired: list[str] = []
    skipped = 0
    for number, feature in enumerate(_features(path, document), start=1):
        geometry = feature.get("geometry")
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        if geometry is None or kind not in _POLYGONS:
            if geometry is not None and not isinstance(kind, str):
                _fail(path, "geojson.geometry", f"feature {number} has a malformed geometry")
            skipped += 1
            continue
        assert isinstance(geometry, dict)
        name, pair = _labels(path, number, feature.get("properties"))
        polygon, was_repaired = _polygon(path, number, name, geometry)
        if was_repaired:
            repaired.append(name)
        sectors.append(Sector(name, shapely.to_wkb(polygon), None, pair))
    _check_sectors(path, sectors)
    return SectorsFile(sectors, skipped, repaired)


def _features(path: Path, document: object) -> list[dict[str, object]]:
    """The features of a FeatureCollection (or a lone Feature), each checked to be one."""
    if not isinstance(document, dict):
        _fail(path, "geojson.shape", "the top level is not a GeoJSON object")
    check_crs(path, document.get("crs"))
    features = [document] if document.get("type") == "Feature" else document.get("features")
    if document.get("type") not in ("Feature", "FeatureCollection") or not isinstance(
        features, list
    ):
        _fail(path, "geojson.shape", "neither a FeatureCollection nor a Feature")
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            _fail(path, "geojson.shape", f"feature {number} is not a GeoJSON Feature")
    return features


def _labels(path: Path, number: int, properties: object) -> tuple[str, str | None]:
    """The sector's name ("Sector N" when it has none) and its pair (None when none)."""
    if properties is None:
        properties = {}
    if not isinstance(properties, dict):
        _fail(path, "geojson.shape", f"feature {number}: properties must be an object")
    plain = {_plain_key(key): value for key, value in properties.items()}
    name = _text(path, number, "name", _first(plain, _NAME_KEYS)) or f"Sector {number}"
    pair = _text(path, number, "pair", _first(plain, _PAIR_KEYS))
    return name, pair or None


def _plain_key(key: str) -> str:
    """A property name without case or accents (``Binôme`` -> ``binome``).

    >>> _plain_key("Binôme"), _plain_key("NOM")
    ('binome', 'nom')
    """
    decomposed = unicodedata.normalize("NFKD", key.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _first(properties: Mapping[str, object], keys: tuple[str, ...]) -> object:
    return next((properties[k] for k in keys if properties.get(k) is not None), None)


def _text(path: Path, number: int, what: str, value: object) -> str:
    """A name or pair as one line of text; a list of pseudonyms is joined with " & "."""
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = " & ".join(v.strip() for v in value if v.strip())
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        _fail(path, "sectors.text", f"feature {number}: its {what} is not text")
    text = " ".join(value.split())
    if len(text) > MAX_TEXT or not all(c.isprintable() for c in text):
        _fail(path, "sectors.text", f"feature {number}: its {what} is too long or not plain text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        _fail(path, "sectors.text", f"feature {number}: its {what} is not valid text")
    return text


def _polygon(
    path: Path, number: int, name: str, geometry: dict[str, object]
) -> tuple[shapely.Polygon | shapely.MultiPolygon, bool]:
    """The feature's polygon, repaired when it crosses itself; whether it was repaired."""
    label = f"feature {number} ({name!r})"
    coordinates = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        shape: shapely.Geometry = _single(path, label, coordinates)
    else:
        if not isinstance(coordinates, list) or not coordinates:
            _fail(path, "geojson.geometry", f"{label}: a MultiPolygon needs a list of polygons")
        shape = shapely.multipolygons([_single(path, label, part) for part in coordinates])
    repaired = not shape.is_valid
    if repaired:
        shape = _polygonal(shapely.make_valid(shape))
    if shape.is_empty or shape.area <= 0:
        _fail(path, "sectors.no_area", f"{label}: its polygon encloses no area")
    assert isinstance(shape, shapely.Polygon | shapely.MultiPolygon)
    return shape, repaired


def _single(path: Path, label: str, rings: object) -> shapely.Polygon:
    """One polygon from its GeoJSON rings (the outer ring first, then holes)."""
    if not isinstance(rings, list) or not rings:
        _fail(path, "geojson.geometry", f"{label}: a polygon needs a list of rings")
    parsed = [_ring(path, label, ring) for ring in rings]
    return shapely.Polygon(parsed[0], parsed[1:])


def _ring(path: Path, label: str, ring: object) -> list[tuple[float, float]]:
    """A closed ring of at least four [longitude, latitude] positions, on the Earth."""
    if not isinstance(ring, list) or len(ring) < 4:
        _fail(path, "geojson.geometry", f"{label}: a ring needs at least four positions")
    points = [_position(path, label, position) for position in ring]
    if points[0] != points[-1]:
        _fail(path, "geojson.geometry", f"{label}: a ring must end where it starts")
    return points


def _position(path: Path, label: str, position: object) -> tuple[float, float]:
    if not isinstance(position, list) or len(position) < 2:
        _fail(path, "geojson.geometry", f"{label}: a position needs [longitude, latitude]")
    lon, lat = (
        finite_float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None
        for v in position[:2]
    )
    if lon is None or lat is None:
        _fail(path, "geojson.geometry", f"{label}: a coordinate is not a number")
    if not valid_position(lat, lon):
        _fail(path, "geojson.coordinates", f"{label}: position out of range {lon}, {lat}")
    return lon, lat


def _polygonal(shape: shapely.Geometry) -> shapely.Geometry:
    """The polygons of a repaired shape (make_valid may add the lines where it folded)."""
    polygons = [
        part
        for part in shapely.get_parts(shape)
        if isinstance(part, shapely.Polygon | shapely.MultiPolygon)
    ]
    return shapely.union_all(polygons) if polygons else shapely.Polygon()


def _check_sectors(path: Path, sectors: list[Sector]) -> None:
    if not sectors:
        _fail(path, "sectors.empty", "no Polygon or MultiPolygon feature to make a sector of")
    if len(sectors) > MAX_SECTORS:
        _fail(path, "sectors.too_many", f"{len(sectors)} sectors, at most {MAX_SECTORS}")
    seen: dict[str, str] = {}
    for sector in sectors:
        key = sector.name.casefold()
        if key in seen:
            also = "" if seen[key] == sector.name else f" (and {sector.name!r})"
            _fail(path, "sectors.duplicate", f"two sectors are named {seen[key]!r}{also}")
        seen[key] = sector.name


def _fail(path: Path, code: str, detail: str) -> NoReturn:
    """Raise the InputError of a bad sectors file."""
    raise InputError(f"{path.name}: {detail}", code)
