"""Write cameras and their fields of view as a GeoPackage (geopandas over pyogrio), in WGS 84.

Two layers: ``cameras`` (points: the survey columns, then one text column per OSM tag) and
``fields_of_view`` (a multipolygon per camera that has one). QGIS, ogr2ogr and uMap's
converters read it as it is.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from shapely import MultiPolygon, Point

from contrechamp.formats._atomic import atomic_file
from contrechamp.formats._point_record import valid_position

if TYPE_CHECKING:
    from geopandas import GeoDataFrame  # imported when writing: it takes a second to load

__all__ = [
    "CAMERAS_LAYER",
    "FIELDS_LAYER",
    "GisCamera",
    "GisFieldOfView",
    "tag_columns",
    "write_gpkg",
]

CAMERAS_LAYER = "cameras"
FIELDS_LAYER = "fields_of_view"
_CRS = "EPSG:4326"
_INTEGER_COLUMNS = frozenset({"osm_id", "osm_version"})
_NUMBER_COLUMNS = frozenset({"accuracy_m"})
# GDAL's own names in a GeoPackage layer: a tag may not take them.
_DRIVER_NAMES = frozenset({"fid", "geom", "geometry"})
_TAG_PREFIX = "tag:"


@dataclass(frozen=True, slots=True)
class GisCamera:
    """One camera of the ``cameras`` layer: its position, survey columns and OSM tags."""

    lat: float
    lon: float
    columns: Mapping[str, str | float | int | None]
    tags: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class GisFieldOfView:
    """One feature of the ``fields_of_view`` layer (its polygons in longitude, latitude)."""

    camera_id: str
    kind: str
    reach_m: float
    area: MultiPolygon


def write_gpkg(
    path: Path,
    cameras: Sequence[GisCamera],
    fields: Sequence[GisFieldOfView],
    *,
    columns: Sequence[str],
) -> int:
    """Write both layers to ``path`` atomically; return how many cameras.

    ``columns`` names the survey columns in order (``osm_id`` and ``osm_version`` are 64-bit
    integers, ``accuracy_m`` a real, the others text); tag columns follow, each named after
    its key, or ``tag:<key>`` when the key would clash with another column (GeoPackage
    column names ignore case). Raises ``ValueError`` for a position out of range; the file
    is then left as it was.
    """
    for camera in cameras:
        if not valid_position(camera.lat, camera.lon):
            raise ValueError(f"position out of range: ({camera.lat}, {camera.lon})")
    camera_frame = _camera_frame(cameras, columns)
    fields_frame = _fields_frame(fields)
    with atomic_file(path, ".gpkg") as temp, warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # GDAL's notes, not the user's business
        camera_frame.to_file(temp, layer=CAMERAS_LAYER, driver="GPKG", engine="pyogrio")
        fields_frame.to_file(
            temp, layer=FIELDS_LAYER, driver="GPKG", engine="pyogrio", geometry_type="MultiPolygon"
        )
    return len(cameras)


def tag_columns(keys: Sequence[str], taken: Sequence[str]) -> dict[str, str]:
    """Map each tag key to its column name: the key, or ``tag:<key>`` (then a number) when
    a column of that name, in any case, exists already.

    >>> tag_columns(["name", "Name", "ID", "camera:type"], ["id"])
    {'name': 'name', 'Name': 'tag:Name', 'ID': 'tag:ID', 'camera:type': 'camera:type'}
    """
    used = {name.lower() for name in (*taken, *_DRIVER_NAMES)}
    names: dict[str, str] = {}
    for key in keys:
        name, number = key, 1
        if not key.strip() or key.lower() in used:
            name = _TAG_PREFIX + key
        while name.lower() in used:
            number += 1
            name = f"{_TAG_PREFIX}{key}_{number}"
        used.add(name.lower())
        names[key] = name
    return names


def _camera_frame(cameras: Sequence[GisCamera], columns: Sequence[str]) -> GeoDataFrame:
    """The ``cameras`` layer as a GeoDataFrame."""
    import geopandas as gpd
    import pandas as pd

    keys = sorted({key for camera in cameras for key in camera.tags})
    names = tag_columns(keys, columns)
    data: dict[str, object] = {}
    for column in columns:
        values = [camera.columns.get(column) for camera in cameras]
        data[column] = pd.array(values, dtype=_dtype(column))
    for key in keys:
        data[names[key]] = pd.array([c.tags.get(key) for c in cameras], dtype="string")
    geometry = [Point(c.lon, c.lat) for c in cameras]
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geometry, crs=_CRS), crs=_CRS)


def _dtype(column: str) -> str:
    """The pandas type of a survey column."""
    if column in _INTEGER_COLUMNS:
        return "Int64"
    return "Float64" if column in _NUMBER_COLUMNS else "string"


def _fields_frame(fields: Sequence[GisFieldOfView]) -> GeoDataFrame:
    """The ``fields_of_view`` layer as a GeoDataFrame."""
    import geopandas as gpd
    import pandas as pd

    data = {
        "camera_id": pd.array([f.camera_id for f in fields], dtype="string"),
        "kind": pd.array([f.kind for f in fields], dtype="string"),
        "reach_m": pd.array([f.reach_m for f in fields], dtype="Float64"),
    }
    geometry = gpd.GeoSeries([f.area for f in fields], crs=_CRS)
    return gpd.GeoDataFrame(data, geometry=geometry, crs=_CRS)
