"""Street coverage with occlusion: the whole city with 200 cameras, one camera's update, and
10,000 cameras over a larger generated city.

Ours: ``core.coverage.StreetCoverage`` from the area's features in memory (streets and
buildings projected, footprints prepared, every camera's exact visibility polygon, the
stretches of street inside each) and ``summarise``. The reference, on the same streets and
cameras in the same run: shapely's plain intersection of the unclipped fields of view
(wedges and circles, no building in the way) with the projected streets, through an STRtree;
the ratio is the price of occlusion.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely
import shapely.affinity

from bench.datasets import BenchData
from bench.gen_cameras import StreetCameras
from bench.results import RowResult
from bench.targets import TARGETS
from bench.timing import Timing, time_calls, time_each
from contrechamp.core.area import ROAD_KINDS, MapFeature
from contrechamp.core.coverage import CoverageCamera, StreetCoverage, ViewKind, view_kind
from contrechamp.core.coverage_figures import CoverageSummary, summarise
from contrechamp.core.fov import field_of_view
from contrechamp.core.local_frame import LocalFrame
from contrechamp.formats.basemap import Area, read_area

__all__ = ["measure_area", "measure_city", "measure_update"]

AREA_CAMERAS = 200
CITY_CAMERAS = 10_000
UPDATES = 60


@dataclass
class _Case:
    """An area and cameras along its streets."""

    area: Area
    count: int
    seed: int = 15

    @cached_property
    def frame(self) -> LocalFrame:
        return LocalFrame.around(self.area.bbox)

    @cached_property
    def cameras(self) -> list[CoverageCamera]:
        street = StreetCameras(self.area, seed=self.seed)
        return [
            CoverageCamera(c.id, c.lat, c.lon, dict(c.tags))
            for c in street.cameras(self.count, ("bench",))
        ]

    def ours(self) -> tuple[StreetCoverage, CoverageSummary]:
        model = StreetCoverage(self.frame, self.area.features)
        model.set_cameras(self.cameras)
        return model, summarise(model)


def _reference(
    frame: LocalFrame, features: Sequence[MapFeature], cameras: list[CoverageCamera]
) -> float:
    """Metres of street inside the unclipped fields of view, summed: shapely, no buildings."""
    lines = frame.forward(shapely.from_wkb([f.wkb for f in features if f.kind in ROAD_KINDS]))
    tree = shapely.STRtree(lines)
    drawn = [c for c in cameras if view_kind(c.tags) is ViewKind.DRAWN]
    x, y = frame.metres(np.array([c.lat for c in drawn]), np.array([c.lon for c in drawn]))
    wedges = np.array(
        [
            shapely.affinity.translate(shapely.union_all(field_of_view(c.tags).polygons()), a, b)
            for c, a, b in zip(drawn, x.tolist(), y.tolist(), strict=True)
        ],
        dtype=object,
    )
    wedge, line = tree.query(wedges, predicate="intersects")
    return float(shapely.length(shapely.intersection(lines[line], wedges[wedge])).sum())


def _figures(model: StreetCoverage, summary: CoverageSummary) -> dict[str, float | int]:
    return {
        "streets": len(model.streets),
        "street_segments": len(model.segments),
        "buildings": model.obstacles.footprint_count,
        "cameras": len(model.cameras),
        "cameras_drawn": summary.cameras_drawn,
        "street_km": round(summary.street_m / 1000, 1),
        "percent_filmed": round(summary.percent_filmed, 2),
        "percent_within_reach": round(summary.percent_within_reach, 2),
        "cameras_per_road_km": round(summary.cameras_per_road_km, 3),
    }


def _whole(key: str, case: _Case, runs: int, label: str) -> tuple[RowResult, Callable[[], object]]:
    results: list[tuple[StreetCoverage, CoverageSummary]] = []
    plain: list[float] = []
    ours = time_calls(lambda: results.append(case.ours()), runs)
    ref = time_calls(
        lambda: plain.append(_reference(case.frame, case.area.features, case.cameras)), runs
    )
    model, summary = results[-1]
    row = RowResult.measured(key, label, "s", TARGETS[key], ours, ref)
    row.reference_tool = "shapely: unclipped fields of view ∩ streets (STRtree), no buildings"
    row.details = {
        **_figures(model, summary),
        "filmed_km": round(summary.filmed_m / 1000, 2),
        "reference_filmed_km_summed": round(plain[-1] / 1000, 2),
    }
    return row, case.ours


def measure_area(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """The whole city (Monaco: 4,600 buildings, 3,900 highways) with 200 cameras."""
    case = _Case(data.area, AREA_CAMERAS)
    name = f"coverage of {data.extract.name} with {AREA_CAMERAS} cameras, occlusion"
    return _whole("coverage_area", case, data.sizes.heavy_runs, name)


def measure_city(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """10,000 cameras over ``sizes.pbf_copies`` copies of the city side by side."""
    city = read_area(data.city_pbf)
    count = CITY_CAMERAS if data.sizes.label == "full" else CITY_CAMERAS // 5
    name = f"coverage of {data.sizes.pbf_copies} tiled cities with {count:,} cameras, occlusion"
    return _whole("coverage_city", _Case(city, count, seed=16), 1, name)


def _moves(case: _Case, count: int) -> list[CoverageCamera]:
    """Cameras of the case moved a few metres and turned: what a drag on the map does."""
    rng = np.random.default_rng(3)
    moved = []
    for camera in rng.choice(np.array(case.cameras, dtype=object), count):
        tags = dict(camera.tags)
        if "camera:direction" in tags:
            tags["camera:direction"] = str((int(tags["camera:direction"]) + 30) % 360)
        north, east = rng.normal(0.0, 3.0, 2) / 111_320.0
        moved.append(CoverageCamera(camera.id, camera.lat + north, camera.lon + east, tags))
    return moved


def measure_update(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """One camera moved and turned in the city with 200 cameras: its streets recounted."""
    case = _Case(data.area, AREA_CAMERAS)
    model, _ = case.ours()
    moves = _moves(case, UPDATES)
    ours = time_each([lambda c=c: model.set_camera(c) for c in moves]).scaled(1000)
    lines = case.frame.forward(
        shapely.from_wkb([f.wkb for f in case.area.features if f.kind in ROAD_KINDS])
    )
    tree = shapely.STRtree(lines)

    def plain(camera: CoverageCamera) -> float:
        x, y = case.frame.metres(np.array([camera.lat]), np.array([camera.lon]))
        fov = shapely.union_all(field_of_view(camera.tags).polygons())
        wedge = shapely.affinity.translate(fov, float(x[0]), float(y[0]))
        near = tree.query(wedge, predicate="intersects")
        return float(shapely.length(shapely.intersection(lines[near], wedge)).sum())

    ref: Timing = time_each([lambda c=c: plain(c) for c in moves]).scaled(1000)
    name = f"coverage: one camera moved and turned among {AREA_CAMERAS}, its streets recounted"
    row = RowResult.measured("coverage_update", name, "ms", TARGETS["coverage_update"], ours, ref)
    row.reference_tool = "shapely: that camera's unclipped field of view ∩ streets (STRtree)"
    row.details = {"updates": len(moves), "slowest_ms": round(ours.high, 2)}
    return row, lambda: [model.set_camera(c) for c in moves]
