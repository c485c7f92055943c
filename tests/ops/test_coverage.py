"""The coverage of a survey: which cameras count, the figures of the area and of each
sector, a route from GPX, and the stable JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera
from contrechamp.core.errors import InputError
from contrechamp.ops.coverage import (
    JSON_VERSION,
    coverage_cameras,
    coverage_report,
    open_coverage,
    report_json,
)
from contrechamp.store.survey import SurveyFile
from tests.core.coverage_scenes import DOME, point
from tests.ops.coverage_surveys import gpx, town_survey


@pytest.fixture
def town(tmp_path: Path) -> Path:
    return town_survey(tmp_path / "town.cartoparty")


def test_rejected_sightings_stay_out_and_osm_cameras_come_in(town: Path) -> None:
    with SurveyFile.open(town) as survey:
        ids = [c.id for c in coverage_cameras(survey)]
        own = [c.id for c in survey.cameras() if c.status.value == "confirmed"]
    assert ids == [*own, "node/11000000001"]


def test_an_osm_camera_a_sighting_stands_for_counts_once(town: Path) -> None:
    with SurveyFile.open(town) as survey:
        lat, lon = point(300, 200)
        survey.add_camera(Camera(lat, lon, dict(DOME), osm_id=11_000_000_001, osm_version=3))
        ids = [c.id for c in coverage_cameras(survey)]
    assert len(ids) == 2
    assert "node/11000000001" not in ids


def test_the_area_figures_count_every_camera_that_films(town: Path) -> None:
    with SurveyFile.open_untrusted_readonly(town) as survey:
        report = coverage_report(survey)
    assert report.summary.street_m == pytest.approx(2000.0, abs=1e-3)
    assert report.summary.filmed_m == pytest.approx(140.0, abs=1e-3)
    assert report.summary.cameras == 2
    assert [s.sector.name for s in report.sectors] == ["West", "East"]
    assert [s.summary.filmed_m for s in report.sectors] == pytest.approx([35.0, 105.0], abs=1e-3)


def test_one_sector_is_reported_alone_and_found_whatever_its_case(town: Path) -> None:
    with SurveyFile.open_untrusted_readonly(town) as survey:
        report = coverage_report(survey, "east")
    assert report.sector == "East"
    assert report.summary.filmed_m == pytest.approx(105.0, abs=1e-3)
    assert [s.sector.name for s in report.sectors] == ["East"]


def test_a_route_along_the_main_street_meets_the_dome(town: Path, tmp_path: Path) -> None:
    walk = gpx(tmp_path / "school.gpx", [(-100, 0), (100, 0), (100, 200)])
    with SurveyFile.open_untrusted_readonly(town) as survey:
        report = coverage_report(survey, route=walk)
    assert report.route is not None
    assert report.route.length_m == pytest.approx(400.0, abs=1e-3)
    assert report.route.filmed_m == pytest.approx(70.0, abs=1e-3)
    assert report.route_name == "school.gpx"


@pytest.mark.parametrize(("sector", "code"), [("North", "coverage.sector"), (None, None)])
def test_an_unknown_sector_is_refused_before_any_count(
    town: Path, sector: str | None, code: str | None
) -> None:
    with SurveyFile.open_untrusted_readonly(town) as survey:
        if code is None:
            assert coverage_report(survey, sector).sector is None
            return
        with pytest.raises(InputError) as caught:
            coverage_report(survey, sector)
    assert caught.value.code == code
    assert "'West', 'East'" in caught.value.detail


def test_a_survey_without_an_area_has_no_coverage(tmp_path: Path) -> None:
    bare = town_survey(tmp_path / "bare.cartoparty", with_area=False)
    with SurveyFile.open_untrusted_readonly(bare) as survey, pytest.raises(InputError) as caught:
        open_coverage(survey)
    assert caught.value.code == "coverage.no_area"


def test_the_json_holds_the_documented_keys_and_is_plain_json(town: Path, tmp_path: Path) -> None:
    walk = gpx(tmp_path / "walk.gpx", [(-100, 0), (100, 0)])
    with SurveyFile.open_untrusted_readonly(town) as survey:
        data = report_json(coverage_report(survey, route=walk))
    assert json.loads(json.dumps(data)) == data
    assert data["version"] == JSON_VERSION
    assert set(data) == {"version", "survey", "sector", "coverage", "sectors", "route"}
    assert data["coverage"]["percent_filmed"] == 7.0
    assert data["coverage"]["cameras_per_km"] == 1.0
    ranked = {s["name"]: s["percent_filmed"] for s in data["coverage"]["most_filmed"]}
    assert ranked == {"Rue Principale": 7.0, "Rue de Derrière": 7.0}
    assert data["route"]["stretches"][0]["from_m"] == 65.0
    assert data["sectors"][1]["name"] == "East"
