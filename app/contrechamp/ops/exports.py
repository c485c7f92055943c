"""Export a survey's cameras: GeoJSON, GeoPackage, CSV, GPX, an HTML map, JOSM ``.osm``,
osmChange ``.osc``, or their photos in a zip file.

Rejected sightings are never exported. Participants' names are left out unless asked for,
and only CSV, GeoPackage and the HTML map can carry them. Private notes never leave the
survey. Which cameras go out (status, sector) is decided in one place, ``CameraSelection``.
The OSM files follow OSM.md §3 (see ``ops/osm_exports.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import compress
from pathlib import Path
from typing import Protocol, TypeVar

import shapely
from shapely import intersects_xy
from shapely.geometry.base import BaseGeometry

from contrechamp.core.camera import Camera, Status, TaggedPlace
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.formats.csv_io import write_csv
from contrechamp.formats.geojson import (
    CarefulWriteNeededError,
    PointRecord,
    StoredFeatures,
    write_feature_texts,
    write_geojson,
)
from contrechamp.formats.gpx import GpxWaypoint, write_gpx
from contrechamp.ops.camera_records import META_COLUMNS, NAME_COLUMN, record_from_camera
from contrechamp.ops.export_target import check_target
from contrechamp.ops.progress import Progress
from contrechamp.store.cameras import (
    ExportRow,
    RawExportIdRow,
    collector_paused,
    plausible_raw_chunk,
)
from contrechamp.store.survey import SurveyFile

__all__ = [
    "EXPORTED_STATUSES",
    "NAMED_FORMATS",
    "CameraSelection",
    "ExportFormat",
    "ExportOptions",
    "ExportResult",
    "ExportedCamera",
    "camera_selection",
    "export_survey",
    "export_to",
]


class ExportFormat(StrEnum):
    """The export formats."""

    GEOJSON = "geojson"
    GPKG = "gpkg"
    CSV = "csv"
    GPX = "gpx"
    HTML = "html"
    OSM = "osm"
    OSC = "osc"
    PHOTOS = "photos"

    @property
    def suffix(self) -> str:
        """The file name ending of the format (photos come in a zip file)."""
        return ".zip" if self is ExportFormat.PHOTOS else f".{self.value}"


NAMED_FORMATS = frozenset({ExportFormat.CSV, ExportFormat.GPKG, ExportFormat.HTML})
"""The formats that can carry participants' pseudonyms (when asked): OSM files, GeoJSON
(whose properties are the OSM tags) and GPX never do."""

EXPORTED_STATUSES = frozenset({Status.DRAFT, Status.CONFIRMED})
"""Rejected sightings are never exported."""


@dataclass(frozen=True)
class ExportOptions:
    """Choices a user makes when exporting.

    ``statuses`` empty means drafts and confirmed cameras; ``sector`` names one of the
    survey's sectors, whose cameras alone are exported. ``with_photos`` puts the photo
    previews into the HTML map; ``keep_exif`` keeps the photos' metadata in a photo export.
    ``blur`` (on unless turned off) blurs faces and the photos' blur regions in every photo
    that goes out (a photo export, the HTML map's previews). ``with_coverage`` puts the
    coverage figures and the streets coloured by coverage into the HTML map (when the
    survey has an area).
    """

    include_names: bool = False
    confirmed_only: bool = False
    existing: Path | None = None
    include_track: bool = False
    statuses: frozenset[Status] = frozenset()
    sector: str | None = None
    with_photos: bool = False
    keep_exif: bool = False
    blur: bool = True
    with_coverage: bool = True


@dataclass
class ExportResult:
    """What an export wrote, and what it left out and why.

    ``unknown_original``: confirmed cameras linked to OSM nodes whose original is not known,
    left out of an ``.osc``; ``unversioned``: cameras linked to OSM nodes without a known
    version, left out of ``.osm`` and ``.osc`` files (JOSM refuses a node without its version,
    and a ``<modify>`` needs it).
    """

    cameras: int = 0
    photos: int = 0
    photos_failed: int = 0
    unknown_original: int = 0
    unversioned: int = 0


class ExportedCamera(TaggedPlace, Protocol):
    """What the OSM writers read of a camera: a Camera or a store ``ExportRow``."""

    @property
    def id(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def osm_id(self) -> int | None: ...
    @property
    def osm_version(self) -> int | None: ...


_Item = TypeVar("_Item", bound=ExportedCamera)
PROGRESS_EVERY = 500  # cameras between two reports of an export's progress


@dataclass(frozen=True)
class CameraSelection:
    """Which cameras an export takes: the one place every format filters them.

    By status (never rejected ones) and, when a sector is named, by position inside it.
    With ``progress``, going through the cameras reports how far it is (of ``total``).
    """

    statuses: frozenset[Status]
    area: BaseGeometry | None = None
    progress: Progress | None = None
    total: int = 0

    def keeps(self, camera: ExportedCamera) -> bool:
        """Tell whether ``camera`` is exported."""
        if camera.status not in self.statuses:
            return False
        return self.area is None or bool(intersects_xy(self.area, camera.lon, camera.lat))

    def only(self, cameras: Iterable[_Item]) -> Iterator[_Item]:
        """The cameras kept, in order."""
        progress = self.progress
        for done, camera in enumerate(cameras, start=1):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress.advance(done, self.total)
            if self.keeps(camera):
                yield camera

    def cameras(self, survey: SurveyFile) -> list[Camera]:
        """The survey's cameras kept, in the order they were added."""
        return list(self.only(survey.cameras()))

    @contextmanager
    def rows(self, survey: SurveyFile) -> Iterator[Iterator[ExportRow]]:
        """The export rows kept (the fast path), their reader closed however the block
        ends: a writer that fails (a full disk) must not leave it holding the survey's lock."""
        rows = survey.export_rows(self.statuses)
        try:
            filtered = self.area is not None or self.progress is not None
            yield self.only(rows) if filtered else rows
        finally:
            if isinstance(rows, Generator):
                rows.close()


def camera_selection(
    survey: SurveyFile, fmt: ExportFormat, options: ExportOptions
) -> CameraSelection:
    """The cameras ``options`` ask for in ``fmt`` (``.osc``: confirmed ones only).

    Raises ``InputError("export.sector")`` when the survey has no sector of that name.
    """
    statuses = set(options.statuses or EXPORTED_STATUSES) & EXPORTED_STATUSES
    if options.confirmed_only or fmt is ExportFormat.OSC:
        statuses &= {Status.CONFIRMED}
    area = None if options.sector is None else _sector_area(survey, options.sector)
    return CameraSelection(frozenset(statuses), area)


def _sector_area(survey: SurveyFile, name: str) -> BaseGeometry:
    """The polygon of the sector named ``name``, prepared for many point tests."""
    sectors = survey.sectors()
    for sector in sectors:
        if sector.name == name:
            area = shapely.from_wkb(sector.wkb)
            shapely.prepare(area)
            return area
    known = ", ".join(repr(s.name) for s in sectors[:10]) or "none"
    raise InputError(
        f"no sector named {name!r} in this survey (its sectors: {known})", "export.sector"
    )


_Writer = Callable[[SurveyFile, CameraSelection, Path, ExportOptions], ExportResult]


def _geojson_record(row: ExportRow) -> PointRecord:
    """The GeoJSON record of a camera: what ``record_from_camera`` gives and the writer uses."""
    return PointRecord(row.lat, row.lon, row.tags, {"id": row.id}, row.tags_json)


def _write_geojson(
    survey: SurveyFile, selection: CameraSelection, out: Path, opts: ExportOptions
) -> ExportResult:
    """The fast way when the file is replaced whole (a pipe could not take back what a fast
    write gave up): chunks of raw rows checked in bulk, their Features made at once
    (``StoredFeatures``). Should a row be refused, the careful way writes the same file
    from ``export_rows``, or raises today's error."""
    if out.is_file() or not out.exists():
        try:
            with collector_paused(), closing(survey.raw_export_id_rows(selection.statuses)) as raw:
                written = write_feature_texts(out, _geojson_chunks(raw, selection))
            return ExportResult(cameras=written)
        except (CarefulWriteNeededError, SurveyError, UnicodeEncodeError):
            pass
    with selection.rows(survey) as rows:
        return ExportResult(cameras=write_geojson(out, map(_geojson_record, rows)))


def _geojson_chunks(
    raw: Iterable[list[RawExportIdRow]], selection: CameraSelection
) -> Iterator[tuple[int, str]]:
    """The Features of each chunk of raw rows, and how many (``_write_geojson``)."""
    features, done = StoredFeatures(), 0
    for chunk in raw:
        ids, lats, lons, osm_ids, versions, texts, codes = zip(*chunk, strict=True)
        if selection.progress is not None:  # as ``CameraSelection.only`` reports
            first = done + PROGRESS_EVERY - done % PROGRESS_EVERY
            for reached in range(first, done + len(chunk) + 1, PROGRESS_EVERY):
                selection.progress.advance(reached, selection.total)
        done += len(chunk)
        if not plausible_raw_chunk(lats, lons, osm_ids, versions, texts, codes):
            raise CarefulWriteNeededError
        if selection.area is not None:
            inside = intersects_xy(selection.area, lons, lats)
            ids, lats, lons, texts = (tuple(compress(c, inside)) for c in (ids, lats, lons, texts))
        yield len(ids), features.text(ids, lats, lons, texts)


def _write_csv(
    survey: SurveyFile, selection: CameraSelection, out: Path, opts: ExportOptions
) -> ExportResult:
    cameras = selection.cameras(survey)
    columns = (*META_COLUMNS, NAME_COLUMN) if opts.include_names else META_COLUMNS
    records = (record_from_camera(c, with_name=opts.include_names) for c in cameras)
    return ExportResult(cameras=write_csv(out, records, meta_columns=columns))


def _waypoint(camera: Camera) -> GpxWaypoint:
    kind = camera.tags.get("surveillance:type", "camera")
    details = [camera.tags.get(k, "") for k in ("camera:type", "camera:direction")]
    name = " ".join([kind, *[d for d in details if d]])
    description = "; ".join(f"{k}={v}" for k, v in sorted(camera.tags.items()))
    return GpxWaypoint(camera.lat, camera.lon, name=name, description=description)


def _write_gpx(
    survey: SurveyFile, selection: CameraSelection, out: Path, opts: ExportOptions
) -> ExportResult:
    """Cameras as waypoints; the walker's own track only when asked for (privacy)."""
    cameras = selection.cameras(survey)
    track = survey.track() if opts.include_track else []
    write_gpx(out, [track] if track else [], [_waypoint(c) for c in cameras])
    return ExportResult(cameras=len(cameras))


def _write_gpkg(
    survey: SurveyFile, selection: CameraSelection, out: Path, opts: ExportOptions
) -> ExportResult:
    """Two layers: the cameras, and the fields of view of those that have one."""
    from contrechamp.formats.gpkg import write_gpkg
    from contrechamp.ops.map_exports import gis_cameras, gis_columns, gis_fields

    cameras = selection.cameras(survey)
    features = gis_cameras(cameras, with_names=opts.include_names)
    columns = gis_columns(opts.include_names)
    return ExportResult(cameras=write_gpkg(out, features, gis_fields(cameras), columns=columns))


def _write_html(
    survey: SurveyFile, selection: CameraSelection, out: Path, opts: ExportOptions
) -> ExportResult:
    """A standalone map, its base map drawn from the survey's area, with the area's (or the
    sector's) coverage when the survey has one."""
    from contrechamp.formats.html_map import write_html_map
    from contrechamp.ops.coverage_map import map_coverage
    from contrechamp.ops.map_exports import map_background, map_cameras

    cameras = selection.cameras(survey)
    blurred = None
    if opts.with_photos and opts.blur:
        from contrechamp.ops.blur import scan_photos

        ids = [p.id for c in cameras for p in survey.photos(c.id) if p.id is not None]
        blurred = scan_photos(survey, ids, progress=selection.progress)
    shown = map_cameras(
        survey,
        cameras,
        with_names=opts.include_names,
        with_photos=opts.with_photos,
        blur=blurred,
    )
    background = map_background(survey, cameras)
    coverage = map_coverage(survey, opts.sector) if opts.with_coverage else None
    count = write_html_map(out, shown, title=survey.title, background=background, coverage=coverage)
    return ExportResult(cameras=count, photos=sum(len(c.photos) for c in shown))


def _write_photos(
    survey: SurveyFile, selection: CameraSelection, out: Path, opts: ExportOptions
) -> ExportResult:
    """The selected cameras' photos in a zip file, stripped unless ``keep_exif``."""
    from contrechamp.ops.photo_export import write_photo_zip

    cameras = selection.cameras(survey)
    archive = write_photo_zip(
        survey,
        cameras,
        out,
        keep_metadata=opts.keep_exif,
        blur=opts.blur,
        progress=selection.progress,
    )
    return ExportResult(
        cameras=len(cameras), photos=len(archive.names), photos_failed=len(archive.failed)
    )


def _write_osm(
    survey: SurveyFile, selection: CameraSelection, out: Path, opts: ExportOptions
) -> ExportResult:
    from contrechamp.ops.osm_exports import write_josm_export

    return write_josm_export(survey, selection, out, opts.existing)


def _write_osc(
    survey: SurveyFile, selection: CameraSelection, out: Path, opts: ExportOptions
) -> ExportResult:
    from contrechamp.ops.osm_exports import write_osc_export

    return write_osc_export(survey, selection, out, opts.existing)


_WRITERS: dict[ExportFormat, _Writer] = {
    ExportFormat.GEOJSON: _write_geojson,
    ExportFormat.GPKG: _write_gpkg,
    ExportFormat.CSV: _write_csv,
    ExportFormat.GPX: _write_gpx,
    ExportFormat.HTML: _write_html,
    ExportFormat.OSM: _write_osm,
    ExportFormat.OSC: _write_osc,
    ExportFormat.PHOTOS: _write_photos,
}


def export_to(
    survey: SurveyFile,
    fmt: ExportFormat,
    out: Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the survey's cameras (or their photos) to ``out`` in ``fmt``; say what was
    written and what was left out.

    ``.osc`` files carry confirmed cameras only: they are ready to upload, drafts are not.
    Never overwrites a survey or another database. Raises ``InputError`` (``export.target``,
    ``export.sector``, ``export.invalid``, ``export.write``) before anything is written, or
    with the file left as it was.
    """
    opts = options or ExportOptions()
    check_target(survey, out, geopackage=fmt is ExportFormat.GPKG)
    selection = camera_selection(survey, fmt, opts)
    if progress is not None:
        counts = survey.camera_counts()
        total = sum(counts.get(status, 0) for status in selection.statuses)
        selection = replace(selection, progress=progress, total=total)
    try:
        return _WRITERS[fmt](survey, selection, out, opts)
    except ValueError as error:  # a writer's own check; the survey holds something it can't write
        raise InputError(f"cannot write {out.name}: {error}", "export.invalid") from None
    except OSError as error:  # a full disk, a read-only folder: the file is left as it was
        reason = error.strerror or type(error).__name__
        raise InputError(f"cannot write {out.name}: {reason}", "export.write") from None


def export_survey(
    survey: SurveyFile, fmt: ExportFormat, out: Path, options: ExportOptions | None = None
) -> int:
    """``export_to``, returning only how many cameras were written."""
    return export_to(survey, fmt, out, options).cameras
