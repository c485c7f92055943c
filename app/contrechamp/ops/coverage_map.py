"""The coverage in the HTML export: the figures of the area (or of the sector exported) for
its panel, and the streets coloured by how many cameras film them for its layer.

The same counting as the Coverage tab (``ops.coverage``) and the same classes and colours as
the window's layer (``core.coverage_classes``). The texts are English, as the rest of the
HTML map; the street names are OSM's, escaped by the writer.
"""

from __future__ import annotations

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely import Geometry

from contrechamp.core.coverage import StreetCoverage
from contrechamp.core.coverage_classes import (
    COVERAGE_STYLES,
    VIEW_FILL_RGBA,
    VIEWS_LABEL,
    class_of,
)
from contrechamp.core.coverage_figures import CoverageSummary, StreetShare, summarise
from contrechamp.core.sectors import sector_named
from contrechamp.formats.html_map import MapCoverage, MapCoverageClass, Ring
from contrechamp.ops.coverage import RANKED, open_coverage, sector_summary
from contrechamp.store.survey import SurveyFile

__all__ = ["coverage_lines", "figure_rows", "map_coverage"]

_VIEW_TOLERANCE_M = 0.5  # the visible areas simplified to half a metre: a smaller file
_NOTE = (
    "Fields of view as OSM's viewers draw them (35 m when the height is not mapped), cut "
    "where buildings block the view; the survey's cameras and those already in OSM."
)


def map_coverage(survey: SurveyFile, sector_name: str | None = None) -> MapCoverage | None:
    """The coverage panel and layer of the HTML map, for the whole area or the sector
    ``sector_name``; None when the survey has no area or its area no street.

    InputError "coverage.sector" for an unknown sector; SurveyError "survey.corrupt" for a
    damaged shape.
    """
    if survey.area_bbox() is None:
        return None
    sector = (
        None
        if sector_name is None
        else sector_named(survey.sectors(), sector_name, "coverage.sector")
    )
    model = open_coverage(survey)
    if not model.streets:
        return None
    if sector is None:
        summary, zone = summarise(model), None
        heading = "Coverage of the whole area"
    else:
        summary = sector_summary(survey, model, sector)
        zone = shapely.make_valid(shapely.from_wkb(sector.wkb))
        heading = f"Coverage of sector {sector.name}"
    lines = coverage_lines(model, zone)
    classes = [
        MapCoverageClass(s.label, s.colour, s.width_px, s.dashed, lines[i])
        for i, s in enumerate(COVERAGE_STYLES)
    ]
    return MapCoverage(
        heading=heading,
        figures=figure_rows(summary),
        most_filmed=[_street_row(s) for s in summary.most_filmed(RANKED)],
        blind_spots=[_street_row(s) for s in summary.blind_spots(RANKED)],
        classes=classes,
        views=_views(model, zone),
        views_label=VIEWS_LABEL,
        view_fill=VIEW_FILL_RGBA,
        note=_NOTE,
    )


def figure_rows(summary: CoverageSummary) -> list[tuple[str, str]]:
    """The panel's figures as (label, value) rows, in English."""
    rows = [
        ("Street filmed", f"{summary.percent_filmed:.1f}% of {_length(summary.street_m)}"),
        ("Filmed by two cameras or more", _length(summary.filmed_twice_m)),
        ("Cameras on the street", str(summary.cameras)),
        ("Cameras per km of street", f"{summary.cameras_per_km:.2f}"),
        ("Cameras per km of road", f"{summary.cameras_per_road_km:.2f}"),
    ]
    if summary.within_reach_m > summary.filmed_m:
        rows.append(
            (
                "Within reach of the cameras without a direction",
                f"up to {summary.percent_within_reach:.1f}%",
            )
        )
    return rows


def coverage_lines(model: StreetCoverage, zone: Geometry | None = None) -> list[list[Ring]]:
    """Per class of ``COVERAGE_STYLES``, its lines as (lat, lon) points: every street for the
    first class (drawn under the others), the pieces filmed by 1, 2, 3 or more cameras for
    the next; cut to ``zone`` (a polygon in WGS 84) when given."""
    streets = shapely.from_wkb([s.wkb for s in model.streets])
    out: list[list[Ring]] = [_rings(_clipped(streets, zone))]
    ends, counts = model.filmed_pieces()
    lat0, lon0 = model.frame.degrees(ends[:, 0], ends[:, 1])
    lat1, lon1 = model.frame.degrees(ends[:, 2], ends[:, 3])
    pieces = np.stack([np.column_stack([lon0, lat0]), np.column_stack([lon1, lat1])], axis=1)
    classes = np.array([class_of(int(n)) for n in counts.tolist()], dtype=np.int64)
    for index in range(1, len(COVERAGE_STYLES)):
        mine = pieces[classes == index]
        if len(mine) == 0:
            out.append([])
            continue
        merged = shapely.line_merge(shapely.multilinestrings(shapely.linestrings(mine)))
        out.append(_rings(_clipped(np.array([merged], dtype=object), zone)))
    return out


def _clipped(lines: NDArray[np.object_], zone: Geometry | None) -> NDArray[np.object_]:
    return lines if zone is None else shapely.intersection(lines, zone)


def _rings(geometries: NDArray[np.object_]) -> list[Ring]:
    """The line strings of some geometries as (lat, lon) points."""
    found: list[Ring] = []
    for part in shapely.get_parts(geometries).tolist():
        if part.geom_type == "LineString" and not part.is_empty:
            found.append([(lat, lon) for lon, lat in part.coords])
    return found


def _views(model: StreetCoverage, zone: Geometry | None) -> list[list[Ring]]:
    """The cameras' visible areas, each a list of rings as (lat, lon) points."""
    shown = [p.view for p in model.views()]
    if not shown:
        return []
    simple = shapely.simplify(np.array(shown, dtype=object), _VIEW_TOLERANCE_M)
    areas = _clipped(model.frame.backward(simple), zone)
    found: list[list[Ring]] = []
    for part in shapely.get_parts(areas).tolist():
        if part.geom_type == "Polygon" and not part.is_empty:
            rings = [part.exterior, *part.interiors]
            found.append([[(lat, lon) for lon, lat in ring.coords] for ring in rings])
    return found


def _street_row(street: StreetShare) -> tuple[str, str, str]:
    return street.name, _length(street.length_m), f"{street.percent_filmed:.0f}%"


def _length(metres: float) -> str:
    return f"{metres / 1000:.1f} km" if metres >= 1000 else f"{metres:.0f} m"
