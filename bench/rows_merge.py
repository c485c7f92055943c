"""Row 5: merging 20 participants' surveys (100k sightings) with double-sighting grouping.

Ours: ``core.dedup.group_sightings`` on every sighting of the 20 generated surveys
(``BenchData.surveys``: a third of each walker's cameras were also logged by the next walker,
a few metres off): projection, candidate pairs, the camera-aware grouping and the merged tags
and conflicts of every group. The reference, on the same points in the same run: geopandas
``sjoin_nearest`` of all sightings against themselves (self-matches excluded) within 10 m, in
UTM, which pairs points and nothing more. The whole ``ops.merge.merge_surveys`` (reading the
20 files, grouping, matching with OSM, writing the merged survey) is timed once beside them
and reported in ``details``.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np

from bench.datasets import BenchData
from bench.results import RowResult
from bench.targets import TARGETS
from bench.timing import time_calls
from contrechamp.core.dedup import Group, Sighting, group_sightings
from contrechamp.ops.merge import merge_surveys
from contrechamp.store.survey import SurveyFile

__all__ = ["measure_merge"]

RADIUS_M = 10.0
_GOAL = TARGETS["merge"]


def _sightings(surveys: list[Path]) -> list[Sighting]:
    """Every sighting of the surveys, as the merge reads them."""
    found = []
    for path in surveys:
        with SurveyFile.open_untrusted_readonly(path) as survey:
            found += [
                Sighting(c.lat, c.lon, c.tags, survey.survey_id, c.id, c.surveyor, c.accuracy_m)
                for c in survey.cameras()
            ]
    return found


def _nearest_pairs(sightings: list[Sighting]) -> int:
    """The reference: pairs of sightings within RADIUS_M of each other, via sjoin_nearest."""
    lats = np.array([s.lat for s in sightings])
    lons = np.array([s.lon for s in sightings])
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lons, lats), crs="EPSG:4326")
    metric = points.to_crs(points.estimate_utm_crs())
    pairs = gpd.sjoin_nearest(metric, metric, max_distance=RADIUS_M, exclusive=True)
    return len(pairs)


def _whole_merge(surveys: list[Path]) -> dict[str, float | int]:
    """``merge_surveys`` of the 20 files into a new merged survey, timed once."""
    folder = Path(tempfile.mkdtemp(prefix="contrechamp-bench-merge-"))
    try:
        started = time.perf_counter()
        result = merge_surveys(folder / "merged.cartoparty", surveys)
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "merge_surveys_s": round(seconds, 3),
        "merge_sightings": result.sightings_added,
        "merge_rejected_left_out": result.rejected_left_out,
        "merge_cameras": result.cameras,
    }


def _figures(groups: list[Group]) -> dict[str, int]:
    return {
        "cameras": len(groups),
        "cameras_seen_several_times": sum(1 for g in groups if len(g.members) > 1),
        "cameras_with_conflicts": sum(1 for g in groups if g.conflicts),
    }


def measure_merge(data: BenchData) -> tuple[RowResult, Callable[[], object] | None]:
    """Row 5: our grouping and the reference on the same sightings, then the whole merge."""
    surveys = data.surveys
    sightings = _sightings(surveys)
    runs = data.sizes.heavy_runs
    found: list[int] = []
    grouped: list[list[Group]] = []
    ours = time_calls(lambda: grouped.append(group_sightings(sightings)), runs)
    ref = time_calls(lambda: found.append(_nearest_pairs(sightings)), runs)
    name = f"merge {len(surveys)} surveys, {len(sightings):,} sightings, dedup"
    row = RowResult.measured("merge", name, "s", _GOAL, ours, ref)
    row.reference_tool = f"geopandas sjoin_nearest, self-join within {RADIUS_M:g} m (UTM)"
    row.details = {
        "surveys": len(surveys),
        "sightings": len(sightings),
        "pairs_found_by_reference": found[-1],
        **_figures(grouped[-1]),
        **_whole_merge(surveys),
    }
    return row, lambda: group_sightings(sightings)
