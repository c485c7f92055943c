"""The columns of an official list of cameras: which holds what, and coordinates in its cells.

Headers are compared case- and accent-insensitively, in French or English: ``Latitude``,
``lat``, ``Y``; ``Longitude``, ``lng``, ``X``; ``Adresse``, ``Lieu``, ``Emplacement``…;
``Identifiant``, ``N°``, ``Réf.``… A column holding both coordinates (``"43.7384, 7.4219"``,
``POINT(7.4219 43.7384)``, a GeoJSON point) is found by what its cells hold.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence

from contrechamp.formats.numbers import parse_decimal

__all__ = [
    "best_column",
    "coordinate_value",
    "header_key",
    "is_latitude",
    "is_longitude",
    "pair_value",
    "position_column",
]

PLACE_WORDS = (
    "adresse", "address", "emplacement", "localisation", "lieu", "location", "implantation",
    "situation", "site", "voie", "rue", "street", "carrefour", "intersection",
)  # fmt: skip
"""Words naming the column of a camera's address or crossing, the most telling first."""

REF_WORDS = (
    "identifiant", "ref", "reference", "id", "numero", "num", "no", "n", "number", "nr",
    "code", "objectid", "gid", "fid",
)  # fmt: skip
"""Words naming the column of a camera's number in its list, the most telling first."""

_LAT_WORDS = frozenset({"lat", "latitude"})
_LON_WORDS = frozenset({"lon", "lng", "long", "longitude"})
_POSITION_WORDS = frozenset(
    {"coordonnees", "coordinates", "coords", "geo", "geopoint", "point", "position", "gps",
     "wkt", "geometry", "geometrie", "geom", "shape", "latlon", "lat_lon", "xy"}
)  # fmt: skip
_WKT_POINT = re.compile(
    r"\s*(?:SRID=\d+\s*;\s*)?POINT\s*Z?\s*\(\s*(\S+)\s+(\S+)(?:\s+\S+)?\s*\)\s*", re.IGNORECASE
)
_SAMPLE = 200  # cells looked at to tell whether a column holds positions


def header_key(name: str) -> str:
    """A header reduced to lower-case ASCII words joined by ``_``.

    >>> header_key(" N° Caméra "), header_key("Coordonnées GPS"), header_key("LATITUDE")
    ('no_camera', 'coordonnees_gps', 'latitude')
    """
    plain = unicodedata.normalize("NFKD", name.replace("°", "o").casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return "_".join(re.findall(r"[a-z0-9]+", plain))


def _words(key: str) -> list[str]:
    return key.split("_") if key else []


def is_latitude(key: str) -> int | None:
    """How surely a header key names a latitude: 0 (``lat``, ``latitude_wgs84``), 1 (``y``,
    ``coord_y``, ``y_l93``), None when it does not."""
    words = _words(key)
    if (words and words[0] in _LAT_WORDS) or (len(words) > 1 and words[-1] in _LAT_WORDS):
        return 0
    return 1 if "y" in words and len(words) <= 3 else None


def is_longitude(key: str) -> int | None:
    """How surely a header key names a longitude, as :func:`is_latitude` does."""
    words = _words(key)
    if (words and words[0] in _LON_WORDS) or (len(words) > 1 and words[-1] in _LON_WORDS):
        return 0
    return 1 if "x" in words and len(words) <= 3 else None


def best_column(keys: Sequence[str], wanted: Sequence[str], taken: set[int]) -> int | None:
    """The index of the column whose header holds the most telling of the ``wanted`` words
    (the first such column on a tie), among the columns not ``taken``."""
    best: tuple[int, int] | None = None
    for index, key in enumerate(keys):
        words = _words(key)
        if index in taken or not words:
            continue
        ranks = [wanted.index(word) for word in words if word in wanted]
        if words[0] not in wanted and key not in wanted:
            ranks = [rank + len(wanted) for rank in ranks]  # a later word tells less
        if ranks and (best is None or min(ranks) < best[0]):
            best = (min(ranks), index)
    return None if best is None else best[1]


def coordinate_value(text: str) -> float | None:
    """A coordinate written in a cell: a decimal point or comma, spaces between thousands;
    None when the cell holds no finite number.

    >>> coordinate_value("43,7384"), coordinate_value(" 1 043 250,5 "), coordinate_value("7.42°")
    (43.7384, 1043250.5, 7.42)
    >>> coordinate_value("1_0") is None, coordinate_value("n/a") is None
    (True, True)
    """
    cell = text.strip().removesuffix("°").replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?", cell):
        cell = cell.replace(" ", "")
    if cell.count(",") == 1 and "." not in cell:
        cell = cell.replace(",", ".")
    try:
        value = parse_decimal(cell)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def pair_value(text: str) -> tuple[float, float] | None:
    """The (y, x) of a cell holding both coordinates: ``"lat, lon"`` (latitude first, as
    open-data portals write it), or ``POINT(x y)`` and a GeoJSON point (x first).

    >>> pair_value("43.7384, 7.4219"), pair_value("43,7384; 7,4219")
    ((43.7384, 7.4219), (43.7384, 7.4219))
    >>> pair_value("POINT (7.4219 43.7384)")
    (43.7384, 7.4219)
    >>> pair_value('{"type": "Point", "coordinates": [7.4, 43.7]}')
    (43.7, 7.4)
    >>> pair_value("12 rue Grimaldi") is None
    True
    """
    cell = text.strip()
    point = _WKT_POINT.fullmatch(cell)
    if point:
        x, y = coordinate_value(point.group(1)), coordinate_value(point.group(2))
        return None if x is None or y is None else (y, x)
    if cell.startswith("{") and len(cell) < 1000:
        return _geojson_point(cell)
    body = cell.strip("[]() ")
    for separator in (";", ", ", ",", None):
        parts = body.split(separator)
        if len(parts) == 2:
            first, second = coordinate_value(parts[0]), coordinate_value(parts[1])
            if first is not None and second is not None:
                return first, second
    return None


def _geojson_point(cell: str) -> tuple[float, float] | None:
    """The (y, x) of a cell holding a GeoJSON Point geometry."""
    try:
        geometry = json.loads(cell, parse_constant=lambda name: None)
    except ValueError:
        return None
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        return None
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list):
        return None
    if len(coordinates) < 2 or not all(_is_number(v) for v in coordinates[:2]):
        return None
    x, y = float(coordinates[0]), float(coordinates[1])
    return (y, x) if math.isfinite(x) and math.isfinite(y) else None


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def position_column(keys: Sequence[str], rows: Sequence[Sequence[str]]) -> int | None:
    """The index of the column whose cells hold both coordinates (most of its non-empty
    cells among the first rows), a column named like ``coordonnees`` or ``geo_point`` first."""
    named = [i for i, key in enumerate(keys) if set(_words(key)) & _POSITION_WORDS]
    others = [i for i in range(len(keys)) if i not in named]
    for index in named + others:
        cells = [row[index] for row in rows[:_SAMPLE] if index < len(row) and row[index].strip()]
        held = sum(
            pair_value(cell) is not None and (index in named or _precise(cell)) for cell in cells
        )
        if cells and 2 * held > len(cells):
            return index
    return None


def _precise(cell: str) -> bool:
    """True when a cell holds two numbers written as precisely as coordinates are (three
    decimals, or four digits as in metres): a column of heights "3,5" holds no positions."""
    return len(re.findall(r"\d{4,}|\d[.,]\d{3}", cell)) >= 2
