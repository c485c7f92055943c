"""What the map exports draw of each camera: GeoPackage features and the HTML map's data.

Fields of view come from ``core.fov`` (in metres around the camera) and are turned into
longitude, latitude here. Photos shown in the HTML map are their small previews, stripped of
any metadata like every shared photo.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely import MultiPolygon, Polygon

from contrechamp.core.area import BBox, FeatureKind
from contrechamp.core.camera import Camera
from contrechamp.core.errors import ContrechampError
from contrechamp.core.fov import FovKind, field_of_view
from contrechamp.core.geo import local_scale
from contrechamp.formats.gpkg import GisCamera, GisFieldOfView
from contrechamp.formats.html_map import MapBackground, MapCamera
from contrechamp.formats.photo_files import preview_jpeg
from contrechamp.ops.blur import PhotoScan, blurred_copy
from contrechamp.store.survey import SurveyFile

__all__ = [
    "GIS_COLUMNS",
    "field_area",
    "gis_cameras",
    "gis_fields",
    "map_background",
    "map_cameras",
]

GIS_COLUMNS = ("id", "status", "source", "accuracy_m", "created_at", "osm_id", "osm_version")
NAME_COLUMN = "surveyor"
_MARGIN_DEG = 0.002  # the base map drawn around the cameras: about 200 m
_MAX_BACKGROUND = 30_000  # features: a city centre; beyond, the file grows for little
_GROUND_FIRST = {FeatureKind.WATER: 0, FeatureKind.GREEN: 1, FeatureKind.BUILDING: 2}


def field_area(camera: Camera) -> tuple[FovKind, float, MultiPolygon] | None:
    """The field of view of a camera in longitude, latitude (None when it has none: a fixed
    camera without a direction), with its kind and reach in metres."""
    fov = field_of_view(camera.tags)
    if fov.kind is FovKind.NONE:
        return None
    per_lat, per_lon = local_scale(camera.lat)

    def to_degrees(xy: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.column_stack([camera.lon + xy[:, 0] / per_lon, camera.lat + xy[:, 1] / per_lat])

    polygons = [shapely.transform(p, to_degrees) for p in fov.polygons()]
    return fov.kind, fov.radius_m, MultiPolygon(polygons)


def gis_cameras(cameras: Iterable[Camera], *, with_names: bool) -> list[GisCamera]:
    """The features of the GeoPackage ``cameras`` layer; the surveyor only when asked."""
    features = []
    for camera in cameras:
        columns: dict[str, str | float | int | None] = {
            "id": camera.id,
            "status": camera.status.value,
            "source": camera.source.value,
            "accuracy_m": camera.accuracy_m,
            "created_at": camera.created_at.isoformat(),
            "osm_id": camera.osm_id,
            "osm_version": camera.osm_version,
        }
        if with_names:
            columns[NAME_COLUMN] = camera.surveyor
        features.append(GisCamera(camera.lat, camera.lon, columns, dict(camera.tags)))
    return features


def gis_columns(with_names: bool) -> tuple[str, ...]:
    """The survey columns of the ``cameras`` layer, in order."""
    return (*GIS_COLUMNS, NAME_COLUMN) if with_names else GIS_COLUMNS


def gis_fields(cameras: Iterable[Camera]) -> list[GisFieldOfView]:
    """The features of the ``fields_of_view`` layer: one per camera that has a field."""
    fields = []
    for camera in cameras:
        found = field_area(camera)
        if found is not None:
            kind, reach, area = found
            fields.append(GisFieldOfView(camera.id, kind.value, reach, area))
    return fields


def map_cameras(
    survey: SurveyFile,
    cameras: Iterable[Camera],
    *,
    with_names: bool,
    with_photos: bool,
    blur: PhotoScan | None = None,
) -> list[MapCamera]:
    """The cameras of the HTML map: their tags as popup rows, their fields of view, and
    their photo previews as ``data:`` URIs when asked (with the regions of ``blur``
    blurred)."""
    shown = []
    for camera in cameras:
        rows = [("status", camera.status.value)]
        if camera.osm_id is not None:
            version = "" if camera.osm_version is None else f" v{camera.osm_version}"
            rows.append(("OSM node", f"{camera.osm_id}{version}"))
        if with_names and camera.surveyor:
            rows.append((NAME_COLUMN, camera.surveyor))
        rows.extend(sorted(camera.tags.items()))
        found = field_area(camera)
        rings = [] if found is None else [_outline(p) for p in found[2].geoms]
        photos = _photo_uris(survey, camera, blur) if with_photos else []
        shown.append(MapCamera(camera.id, camera.lat, camera.lon, camera.status.value, rows,
                               rings, photos))  # fmt: skip
    return shown


def _outline(polygon: Polygon) -> list[tuple[float, float]]:
    """A polygon's outer ring as (latitude, longitude) pairs."""
    return [(lat, lon) for lon, lat in polygon.exterior.coords]


def _photo_uris(survey: SurveyFile, camera: Camera, blur: PhotoScan | None) -> list[str]:
    """The previews of a camera's photos as JPEG ``data:`` URIs, metadata stripped (and
    their regions blurred, when ``blur`` is given); a photo that cannot be read (not copied
    in yet, damaged) is left out."""
    uris = []
    for photo in survey.photos(camera.id):
        if photo.id is None or (blur is not None and blur.missed(photo.id)):
            continue
        try:
            preview = survey.thumbnail(photo.id) or preview_jpeg(survey.photo_data(photo.id))
            clean = blurred_copy(preview, [] if blur is None else blur.of(photo.id))
        except ContrechampError:
            continue
        if clean[:3] == b"\xff\xd8\xff":  # a JPEG, as the page expects
            uris.append("data:image/jpeg;base64," + base64.b64encode(clean).decode("ascii"))
    return uris


def map_background(survey: SurveyFile, cameras: Sequence[Camera]) -> list[MapBackground]:
    """The survey's base map around the cameras (streets, buildings, water, parks), water
    and buildings first so that streets are drawn over them."""
    if not cameras:
        return []
    box = BBox(
        min(c.lon for c in cameras) - _MARGIN_DEG,
        min(c.lat for c in cameras) - _MARGIN_DEG,
        max(c.lon for c in cameras) + _MARGIN_DEG,
        max(c.lat for c in cameras) + _MARGIN_DEG,
    )
    window = shapely.box(box.west, box.south, box.east, box.north)
    found: list[tuple[int, MapBackground]] = []
    for feature in survey.map_features():
        geometry = shapely.from_wkb(feature.wkb)
        if not geometry.intersects(window):
            continue
        order = _GROUND_FIRST.get(feature.kind, 3)
        found.extend((order, item) for item in _background_items(feature.kind.value, geometry))
        if len(found) >= _MAX_BACKGROUND:
            break
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def _background_items(kind: str, geometry: shapely.Geometry) -> list[MapBackground]:
    """The lines and outlines of one base map geometry."""
    items = []
    for part in shapely.get_parts(geometry):
        if isinstance(part, Polygon):
            ring = [(lat, lon) for lon, lat in part.exterior.coords]
            items.append(MapBackground(kind, ring, closed=True))
        elif part.geom_type == "LineString":
            items.append(MapBackground(kind, [(lat, lon) for lon, lat in part.coords], False))
    return items
