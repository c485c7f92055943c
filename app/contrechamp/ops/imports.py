"""Import cameras into a survey from other surveys, GeoJSON, OSM files, Overpass JSON and CSV.

Every file is read and checked before anything is written; the writes then happen in one
transaction, so a bad file changes nothing in the survey. Photos of another survey are read as
metadata only; their bytes are copied one at a time in the write step, from the other survey
opened again read-only, so an import never holds them all in memory.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from contrechamp.core.camera import Camera
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.core.photo import PhotoInfo
from contrechamp.formats._json_input import load_json
from contrechamp.formats.csv_io import read_csv
from contrechamp.formats.geojson import geojson_content
from contrechamp.formats.held_files import refuse_held
from contrechamp.formats.osm_read import osm_file_kind, read_camera_nodes
from contrechamp.formats.overpass import is_overpass_answer, overpass_cameras
from contrechamp.ops.blur_transfer import blur_of_photos, carry_blur
from contrechamp.ops.camera_records import (
    camera_from_node,
    camera_from_record,
    check_tags_writable,
)
from contrechamp.ops.names import display_name
from contrechamp.store.survey import SurveyFile

__all__ = ["FileImport", "ImportResult", "detect_kind", "import_files"]

_log = logging.getLogger(__name__)


@dataclass
class FileImport:
    """What one file brought: its kind, the cameras added and those already in the survey.

    ``unversioned`` counts the cameras added linked to an OSM node whose version the file
    does not give (Overpass Turbo's ``out body;``).
    """

    path: Path
    kind: str
    added: int = 0
    already_there: int = 0
    photos: int = 0
    not_points: int = 0
    unversioned: int = 0


@dataclass
class ImportResult:
    """The outcome of an import, file by file."""

    files: list[FileImport] = field(default_factory=list)

    @property
    def added(self) -> int:
        """Cameras added over all files."""
        return sum(f.added for f in self.files)

    @property
    def unversioned(self) -> int:
        """Cameras added linked to an OSM node without a known version, over all files."""
        return sum(f.unversioned for f in self.files)


@dataclass
class _Batch:
    path: Path
    kind: str
    cameras: list[Camera]
    photos: list[PhotoInfo] = field(default_factory=list)  # of a survey: bytes stay there
    not_points: int = 0
    sheet_lines: dict[str, str] = field(default_factory=dict)  # of a survey, by camera id


def _read_json(path: Path, surveyor: str | None) -> _Batch:
    """Read an Overpass answer or a GeoJSON file, told apart by what the document holds."""
    document = load_json(path, "geojson")
    where = display_name(path)
    if is_overpass_answer(document):
        nodes = overpass_cameras(path, document)
        return _Batch(path, "overpass", [camera_from_node(n, surveyor, where) for n in nodes])
    content = geojson_content(path, document)
    cameras = [camera_from_record(r, surveyor, where) for r in content.records]
    return _Batch(path, "geojson", cameras, not_points=sum(content.skipped.values()))


def detect_kind(path: Path) -> str:
    """Tell what a file holds from its name.

    Returns one of ``survey``, ``json`` (GeoJSON or an Overpass answer, told apart once
    parsed), ``osm``, ``csv``; ``InputError("import.format")`` for anything else.
    """
    name = path.name.lower()
    if name.endswith(SurveyFile.SUFFIX):
        return "survey"
    if name.endswith((".geojson", ".json")):
        return "json"
    if name.endswith(".csv"):
        return "csv"
    try:
        osm_file_kind(path)
    except InputError:
        raise InputError(
            f"{path.name}: not a file Contrechamp can import "
            "(.cartoparty, .geojson, .json, .osm, .osc, .osm.pbf, .osm.bz2, .csv)",
            "import.format",
        ) from None
    return "osm"


def _read_survey(path: Path) -> _Batch:
    """Read another survey's cameras and the metadata of its photos (their bytes are copied
    by :func:`_copy_photos`); its errors name it (it is not the survey being imported into)."""
    try:
        with SurveyFile.open_untrusted_readonly(path) as other:
            cameras = other.cameras()
            pending = {photo.photo_id for photo in other.pending_photos()}  # no bytes to take
            photos = [i for i in other.photos() if i.id and i.id not in pending]
            lines = other.sheet_lines()
    except SurveyError as error:
        raise _source_error(path, error) from None
    for camera in cameras:
        check_tags_writable(camera.tags, path.name)
    return _Batch(path, "survey", cameras, photos, sheet_lines=lines)


def _read_batch(path: Path, surveyor: str | None) -> _Batch:
    refuse_held(path)  # before anything opens it: see formats/held_files.py
    _check_regular_file(path)
    kind = detect_kind(path)
    if kind == "survey":
        return _read_survey(path)
    where = display_name(path)
    if kind == "osm":
        cameras = [camera_from_node(n, surveyor, where) for n in read_camera_nodes(path)]
    elif kind == "csv":
        cameras = [camera_from_record(r, surveyor, where) for r in read_csv(path)]
    else:
        return _read_json(path, surveyor)
    return _Batch(path, kind, cameras)


def _check_regular_file(path: Path) -> None:
    """Refuse a path that is missing, a folder, or not a regular file (a pipe, a device)."""
    where = display_name(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise InputError(f"{where}: no such file", "file.missing") from None
    except OSError as error:
        raise InputError(f"{where}: cannot read ({error.strerror})", "file.unreadable") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(f"{where} is a folder, not a file to import", "file.unreadable")
    if not stat.S_ISREG(status.st_mode):
        raise InputError(f"{where} is not a regular file", "file.unreadable")


def _write_batch(survey: SurveyFile, batch: _Batch, seen: _Seen) -> FileImport:
    report = FileImport(batch.path, batch.kind, not_points=batch.not_points)
    fresh = [c for c in batch.cameras if seen.is_new(c)]
    report.already_there = len(batch.cameras) - len(fresh)
    report.added = survey.add_cameras(fresh)
    for camera in fresh:  # a camera already there keeps its own line
        if camera.id in batch.sheet_lines:
            survey.set_sheet_line(camera.id, batch.sheet_lines[camera.id])
    report.unversioned = sum(1 for c in fresh if c.osm_id is not None and c.osm_version is None)
    if batch.photos:
        report.photos = _copy_photos(survey, batch, seen)
    survey.record_import(display_name(batch.path), batch.kind, report.added)
    return report


def _copy_photos(survey: SurveyFile, batch: _Batch, seen: _Seen) -> int:
    """Copy the photos of another survey not yet in ``survey``, one at a time from the other
    survey opened again read-only, each attached to its camera; return how many."""
    try:
        other = SurveyFile.open_untrusted_readonly(batch.path)
    except SurveyError as error:
        raise _source_error(batch.path, error) from None
    copied = 0
    with other:
        for info in batch.photos:
            if survey.photo_by_hash(info.sha256) is not None:
                continue
            data = _photo_bytes(other, info, batch.path)
            stored = survey.add_photo(replace(info, id=None, camera_id=None), data)
            copied += 1
            owner = seen.owner(info.camera_id)
            if stored.id is not None and owner is not None:
                survey.attach_photo(stored.id, owner, info.role)
        carry_blur(survey, blur_of_photos(other, batch.photos))  # the regions follow
    return copied


def _photo_bytes(other: SurveyFile, info: PhotoInfo, path: Path) -> bytes:
    """The bytes of a photo of another survey; an InputError naming it if they are gone (the
    file changed since it was read): the import's transaction then keeps nothing."""
    assert info.id is not None  # only stored photos are listed (see _read_survey)
    try:
        return other.photo_data(info.id)
    except SurveyError as error:
        raise _source_error(path, error) from None


def _source_error(path: Path, error: SurveyError) -> InputError:
    """A survey error of a survey being imported from, as an input error naming that file."""
    where = display_name(path)
    detail = error.detail if where in error.detail else f"{where}: {error.detail}"
    return InputError(detail, error.code)


def _same_place_key(camera: Camera) -> tuple[float, float, frozenset[tuple[str, str]]]:
    return round(camera.lat, 7), round(camera.lon, 7), frozenset(camera.tags.items())


class _Seen:
    """Cameras already in the survey (or earlier in this import).

    A camera is known by its id, by its OSM node, or (for new cameras, which have neither in
    a JOSM file) by its exact position and tags. ``owner`` maps the id of a camera that was
    skipped to the camera already there, so that its photos follow.
    """

    def __init__(self, cameras: Sequence[Camera]) -> None:
        self.ids = {c.id for c in cameras}
        self.by_osm = {c.osm_id: c.id for c in cameras if c.osm_id is not None}
        self.by_place = {_same_place_key(c): c.id for c in cameras if c.osm_id is None}
        self.aliases: dict[str, str] = {}

    def is_new(self, camera: Camera) -> bool:
        known = self._known(camera)
        if known is not None:
            self.aliases[camera.id] = known
            return False
        self.ids.add(camera.id)
        if camera.osm_id is not None:
            self.by_osm[camera.osm_id] = camera.id
        else:
            self.by_place[_same_place_key(camera)] = camera.id
        return True

    def _known(self, camera: Camera) -> str | None:
        if camera.id in self.ids:
            return camera.id
        if camera.osm_id is not None:
            return self.by_osm.get(camera.osm_id)
        return self.by_place.get(_same_place_key(camera))

    def owner(self, camera_id: str | None) -> str | None:
        """The camera in the survey that a photo of ``camera_id`` belongs to, if any."""
        if camera_id is None:
            return None
        owner = self.aliases.get(camera_id, camera_id)
        return owner if owner in self.ids else None


def import_files(
    survey: SurveyFile, paths: Sequence[Path], *, surveyor: str | None = None
) -> ImportResult:
    """Import every file into the survey, all or nothing.

    A camera already in the survey (same camera id, or same OSM node) is not added twice,
    so importing a file again adds nothing. Raises ``InputError`` before writing anything
    when a file cannot be read.
    """
    batches = [_read_batch(Path(p), surveyor) for p in paths]
    seen = _Seen(survey.cameras())
    result = ImportResult()
    with survey.transaction():
        for batch in batches:
            result.files.append(_write_batch(survey, batch, seen))
    if result.unversioned:  # once for the whole import, not once per camera
        _log.warning(
            "%d cameras linked to OSM without a known version: their changes cannot be "
            "uploaded until the area is loaded again (or downloaded with 'out meta')",
            result.unversioned,
        )
    return result
