"""What each schema version of the survey file contains: its tables, their columns, its indexes.

Opening a file compares it with this list, so a file carrying anything else (a trigger, a view,
a virtual table, an extra table, index or column) is refused before any query runs on it.
``tests/store/test_layout.py`` proves the list matches what the migrations create.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["PHOTO_COLUMNS", "SCHEMA_VERSION", "Layout", "layout"]

SCHEMA_VERSION = 11

_V1_TABLES: dict[str, tuple[str, ...]] = {
    "alembic_version": ("version_num",),
    "meta": ("key", "value"),
    "settings": ("key", "value"),
    "cameras": (
        "id",
        "lat",
        "lon",
        "status",
        "source",
        "accuracy_m",
        "surveyor",
        "created_at",
        "updated_at",
        "osm_id",
        "osm_version",
        "notes",
        "tags",
    ),
    "photos": (
        "id",
        "camera_id",
        "sha256",
        "filename",
        "mime",
        "role",
        "taken_at",
        "lat",
        "lon",
        "accuracy_m",
        "heading",
        "heading_ref",
        "altitude",
        "orientation",
    ),
    "photo_blobs": ("photo_id", "thumbnail", "data"),
    "area": ("id", "west", "south", "east", "north", "source", "loaded_at"),
    "map_features": ("id", "kind", "name", "osm_id", "wkb"),
    "existing_cameras": ("osm_id", "version", "lat", "lon", "tags"),
    "sectors": ("id", "name", "wkb"),
    "track_points": ("id", "time", "lat", "lon", "accuracy_m", "altitude"),
    "imports": ("id", "source", "kind", "count", "imported_at"),
}

_V1_INDEXES: dict[str, str] = {
    "ix_cameras_status": "cameras",
    "ix_photos_sha256": "photos",
    "ix_photos_camera_id": "photos",
    "ix_track_points_time": "track_points",
}

_V2_TABLES: dict[str, tuple[str, ...]] = {
    **_V1_TABLES,
    "cameras": (*_V1_TABLES["cameras"], "origin"),
    "origins": ("survey_id", "title", "surveyor", "merged_at"),
    "uploads": (
        "camera_id",
        "state",
        "changeset_id",
        "placeholder_id",
        "osm_id",
        "osm_version",
        "updated_at",
        "detail",
    ),
}


_V3_TABLES: dict[str, tuple[str, ...]] = {
    **_V2_TABLES,
    "pending_photos": ("photo_id", "source", "size", "state", "thumbnail"),
}


_V4_TABLES: dict[str, tuple[str, ...]] = {
    **_V3_TABLES,
    "photos": (*_V3_TABLES["photos"], "quick_key"),
}

_V4_INDEXES: dict[str, str] = {**_V1_INDEXES, "ix_photos_quick_key": "photos"}

_V5_TABLES: dict[str, tuple[str, ...]] = {
    name: columns for name, columns in _V4_TABLES.items() if name not in ("origins", "uploads")
}

_V6_TABLES: dict[str, tuple[str, ...]] = {
    **_V5_TABLES,
    "merge_surveys": ("survey_id", "title", "surveyor", "created_at", "merged_at"),
    "sightings": ("survey_id", *_V1_TABLES["cameras"], "camera_id"),
    "sighting_photos": ("photo_id", "survey_id", "sighting_id"),
    "merged_cameras": (
        "camera_id",
        "written",
        "reviewed",
        "match",
        "match_osm_id",
        "match_distance_m",
    ),
    "merge_conflicts": ("camera_id", "key", "choices", "decided"),
}

_V6_INDEXES: dict[str, str] = {
    **_V4_INDEXES,
    "ix_sightings_camera_id": "sightings",
    "ix_sighting_photos_sighting": "sighting_photos",
}


_V7_TABLES: dict[str, tuple[str, ...]] = {
    **_V6_TABLES,
    "sectors": (*_V6_TABLES["sectors"], "pair"),
    "listed_cameras": (
        "id",
        "list_name",
        "line",
        "ref",
        "place",
        "placed",
        "lat",
        "lon",
        "tags",
    ),
}


_V8_TABLES: dict[str, tuple[str, ...]] = {
    **_V7_TABLES,
    "uploads": (
        "camera_id",
        "server",
        "changeset_id",
        "action",
        "node_id",
        "version",
        "lat",
        "lon",
        "tags",
        "based_on",
        "sent_at",
    ),
}


_V9_TABLES: dict[str, tuple[str, ...]] = {
    **_V8_TABLES,
    "sheet_lines": ("camera_id", "line"),
    "blur_regions": ("id", "photo_id", "x", "y", "w", "h", "kind", "source", "model", "removed"),
}

_V9_INDEXES: dict[str, str] = {**_V6_INDEXES, "ix_blur_regions_photo_id": "blur_regions"}


_V10_TABLES: dict[str, tuple[str, ...]] = {
    **_V9_TABLES,
    "sightings": (*_V9_TABLES["sightings"], "sheet_line"),
}


_V11_TABLES: dict[str, tuple[str, ...]] = {
    **_V10_TABLES,
    "detections": ("sha256", "model", "regions", "detected_at"),
}


PHOTO_COLUMNS: tuple[str, ...] = _V10_TABLES["photos"]
"""The columns of a photo row today, in order: the one list ``store/photos.py`` reads and
writes by, and ``store/schema.py``'s table must match (``tests/store/test_layout.py``)."""


@dataclass(frozen=True, slots=True)
class Layout:
    """The tables (name -> column names in order) and named indexes (name -> table) of a version."""

    tables: Mapping[str, tuple[str, ...]]
    indexes: Mapping[str, str]


_LAYOUTS = {
    1: Layout(_V1_TABLES, _V1_INDEXES),
    2: Layout(_V2_TABLES, _V1_INDEXES),
    3: Layout(_V3_TABLES, _V1_INDEXES),
    4: Layout(_V4_TABLES, _V4_INDEXES),
    5: Layout(_V5_TABLES, _V4_INDEXES),
    6: Layout(_V6_TABLES, _V6_INDEXES),
    7: Layout(_V7_TABLES, _V6_INDEXES),
    8: Layout(_V8_TABLES, _V6_INDEXES),
    9: Layout(_V9_TABLES, _V9_INDEXES),
    10: Layout(_V10_TABLES, _V9_INDEXES),
    11: Layout(_V11_TABLES, _V9_INDEXES),
}


def layout(version: int) -> Layout:
    """Return the layout of schema ``version`` (KeyError for a version that never existed)."""
    return _LAYOUTS[version]
