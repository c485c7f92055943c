"""Export a survey's cameras: GeoJSON, CSV, JOSM ``.osm``, osmChange ``.osc`` and GPX.

Rejected sightings are never exported. Participants' names are left out unless asked for.
Private notes never leave the survey. OSM files follow OSM.md §3: new cameras get negative
ids; cameras linked to an OSM node carry its id and version and are marked modified only when
they differ from the node as it is in OSM.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Collection, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import InputError
from contrechamp.formats.csv_io import write_csv
from contrechamp.formats.geojson import PointRecord, write_geojson
from contrechamp.formats.gpx import GpxWaypoint, write_gpx
from contrechamp.formats.held_files import SIDECARS, refuse_held
from contrechamp.formats.osm_read import read_camera_nodes
from contrechamp.formats.osm_write import OsmWriteNode, write_josm, write_osmchange
from contrechamp.ops.camera_records import (
    META_COLUMNS,
    NAME_COLUMN,
    check_tag_lengths,
    record_from_camera,
)
from contrechamp.store.cameras import ExportRow, collector_paused
from contrechamp.store.survey import SurveyFile

__all__ = [
    "ExportFormat",
    "ExportOptions",
    "ExportedCamera",
    "export_survey",
    "osm_nodes",
    "uncompared",
]

# Coordinates are compared at the 7 decimals OSM stores.
_SAME_PLACE = 1e-7


class ExportFormat(StrEnum):
    """The export formats available now."""

    GEOJSON = "geojson"
    CSV = "csv"
    OSM = "osm"
    OSC = "osc"
    GPX = "gpx"


@dataclass(frozen=True)
class ExportOptions:
    """Choices a user makes when exporting."""

    include_names: bool = False
    confirmed_only: bool = False
    existing: Path | None = None
    include_track: bool = False


class ExportedCamera(Protocol):
    """What the OSM writers read of a camera: a Camera or a store ``ExportRow``."""

    @property
    def id(self) -> str: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...
    @property
    def tags(self) -> Mapping[str, str]: ...
    @property
    def status(self) -> Status: ...
    @property
    def osm_id(self) -> int | None: ...
    @property
    def osm_version(self) -> int | None: ...


def _exported(cameras: Iterable[Camera], statuses: Collection[Status]) -> list[Camera]:
    return [c for c in cameras if c.status in statuses]


def _differs(camera: ExportedCamera, original: ExistingCamera | None) -> bool:
    if original is None or original.version != camera.osm_version:
        return True
    moved = (
        abs(original.lat - camera.lat) > _SAME_PLACE or abs(original.lon - camera.lon) > _SAME_PLACE
    )
    return moved or dict(original.tags) != dict(camera.tags)


def osm_nodes(
    cameras: Iterable[ExportedCamera], originals: Mapping[int, ExistingCamera]
) -> list[OsmWriteNode]:
    """Turn cameras into OSM nodes: new ones numbered -1, -2, …; linked ones with id + version.

    A linked camera is marked modified unless it matches its original; with no original
    known it is marked modified too, to be safe (JOSM then shows it for review).
    """
    nodes: list[OsmWriteNode] = []
    next_new = -1
    for camera in cameras:
        if camera.osm_id is not None:
            if camera.osm_version is None:
                raise InputError(f"camera {camera.id} has an OSM id but no version", "osm.version")
            modified = _differs(camera, originals.get(camera.osm_id))
            node = OsmWriteNode(
                camera.osm_id, camera.osm_version, camera.lat, camera.lon, camera.tags, modified
            )
        else:
            node = OsmWriteNode(next_new, None, camera.lat, camera.lon, camera.tags)
            next_new -= 1
        if node.modified:  # the XML writer refuses characters XML cannot carry
            check_tag_lengths(camera.tags, f"camera {camera.id}")
        nodes.append(node)
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


def uncompared(survey: SurveyFile, existing: Path | None = None) -> int:
    """Count the confirmed cameras linked to OSM nodes whose original is not known.

    ``.osc`` files leave them out: without the original there is no telling whether they
    changed, and a needless ``<modify>`` would bump the node's version in OSM.
    """
    originals = _originals(survey, existing)
    return sum(
        1
        for c in survey.cameras(Status.CONFIRMED)
        if c.osm_id is not None and c.osm_id not in originals
    )


_Writer = Callable[[SurveyFile, Collection[Status], Path, ExportOptions], int]


def _write_osm(
    survey: SurveyFile, statuses: Collection[Status], out: Path, opts: ExportOptions
) -> int:
    with collector_paused(), _export_rows(survey, statuses) as rows:  # no cycles
        cameras = list(rows)
    with collector_paused():
        nodes = osm_nodes(cameras, _originals(survey, opts.existing))
    # Drafts are not reviewed yet: JOSM must not upload them as they are.
    write_josm(out, nodes, upload=all(c.status is Status.CONFIRMED for c in cameras))
    return len(nodes)


def _write_osc(
    survey: SurveyFile, statuses: Collection[Status], out: Path, opts: ExportOptions
) -> int:
    originals = _originals(survey, opts.existing)
    with collector_paused(), _export_rows(survey, statuses) as rows:  # no cycles
        compared = [c for c in rows if c.osm_id is None or c.osm_id in originals]
        nodes = osm_nodes(compared, originals)
    create = [n for n in nodes if n.id < 0]
    modify = [n for n in nodes if n.id > 0 and n.modified]
    write_osmchange(out, create, modify)
    return len(create) + len(modify)


@contextmanager
def _export_rows(survey: SurveyFile, statuses: Collection[Status]) -> Iterator[Iterator[ExportRow]]:
    """The survey's export rows, their reader closed however the block ends: a writer that
    fails (a full disk) must not leave it holding the survey's lock and cursor."""
    rows = survey.export_rows(statuses)
    try:
        yield rows
    finally:
        if isinstance(rows, Generator):
            rows.close()


def _geojson_record(row: ExportRow) -> PointRecord:
    """The GeoJSON record of a camera: what ``record_from_camera`` gives and the writer uses."""
    return PointRecord(row.lat, row.lon, row.tags, {"id": row.id}, row.tags_json)


def _write_geojson(
    survey: SurveyFile, statuses: Collection[Status], out: Path, opts: ExportOptions
) -> int:
    with _export_rows(survey, statuses) as rows:
        return write_geojson(out, map(_geojson_record, rows))


def _write_csv(
    survey: SurveyFile, statuses: Collection[Status], out: Path, opts: ExportOptions
) -> int:
    cameras = _exported(survey.cameras(), statuses)
    columns = (*META_COLUMNS, NAME_COLUMN) if opts.include_names else META_COLUMNS
    records = (record_from_camera(c, with_name=opts.include_names) for c in cameras)
    return write_csv(out, records, meta_columns=columns)


def _waypoint(camera: Camera) -> GpxWaypoint:
    kind = camera.tags.get("surveillance:type", "camera")
    details = [camera.tags.get(k, "") for k in ("camera:type", "camera:direction")]
    name = " ".join([kind, *[d for d in details if d]])
    description = "; ".join(f"{k}={v}" for k, v in sorted(camera.tags.items()))
    return GpxWaypoint(camera.lat, camera.lon, name=name, description=description)


def _write_gpx(
    survey: SurveyFile, statuses: Collection[Status], out: Path, opts: ExportOptions
) -> int:
    """Cameras as waypoints; the walker's own track only when asked for (privacy)."""
    cameras = _exported(survey.cameras(), statuses)
    track = survey.track() if opts.include_track else []
    write_gpx(out, [track] if track else [], [_waypoint(c) for c in cameras])
    return len(cameras)


_WRITERS: dict[ExportFormat, _Writer] = {
    ExportFormat.GEOJSON: _write_geojson,
    ExportFormat.CSV: _write_csv,
    ExportFormat.OSM: _write_osm,
    ExportFormat.OSC: _write_osc,
    ExportFormat.GPX: _write_gpx,
}


def _check_target(survey: SurveyFile, out: Path) -> None:
    """Refuse an export target that is a folder, a survey (or one of its logs), a database,
    or something that is neither a file nor a device or pipe to write through."""
    refuse_held(out)  # the open survey or its logs: never opened outside SQLite
    target = Path(os.path.realpath(out))  # an export replaces the file a link points to
    if any(_is_survey_name(p.name) for p in (out, target)):
        raise InputError(f"{out.name}: would overwrite a survey file", "export.target")
    try:
        mode: int | None = os.stat(out).st_mode
    except FileNotFoundError:
        mode = None
    if mode is None:
        if not target.parent.is_dir():
            raise InputError(f"{target.parent}: no such folder", "export.target")
    elif stat.S_ISDIR(mode):
        raise InputError(f"{out}: is a folder, not a file name", "export.target")
    elif stat.S_ISREG(mode):
        _refuse_database(survey, out)
    elif not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):  # a terminal, /dev/null, a pipe: ok
        raise InputError(f"{out.name}: not a regular file, a device or a pipe", "export.target")


def _is_survey_name(name: str) -> bool:
    """A survey file's name, or its write-ahead log, shared memory or journal."""
    return name.endswith((SurveyFile.SUFFIX, *(SurveyFile.SUFFIX + end for end in SIDECARS)))


def _refuse_database(survey: SurveyFile, out: Path) -> None:
    """Refuse to replace the survey itself or any SQLite database."""
    if out.resolve() == survey.path.resolve():
        raise InputError(f"{out.name}: would overwrite a survey file", "export.target")
    with out.open("rb") as handle:
        if handle.read(16) == b"SQLite format 3\x00":
            raise InputError(f"{out.name}: would overwrite a database", "export.target")


def export_survey(
    survey: SurveyFile, fmt: ExportFormat, out: Path, options: ExportOptions | None = None
) -> int:
    """Write the survey's cameras to ``out`` in ``fmt``; return how many were written.

    ``.osc`` files carry confirmed cameras only: they are ready to upload, drafts are not.
    Never overwrites a survey or another database.
    """
    opts = options or ExportOptions()
    _check_target(survey, out)
    confirmed_only = opts.confirmed_only or fmt is ExportFormat.OSC
    statuses = {Status.CONFIRMED} if confirmed_only else {Status.CONFIRMED, Status.DRAFT}
    try:
        return _WRITERS[fmt](survey, statuses, out, opts)
    except ValueError as error:  # a writer's own check; the survey holds something it can't write
        raise InputError(f"cannot write {out.name}: {error}", "export.invalid") from None
    except OSError as error:  # a full disk, a read-only folder: the file is left as it was
        reason = error.strerror or type(error).__name__
        raise InputError(f"cannot write {out.name}: {reason}", "export.write") from None
