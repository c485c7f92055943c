"""A camera sighting: its OSM tags (the canonical data) and how it was logged."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from itertools import repeat
from typing import Protocol

__all__ = [
    "Camera",
    "Located",
    "PositionSource",
    "Status",
    "TaggedPlace",
    "camera_of_fields",
    "cameras_of_columns",
    "new_camera_id",
    "utc_now",
]


class Status(StrEnum):
    """Where a sighting stands in review."""

    DRAFT = "draft"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class PositionSource(StrEnum):
    """How the camera's position was obtained."""

    GPS = "gps"
    MAP = "map"
    PHOTO = "photo"
    IMPORT = "import"


class Located(Protocol):
    """Anything with a position: a survey camera, a camera already in OSM."""

    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


class TaggedPlace(Located, Protocol):
    """What is drawn or written as an OSM node: where it is and its tags (a survey camera, a
    camera already in OSM, a row read for an export)."""

    @property
    def tags(self) -> Mapping[str, str]: ...


def new_camera_id() -> str:
    """Return a new random, globally unique camera id (32 hex characters): a version 4 UUID
    as ``uuid.uuid4().hex`` gives it, in a third of its time (a merge makes one per camera).

    >>> import uuid
    >>> camera_id = new_camera_id()
    >>> len(camera_id), uuid.UUID(camera_id).version, camera_id == camera_id.lower()
    (32, 4, True)
    """
    random = bytearray(os.urandom(16))
    random[6] = random[6] & 0x0F | 0x40  # version 4
    random[8] = random[8] & 0x3F | 0x80  # the RFC 4122 variant
    return random.hex()


def utc_now() -> datetime:
    """Return the current time in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Camera:
    """One camera as logged in a survey.

    ``tags`` holds the OSM tags exactly as they will be written (unknown tags included);
    everything else is survey bookkeeping that never reaches OSM. ``notes`` are private.
    ``osm_id``/``osm_version`` link the sighting to an existing OSM node when it matches one.
    """

    lat: float
    lon: float
    tags: Mapping[str, str] = field(default_factory=dict)
    id: str = field(default_factory=new_camera_id)
    status: Status = Status.DRAFT
    source: PositionSource = PositionSource.MAP
    accuracy_m: float | None = None
    surveyor: str | None = None
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    osm_id: int | None = None
    osm_version: int | None = None
    notes: str = ""

    def with_tags(self, tags: Mapping[str, str]) -> Camera:
        """Return a copy with ``tags`` replacing the current tags and a fresh ``updated_at``."""
        return replace(self, tags=dict(tags), updated_at=utc_now())

    def with_tag(self, key: str, value: str | None) -> Camera:
        """Return a copy with one tag set, or removed when ``value`` is None or empty."""
        tags = dict(self.tags)
        if value is None or value == "":
            tags.pop(key, None)
        else:
            tags[key] = value
        return self.with_tags(tags)

    def moved_to(self, lat: float, lon: float, source: PositionSource) -> Camera:
        """Return a copy placed at a new position."""
        return replace(self, lat=lat, lon=lon, source=source, updated_at=utc_now())


_new_object = object.__new__
_set_field = object.__setattr__  # what a frozen dataclass's own __init__ calls, per field


def camera_of_fields(
    lat: float,
    lon: float,
    tags: Mapping[str, str],
    id: str,
    status: Status,
    source: PositionSource,
    accuracy_m: float | None,
    surveyor: str | None,
    created_at: datetime,
    updated_at: datetime,
    osm_id: int | None,
    osm_version: int | None,
    notes: str,
) -> Camera:
    """``Camera(...)`` from every field's value, in field order, in two thirds of its time: for
    readers of many rows (a million cameras read from a survey). Nothing is defaulted.

    >>> moment = utc_now()
    >>> fields = (1.0, 2.0, {}, "c1", Status.DRAFT, PositionSource.GPS, None, None,
    ...           moment, moment, None, None, "")
    >>> camera_of_fields(*fields) == Camera(*fields)
    True
    """
    camera = _new_object(Camera)
    _set_field(camera, "lat", lat)
    _set_field(camera, "lon", lon)
    _set_field(camera, "tags", tags)
    _set_field(camera, "id", id)
    _set_field(camera, "status", status)
    _set_field(camera, "source", source)
    _set_field(camera, "accuracy_m", accuracy_m)
    _set_field(camera, "surveyor", surveyor)
    _set_field(camera, "created_at", created_at)
    _set_field(camera, "updated_at", updated_at)
    _set_field(camera, "osm_id", osm_id)
    _set_field(camera, "osm_version", osm_version)
    _set_field(camera, "notes", notes)
    return camera


_FIELD_SETTERS = tuple(getattr(Camera, f.name).__set__ for f in fields(Camera))  # slots


def cameras_of_columns(*columns: Sequence[object]) -> list[Camera]:
    """``camera_of_fields`` for many cameras at once, from one sequence per field (in field
    order, all of one length), with no Python call per camera: for a million cameras read
    from a survey. Nothing is checked or defaulted.

    >>> moment = utc_now()
    >>> fields = (1.0, 2.0, {}, "c1", Status.DRAFT, PositionSource.GPS, None, None,
    ...           moment, moment, None, None, "")
    >>> cameras_of_columns(*([value] * 2 for value in fields)) == [Camera(*fields)] * 2
    True
    """
    count = len(columns[0])
    cameras = list(map(_new_object, repeat(Camera, count)))
    for set_field, column in zip(_FIELD_SETTERS, columns, strict=True):
        deque(map(set_field, cameras, column), maxlen=0)
    return cameras
