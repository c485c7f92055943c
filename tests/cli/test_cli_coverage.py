"""``contrechamp coverage``: the text and JSON reports, and bad input refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import one_error_line, run, run_process
from tests.ops.coverage_surveys import gpx, town_survey


@pytest.fixture
def town(tmp_path: Path) -> Path:
    return town_survey(tmp_path / "town.cartoparty")


def test_the_text_report_gives_the_share_the_density_and_each_sector(
    town: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("coverage", town) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Whole area: 2.0 km of street, 7.0% filmed (140 m;")
    assert "2 cameras on the street" in lines[1]
    assert "1.00 per km of street" in lines[1]
    assert any(line.startswith("Sector East: 1.0 km of street, 10.5% filmed") for line in lines)


def test_the_json_report_with_a_sector_and_a_route(
    town: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walk = gpx(tmp_path / "walk.gpx", [(-100, 0), (100, 0)])
    assert run("coverage", town, "--sector", "West", "--route", walk, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["sector"], data["coverage"]["filmed_m"]) == ("West", 35.0)
    assert data["route"]["file"] == "walk.gpx"
    assert data["route"]["percent_filmed"] == 35.0
    assert [c["metres"] for c in data["route"]["cameras"]] == [70.0]


def test_the_text_report_lists_where_a_route_is_filmed(
    town: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walk = gpx(tmp_path / "walk.gpx", [(-100, 0), (100, 0)])
    assert run("coverage", town, "--route", walk) == 0
    out = capsys.readouterr().out
    assert "Route walk.gpx: 200 m, 70 m filmed (35.0%) by 1 camera" in out
    assert "  from 65 m to 135 m: " in out


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (
            ["--sector", "North"],
            "no sector named 'North' in the survey (its sectors: 'West', 'East')",
        ),
        (["--route", "missing.gpx"], "missing.gpx: file not found"),
        (["--route", "bad.gpx"], "bad.gpx is not well-formed XML"),
        (["--route", "one.gpx"], "one.gpx has no track or route of two points"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_status_1(
    town: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
    said: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.gpx").write_text("<gpx><trk>", encoding="utf-8")
    gpx(tmp_path / "one.gpx", [(0, 0)])
    capsys.readouterr()
    assert run("coverage", town, *extra) == 1
    assert one_error_line(capsys) == f"contrechamp: {said}"


def test_a_survey_without_an_area_is_told_to_load_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = town_survey(tmp_path / "bare.cartoparty", with_area=False)
    assert run("coverage", bare) == 1
    assert "load one with `contrechamp area` first" in one_error_line(capsys)


def test_a_missing_survey_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("coverage", tmp_path / "none.cartoparty") == 1
    assert "none.cartoparty" in one_error_line(capsys)


def test_no_survey_is_a_usage_error() -> None:
    assert run_process("coverage").returncode == 2
