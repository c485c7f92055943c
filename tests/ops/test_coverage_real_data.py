"""Coverage on real cities with their real cameras: Monaco's extract and central Helsinki.

The figures must be ones a local group would find plausible (a few per cent of the streets
filmed by the few cameras OSM knows; densities within the range street-view studies report),
and every view must stay out of every building and inside its camera's field."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely
import shapely.affinity

from contrechamp.core.coverage import StreetCoverage, ViewKind
from contrechamp.core.coverage_figures import CoverageSummary, summarise
from contrechamp.core.fov import field_of_view
from contrechamp.ops.area import load_area
from contrechamp.ops.coverage import open_coverage
from contrechamp.store.survey import SurveyFile


def _coverage(tmp_path: Path, extract: Path) -> StreetCoverage:
    path = tmp_path / "city.cartoparty"
    with SurveyFile.create(path) as survey:
        load_area(survey, extract)
    with SurveyFile.open_untrusted_readonly(path) as survey:
        return open_coverage(survey)


@pytest.fixture(scope="module")
def monaco(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> StreetCoverage:
    return _coverage(tmp_path_factory.mktemp("monaco"), shared_data / "osm" / "monaco.osm.pbf")


@pytest.fixture(scope="module")
def helsinki(tmp_path_factory: pytest.TempPathFactory, helsinki_pbf: Path) -> StreetCoverage:
    return _coverage(tmp_path_factory.mktemp("helsinki"), helsinki_pbf)


def _views_stay_out_of_buildings_and_in_their_fields(model: StreetCoverage) -> None:
    solid = shapely.union_all(model.obstacles.footprints)
    for placed in model.views():
        assert shapely.intersection(placed.view, solid).area < 1e-3, placed.camera.id
        fov = shapely.union_all(field_of_view(placed.camera.tags).polygons())
        assert placed.eye is not None
        room = shapely.affinity.translate(shapely.buffer(fov, 1e-6), *placed.eye)
        assert shapely.difference(placed.view, room).area < 1e-6, placed.camera.id


def _plausible(figures: CoverageSummary) -> None:
    assert 0.0 < figures.filmed_twice_m < figures.filmed_m <= figures.within_reach_m
    assert figures.within_reach_m < figures.street_m
    assert figures.most_filmed()
    assert figures.blind_spots()[0].filmed_m == 0.0


def test_monaco_s_sixteen_cameras_film_a_few_per_cent_of_its_streets(
    monaco: StreetCoverage,
) -> None:
    figures = summarise(monaco)
    assert 150_000 < figures.street_m < 220_000
    assert (figures.cameras, figures.cameras_drawn, figures.cameras_without_direction) == (
        16,
        15,
        1,
    )
    assert 0.5 < figures.percent_filmed < 5.0
    assert 0.05 < figures.cameras_per_road_km < 0.9
    _plausible(figures)
    _views_stay_out_of_buildings_and_in_their_fields(monaco)


def test_monaco_s_buildings_cut_its_domes_views(monaco: StreetCoverage) -> None:
    domes = [p for p in monaco.views() if p.camera.tags.get("camera:type") == "dome"]
    circle = field_of_view(domes[0].camera.tags).polygons()[0].area
    assert len(domes) >= 8
    assert np.median([p.view.area for p in domes]) < 0.9 * circle


def test_helsinki_s_cameras_mostly_lack_a_direction_so_reach_exceeds_filmed(
    helsinki: StreetCoverage,
) -> None:
    figures = summarise(helsinki)
    assert 60_000 < figures.street_m < 100_000
    assert figures.cameras == 221
    assert figures.cameras_without_direction > 200
    assert figures.percent_filmed < 5.0 < figures.percent_within_reach < 60.0
    assert 1.0 < figures.cameras_per_km < 5.0
    _plausible(figures)
    _views_stay_out_of_buildings_and_in_their_fields(helsinki)
    kinds = {p.kind for p in helsinki.cameras.values()}
    assert kinds == {ViewKind.DRAWN, ViewKind.NO_DIRECTION}
