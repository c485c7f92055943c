"""How much of a survey's streets its cameras film, per sector, and along a route.

The cameras are the survey's own (rejected sightings left out) and the cameras already in
OSM that no sighting of the survey stands for; the streets and buildings are the survey's
area (``contrechamp area``). Shared by ``contrechamp coverage``, the window's layer and
panel, and the printed report; ``report_json`` is the stable JSON of the README.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.errors import ShapelyError

from contrechamp.core.area import BBox, ExistingCamera, Sector
from contrechamp.core.camera import Camera, Status
from contrechamp.core.coverage import CoverageCamera, StreetCoverage
from contrechamp.core.coverage_figures import CoverageSummary, StreetShare, summarise
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.core.local_frame import LocalFrame
from contrechamp.core.route_exposure import RouteExposure, filmed_paths, route_exposure
from contrechamp.core.sectors import sector_named
from contrechamp.formats._atomic import write_bytes_atomically
from contrechamp.formats.gpx_route import read_gpx_lines
from contrechamp.ops.export_target import check_target
from contrechamp.ops.names import display_name
from contrechamp.store.survey import SurveyFile

__all__ = [
    "JSON_VERSION",
    "RANKED",
    "CoverageReport",
    "RouteOnMap",
    "SectorCoverage",
    "coverage_camera",
    "coverage_cameras",
    "coverage_report",
    "open_coverage",
    "osm_coverage_camera",
    "report_json",
    "route_of_gpx",
    "route_on_map",
    "sector_summary",
    "write_report",
]

JSON_VERSION = 1
RANKED = 10
"""Streets listed among the most filmed and among the blind spots."""


@dataclass(frozen=True)
class SectorCoverage:
    """One sector's figures."""

    sector: Sector
    summary: CoverageSummary


@dataclass(frozen=True)
class CoverageReport:
    """What ``contrechamp coverage`` reports: the area's (or one sector's) figures, each
    sector's, and a route's exposure."""

    survey: str
    sector: str | None  # the sector asked for, None for the whole area
    summary: CoverageSummary
    sectors: tuple[SectorCoverage, ...]
    route_name: str | None = None
    route: RouteExposure | None = None


@dataclass(frozen=True)
class RouteOnMap:
    """A route to show on the map: its points (lat, lon) in walking order, the indexes of
    those that start a new line, its exposure, and each filmed stretch as points to draw."""

    points: tuple[tuple[float, float], ...]
    breaks: frozenset[int]
    exposure: RouteExposure
    filmed: tuple[tuple[tuple[float, float], ...], ...]


def coverage_camera(camera: Camera) -> CoverageCamera | None:
    """A survey camera as the coverage counts it; None for a rejected sighting."""
    if camera.status is Status.REJECTED:
        return None
    return CoverageCamera(camera.id, camera.lat, camera.lon, dict(camera.tags), camera.osm_id)


def osm_coverage_camera(camera: ExistingCamera) -> CoverageCamera:
    """A camera already in OSM as the coverage counts it (id ``node/<id>``)."""
    return CoverageCamera(
        f"node/{camera.osm_id}", camera.lat, camera.lon, dict(camera.tags), camera.osm_id
    )


def coverage_cameras(survey: SurveyFile) -> list[CoverageCamera]:
    """The survey's cameras (not rejected) and the OSM cameras no sighting stands for,
    inside the area's box."""
    bbox = survey.area_bbox()
    own = [c for c in map(coverage_camera, survey.cameras()) if c is not None]
    linked = {c.osm_id for c in own if c.osm_id is not None}
    cameras = own + [
        osm_coverage_camera(c) for c in survey.existing_cameras() if c.osm_id not in linked
    ]
    return [c for c in cameras if bbox is None or bbox.contains(c.lat, c.lon)]


def write_report(survey: SurveyFile, out: Path, pdf: bytes) -> None:
    """Write a printed report at ``out`` all at once (InputError "export.target" for a
    folder or a survey, "export.write" when the disk refuses)."""
    check_target(survey, out)
    try:
        write_bytes_atomically(out, pdf)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(f"cannot write {out.name}: {reason}", "export.write") from None


def open_coverage(survey: SurveyFile) -> StreetCoverage:
    """The coverage of the survey's area by its cameras.

    InputError "coverage.no_area" when the survey has no area; SurveyError
    "survey.corrupt" when a stored shape is damaged.
    """
    bbox = _area(survey)
    try:
        model = StreetCoverage(LocalFrame.around(bbox), survey.map_features())
    except ShapelyError:
        raise _damaged(survey) from None
    model.set_cameras(coverage_cameras(survey))
    return model


def _area(survey: SurveyFile) -> BBox:
    bbox = survey.area_bbox()
    if bbox is None:
        raise InputError(
            "the survey has no map area: load one with `contrechamp area` first",
            "coverage.no_area",
        )
    return bbox


def _damaged(survey: SurveyFile) -> SurveyError:
    return SurveyError(
        f"{display_name(survey.path)}: a sector or map shape is damaged", "survey.corrupt"
    )


def sector_summary(survey: SurveyFile, model: StreetCoverage, sector: Sector) -> CoverageSummary:
    """The figures of one sector (SurveyError "survey.corrupt" for a damaged outline)."""
    try:
        outline = shapely.from_wkb(sector.wkb)
    except ShapelyError:
        raise _damaged(survey) from None
    if outline is None or outline.geom_type not in ("Polygon", "MultiPolygon"):
        raise _damaged(survey)
    return summarise(model, shapely.make_valid(outline))


def route_of_gpx(path: Path) -> tuple[list[tuple[float, float]], set[int]]:
    """The points of a GPX file's track segments (else routes) end to end, and the indexes
    of the points that start a new segment (see ``route_exposure``)."""
    points: list[tuple[float, float]] = []
    breaks: set[int] = set()
    for line in read_gpx_lines(path):
        if points:
            breaks.add(len(points))
        points.extend(line)
    return points, breaks


def route_on_map(
    model: StreetCoverage,
    points: Sequence[tuple[float, float]],
    breaks: Collection[int] = (),
) -> RouteOnMap:
    """The exposure of a route drawn on the map or read from a GPX file, and where it is
    filmed; InputError "coverage.route" for a route of fewer than two points."""
    if len(points) < 2:
        raise InputError("a route needs two points or more", "coverage.route")
    exposure = route_exposure(model, points, breaks)
    paths = filmed_paths(model, points, breaks, exposure)
    return RouteOnMap(
        points=tuple(points),
        breaks=frozenset(breaks),
        exposure=exposure,
        filmed=tuple(tuple(path) for path in paths),
    )


def coverage_report(
    survey: SurveyFile, sector_name: str | None = None, route: Path | None = None
) -> CoverageReport:
    """The coverage of the whole area (or of the sector ``sector_name``), of every sector,
    and the exposure along the GPX ``route``; bad input is refused before any counting."""
    _area(survey)
    sectors = survey.sectors()
    chosen = None if sector_name is None else sector_named(sectors, sector_name, "coverage.sector")
    walk = None if route is None else route_of_gpx(route)
    model = open_coverage(survey)
    each = tuple(
        SectorCoverage(s, sector_summary(survey, model, s))
        for s in (sectors if chosen is None else [chosen])
    )
    summary = summarise(model) if chosen is None else each[0].summary
    return CoverageReport(
        survey=display_name(survey.path),
        sector=None if chosen is None else chosen.name,
        summary=summary,
        sectors=each,
        route_name=None if route is None else route.name,
        route=None if walk is None else route_exposure(model, walk[0], walk[1]),
    )


def report_json(report: CoverageReport) -> dict[str, Any]:
    """The report as the stable JSON documented in the README (version ``JSON_VERSION``)."""
    return {
        "version": JSON_VERSION,
        "survey": report.survey,
        "sector": report.sector,
        "coverage": summary_json(report.summary),
        "sectors": [{"name": s.sector.name, **summary_json(s.summary)} for s in report.sectors],
        "route": None if report.route is None else route_json(report.route_name, report.route),
    }


def summary_json(summary: CoverageSummary) -> dict[str, Any]:
    """One zone's figures as JSON: metres to the decimetre, shares to the hundredth."""
    return {
        "street_m": _m(summary.street_m),
        "road_m": _m(summary.road_m),
        "filmed_m": _m(summary.filmed_m),
        "filmed_twice_m": _m(summary.filmed_twice_m),
        "percent_filmed": round(summary.percent_filmed, 2),
        "within_reach_m": _m(summary.within_reach_m),
        "percent_within_reach": round(summary.percent_within_reach, 2),
        "cameras": summary.cameras,
        "cameras_drawn": summary.cameras_drawn,
        "cameras_without_direction": summary.cameras_without_direction,
        "cameras_indoor": summary.cameras_indoor,
        "cameras_per_km": round(summary.cameras_per_km, 3),
        "cameras_per_road_km": round(summary.cameras_per_road_km, 3),
        "by_kind": [
            {"kind": k.kind.value, "length_m": _m(k.length_m), "filmed_m": _m(k.filmed_m)}
            for k in summary.by_kind
        ],
        "most_filmed": [_street_json(s) for s in summary.most_filmed(RANKED)],
        "blind_spots": [_street_json(s) for s in summary.blind_spots(RANKED)],
    }


def route_json(name: str | None, route: RouteExposure) -> dict[str, Any]:
    """A route's exposure as JSON."""
    return {
        "file": name,
        "length_m": _m(route.length_m),
        "filmed_m": _m(route.filmed_m),
        "percent_filmed": round(route.percent_filmed, 2),
        "cameras": [
            {"id": c.id, "metres": _m(c.metres), "first_seen_at_m": _m(c.first_seen_at_m)}
            for c in route.cameras
        ],
        "stretches": [
            {
                "from_m": _m(s.from_m),
                "to_m": _m(s.to_m),
                "start": {"lat": round(s.start[0], 7), "lon": round(s.start[1], 7)},
                "end": {"lat": round(s.end[0], 7), "lon": round(s.end[1], 7)},
                "cameras": list(s.cameras),
            }
            for s in route.stretches
        ],
    }


def _street_json(street: StreetShare) -> dict[str, Any]:
    return {
        "name": street.name,
        "length_m": _m(street.length_m),
        "filmed_m": _m(street.filmed_m),
        "percent_filmed": round(street.percent_filmed, 2),
        "cameras": street.cameras,
    }


def _m(metres: float) -> float:
    return round(metres, 1)
