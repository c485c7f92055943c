"""Conversions between survey cameras and the records of file formats (OSM nodes, GIS points)."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Mapping
from datetime import datetime

from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.core.errors import InputError
from contrechamp.formats.geojson import PointRecord
from contrechamp.formats.osm_read import OsmNode

__all__ = ["META_COLUMNS", "camera_from_node", "camera_from_record", "record_from_camera"]

META_COLUMNS = ("id", "status", "source", "accuracy_m", "created_at", "osm_id", "osm_version")
NAME_COLUMN = "surveyor"


def camera_from_node(node: OsmNode, surveyor: str | None) -> Camera:
    """Return a survey camera for an OSM node: an existing node stays linked to its id/version."""
    if node.id > 0:
        return Camera(
            lat=node.lat,
            lon=node.lon,
            tags=dict(node.tags),
            status=Status.CONFIRMED,
            source=PositionSource.IMPORT,
            surveyor=surveyor,
            osm_id=node.id,
            osm_version=node.version,
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


def _optional_float(meta: Mapping[str, str], key: str) -> float | None:
    text = meta.get(key, "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{key}: not a number: {text[:40]!r}", "record.value") from None
    return value if math.isfinite(value) and value >= 0 else None


def _optional_int(meta: Mapping[str, str], key: str) -> int | None:
    text = meta.get(key, "")
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError(f"{key}: not a whole number: {text[:40]!r}", "record.value") from None


def camera_from_record(record: PointRecord, surveyor: str | None) -> Camera:
    """Return a survey camera for a GeoJSON/CSV record, keeping the metadata it carries."""
    meta = record.meta
    extra: dict[str, object] = {}
    if meta.get("id"):
        extra["id"] = meta["id"]
    if meta.get("created_at"):
        with contextlib.suppress(ValueError):
            extra["created_at"] = datetime.fromisoformat(meta["created_at"])
    osm_id = _optional_int(meta, "osm_id")
    return Camera(
        lat=record.lat,
        lon=record.lon,
        tags=dict(record.tags),
        status=Status(_enum_or(meta.get("status"), Status, Status.DRAFT)),
        source=PositionSource(_enum_or(meta.get("source"), PositionSource, "import")),
        accuracy_m=_optional_float(meta, "accuracy_m"),
        surveyor=meta.get(NAME_COLUMN) or surveyor,
        osm_id=osm_id if osm_id and osm_id > 0 else None,
        osm_version=_optional_int(meta, "osm_version") if osm_id else None,
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
