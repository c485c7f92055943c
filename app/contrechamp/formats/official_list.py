"""Read an official list of authorised cameras: CSV as prefectures and cities publish it, or
GeoJSON points.

CSV: any delimiter (``;``, ``,``, tab, ``|``), UTF-8 with or without BOM or cp1252/latin-1,
title lines above the header skipped, French or English headers (see ``_list_columns``),
decimal commas, coordinates in two columns or in one (``"lat, lon"``, ``POINT(x y)``), in
degrees or in Lambert-93 metres (EPSG:2154, told by values out of degree range). A row
without coordinates keeps its address (or crossing) for the use case to place.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from contrechamp.core.errors import InputError
from contrechamp.formats._json_input import load_json
from contrechamp.formats._list_columns import (
    PLACE_WORDS,
    REF_WORDS,
    best_column,
    coordinate_value,
    header_key,
    is_latitude,
    is_longitude,
    pair_value,
    position_column,
)
from contrechamp.formats.limits import MAX_LIST_BYTES, checked_size

__all__ = ["ListColumns", "ListRow", "OfficialList", "read_official_list"]

_DELIMITERS = (";", ",", "\t", "|")
_NUMBER_WORDS = frozenset({"no", "n", "num", "numero", "number", "nr"})
_HEAD_ROWS = 30  # rows looked at to find the delimiter and the header
_LAMBERT_X = (0.0, 1_400_000.0)  # EPSG:2154 over metropolitan France and its edges
_LAMBERT_Y = (5_900_000.0, 7_300_000.0)


@dataclass(frozen=True, slots=True)
class ListColumns:
    """Columns named by the user (matched case- and accent-insensitively), None to detect."""

    lat: str | None = None
    lon: str | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class ListRow:
    """One camera of the list: its line, address or crossing, position if given, the rest."""

    line: int
    place: str
    lat: float | None = None
    lon: float | None = None
    ref: str | None = None
    tags: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OfficialList:
    """What a list holds, and how it was read (``coordinates``: "degrees", "lambert93" or
    "none"; ``columns``: role -> the header used for it)."""

    rows: list[ListRow]
    coordinates: str
    columns: dict[str, str]


@dataclass
class _Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line, cells)
    positions: list[tuple[float, float] | None] | None = None  # (y, x) of GeoJSON geometries
    crs_lambert: bool = False


def read_official_list(path: Path, columns: ListColumns = ListColumns()) -> OfficialList:
    """Read a CSV or GeoJSON list of cameras, fully, or raise ``InputError``: ``list.format``
    (not text, not a list), ``list.empty`` (no row), ``list.column`` (a named column is not
    there), ``list.columns`` (neither coordinates nor addresses), ``list.json``, ``file.*``."""
    checked_size(path, MAX_LIST_BYTES)
    raw = _read_bytes(path)
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")) or path.suffix.lower() in (
        ".geojson",
        ".json",
    ):
        table = _geojson_table(path)
    else:
        table = _csv_table(path, _decoded(path, raw))
    if not table.rows:
        _fail(path, "list.empty", "no camera in this list (nothing below its header)")
    return _read_rows(path, table, columns)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read ({exc.strerror})", "file.unreadable") from None


def _decoded(path: Path, raw: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), else cp1252 as Excel saves it, else
    latin-1; a file holding NUL bytes is no text (a spreadsheet saved as .xlsx, a PDF)."""
    if b"\x00" in raw:
        _fail(path, "list.format", "not a CSV text file (save the spreadsheet as CSV)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _csv_table(path: Path, text: str) -> _Table:
    """The header and rows of a CSV text, with the delimiter that lays it out best."""
    best: tuple[int, int, int] | None = None  # (score, width, -order)
    chosen: tuple[str, int] = (_DELIMITERS[0], 0)
    for order, delimiter in enumerate(_DELIMITERS):
        head = _parse(path, text, delimiter, _HEAD_ROWS)
        start = _header_index(head)
        width = len(head[start][1]) if head else 0
        score = sum(len(cells) == width for _, cells in head[start + 1 :]) if width > 1 else 0
        if best is None or (score, width, -order) > best:
            best, chosen = (score, width, -order), (delimiter, start)
    delimiter, start = chosen
    rows = _parse(path, text, delimiter, None)
    if not rows:
        _fail(path, "list.empty", "the file is empty")
    header = _unique_names(rows[start][1])
    return _Table(header, [(line, cells) for line, cells in rows[start + 1 :] if any(cells)])


def _parse(path: Path, text: str, delimiter: str, limit: int | None) -> list[tuple[int, list[str]]]:
    """The non-blank rows of a CSV text, with their line numbers (the first ``limit``)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, [cell.strip() for cell in cells]))
                if limit is not None and len(rows) >= limit:
                    break
    except csv.Error as exc:
        _fail(path, "list.format", f"damaged CSV at line {reader.line_num} ({exc})")
    return rows


def _header_index(rows: Sequence[tuple[int, list[str]]]) -> int:
    """The header's row: the first with two named cells (title lines above it are skipped)."""
    for index, (_, cells) in enumerate(rows):
        if sum(bool(cell) for cell in cells) >= 2:
            return index
    return 0


def _unique_names(header: Sequence[str]) -> list[str]:
    """Header names, blank ones named by their place, repeated ones numbered."""
    names: list[str] = []
    for index, name in enumerate(header):
        name = name.strip() or f"column {index + 1}"
        base, count = name, 2
        while name in names:
            name, count = f"{base} ({count})", count + 1
        names.append(name)
    return names


def _geojson_table(path: Path) -> _Table:
    """A GeoJSON list as a table: its properties as columns, its points as positions."""
    document = load_json(path, "list")
    features = _features(path, document)
    header: list[str] = []
    for feature in features:
        for key in _properties(feature):
            if key not in header:
                header.append(key)
    rows = [
        (number, [_cell(_properties(feature).get(key)) for key in header])
        for number, feature in enumerate(features, start=1)
    ]
    positions = [_point(feature.get("geometry")) for feature in features]
    lambert = "2154" in str(document.get("crs", "")) if isinstance(document, dict) else False
    return _Table(_unique_names(header), rows, positions, lambert)


def _features(path: Path, document: object) -> list[dict[str, object]]:
    if isinstance(document, dict) and document.get("type") == "Feature":
        document = {"type": "FeatureCollection", "features": [document]}
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
        _fail(path, "list.format", "not a GeoJSON FeatureCollection")
    return features


def _properties(feature: dict[str, object]) -> dict[str, object]:
    properties = feature.get("properties")
    return properties if isinstance(properties, dict) else {}


def _cell(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _point(geometry: object) -> tuple[float, float] | None:
    """The (y, x) of a Point geometry (or a MultiPoint of one point), None otherwise."""
    if not isinstance(geometry, dict):
        return None
    coordinates = geometry.get("coordinates")
    if geometry.get("type") == "MultiPoint" and isinstance(coordinates, list):
        coordinates = coordinates[0] if len(coordinates) == 1 else None
    elif geometry.get("type") != "Point":
        return None
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        return None
    x, y = coordinates[0], coordinates[1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (x, y)):
        return None
    return float(y), float(x)


def _named(path: Path, keys: Sequence[str], header: Sequence[str], name: str | None) -> int | None:
    """The column the user named, by header key; ``list.column`` when there is none."""
    if name is None:
        return None
    wanted = header_key(name)
    for index, key in enumerate(keys):
        if key == wanted:
            return index
    shown = ", ".join(header[:12]) + (", …" if len(header) > 12 else "")
    _fail(path, "list.column", f"no column named {name!r} (its columns: {shown})")


def _coordinate_columns(
    path: Path, table: _Table, keys: list[str], columns: ListColumns
) -> tuple[int | None, int | None]:
    """The latitude and longitude columns: named by the user, else found by their headers
    (in a CSV file; a GeoJSON list has its points)."""
    lat = _named(path, keys, table.header, columns.lat)
    lon = _named(path, keys, table.header, columns.lon)
    if table.positions is None:
        lat = _most_sure(keys, is_latitude, {lon}) if lat is None else lat
        lon = _most_sure(keys, is_longitude, {lat}) if lon is None else lon
    if lat is None or lon is None:
        return None, None
    return lat, lon


def _most_sure(
    keys: Sequence[str], test: Callable[[str], int | None], taken: set[int | None]
) -> int | None:
    """The column whose header ``test`` names most surely (the first one on a tie)."""
    ranked = [
        (rank, index)
        for index, key in enumerate(keys)
        if index not in taken and (rank := test(key)) is not None
    ]
    return min(ranked)[1] if ranked else None


def _read_rows(path: Path, table: _Table, columns: ListColumns) -> OfficialList:
    """Assign the columns their roles, then read every row."""
    keys = [header_key(name) for name in table.header]
    lat, lon = _coordinate_columns(path, table, keys, columns)
    cells = [cells for _, cells in table.rows]
    pair = position_column(keys, cells) if lat is None and table.positions is None else None
    taken = {i for i in (lat, lon, pair) if i is not None}
    place = _named(path, keys, table.header, columns.place)
    if place is None:  # "N° de voie" is a house number, not the street
        numbered = {i for i, key in enumerate(keys) if key.split("_")[0] in _NUMBER_WORDS}
        place = best_column(keys, PLACE_WORDS, taken | numbered)
    ref = best_column(keys, REF_WORDS, taken if place is None else taken | {place})
    positions = _positions(table, lat, lon, pair)
    if place is None and all(p is None for p in positions):
        _fail(
            path,
            "list.columns",
            'no coordinates (latitude and longitude, X and Y, or a "lat, lon" or POINT '
            "column) and no address column (adresse, lieu, emplacement…)",
        )
    lambert = table.crs_lambert or _in_lambert93(positions)
    degrees = _to_degrees(positions, lambert)
    used = {i for i in (lat, lon, pair, place, ref) if i is not None}
    rows = [
        _row(table.header, line, row_cells, place, ref, used, position)
        for (line, row_cells), position in zip(table.rows, degrees, strict=True)
    ]
    found = any(p is not None for p in positions)
    roles = {"lat": lat, "lon": lon, "position": pair, "place": place, "ref": ref}
    return OfficialList(
        rows,
        ("lambert93" if lambert else "degrees") if found else "none",
        {role: table.header[i] for role, i in roles.items() if i is not None},
    )


def _positions(
    table: _Table, lat: int | None, lon: int | None, pair: int | None
) -> list[tuple[float, float] | None]:
    """Each row's (y, x) as written, None where it gives none."""
    found: list[tuple[float, float] | None] = []
    for index, (_, cells) in enumerate(table.rows):
        position: tuple[float, float] | None = None
        if lat is not None and lon is not None:
            y, x = (coordinate_value(cells[i]) if i < len(cells) else None for i in (lat, lon))
            position = None if y is None or x is None else (y, x)
        elif pair is not None and pair < len(cells):
            position = pair_value(cells[pair])
        elif table.positions is not None:
            position = table.positions[index]
        found.append(None if position == (0.0, 0.0) else position)  # a blank exported as 0
    return found


def _in_degrees(y: float, x: float) -> bool:
    return -90.0 <= y <= 90.0 and -180.0 <= x <= 180.0


def _in_lambert93(positions: Sequence[tuple[float, float] | None]) -> bool:
    """True when most positions lie in Lambert-93's range rather than in degrees."""
    given = [p for p in positions if p is not None]
    lambert = sum(
        _LAMBERT_X[0] <= x <= _LAMBERT_X[1] and _LAMBERT_Y[0] <= y <= _LAMBERT_Y[1]
        for y, x in given
    )
    return 2 * lambert > len(given)


def _to_degrees(
    positions: Sequence[tuple[float, float] | None], lambert: bool
) -> list[tuple[float, float] | None]:
    """WGS 84 (lat, lon) of each position; out of range ones become None (unplaced)."""
    if not lambert:
        return [p if p is not None and _in_degrees(*p) else None for p in positions]
    from pyproj import Transformer  # slow to import: only for lists in Lambert-93

    to_wgs84 = Transformer.from_crs("EPSG:2154", "EPSG:4326", always_xy=True)
    found: list[tuple[float, float] | None] = []
    for position in positions:
        if position is None or _in_degrees(*position):
            found.append(None)
            continue
        lon, lat = to_wgs84.transform(position[1], position[0])
        ok = math.isfinite(lat) and math.isfinite(lon) and _in_degrees(lat, lon)
        found.append((round(float(lat), 7), round(float(lon), 7)) if ok else None)
    return found


def _row(
    header: Sequence[str],
    line: int,
    cells: Sequence[str],
    place: int | None,
    ref: int | None,
    used: set[int],
    position: tuple[float, float] | None,
) -> ListRow:
    """One camera of the list; cells past the header are kept under "column N"."""
    names = [*header, *(f"column {i + 1}" for i in range(len(header), len(cells)))]
    tags = {names[i]: cell for i, cell in enumerate(cells) if i not in used and cell}
    return ListRow(
        line=line,
        place=cells[place] if place is not None and place < len(cells) else "",
        lat=None if position is None else position[0],
        lon=None if position is None else position[1],
        ref=(cells[ref] or None) if ref is not None and ref < len(cells) else None,
        tags=tags,
    )


def _fail(path: Path, code: str, detail: str) -> NoReturn:
    raise InputError(f"{path.name}: {detail}", code)
