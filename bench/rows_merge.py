"""Row 5: merging 20 participants' surveys (100k sightings) with double-sighting grouping.

Merging is not built yet: the row's own figure stays null with a note, never a made-up one.
The reference is measured already, so the target is known: geopandas ``sjoin_nearest`` of all
sightings against themselves (self-matches excluded) within the merge radius, in metres, on
the 20 generated surveys (``BenchData.surveys``: a third of each walker's cameras were also
logged by the next walker, a few metres off).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
from numpy.typing import NDArray

from bench.datasets import BenchData
from bench.results import RowResult
from bench.targets import TARGETS
from bench.timing import time_calls
from contrechamp.store.survey import SurveyFile

__all__ = ["measure_merge", "merge_available"]

RADIUS_M = 10.0
_GOAL = TARGETS["merge"]


def merge_available() -> bool:
    """Tell whether the app has a survey merge to measure."""
    return any(
        importlib.util.find_spec(name) is not None
        for name in ("contrechamp.ops.merge", "contrechamp.core.merge")
    )


def _sightings(surveys: list[Path]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Every sighting's (lat, lon) across the surveys."""
    lats: list[float] = []
    lons: list[float] = []
    for path in surveys:
        with SurveyFile.open_untrusted_readonly(path) as survey:
            for camera in survey.cameras():
                lats.append(camera.lat)
                lons.append(camera.lon)
    return np.array(lats), np.array(lons)


def _nearest_pairs(lats: NDArray[np.float64], lons: NDArray[np.float64]) -> int:
    """The reference: pairs of sightings within RADIUS_M of each other, via sjoin_nearest."""
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lons, lats), crs="EPSG:4326")
    metric = points.to_crs(points.estimate_utm_crs())
    pairs = gpd.sjoin_nearest(metric, metric, max_distance=RADIUS_M, exclusive=True)
    return len(pairs)


def measure_merge(data: BenchData) -> tuple[RowResult, Callable[[], object] | None]:
    """Row 5: the reference on the 20 surveys; our figure null until merging exists."""
    surveys = data.surveys
    lats, lons = _sightings(surveys)
    found: list[int] = []
    ref = time_calls(lambda: found.append(_nearest_pairs(lats, lons)), data.sizes.heavy_runs)
    name = f"merge {len(surveys)} surveys, {len(lats):,} sightings, dedup"
    row = RowResult(name=name, key="merge", unit="s", goal=_GOAL)
    row.reference, row.reference_low, row.reference_high = ref.median, ref.low, ref.high
    row.reference_tool = f"geopandas sjoin_nearest, self-join within {RADIUS_M:g} m (UTM)"
    row.note = (
        "merging not built yet"
        if not merge_available()
        else "merging exists but this row does not time it yet"
    )
    row.details = {"surveys": len(surveys), "sightings": len(lats), "pairs_found": found[-1]}
    return row, None
