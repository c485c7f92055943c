"""Convert between domain objects (core) and the rows of the survey file."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from itertools import repeat
from operator import attrgetter, ge, is_not, le
from typing import Any

from contrechamp.core.camera import (
    Camera,
    PositionSource,
    Status,
    camera_of_fields,
    cameras_of_columns,
)
from contrechamp.core.errors import SurveyError
from contrechamp.core.stored_tags import SharedStoredTags
from contrechamp.formats.osm_fast import TagsTextProver
from contrechamp.formats.tags_text import tags_of_json, tags_to_json

__all__ = [
    "CAMERA_COLUMNS",
    "CameraReader",
    "DatesReader",
    "TagsReader",
    "bad_camera",
    "camera_from_row",
    "camera_values",
    "datetime_from_text",
    "datetime_to_text",
    "plausible_position_and_link",
    "plausible_positions_and_links",
    "tags_from_json",
    "tags_to_json",
]

_STATUS = {status.value: status for status in Status}
_SOURCE = {source.value: source for source in PositionSource}
_TZINFO = attrgetter("tzinfo")


def datetime_to_text(moment: datetime) -> str:
    """Return ISO 8601 text in UTC; a naive datetime is taken to be UTC already."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def datetime_from_text(text: str) -> datetime:
    """Parse text written by :func:`datetime_to_text` (always timezone-aware)."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError) as error:
        raise SurveyError(f"Bad date in the survey file: {text!r}.", "survey.corrupt") from error
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def tags_from_json(text: str) -> dict[str, str]:
    """Parse stored tags, refusing anything but an object of strings (the file is untrusted)."""
    tags = tags_of_json(text)
    if tags is None:
        raise SurveyError("Bad tags in the survey file.", "survey.corrupt")
    return tags


class TagsReader:
    """Parse the tags of many rows, keeping each distinct key and value string once.

    A few hundred keys and values make up the tags of 100k cameras: sharing the strings
    (immutable) instead of holding one copy per camera saves most of their memory. Each
    call returns a fresh dict, so no two cameras share one; nothing is kept per row, so a
    large read does not hold a second copy of every camera's tags.
    """

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}

    def __call__(self, text: str) -> dict[str, str]:
        """Return the tags stored as ``text``."""
        keep = self._strings.setdefault
        return {keep(key, key): keep(value, value) for key, value in tags_from_json(text).items()}

    def string(self, text: str) -> str:
        """Return ``text``, or an equal string this reader has seen (for repeated columns)."""
        return self._strings.setdefault(text, text)

    @property
    def strings(self) -> dict[str, str]:
        """The strings seen, each by itself (``string`` is its ``setdefault(text, text)``)."""
        return self._strings


class DatesReader:
    """Parse the datetimes of many rows, a text seen lately once (datetimes are immutable).

    Equal texts come close together (a camera's two dates, one import's cameras); keeping
    only the recent ones bounds what a read of 100k rows holds besides the cameras.
    """

    _RECENT = 4096

    def __init__(self) -> None:
        self._seen: dict[str, datetime] = {}

    def __call__(self, text: str) -> datetime:
        """Return the datetime stored as ``text``."""
        moment = self._seen.get(text)
        if moment is None:
            if len(self._seen) >= self._RECENT:
                self._seen.clear()
            moment = self._seen[text] = datetime_from_text(text)
        return moment

    def many(self, texts: Iterable[str]) -> dict[str, datetime]:
        """The datetime of each distinct text of ``texts``, all parsed at once; SurveyError
        on a bad one (the first in their order, as one by one).

        >>> DatesReader().many(["2026-06-13T09:00:00+00:00", "2026-06-13T09:00:00"])
        {'2026-06-13T09:00:00+00:00': datetime.datetime(2026, 6, 13, 9, 0, tzinfo=datetime.timezone.utc), '2026-06-13T09:00:00': datetime.datetime(2026, 6, 13, 9, 0, tzinfo=datetime.timezone.utc)}
        """  # noqa: E501
        distinct = list(dict.fromkeys(texts))
        try:
            moments = list(map(datetime.fromisoformat, distinct))
        except (TypeError, ValueError):
            return {text: self(text) for text in distinct}  # raises on the first bad one
        if None in map(_TZINFO, moments):
            moments = [m if m.tzinfo is not None else m.replace(tzinfo=UTC) for m in moments]
        return dict(zip(distinct, moments, strict=True))


def camera_values(camera: Camera) -> dict[str, Any]:
    """Return the column values of a camera row."""
    return {
        "id": camera.id,
        "lat": camera.lat,
        "lon": camera.lon,
        "status": camera.status.value,
        "source": camera.source.value,
        "accuracy_m": camera.accuracy_m,
        "surveyor": camera.surveyor,
        "created_at": datetime_to_text(camera.created_at),
        "updated_at": datetime_to_text(camera.updated_at),
        "osm_id": camera.osm_id,
        "osm_version": camera.osm_version,
        "notes": camera.notes,
        "tags": tags_to_json(camera.tags),
    }


CAMERA_COLUMNS = tuple(camera_values(Camera(0.0, 0.0)))


class CameraReader:
    """Build Cameras from rows of the columns in ``CAMERA_COLUMNS`` order, fast enough for
    a million rows: tags proven plain a chunk at a time are kept as their text
    (``StoredTags``, decoded when first read, one object for equal tags), repeated timestamps
    are parsed once, equal surveyors and notes share one string, equal accuracies one float (a
    few values make up those of a million cameras: 24 MB), each Camera made by
    ``camera_of_fields``.
    """

    _ACCURACIES_AT_MOST = 1024

    def __init__(self) -> None:
        self._tags = TagsReader()
        self._dates = DatesReader()
        self._prover = TagsTextProver()
        self._stored = SharedStoredTags()  # equal tags: one object
        self._accuracies: dict[float, float] = {}

    def __call__(self, row: Sequence[Any]) -> Camera:
        """Return the camera stored in ``row`` (its tags decoded and checked now)."""
        return self._camera(row, self._tags(row[-1]))

    def chunk(self, rows: Sequence[Sequence[Any]]) -> list[Camera]:
        """Return the cameras stored in ``rows``; SurveyError on the first bad one."""
        texts = [row[-1] for row in rows]
        if all(type(text) is str for text in texts):
            careful = set(self._prover.batch(texts).careful)
        else:
            careful = set(range(len(rows)))  # decoded one by one: the bad one is refused
        if rows and not careful:
            cameras = self._in_bulk(rows)
            if cameras is not None:
                return cameras
        read_tags, stored, camera = self._tags, self._stored, self._camera
        return [
            camera(row, read_tags(row[-1]) if i in careful else stored(row[-1]))
            for i, row in enumerate(rows)
        ]

    def _in_bulk(self, rows: Sequence[Sequence[Any]]) -> list[Camera] | None:
        """The cameras of ``rows`` (their tags texts proven) a column at a time, with no
        Python call per row: about twice as fast. None when a row is not plausible: read
        one by one, the first bad row is then refused as it should be."""
        (ids, lats, lons, statuses, sources, accuracies, surveyors,
         created, updated, osm_ids, versions, notes, texts) = zip(*rows, strict=True)  # fmt: skip
        if not _plausible_columns(ids, lats, lons, accuracies, surveyors, osm_ids, versions, notes):
            return None
        try:
            status_of = list(map(_STATUS.__getitem__, statuses))
            source_of = list(map(_SOURCE.__getitem__, sources))
            dates = self._dates.many(created + updated)
        except (KeyError, TypeError, SurveyError):
            return None
        shared = {a: self._accuracy(a) for a in dict.fromkeys(accuracies) if a}  # not 0.0
        strings = self._tags.strings
        return cameras_of_columns(
            lats,
            lons,
            self._stored.many(texts),
            ids,
            status_of,
            source_of,
            list(map(shared.get, accuracies, accuracies)),
            list(map(strings.setdefault, surveyors, surveyors)),  # None stays None
            list(map(dates.__getitem__, created)),
            list(map(dates.__getitem__, updated)),
            osm_ids,
            versions,
            list(map(strings.setdefault, notes, notes)),
        )

    def _camera(self, row: Sequence[Any], tags: Mapping[str, str]) -> Camera:
        # One unpacking is much cheaper than 13 indexings of an SQLAlchemy Row.
        (camera_id, lat, lon, status, source, accuracy_m, surveyor,
         created_at, updated_at, osm_id, osm_version, notes, _) = row  # fmt: skip
        try:
            status, source = _STATUS[status], _SOURCE[source]
        except (KeyError, TypeError) as error:
            raise bad_camera(camera_id) from error
        if not _plausible(camera_id, lat, lon, accuracy_m, surveyor, osm_id, osm_version, notes):
            raise bad_camera(camera_id)
        dates, string = self._dates, self._tags.string
        if accuracy_m:  # never 0.0 or -0.0: equal floats, but not the same value
            accuracy_m = self._accuracy(accuracy_m)
        return camera_of_fields(
            lat,
            lon,
            tags,
            camera_id,
            status,
            source,
            accuracy_m,
            None if surveyor is None else string(surveyor),
            dates(created_at),
            dates(updated_at),
            osm_id,
            osm_version,
            string(notes),
        )

    def _accuracy(self, accuracy_m: float) -> float:
        """``accuracy_m``, or an equal float read before."""
        accuracies = self._accuracies
        kept = accuracies.get(accuracy_m)
        if kept is None:
            if len(accuracies) >= self._ACCURACIES_AT_MOST:
                return accuracy_m
            kept = accuracies[accuracy_m] = accuracy_m
        return kept


def bad_camera(camera_id: object) -> SurveyError:
    """The error for a camera row that does not hold what a camera must."""
    return SurveyError(f"Bad camera {str(camera_id)[:40]!r} in the survey file.", "survey.corrupt")


def plausible_position_and_link(
    camera_id: object, lat: object, lon: object, osm_id: object, osm_version: object
) -> bool:
    """Check the id, position and OSM link columns of a camera row (the file is untrusted)."""
    return (
        type(camera_id) is str
        and type(lat) is float
        and type(lon) is float
        and -90.0 <= lat <= 90.0
        and -180.0 <= lon <= 180.0
        and (osm_id is None or (type(osm_id) is int and osm_id > 0))
        and (osm_version is None or (type(osm_version) is int and osm_version > 0))
    )


def _plausible(
    camera_id: object,
    lat: object,
    lon: object,
    accuracy_m: object,
    surveyor: object,
    osm_id: object,
    osm_version: object,
    notes: object,
) -> bool:
    """Check the types and ranges of a whole camera row (SQLite does not)."""
    return (
        plausible_position_and_link(camera_id, lat, lon, osm_id, osm_version)
        and (accuracy_m is None or (type(accuracy_m) is float and accuracy_m >= 0.0))
        and (surveyor is None or type(surveyor) is str)
        and type(notes) is str
    )


_TEXT, _FLOAT = frozenset({str}), frozenset({float})
_TEXT_OR_NONE, _FLOAT_OR_NONE = frozenset({str, type(None)}), frozenset({float, type(None)})


def _plausible_columns(
    ids: Sequence[object],
    lats: Sequence[object],
    lons: Sequence[object],
    accuracies: Sequence[object],
    surveyors: Sequence[object],
    osm_ids: Sequence[object],
    versions: Sequence[object],
    notes: Sequence[object],
) -> bool:
    """``_plausible`` of every row of these columns (none empty), a column at a time.

    >>> _plausible_columns(["a"], [1.0], [2.0], [None], [None], [None], [None], [""])
    True
    >>> _plausible_columns(["a"], [91.0], [2.0], [None], [None], [None], [None], [""])
    False
    """
    return (
        set(map(type, ids)) == _TEXT
        and set(map(type, notes)) == _TEXT
        and set(map(type, surveyors)) <= _TEXT_OR_NONE
        and set(map(type, accuracies)) <= _FLOAT_OR_NONE
        and all(map(partial(le, 0.0), filter(partial(is_not, None), accuracies)))  # no NaN
        and plausible_positions_and_links(lats, lons, osm_ids, versions)
    )


def plausible_positions_and_links(
    lats: Sequence[object],
    lons: Sequence[object],
    osm_ids: Sequence[object],
    versions: Sequence[object],
) -> bool:
    """``plausible_position_and_link`` of every row of these columns (none empty; the ids
    are the caller's), a column at a time: one pass per column when no row has a link.

    >>> plausible_positions_and_links([1.0], [2.0], [None], [None])
    True
    >>> plausible_positions_and_links([1.0, float("nan")], [2.0, 2.0], [None] * 2, [None] * 2)
    False
    """
    if set(map(type, lats)) != _FLOAT or set(map(type, lons)) != _FLOAT:
        return False
    # Compared one by one (not min and max): a NaN is never in range.
    in_range = (
        all(map(partial(le, -90.0), lats))
        and all(map(partial(ge, 90.0), lats))
        and all(map(partial(le, -180.0), lons))
        and all(map(partial(ge, 180.0), lons))
    )
    if not in_range:
        return False
    if osm_ids.count(None) == len(osm_ids) and versions.count(None) == len(versions):
        return True
    return all(map(plausible_position_and_link, repeat(""), lats, lons, osm_ids, versions))


def camera_from_row(row: Sequence[Any]) -> Camera:
    """Build one Camera from a row of the columns in ``CAMERA_COLUMNS`` order."""
    return CameraReader()(row)
