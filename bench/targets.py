"""DESIGN.md's performance table: one row key, its title and its target, in table order."""

from __future__ import annotations

from bench.results import Goal

__all__ = ["TARGETS", "TITLES"]

TARGETS: dict[str, Goal] = {
    "map_pan": Goal("value", 8.0, "≤ 8 ms"),
    "map_all": Goal("value", 40.0, "≤ 40 ms"),
    "photo_import": Goal("speedup", 3.0, "≥ 3× faster than exiftool"),
    "photo_previews": Goal("ratio", 1.0, "≤ 1.0× vipsthumbnail per photo"),
    "merge": Goal("value", 1.0, "≤ 1 s"),
    "read_pbf": Goal("ratio", 1.5, "≤ 1.5× osmium tags-filter"),
    "export_geojson": Goal("ratio", 1.5, "≤ 1.5× ogr2ogr"),
    "export_osm": Goal("ratio", 1.5, "≤ 1.5× osmium cat"),
    "save_camera": Goal("ratio", 2.0, "≤ 2× raw sqlite3"),
    "cold_start": Goal("ratio", 2.5, "≤ 2.5× a bare PySide6 window"),
    "memory": Goal("value", 250.0, "≤ 250 MB above a bare window"),
    "list_sort": Goal("value", 200.0, "≤ 200 ms per sort or filter"),
}

# Titles without sizes, for rows that could not be measured (measured rows name their sizes).
TITLES: dict[str, str] = {
    "map_pan": "map frame at street zoom, panning",
    "map_all": "map frame with all cameras in view",
    "photo_import": "phone photos → drafts",
    "photo_previews": "preview thumbnails (320 px) of 12-MP JPEGs, all cores",
    "merge": "merge 20 surveys, dedup",
    "read_pbf": "read cameras + base map from a city PBF",
    "export_geojson": "export cameras to geojson",
    "export_osm": "export cameras to osm",
    "save_camera": "save one camera (durable)",
    "cold_start": "cold start to first painted map",
    "memory": "memory with the cameras open",
    "list_sort": "camera list: sort or filter by status",
}
