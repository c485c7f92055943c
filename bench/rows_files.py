"""Rows 6–8: reading a city PBF, exporting 100k cameras, saving one camera durably."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from functools import partial
from pathlib import Path

from bench.datasets import BenchData
from bench.results import RowResult
from bench.targets import TARGETS
from bench.timing import Timing, run_tool, time_alternating, time_each
from contrechamp.core.camera import Camera
from contrechamp.formats.basemap import read_area
from contrechamp.ops.exports import ExportFormat, export_survey
from contrechamp.store.survey import SurveyFile

__all__ = [
    "geojson_argv",
    "measure_export_geojson",
    "measure_export_osm",
    "measure_read_pbf",
    "measure_save",
]

# What read_area keeps: the same keys for osmium tags-filter (ways keep their nodes).
_FILTER = "nwr/highway,railway,man_made,building,natural,waterway,landuse,leisure,amenity"


def measure_read_pbf(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """Row 6: ``read_area`` on a city PBF against ``osmium tags-filter`` on the same file."""
    city = data.city_pbf
    runs = data.sizes.heavy_runs
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "filtered.osm.pbf"
        argv = ["osmium", "tags-filter", city, _FILTER, "-o", out, "--overwrite"]
        ours, ref = time_alternating(lambda: read_area(city), lambda: run_tool(argv), runs)
    goal = TARGETS["read_pbf"]
    row = RowResult.measured(
        "read_pbf", "read cameras + base map from a city PBF", "s", goal, ours, ref
    )
    row.reference_tool = f"osmium tags-filter {_FILTER}"
    row.details = {"file": city.name, "bytes": city.stat().st_size, "copies": data.sizes.pbf_copies}
    return row, lambda: read_area(city)


def _export(survey_path: Path, fmt: ExportFormat, out: Path) -> None:
    """What ``contrechamp export`` does: open the survey, write the file, close."""
    with SurveyFile.open(survey_path) as survey:
        export_survey(survey, fmt, out)


def _measure_export(
    data: BenchData, fmt: ExportFormat, ref_argv: Callable[[Path], list[str | Path]], tool: str
) -> tuple[RowResult, Callable[[], object]]:
    """Time our export and the reference tool on the same cameras, ``sizes.runs`` times each."""
    runs = data.sizes.runs
    survey = data.survey
    with tempfile.TemporaryDirectory() as tmp:
        ours_out = Path(tmp) / f"ours.{fmt.value}"
        ref_out = Path(tmp) / f"ref.{fmt.value}"
        argv = ref_argv(ref_out)
        ours, ref = time_alternating(
            lambda: _export(survey, fmt, ours_out),
            lambda: run_tool(argv),
            runs,
            (lambda: ours_out.unlink(missing_ok=True), lambda: ref_out.unlink(missing_ok=True)),
        )
        sizes = {"ours_bytes": ours_out.stat().st_size, "reference_bytes": ref_out.stat().st_size}
    goal = TARGETS[f"export_{fmt.value}"]
    name = f"export {data.sizes.cameras:,} cameras to {fmt.value}"
    row = RowResult.measured(f"export_{fmt.value}", name, "s", goal, ours, ref)
    row.reference_tool = tool
    row.details = sizes

    def export_once() -> None:
        out = Path(tempfile.gettempdir()) / f"contrechamp-bench-profile.{fmt.value}"
        _export(survey, fmt, out)
        out.unlink()

    return row, export_once


def measure_export_geojson(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """Row 7a: our GeoJSON export (survey → file) against ogr2ogr CSV → GeoJSON."""
    csv = data.cameras_csv
    return _measure_export(
        data, ExportFormat.GEOJSON, partial(geojson_argv, csv), "ogr2ogr (CSV of the same cameras)"
    )


def geojson_argv(csv: Path, out: Path) -> list[str | Path]:
    """The reference GeoJSON export: ogr2ogr from the CSV of the same cameras."""
    options = "-oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO"
    return ["ogr2ogr", "-f", "GeoJSON", out, csv, *options.split(), "-a_srs", "EPSG:4326"]


def measure_export_osm(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """Row 7b: our JOSM .osm export against ``osmium cat`` PBF → OSM XML of the same nodes."""
    pbf = data.cameras_pbf

    def argv(out: Path) -> list[str | Path]:
        return ["osmium", "cat", pbf, "-f", "osm", "-o", out, "--overwrite"]

    return _measure_export(data, ExportFormat.OSM, argv, "osmium cat (PBF of the same cameras)")


def _raw_saver(path: Path) -> tuple[sqlite3.Connection, Callable[[Camera], None]]:
    """A bare sqlite3 table in WAL with synchronous=FULL, and a one-row insert + commit."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE cameras (id TEXT PRIMARY KEY, lat REAL, lon REAL, tags TEXT)")

    def save(camera: Camera) -> None:
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            "INSERT INTO cameras VALUES (?, ?, ?, ?)",
            (camera.id, camera.lat, camera.lon, json.dumps(dict(camera.tags))),
        )
        db.execute("COMMIT")

    return db, save


def measure_save(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """Row 8: ``SurveyFile.add_camera`` against a raw sqlite3 insert + commit, one by one."""
    with SurveyFile.open_untrusted_readonly(data.survey) as survey:
        cameras = survey.cameras()[: data.sizes.saves]
    folder = Path(tempfile.mkdtemp(prefix="contrechamp-bench-"))
    try:
        ours, ref = _time_saves(folder, cameras)
        mode = _journal_mode(folder / "ours.cartoparty")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    goal = TARGETS["save_camera"]
    row = RowResult.measured("save_camera", "save one camera (durable)", "ms", goal, ours, ref)
    row.reference_tool = "sqlite3 module: INSERT + COMMIT, WAL, synchronous=FULL"
    row.note = "min/max over single saves; runs = saves"
    if mode != "wal":
        row.note += f"; the survey file is in journal_mode={mode}, not WAL: not comparable"
    row.details = {"survey_journal_mode": mode}
    return row, lambda: _profile_saves(cameras)


def _time_saves(folder: Path, cameras: list[Camera]) -> tuple[Timing, Timing]:
    """Per-save times in ms: ours, then raw sqlite3, in the same folder."""
    db, raw_save = _raw_saver(folder / "raw.sqlite")
    with SurveyFile.create(folder / "ours.cartoparty") as survey:
        ours = time_each([partial(survey.add_camera, c) for c in cameras])
    ref = time_each([partial(raw_save, c) for c in cameras])
    db.close()
    return ours.scaled(1000), ref.scaled(1000)


def _journal_mode(path: Path) -> str:
    """The journal mode a survey file is in, read through a separate connection."""
    with closing(sqlite3.connect(path)) as db:
        return str(db.execute("PRAGMA journal_mode").fetchone()[0])


def _profile_saves(cameras: list[Camera]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="contrechamp-bench-"))
    try:
        with SurveyFile.create(folder / "ours.cartoparty") as survey:
            for camera in cameras:
                survey.add_camera(camera)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
