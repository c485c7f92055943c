"""The campaign rows: push the survey's cameras into PostgreSQL + PostGIS, pull a city's
share back, and a bounding-box pull on a campaign of a million cameras.

Each row starts a throw-away server (``tests/campaign/cluster.py``) and compares with
``ogr2ogr`` on the same database in the same run: loading the same cameras as GeoJSON for
the push, writing the same cameras out as GeoJSON for the pull. Where no server can be
started, the rows are reported unmeasured with the reason, never with a made-up figure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from bench.datasets import BenchData
from bench.results import RowResult
from bench.targets import TARGETS, TITLES
from bench.timing import time_calls
from contrechamp.core.area import BBox
from contrechamp.ops.campaign import init_campaign_at, push_survey
from contrechamp.ops.campaign_pull import pull_survey
from contrechamp.ops.exports import ExportFormat, export_survey
from contrechamp.store.survey import SurveyFile

__all__ = ["measure_bbox_pull", "measure_pull", "measure_push"]

_BIG_CAMPAIGN = {"full": 1_000_000, "quick": 100_000}
_PULL_SHARE = 0.1  # a city's share of the pushed cameras: 10,000 of 100,000


def _unmeasured(key: str, reason: str) -> RowResult:
    row = RowResult(key, TITLES[key], "s", TARGETS[key])
    row.note = f"not measured: {reason}"[:300]
    return row


@contextmanager
def _server() -> Iterator[object]:
    """A running throw-away server, or the reason none can be started (a string)."""
    try:
        from tests.campaign.cluster import NoServerError, running_cluster
    except ImportError as error:  # run outside the repository
        yield f"the test cluster helper is missing ({error})"
        return
    saved = os.environ.get("PGPASSFILE")
    try:
        with running_cluster() as cluster:
            os.environ["PGPASSFILE"] = str(cluster.pgpass)
            yield cluster
    except NoServerError as error:
        yield f"no PostgreSQL + PostGIS server can be started ({error})"
    finally:
        if saved is None:
            os.environ.pop("PGPASSFILE", None)
        else:
            os.environ["PGPASSFILE"] = saved


def _pg(cluster: object, database: str) -> str:
    """The GDAL connection string of a database (the password comes from PGPASSFILE)."""
    return f"PG:host=127.0.0.1 port={cluster.port} dbname={database} user={cluster.user}"  # type: ignore[attr-defined]


def _tool(argv: list[str | Path], cluster: object) -> None:
    env = {**os.environ, "PGPASSFILE": str(cluster.pgpass)}  # type: ignore[attr-defined]
    done = subprocess.run([str(a) for a in argv], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {done.stderr.strip()[:400]}")


def _geojson(survey: Path, out: Path) -> None:
    with SurveyFile.open_untrusted_readonly(survey) as opened:
        export_survey(opened, ExportFormat.GEOJSON, out)


def measure_push(data: BenchData) -> tuple[RowResult, Callable[[], object] | None]:
    """Push ``sizes.cameras`` cameras into an empty campaign, against ogr2ogr loading the same
    cameras as GeoJSON into the same database."""
    if shutil.which("ogr2ogr") is None:
        return _unmeasured("campaign_push", "ogr2ogr is not installed (gdal-bin)"), None
    survey, runs = data.survey, data.sizes.heavy_runs
    with _server() as cluster, tempfile.TemporaryDirectory() as tmp:
        if isinstance(cluster, str):
            return _unmeasured("campaign_push", cluster), None
        geojson = Path(tmp) / "cameras.geojson"
        _geojson(survey, geojson)
        urls: list[str] = []

        def fresh() -> None:
            urls.append(cluster.new_database(f"push_{len(urls)}"))  # type: ignore[attr-defined]
            init_campaign_at(urls[-1])

        ours = time_calls(lambda: push_survey(survey, urls[-1]), runs, fresh)
        target = urls[-1].rsplit("/", 1)[1]
        load = ["ogr2ogr", "-f", "PostgreSQL", _pg(cluster, target), geojson,
                "-nln", "ogr_cameras", "-overwrite", "-lco", "GEOMETRY_NAME=geom"]  # fmt: skip
        ref = time_calls(lambda: _tool(load, cluster), runs)
    name = f"push {data.sizes.cameras:,} cameras into a campaign"
    row = RowResult.measured("campaign_push", name, "s", TARGETS["campaign_push"], ours, ref)
    row.reference_tool = "ogr2ogr GeoJSON → PostgreSQL (same cameras, same database)"
    row.note = "push: merge + cameras, sightings, revisions, merge records in one transaction"
    return row, None


def _share_box(survey: Path, share: float) -> tuple[BBox, int]:
    """A band of the survey's area holding ``share`` of its cameras, and how many."""
    with SurveyFile.open_untrusted_readonly(survey) as opened:
        rows = list(opened.export_rows(frozenset(opened.camera_counts())))
    lats = np.sort(np.array([r.lat for r in rows]))
    lons = np.array([r.lon for r in rows])
    south = float(lats[int(len(lats) * 0.3)])
    north = float(lats[min(len(lats) - 1, int(len(lats) * (0.3 + share)))])
    bbox = BBox(float(lons.min()) - 1e-6, south, float(lons.max()) + 1e-6, north)
    return bbox, sum(1 for r in rows if bbox.contains(r.lat, r.lon))


def measure_pull(data: BenchData) -> tuple[RowResult, Callable[[], object] | None]:
    """Pull a city's share of the pushed cameras into a new survey, against ogr2ogr writing
    the same cameras from the same database as GeoJSON."""
    if shutil.which("ogr2ogr") is None:
        return _unmeasured("campaign_pull", "ogr2ogr is not installed (gdal-bin)"), None
    survey, runs = data.survey, data.sizes.runs
    bbox, inside = _share_box(survey, _PULL_SHARE)
    with _server() as cluster, tempfile.TemporaryDirectory() as tmp:
        if isinstance(cluster, str):
            return _unmeasured("campaign_pull", cluster), None
        url = cluster.new_database("pull")  # type: ignore[attr-defined]
        init_campaign_at(url)
        push_survey(survey, url)
        out = Path(tmp) / "pulled.cartoparty"
        ours = time_calls(
            lambda: pull_survey(url, out, bbox=bbox), runs, lambda: SurveyFile.discard(out)
        )
        ref_out = Path(tmp) / "ref.geojson"
        spat = [str(v) for v in (bbox.west, bbox.south, bbox.east, bbox.north)]
        dump = ["ogr2ogr", "-f", "GeoJSON", ref_out, _pg(cluster, "pull"),
                "campaign.camera_map", "-spat", *spat]  # fmt: skip
        ref = time_calls(lambda: _tool(dump, cluster), runs, lambda: ref_out.unlink(True))
        with SurveyFile.open_untrusted_readonly(out) as pulled:
            got = sum(pulled.camera_counts().values())
    name = f"pull {inside:,} cameras (a bounding box) into a survey"
    row = RowResult.measured("campaign_pull", name, "s", TARGETS["campaign_pull"], ours, ref)
    row.reference_tool = "ogr2ogr PostgreSQL → GeoJSON (same cameras, -spat)"
    row.details = {"pulled": got, "in_box": inside}
    return row, None


def _load_big_campaign(url: str, cluster: object, count: int) -> None:
    """``count`` cameras spread over 100 km × 100 km, written straight with COPY."""
    rng = np.random.default_rng(7)
    lats = 43.0 + rng.random(count) * 0.9
    lons = 4.8 + rng.random(count) * 1.23
    stamp = "2025-01-01T00:00:00+00:00"
    tags = '{"man_made":"surveillance","surveillance:type":"camera","camera:type":"fixed"}'
    database = url.rsplit("/", 1)[1]
    with cluster.admin(database) as connection:  # type: ignore[attr-defined]
        connection.execute(
            "INSERT INTO campaign.pushes (id, survey_id, survey_title, comment, sightings, "
            "cameras_added, cameras_changed, edits, conflicts, photos) "
            "VALUES (1, 'bench', 'bench', '', 0, 0, 0, 0, 0, 0)"
        )
        for table, first in (("cameras", "id"), ("camera_revisions", "camera_id")):
            columns = (f"{first}, lat, lon, status, source, created_at, updated_at, notes, tags, "
                       "revision, push_id")  # fmt: skip
            with (
                connection.cursor() as cursor,
                cursor.copy(f"COPY campaign.{table} ({columns}) FROM STDIN") as copy,
            ):
                for i, (lat, lon) in enumerate(zip(lats.tolist(), lons.tolist(), strict=True)):
                    copy.write_row(
                        (f"{i:032x}", lat, lon, "draft", "map", stamp, stamp, "", tags, 1, 1)
                    )
        connection.execute("ANALYZE campaign.cameras")


def measure_bbox_pull(data: BenchData) -> tuple[RowResult, Callable[[], object] | None]:
    """Pull a neighbourhood (about 1,000 cameras) out of a campaign of a million."""
    count = _BIG_CAMPAIGN.get(data.sizes.label, 1_000_000)
    with _server() as cluster, tempfile.TemporaryDirectory() as tmp:
        if isinstance(cluster, str):
            return _unmeasured("campaign_bbox", cluster), None
        url = cluster.new_database("big")  # type: ignore[attr-defined]
        init_campaign_at(url)
        started = time.perf_counter()
        _load_big_campaign(url, cluster, count)
        loaded_s = time.perf_counter() - started
        # 1,000 of the million over 100 km × 100 km: a box of about 3.2 km × 3.2 km.
        side = 0.9 * (1_000 / count) ** 0.5
        bbox = BBox(5.3, 43.4, 5.3 + side * 1.23 / 0.9, 43.4 + side)
        out = Path(tmp) / "pulled.cartoparty"
        ours = time_calls(
            lambda: pull_survey(url, out, bbox=bbox),
            data.sizes.runs,
            lambda: SurveyFile.discard(out),
        )
        with SurveyFile.open_untrusted_readonly(out) as pulled:
            got = sum(pulled.camera_counts().values())
        with cluster.admin("big") as connection:  # type: ignore[attr-defined]
            plan = " ".join(
                str(r[0])
                for r in connection.execute(
                    "EXPLAIN SELECT id FROM campaign.cameras WHERE geom && "
                    "ST_MakeEnvelope(%s, %s, %s, %s, 4326)",
                    (bbox.west, bbox.south, bbox.east, bbox.north),
                )
            )
    name = f"bounding-box pull of {got:,} cameras from a campaign of {count:,}"
    row = RowResult.measured("campaign_bbox", name, "s", TARGETS["campaign_bbox"], ours)
    row.details = {
        "pulled": got,
        "campaign_cameras": count,
        "load_seconds": round(loaded_s, 1),
        "uses_gist_index": "ix_cameras_geom" in plan,
    }
    return row, None
