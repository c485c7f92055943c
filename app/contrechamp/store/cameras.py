"""Cameras in the survey file: add, update, delete, list and count."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Generator, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from sqlalchemy import bindparam, delete, func, insert, literal_column, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnClause

from contrechamp.core.camera import Camera, Status
from contrechamp.core.collector import collector_paused
from contrechamp.core.errors import SurveyError
from contrechamp.formats.tags_text import json_value
from contrechamp.store.base import SurveyBase
from contrechamp.store.errors import translate_errors
from contrechamp.store.rows import (
    CAMERA_COLUMNS,
    CameraReader,
    bad_camera,
    camera_from_row,
    camera_values,
    plausible_position_and_link,
    plausible_positions_and_links,
)
from contrechamp.store.schema import cameras

__all__ = [
    "ROW_CONFIRMED",
    "ROW_WANTED",
    "CameraRecords",
    "ExportRow",
    "RawExportIdRow",
    "RawExportRow",
    "canonical_tags_text",
    "collector_paused",
    "decoded_export_tags",
    "plausible_raw_chunk",
]

_INSERT = insert(cameras)
_UPDATE = (
    update(cameras)
    .where(cameras.c.id == bindparam("old_id"))
    .values({name: bindparam(name) for name in CAMERA_COLUMNS if name != "id"})
)
_SELECT = select(*(cameras.c[name] for name in CAMERA_COLUMNS))
_ADDED_ORDER: ColumnClause[int] = literal_column("cameras.rowid")
_EXPORT_SQL = "SELECT id, lat, lon, status, osm_id, osm_version, tags FROM cameras ORDER BY rowid"
_EXPORT_CHUNK = 2000
_CAMERAS_SQL = f"SELECT {', '.join(CAMERA_COLUMNS)} FROM cameras"
_STATUS = {status.value: status for status in Status}
# What plausible_position_and_link and _ExportReader check of a row, in SQL (tags aside).
# "+column" drops the column's affinity and COLLATE BINARY its collation: a crafted file may
# declare other ones, and then these comparisons must not be kinder than Python's.
_PLAUSIBLE_SQL = (
    "typeof(id) = 'text' AND typeof(lat) = 'real' AND typeof(lon) = 'real'"
    " AND +lat BETWEEN -90.0 AND 90.0 AND +lon BETWEEN -180.0 AND 180.0"
    " AND typeof(status) = 'text' AND status COLLATE BINARY IN ({known})"
    " AND (osm_id IS NULL OR (typeof(osm_id) = 'integer' AND +osm_id > 0))"
    " AND (osm_version IS NULL OR (typeof(osm_version) = 'integer' AND +osm_version > 0))"
).format(known=", ".join(f"'{status.value}'" for status in Status))
_RAW_EXPORT_SQL = (
    "SELECT {id}lat, lon, osm_id, osm_version, tags, (status COLLATE BINARY = "
    f"'{Status.CONFIRMED.value}') + 2 * (typeof(id) = 'text')"
    " + 4 * (status COLLATE BINARY IN ({wanted}))"
    " FROM cameras NOT INDEXED"  # the status index would read the rows out of order, slowly
    f" WHERE status COLLATE BINARY IN ({{wanted}}) OR NOT ({_PLAUSIBLE_SQL}) ORDER BY rowid"
)
_RAW_EXPORT_CHUNK = 8192
ROW_CONFIRMED = 1
"""Bit of a ``RawExportRow`` code: the camera is confirmed."""
ROW_WANTED = 6
"""The least ``RawExportRow`` code of a row whose id is text and whose status is one of those
asked for (bits 2 and 4); a row with a smaller code is one ``export_rows`` would refuse."""
_TEXT_ONLY = frozenset({str})


RawExportRow = tuple[float, float, int | None, int | None, str, int]
"""``lat, lon, osm_id, osm_version, tags text, code`` of a camera, as stored: SQLite checked
the rows not asked for, and ``code`` (``ROW_WANTED``, ``ROW_CONFIRMED``) the ids and statuses;
the other values are the caller's to check (``plausible_position_and_link``, the tags)."""
RawExportIdRow = tuple[str, float, float, int | None, int | None, str, int]
"""A ``RawExportRow`` led by the camera's id (text when the code is at least ``ROW_WANTED``)."""


class ExportRow(NamedTuple):
    """What an export needs of one camera, read straight from the survey file.

    ``tags`` may be shared between rows with identical tags: never change it.
    """

    id: str
    lat: float
    lon: float
    status: Status
    osm_id: int | None
    osm_version: int | None
    tags: dict[str, str]
    tags_json: str | None
    """The stored tags text when it is exactly ``tags_to_json(tags)``, else None."""


def _decoded_tags(text: str, camera_id: str) -> dict[str, str]:
    """Parse stored tags as ``store.rows.tags_from_json`` does (an object of strings or
    SurveyError "survey.corrupt"), with fewer steps: this runs for every exported camera.
    """
    try:
        tags = json_value(text)
    except (ValueError, RecursionError):
        tags = None
    # JSON object keys are always strings: only the values need checking.
    if type(tags) is not dict or not _TEXT_ONLY.issuperset(map(type, tags.values())):
        raise SurveyError(
            f"Bad tags of camera {camera_id[:40]!r} in the survey file.", "survey.corrupt"
        )
    return tags


def decoded_export_tags(text: str) -> dict[str, str]:
    """The tags stored as ``text``, decoded as ``export_rows`` does (SurveyError when they
    are not an object of strings).

    >>> decoded_export_tags('{"a": "1"}')
    {'a': '1'}
    """
    return _decoded_tags(text, "")


def canonical_tags_text(text: str, tags: dict[str, str]) -> str | None:
    """Return ``text`` if it is exactly ``tags_to_json(tags)``, None if it may not be.

    ``tags`` must be what ``text`` decodes to. Without any backslash, every string in the text
    is written verbatim, so the text can only be longer than the compact form of ``tags``
    (whitespace, repeated keys) or equal to it: comparing lengths is enough, and much cheaper
    than encoding the tags again.
    """
    if "\\" in text:
        return None
    size = sum(map(len, tags)) + sum(map(len, tags.values())) + 6 * len(tags) + 1
    return text if len(text) == (size if tags else 2) else None


_DECODED_AT_MOST = 65_536  # distinct tags texts an export reader keeps decoded


class _ExportReader:
    """Check the raw rows of ``_EXPORT_SQL`` (the file is untrusted) and decode their tags,
    each distinct tags text once (among the last ``_DECODED_AT_MOST``).
    """

    def __init__(self, statuses: Collection[Status]) -> None:
        self._wanted = frozenset(statuses)
        self._tags: dict[str, tuple[dict[str, str], str | None]] = {}

    def rows(self, chunk: list[Any]) -> Iterator[ExportRow]:
        """Yield the rows of ``chunk`` whose status is wanted; SurveyError if one is bad."""
        wanted, seen = self._wanted, self._tags
        for camera_id, lat, lon, status_text, osm_id, osm_version, text in chunk:
            status = _STATUS.get(status_text) if type(status_text) is str else None
            link = (camera_id, lat, lon, osm_id, osm_version)
            if status is None or not plausible_position_and_link(*link):
                raise bad_camera(camera_id)
            if status not in wanted:
                continue
            known = seen.get(text)
            if known is None:
                if type(text) is not str:
                    raise bad_camera(camera_id)
                tags = _decoded_tags(text, camera_id)
                if len(seen) >= _DECODED_AT_MOST:  # bounded: a million distinct texts
                    seen.clear()
                known = seen[text] = (tags, canonical_tags_text(text, tags))
            yield ExportRow(camera_id, lat, lon, status, osm_id, osm_version, *known)


def plausible_raw_chunk(
    lats: Sequence[float],
    lons: Sequence[float],
    osm_ids: Sequence[int | None],
    versions: Sequence[int | None],
    texts: Sequence[str],
    codes: Sequence[int],
) -> bool:
    """Whether ``export_rows`` would yield every row of a chunk of ``raw_export_rows`` (its
    columns) rather than refuse one: each is asked for, its id and tags text are text, its
    position and OSM link plausible. In bulk: one pass per column when no row has a link.
    It does not decode the tags."""
    if not codes:
        return True
    if min(codes) < ROW_WANTED or set(map(type, texts)) != _TEXT_ONLY:
        return False
    return plausible_positions_and_links(lats, lons, osm_ids, versions)


def _fetch(cursor: sqlite3.Cursor, size: int = _EXPORT_CHUNK) -> list[Any]:
    """Fetch the next chunk of rows; SQLite errors (a damaged page...) become SurveyError."""
    with translate_errors():
        return cursor.fetchmany(size)


def _missing(camera_id: str) -> SurveyError:
    return SurveyError(f"No camera {camera_id!r} in this survey.", "camera.missing")


class CameraRecords(SurveyBase):
    """The cameras of a survey."""

    def add_camera(self, camera: Camera) -> None:
        """Save a new camera durably; SurveyError("camera.exists") if its id is taken."""
        with self._writing():
            try:
                self._db.conn.execute(_INSERT, camera_values(camera))
            except IntegrityError as error:
                raise SurveyError(
                    f"Camera {camera.id!r} is already in this survey.", "camera.exists"
                ) from error

    def add_cameras(self, cameras_to_add: Iterable[Camera]) -> int:
        """Save many cameras in one transaction (all or none); return how many."""
        rows = [camera_values(camera) for camera in cameras_to_add]
        if not rows:
            return 0
        with self._writing():
            try:
                self._db.conn.execute(_INSERT, rows)
            except IntegrityError as error:
                raise SurveyError(
                    "Some of these cameras are already in this survey.", "camera.exists"
                ) from error
        return len(rows)

    def update_camera(self, camera: Camera) -> None:
        """Replace the saved camera with ``camera.id``; SurveyError("camera.missing") if none."""
        values = camera_values(camera)
        values["old_id"] = values.pop("id")
        with self._writing():
            if self._db.conn.execute(_UPDATE, values).rowcount == 0:
                raise _missing(camera.id)

    def delete_camera(self, camera_id: str) -> None:
        """Delete a camera (its photos stay, detached); SurveyError("camera.missing") if absent."""
        with self._writing():
            result = self._db.conn.execute(delete(cameras).where(cameras.c.id == camera_id))
            if result.rowcount == 0:
                raise _missing(camera_id)

    def camera(self, camera_id: str) -> Camera:
        """Return one camera; SurveyError("camera.missing") if absent."""
        row = self._run(_SELECT.where(cameras.c.id == camera_id)).first()
        if row is None:
            raise _missing(camera_id)
        return camera_from_row(row)

    def cameras(self, status: Status | None = None) -> list[Camera]:
        """Return every camera, or those with ``status``, in the order they were added."""
        # Raw rows read in chunks: holding all 100k rows at once doubled the memory peak.
        where, params = ("", ()) if status is None else (" WHERE status = ?", (status.value,))
        database = self._db
        with database.lock:
            with translate_errors():
                cursor = database.raw.execute(_CAMERAS_SQL + where + " ORDER BY rowid", params)
            read, found = CameraReader(), list[Camera]()
            try:
                with collector_paused():
                    while chunk := _fetch(cursor):
                        found.extend(read.chunk(chunk))
            finally:
                cursor.close()
        return found

    def export_rows(self, statuses: Collection[Status]) -> Generator[ExportRow]:
        """Yield the cameras with one of ``statuses``, in the order they were added.

        The fast path for exports: raw rows read in chunks, no Camera objects; every row is
        checked, rejected ones included (SurveyError "survey.corrupt" on a bad one).
        """
        database = self._db
        with database.lock:  # released when the generator is exhausted or closed
            with translate_errors():
                cursor = database.raw.execute(_EXPORT_SQL)
            reader = _ExportReader(statuses)
            try:
                while chunk := _fetch(cursor):
                    yield from reader.rows(chunk)
            finally:
                cursor.close()

    def raw_export_rows(
        self, statuses: Collection[Status]
    ) -> Generator[list[RawExportRow], None, None]:
        """Yield, in chunks and in the order they were added, the cameras with one of
        ``statuses``, and any other row ``export_rows`` would refuse (``RawExportRow``).

        Faster than ``export_rows``: no Python object per camera, the values left as they are
        stored for the caller to check in bulk (``decoded_export_tags`` decodes one text).
        Unlike ``export_rows``, the ids and the tags of cameras not asked for are not read,
        so they need not be UTF-8 (nothing of them goes into an export).
        """
        return self._raw_chunks("", statuses)

    def raw_export_id_rows(
        self, statuses: Collection[Status]
    ) -> Generator[list[RawExportIdRow], None, None]:
        """``raw_export_rows`` with each row led by the camera's id (``RawExportIdRow``)."""
        return self._raw_chunks("id, ", statuses)

    def _raw_chunks(self, first: str, statuses: Collection[Status]) -> Generator[Any, None, None]:
        """The chunks of ``_RAW_EXPORT_SQL`` with the columns ``first`` before the others."""
        wanted = ", ".join("?" * len(statuses))
        values = [status.value for status in statuses]
        database = self._db
        with database.lock:  # released when the generator is exhausted or closed
            with translate_errors():
                sql = _RAW_EXPORT_SQL.format(id=first, wanted=wanted)
                cursor = database.raw.execute(sql, values * 2)  # "{wanted}" twice
            try:
                while chunk := _fetch(cursor, _RAW_EXPORT_CHUNK):
                    yield chunk
            finally:
                cursor.close()

    def camera_counts(self) -> dict[Status, int]:
        """Return how many cameras have each status (every status present, zero included)."""
        counts = dict.fromkeys(Status, 0)
        statement = select(cameras.c.status, func.count()).group_by(cameras.c.status)
        for status, count in self._run(statement):
            try:
                counts[Status(status)] = count
            except ValueError as error:
                raise SurveyError(
                    f"Bad status {status!r} in the survey file.", "survey.corrupt"
                ) from error
        return counts
