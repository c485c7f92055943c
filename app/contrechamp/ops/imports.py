"""Import cameras into a survey from other surveys, GeoJSON, OSM files, Overpass JSON and CSV.

Every file is read and checked before anything is written; the writes then happen in one
transaction, so a bad file changes nothing in the survey.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from contrechamp.core.camera import Camera
from contrechamp.core.errors import InputError
from contrechamp.core.photo import PhotoInfo
from contrechamp.formats.csv_io import read_csv
from contrechamp.formats.geojson import read_geojson
from contrechamp.formats.osm_read import osm_file_kind, read_camera_nodes
from contrechamp.formats.overpass import read_overpass_json
from contrechamp.ops.camera_records import camera_from_node, camera_from_record
from contrechamp.store.survey import SurveyFile

__all__ = ["FileImport", "ImportResult", "detect_kind", "import_files"]

_SNIFF_BYTES = 4096


@dataclass
class FileImport:
    """What one file brought: its kind, the cameras added and those already in the survey."""

    path: Path
    kind: str
    added: int = 0
    already_there: int = 0
    photos: int = 0


@dataclass
class ImportResult:
    """The outcome of an import, file by file."""

    files: list[FileImport] = field(default_factory=list)

    @property
    def added(self) -> int:
        """Cameras added over all files."""
        return sum(f.added for f in self.files)


@dataclass
class _Batch:
    path: Path
    kind: str
    cameras: list[Camera]
    photos: list[tuple[PhotoInfo, bytes]] = field(default_factory=list)


def _json_kind(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES).decode("utf-8", errors="replace")
    if '"elements"' in head:
        return "overpass"
    if '"type"' in head or '"features"' in head:
        return "geojson"
    # A key may come after the first few kilobytes: let the GeoJSON reader decide.
    try:
        with path.open("rb") as handle:
            top = json.loads(handle.read(_SNIFF_BYTES * 16))
    except ValueError:
        return "geojson"
    return "overpass" if isinstance(top, dict) and "elements" in top else "geojson"


def detect_kind(path: Path) -> str:
    """Tell what a file holds from its name (and the start of JSON files).

    Returns one of ``survey``, ``geojson``, ``overpass``, ``osm``, ``csv``;
    ``InputError("import.format")`` for anything else.
    """
    name = path.name.lower()
    if name.endswith(SurveyFile.SUFFIX):
        return "survey"
    if name.endswith((".geojson", ".json")):
        return _json_kind(path) if path.is_file() else "geojson"
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


def _read_survey(path: Path, surveyor: str | None) -> _Batch:
    with SurveyFile.open_untrusted_readonly(path) as other:
        cameras = other.cameras()
        photos = [(info, other.photo_data(info.id)) for info in other.photos() if info.id]
    return _Batch(path, "survey", cameras, photos)


def _read_batch(path: Path, surveyor: str | None) -> _Batch:
    if not path.is_file():
        raise InputError(f"{path}: no such file", "file.missing")
    kind = detect_kind(path)
    if kind == "survey":
        return _read_survey(path, surveyor)
    if kind in ("osm", "overpass"):
        nodes = read_camera_nodes(path) if kind == "osm" else read_overpass_json(path)
        return _Batch(path, kind, [camera_from_node(n, surveyor) for n in nodes])
    records = read_csv(path) if kind == "csv" else read_geojson(path)
    return _Batch(path, kind, [camera_from_record(r, surveyor) for r in records])


def _write_batch(survey: SurveyFile, batch: _Batch, seen: _Seen) -> FileImport:
    report = FileImport(batch.path, batch.kind)
    fresh = [c for c in batch.cameras if seen.is_new(c)]
    report.already_there = len(batch.cameras) - len(fresh)
    report.added = survey.add_cameras(fresh)
    for info, data in batch.photos:
        if survey.photo_by_hash(info.sha256) is None:
            stored = survey.add_photo(info, data)
            report.photos += 1
            if stored.id is not None and info.camera_id is not None:
                survey.attach_photo(stored.id, info.camera_id, info.role)
    survey.record_import(batch.path.name, batch.kind, report.added)
    return report


class _Seen:
    """Cameras already in the survey (or earlier in this import), by id and by OSM node id."""

    def __init__(self, cameras: Sequence[Camera]) -> None:
        self.ids = {c.id for c in cameras}
        self.osm_ids = {c.osm_id for c in cameras if c.osm_id is not None}

    def is_new(self, camera: Camera) -> bool:
        if camera.id in self.ids or (camera.osm_id is not None and camera.osm_id in self.osm_ids):
            return False
        self.ids.add(camera.id)
        if camera.osm_id is not None:
            self.osm_ids.add(camera.osm_id)
        return True


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
    return result
