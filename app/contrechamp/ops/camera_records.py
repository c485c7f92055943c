"""Conversions between survey cameras and the records of file formats (OSM nodes, GIS points).

Everything coming in is checked here, once, so that what reaches the survey can always be
written back out: OSM ids and versions in range (a version may be unknown: None),
tags that XML and the OSM API can carry, text that is valid Unicode.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.core.errors import InputError
from contrechamp.core.stored_tags import StoredTags
from contrechamp.formats._point_record import META_COLUMNS as RECORD_COLUMNS
from contrechamp.formats.geojson import PointRecord
from contrechamp.formats.numbers import parse_decimal, parse_integer
from contrechamp.formats.osm_read import OsmNode
from contrechamp.formats.osm_write import unwritable_xml_text

__all__ = [
    "META_COLUMNS",
    "NAME_COLUMN",
    "camera_from_node",
    "camera_from_record",
    "check_cameras_writable",
    "check_tag_lengths",
    "check_tags_writable",
    "record_from_camera",
]

NAME_COLUMN = "surveyor"
META_COLUMNS = tuple(c for c in RECORD_COLUMNS if c != NAME_COLUMN)
MAX_OSM_ID = 2**63 - 1
MAX_OSM_VERSION = 2**31 - 1
MAX_TAG_LENGTH = 255  # the OSM API refuses longer keys and values
_CAMERA_ID = re.compile(r"[0-9a-f]{32}")
# Overpass Turbo's GeoJSON carries the node as "@id": "node/123" and its metadata as "@…".
_TURBO_NODE = re.compile(r"node/(\d{1,19})")


def check_tags_writable(tags: Mapping[str, str], where: str) -> None:
    """Refuse tags that no OSM file or the OSM API could carry: ``InputError("tags.invalid")``.

    Tags read from a survey as their stored text (``StoredTags``) were proven writable as
    they were read, and pass at once.
    """
    if type(tags) is StoredTags:
        return
    bad = unwritable_xml_text(tags)
    if bad is not None:
        detail = f"{where}: tag {bad[:40]!r} has characters OSM cannot store"
        raise InputError(detail, "tags.invalid")
    check_tag_lengths(tags, where)


def check_cameras_writable(cameras: Iterable[Camera], where: str) -> None:
    """``check_tags_writable`` on the tags of each camera (a survey read to merge or push)."""
    for camera in cameras:
        check_tags_writable(camera.tags, where)


def check_tag_lengths(tags: Mapping[str, str], where: str) -> None:
    """Refuse empty keys and keys or values longer than the OSM API takes (255 characters)."""
    if not tags or (
        "" not in tags
        and max(map(len, tags)) <= MAX_TAG_LENGTH
        and max(map(len, tags.values())) <= MAX_TAG_LENGTH
    ):
        return  # the usual case, checked without a Python loop (this runs per exported node)
    for key, value in tags.items():
        if not key or len(key) > MAX_TAG_LENGTH or len(value) > MAX_TAG_LENGTH:
            raise InputError(
                f"{where}: tag {key[:40]!r} is empty or longer than {MAX_TAG_LENGTH} characters",
                "tags.invalid",
            )


def _checked_osm_ref(osm_id: int, version: int | None, where: str) -> tuple[int, int | None]:
    """The node id and version, checked; a missing version stays None (Overpass Turbo's
    ``out body;`` gives none): the camera is linked by its id, its version unknown."""
    if not 0 < osm_id <= MAX_OSM_ID:
        raise InputError(f"{where}: OSM id {osm_id} is out of range", "osm.id")
    if version is not None and not 0 < version <= MAX_OSM_VERSION:
        raise InputError(f"{where}: OSM node {osm_id} has a bad version {version}", "osm.version")
    return osm_id, version


def camera_from_node(node: OsmNode, surveyor: str | None, where: str) -> Camera:
    """Return a survey camera for an OSM node: an existing node stays linked to its id and
    version (None when the file does not give it)."""
    check_tags_writable(node.tags, where)
    if node.id > 0:
        osm_id, version = _checked_osm_ref(node.id, node.version, where)
        return Camera(
            lat=node.lat,
            lon=node.lon,
            tags=dict(node.tags),
            status=Status.CONFIRMED,
            source=PositionSource.IMPORT,
            surveyor=surveyor,
            osm_id=osm_id,
            osm_version=version,
        )
    return Camera(
        lat=node.lat,
        lon=node.lon,
        tags=dict(node.tags),
        source=PositionSource.IMPORT,
        surveyor=surveyor,
    )


def _enum_or(value: str | None, enum: type[Status] | type[PositionSource], default: str) -> str:
    return value if value in {e.value for e in enum} else default


def _optional_float(meta: Mapping[str, str], key: str, where: str) -> float | None:
    text = meta.get(key, "")
    if not text:
        return None
    try:
        value = parse_decimal(text.strip())
    except ValueError:
        raise InputError(f"{where}: {key} {text[:40]!r} is not a number", "record.value") from None
    return value if math.isfinite(value) and value >= 0 else None


def _optional_int(meta: Mapping[str, str], key: str, where: str) -> int | None:
    text = meta.get(key, "").strip()
    if not text:
        return None
    try:
        value = parse_integer(text)
    except ValueError:
        value = -1
    if value < 0:  # str.isdigit() would take "²" (and int() "1_0"): see formats/numbers.py
        detail = f"{where}: {key} {text[:40]!r} is not a whole number in range"
        raise InputError(detail, "record.value")
    return value


def _created_at(text: str) -> datetime | None:
    """The creation time a record carries, in UTC; None when absent or not a usable time
    (year 1 at UTC+5 is no time in UTC)."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def _osm_ref(record: PointRecord, where: str) -> tuple[int | None, int | None]:
    """The OSM node a record is linked to: osm_id/osm_version columns, or Overpass Turbo's @id."""
    osm_id = _optional_int(record.meta, "osm_id", where)
    version = _optional_int(record.meta, "osm_version", where)
    turbo = _TURBO_NODE.fullmatch(record.tags.get("@id", ""))
    if osm_id is None and turbo is not None:
        osm_id = int(turbo[1])
        version = _optional_int(record.tags, "@version", where)
    if osm_id is None:
        return None, None
    return _checked_osm_ref(osm_id, version, where)


def camera_from_record(record: PointRecord, surveyor: str | None, where: str) -> Camera:
    """Return a survey camera for a GeoJSON/CSV record, keeping the metadata it carries.

    A record's id is kept only when it is a Contrechamp camera id, so that unrelated files
    numbering their features 1, 2, 3… never collide. Overpass Turbo's ``@…`` metadata keys
    (user names included) are not tags and are dropped.
    """
    tags = {k: v for k, v in record.tags.items() if not k.startswith("@")}
    check_tags_writable(tags, where)
    meta = record.meta
    extra: dict[str, object] = {}
    if _CAMERA_ID.fullmatch(meta.get("id", "")):
        extra["id"] = meta["id"]
    created_at = _created_at(meta.get("created_at", ""))
    if created_at is not None:
        extra["created_at"] = created_at
    osm_id, version = _osm_ref(record, where)
    return Camera(
        lat=record.lat,
        lon=record.lon,
        tags=tags,
        status=Status(_enum_or(meta.get("status"), Status, Status.DRAFT)),
        source=PositionSource(_enum_or(meta.get("source"), PositionSource, "import")),
        accuracy_m=_optional_float(meta, "accuracy_m", where),
        surveyor=meta.get(NAME_COLUMN) or surveyor,
        osm_id=osm_id,
        osm_version=version,
        **extra,  # type: ignore[arg-type]
    )


def record_from_camera(camera: Camera, *, with_name: bool = False) -> PointRecord:
    """Return the GIS record of a camera; the surveyor's name only when asked for."""
    meta = {
        "id": camera.id,
        "status": camera.status.value,
        "source": camera.source.value,
        "accuracy_m": "" if camera.accuracy_m is None else f"{camera.accuracy_m:g}",
        "created_at": camera.created_at.isoformat(),
        "osm_id": "" if camera.osm_id is None else str(camera.osm_id),
        "osm_version": "" if camera.osm_version is None else str(camera.osm_version),
    }
    if with_name:
        meta[NAME_COLUMN] = camera.surveyor or ""
    return PointRecord(lat=camera.lat, lon=camera.lon, tags=dict(camera.tags), meta=meta)
