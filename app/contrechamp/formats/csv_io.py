"""Read and write cameras as CSV: survey columns, lat, lon, then one column per OSM tag."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from contrechamp.core.errors import InputError
from contrechamp.formats._atomic import atomic_text_writer
from contrechamp.formats._point_record import META_COLUMNS, PointRecord, valid_position
from contrechamp.formats.limits import MAX_CSV_BYTES, checked_size
from contrechamp.formats.numbers import parse_decimal

if TYPE_CHECKING:
    from _csv import Reader

__all__ = ["META_COLUMNS", "PointRecord", "formula_safe", "read_csv", "tag_column", "write_csv"]

LAT_NAMES = frozenset({"lat", "latitude", "y"})
LON_NAMES = frozenset({"lon", "lng", "long", "longitude", "x"})
TAG_PREFIX = "tag:"
"""Marks a tag column whose key would otherwise read as a survey or coordinate column."""

_RESERVED = LAT_NAMES | LON_NAMES | frozenset(META_COLUMNS)
_FIRST_TAGS = ("man_made", "surveillance", "surveillance:type", "surveillance:zone",
               "camera:type", "camera:mount", "camera:direction", "camera:angle", "height",
               "operator")  # fmt: skip
_DELIMITERS = (",", ";", "\t")
# OWASP's CSV injection advice: a cell starting with one of these may run as a formula in a
# spreadsheet, so it gets a leading single quote (one more quote for a cell that already
# starts with quotes then one of these, so that reading it back gives the value exactly).
_FORMULA = re.compile("'*[=+\\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_ENCODINGS = ("utf-8-sig", "cp1252")  # Excel in Western Europe saves "CSV" as cp1252


def formula_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: a leading ``'`` when it could start a formula
    (``=``, ``+``, ``-``, ``@``, tab, carriage return); plain numbers such as ``-12.5`` stay
    numbers.

    >>> formula_safe("=SUM(A1)"), formula_safe("-12.5"), formula_safe("-1+2")
    ("'=SUM(A1)", '-12.5', "'-1+2")
    """
    if _FORMULA.match(cell) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _unquoted(cell: str) -> str:
    """The value of a cell written by ``formula_safe`` (its added quote removed)."""
    if cell.startswith("'") and _FORMULA.match(cell, 1):
        return cell[1:]
    return cell


def tag_column(key: str) -> str:
    """Return the CSV column name of a tag key: the key itself, or ``tag:<key>`` when the key
    would read back as something else: a survey column or a coordinate (``source``, ``lat``...),
    a nameless column (blank key), or a key starting with ``tag:``."""
    name = key.strip().lower()
    if not name or name in _RESERVED or key.startswith(TAG_PREFIX):
        return TAG_PREFIX + key
    return key


def write_csv(path: Path, records: Iterable[PointRecord], *, meta_columns: Sequence[str]) -> int:
    """Write records as UTF-8 CSV (with a BOM, so spreadsheets read accents), atomically.

    Columns: ``meta_columns`` (a subset of ``META_COLUMNS``), ``lat``, ``lon``, then every tag
    key seen (the usual camera keys first, the others sorted). Returns the number of rows.
    Raises ``ValueError`` for an unknown meta column, a position out of range or text that is
    not valid Unicode; the file is then left as it was. A cell that a spreadsheet could run
    as a formula gets a leading ``'`` (see ``formula_safe``); ``read_csv`` removes it.
    """
    unknown = [name for name in meta_columns if name not in META_COLUMNS]
    if unknown:
        raise ValueError(f"unknown meta columns {unknown}; known: {META_COLUMNS}")
    rows = list(records)
    keys = _tag_keys(rows)
    with atomic_text_writer(path, newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        header = [*meta_columns, "lat", "lon", *(tag_column(key) for key in keys)]
        writer.writerow(list(map(formula_safe, header)))
        for record in rows:
            writer.writerow(_row(record, meta_columns, keys))
    return len(rows)


def _tag_keys(records: Sequence[PointRecord]) -> list[str]:
    """Return every tag key of the records: usual camera keys first, then the rest sorted."""
    seen = {key for record in records for key in record.tags}
    first = [key for key in _FIRST_TAGS if key in seen]
    return first + sorted(seen.difference(first))


def _row(record: PointRecord, meta_columns: Sequence[str], keys: Sequence[str]) -> list[str]:
    """Return the cells of one record."""
    if not valid_position(record.lat, record.lon):
        raise ValueError(f"position out of range: ({record.lat}, {record.lon})")
    meta = [formula_safe(record.meta.get(name, "")) for name in meta_columns]
    position = [repr(round(record.lat, 7)), repr(round(record.lon, 7))]
    return meta + position + [formula_safe(record.tags.get(key, "")) for key in keys]


def read_csv(path: Path) -> list[PointRecord]:
    """Return one record per non-blank row of a CSV file.

    Position columns: ``lat``/``latitude``/``y`` and ``lon``/``lng``/``long``/``longitude``/``x``
    (any case; a decimal comma is accepted). Columns named after ``META_COLUMNS`` fill ``meta``;
    every other non-empty cell is a tag (``tag:`` prefix removed). The quote ``write_csv``
    puts before a would-be formula is removed. Delimiter ``,``, ``;`` or tab;
    UTF-8, or cp1252 as Excel writes it. Raises ``InputError`` (``csv.columns``,
    ``csv.header``, ``csv.number``, ``csv.coordinates``, ``csv.row``, ``csv.corrupt``,
    ``csv.encoding``, ``file.*``) and never returns part of a file.
    """
    checked_size(path, MAX_CSV_BYTES)
    for encoding in _ENCODINGS:
        try:
            with path.open(encoding=encoding, newline="") as stream:
                return _read_records(path, stream)
        except UnicodeDecodeError:
            continue
        except csv.Error as exc:
            _fail(path, "csv.corrupt", f"damaged CSV ({exc})")
        except OSError as exc:
            _fail(path, "file.unreadable", f"cannot read ({exc.strerror})")
    _fail(path, "csv.encoding", "text encoding not recognised (save it as UTF-8)")


@dataclass(frozen=True, slots=True)
class _Layout:
    """Which column holds what."""

    lat: int
    lon: int
    meta: dict[int, str]
    tags: dict[int, str]
    unnamed: frozenset[int]


def _read_records(path: Path, stream: TextIO) -> list[PointRecord]:
    """Find the delimiter and the layout from the header, then read every row."""
    rows, layout = _open_table(path, stream)
    records: list[PointRecord] = []
    for cells in rows:
        if any(cells):
            cells = [_unquoted(cell) for cell in cells]
            records.append(_record(path, rows.line_num, cells, layout))
    return records


def _open_table(path: Path, stream: TextIO) -> tuple[Reader, _Layout]:
    """Return a row reader past the header and the layout: the first delimiter whose header
    names both a latitude and a longitude column wins."""
    for delimiter in _DELIMITERS:
        stream.seek(0)
        rows = csv.reader(stream, delimiter=delimiter)
        header = next(rows, None)
        if header is None:
            _fail(path, "csv.columns", "the file is empty")
        names = [name.strip().lower() for name in header]
        if any(name in LAT_NAMES for name in names) and any(name in LON_NAMES for name in names):
            return rows, _layout(path, [_unquoted(name) for name in header])
    _fail(path, "csv.columns", "no lat and lon columns (or latitude/longitude, y/x)")


def _layout(path: Path, header: list[str]) -> _Layout:
    """Assign each header cell to latitude, longitude, a meta column or a tag."""
    if len(set(header)) != len(header):
        _fail(path, "csv.header", "two columns have the same name")
    lat = [i for i, name in enumerate(header) if name.strip().lower() in LAT_NAMES]
    lon = [i for i, name in enumerate(header) if name.strip().lower() in LON_NAMES]
    if len(lat) != 1 or len(lon) != 1:
        _fail(path, "csv.columns", "several latitude or longitude columns")
    meta, tags, unnamed = {}, {}, set()
    for i, name in enumerate(header):
        if i in (lat[0], lon[0]):
            continue
        if not name.strip():
            unnamed.add(i)
        elif name.strip().lower() in META_COLUMNS:
            meta[i] = name.strip().lower()
        else:
            tags[i] = name.removeprefix(TAG_PREFIX)
    return _Layout(lat[0], lon[0], meta, tags, frozenset(unnamed))


def _record(path: Path, line: int, cells: list[str], layout: _Layout) -> PointRecord:
    """Return the record of one data row."""
    width = len(layout.meta) + len(layout.tags) + len(layout.unnamed) + 2
    if len(cells) > width:
        _fail(path, "csv.row", f"line {line} has more cells than the header")
    if any(cells[i] for i in layout.unnamed if i < len(cells)):
        _fail(path, "csv.header", f"line {line} has a value in a column without a name")
    lat = _degrees(path, line, cells, layout.lat)
    lon = _degrees(path, line, cells, layout.lon)
    if not valid_position(lat, lon):
        _fail(path, "csv.coordinates", f"line {line}: position out of range ({lat}, {lon})")
    meta = {name: cells[i] for i, name in layout.meta.items() if i < len(cells) and cells[i]}
    tags = {key: cells[i] for i, key in layout.tags.items() if i < len(cells) and cells[i]}
    return PointRecord(lat, lon, tags, meta)


def _degrees(path: Path, line: int, cells: list[str], index: int) -> float:
    """Parse one coordinate cell (a decimal comma is accepted)."""
    text = cells[index].strip() if index < len(cells) else ""
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        return parse_decimal(text)
    except ValueError:
        _fail(path, "csv.number", f"line {line}: {text[:40]!r} is not a coordinate")


def _fail(path: Path, code: str, detail: str) -> NoReturn:
    """Raise the InputError of a bad CSV file."""
    raise InputError(f"{path.name}: {detail}", code)
