"""Export a survey's cameras: GeoJSON, CSV, JOSM ``.osm`` and osmChange ``.osc``.

Rejected sightings are never exported. Participants' names are left out unless asked for.
Private notes never leave the survey. OSM files follow OSM.md §3: new cameras get negative
ids; cameras linked to an OSM node carry its id and version and are marked modified only when
they differ from the node as it is in OSM.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import InputError
from contrechamp.formats.csv_io import write_csv
from contrechamp.formats.geojson import write_geojson
from contrechamp.formats.osm_read import read_camera_nodes
from contrechamp.formats.osm_write import OsmWriteNode, write_josm, write_osmchange
from contrechamp.ops.camera_records import META_COLUMNS, NAME_COLUMN, record_from_camera
from contrechamp.store.survey import SurveyFile

__all__ = ["ExportFormat", "ExportOptions", "export_survey", "osm_nodes"]

# Coordinates are compared at the 7 decimals OSM stores.
_SAME_PLACE = 1e-7


class ExportFormat(StrEnum):
    """The export formats available now."""

    GEOJSON = "geojson"
    CSV = "csv"
    OSM = "osm"
    OSC = "osc"


@dataclass(frozen=True)
class ExportOptions:
    """Choices a user makes when exporting."""

    include_names: bool = False
    confirmed_only: bool = False
    existing: Path | None = None


def _exported(cameras: Iterable[Camera], confirmed_only: bool) -> list[Camera]:
    wanted = {Status.CONFIRMED} if confirmed_only else {Status.CONFIRMED, Status.DRAFT}
    return [c for c in cameras if c.status in wanted]


def _differs(camera: Camera, original: ExistingCamera | None) -> bool:
    if original is None or original.version != camera.osm_version:
        return True
    moved = (
        abs(original.lat - camera.lat) > _SAME_PLACE or abs(original.lon - camera.lon) > _SAME_PLACE
    )
    return moved or dict(original.tags) != dict(camera.tags)


def osm_nodes(
    cameras: Sequence[Camera], originals: Mapping[int, ExistingCamera]
) -> list[OsmWriteNode]:
    """Turn cameras into OSM nodes: new ones numbered -1, -2, …; linked ones with id + version."""
    nodes: list[OsmWriteNode] = []
    next_new = -1
    for camera in cameras:
        if camera.osm_id is not None and camera.osm_version is not None:
            modified = _differs(camera, originals.get(camera.osm_id))
            nodes.append(
                OsmWriteNode(
                    camera.osm_id, camera.osm_version, camera.lat, camera.lon, camera.tags, modified
                )
            )
        else:
            nodes.append(OsmWriteNode(next_new, None, camera.lat, camera.lon, camera.tags))
            next_new -= 1
    return nodes


def _originals(survey: SurveyFile, existing: Path | None) -> dict[int, ExistingCamera]:
    known = {c.osm_id: c for c in survey.existing_cameras()}
    if existing is not None:
        for node in read_camera_nodes(existing):
            if node.id > 0 and node.version is not None:
                known[node.id] = ExistingCamera(
                    node.id, node.version, node.lat, node.lon, node.tags
                )
    return known


def _write_osm(
    survey: SurveyFile, cameras: Sequence[Camera], out: Path, opts: ExportOptions
) -> int:
    nodes = osm_nodes(cameras, _originals(survey, opts.existing))
    write_josm(out, nodes)
    return len(nodes)


def _write_osc(
    survey: SurveyFile, cameras: Sequence[Camera], out: Path, opts: ExportOptions
) -> int:
    nodes = osm_nodes(cameras, _originals(survey, opts.existing))
    create = [n for n in nodes if n.id < 0]
    modify = [n for n in nodes if n.id > 0 and n.modified]
    write_osmchange(out, create, modify)
    return len(create) + len(modify)


def _write_geojson(_: SurveyFile, cameras: Sequence[Camera], out: Path, opts: ExportOptions) -> int:
    return write_geojson(out, (record_from_camera(c) for c in cameras))


def _write_csv(_: SurveyFile, cameras: Sequence[Camera], out: Path, opts: ExportOptions) -> int:
    columns = (*META_COLUMNS, NAME_COLUMN) if opts.include_names else META_COLUMNS
    records = (record_from_camera(c, with_name=opts.include_names) for c in cameras)
    return write_csv(out, records, meta_columns=columns)


_WRITERS: dict[ExportFormat, Callable[[SurveyFile, Sequence[Camera], Path, ExportOptions], int]] = {
    ExportFormat.GEOJSON: _write_geojson,
    ExportFormat.CSV: _write_csv,
    ExportFormat.OSM: _write_osm,
    ExportFormat.OSC: _write_osc,
}


def export_survey(
    survey: SurveyFile, fmt: ExportFormat, out: Path, options: ExportOptions | None = None
) -> int:
    """Write the survey's cameras to ``out`` in ``fmt``; return how many were written.

    ``.osc`` files carry confirmed cameras only: they are ready to upload, drafts are not.
    """
    opts = options or ExportOptions()
    if out.exists() and out.is_dir():
        raise InputError(f"{out}: is a folder, not a file name", "export.target")
    confirmed_only = opts.confirmed_only or fmt is ExportFormat.OSC
    cameras = _exported(survey.cameras(), confirmed_only)
    return _WRITERS[fmt](survey, cameras, out, opts)
