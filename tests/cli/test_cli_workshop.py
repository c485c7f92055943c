"""Preparing a workshop from the command line: ``sectors``, ``handout``, and the sectors that
``info`` reports, on Monaco's real area."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contrechamp.cli_parser import COMMANDS
from contrechamp.core.area import Sector
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import digest, one_error_line, run, run_process
from tests.ops.workshop_files import MONACO_SECTORS, sectors_file

SWAPPED = ("Port", None, 43.73, 7.42, 43.74, 7.43)  # latitude and longitude swapped


@pytest.fixture
def atelier(tmp_path: Path, shared_data: Path) -> Path:
    path = tmp_path / "atelier.cartoparty"
    assert run("new", path, "--title", "Atelier Monaco") == 0
    assert run("area", path, shared_data / "osm" / "monaco.osm.pbf") == 0
    return path


def test_the_workshop_commands_are_plugged_into_the_command_line() -> None:
    assert {"sectors", "handout"} <= set(COMMANDS)
    done = run_process("sectors", "--help")
    assert done.returncode == 0
    assert "--replace" in done.stdout


def test_sectors_imports_then_lists_each_with_its_pair_and_size(
    atelier: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run("sectors", atelier, sectors_file(tmp_path, [*MONACO_SECTORS, SWAPPED])) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "Sectors: 4 added, 0 replaced",
        "Monaco-Ville: Zoé & Ana, 81.5 ha",
        "La Condamine: Léo & Sam, 53.7 ha",
        "Monte-Carlo: no pair yet, 134.2 ha",  # 1,207 m × 1,112 m
        "Port: no pair yet, 122.1 ha",  # near the equator, swapped
    ]
    assert err.count("\n") == 1
    assert "1 sector wholly outside the survey's area" in err
    assert err.rstrip().endswith(": Port")
    assert run("sectors", atelier, "--list") == 0
    assert capsys.readouterr().out.splitlines() == out.splitlines()[1:]


def test_a_bad_sectors_file_is_one_sentence_and_changes_nothing(
    atelier: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("sectors", atelier, sectors_file(tmp_path, MONACO_SECTORS)) == 0
    before = digest(atelier)
    twice = [*MONACO_SECTORS, MONACO_SECTORS[0]]
    capsys.readouterr()
    assert run("sectors", atelier, sectors_file(tmp_path, twice), "--replace") == 1
    assert one_error_line(capsys) == (
        "contrechamp: sectors-1.geojson: two sectors are named 'Monaco-Ville'"
    )
    assert digest(atelier) == before
    assert run("sectors", atelier, "--replace") == 1
    assert "--replace needs a FILE" in one_error_line(capsys)


def test_handout_writes_one_survey_per_pair_and_refuses_to_overwrite_them(
    atelier: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("sectors", atelier, sectors_file(tmp_path, MONACO_SECTORS)) == 0
    folder = tmp_path / "clé USB"
    capsys.readouterr()
    assert run("handout", atelier, "-o", folder) == 0
    assert capsys.readouterr().out.splitlines() == [
        "01-monaco-ville-zoe-ana.cartoparty: Monaco-Ville, for Zoé & Ana",
        "02-la-condamine-leo-sam.cartoparty: La Condamine, for Léo & Sam",
        f"2 handouts written to {folder}",
    ]
    before = {p.name: digest(p) for p in folder.iterdir()}
    assert run("handout", atelier, "-o", folder) == 1
    assert "--force to replace them" in one_error_line(capsys)
    assert {p.name: digest(p) for p in folder.iterdir()} == before
    assert run("handout", atelier, "-o", folder, "--force") == 0


def test_info_reports_each_sector_walked_and_its_cameras(
    atelier: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("sectors", atelier, sectors_file(tmp_path, MONACO_SECTORS)) == 0
    assert run("add", atelier, "--lat", "43.7305", "--lon", "7.4200") == 0
    capsys.readouterr()
    assert run("info", atelier, "--json") == 0
    sectors = json.loads(capsys.readouterr().out)["sectors"]
    assert [(s["name"], s["pair"], s["cameras_inside"]) for s in sectors] == [
        ("Monaco-Ville", "Zoé & Ana", 1),
        ("La Condamine", "Léo & Sam", 0),
        ("Monte-Carlo", None, 0),
    ]
    assert set(sectors[0]) == {
        "name",
        "pair",
        "percent_walked",
        "street_m",
        "walked_m",
        "cameras_inside",
    }
    assert all(s["street_m"] > 1000 for s in sectors)
    assert run("info", atelier) == 0
    text = capsys.readouterr().out
    assert "  Monaco-Ville (Zoé & Ana): " in text
    assert "of its streets walked, 1 cameras logged inside" in text


def test_info_of_a_survey_without_sectors_has_an_empty_list(
    atelier: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run("info", atelier, "--json") == 0
    assert json.loads(capsys.readouterr().out)["sectors"] == []
    with SurveyFile.open(atelier) as survey:
        assert survey.own_sector() is None


def test_a_forged_sector_shape_is_one_sentence_not_a_traceback(
    atelier: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SurveyFile.open(atelier) as survey:
        survey.add_sector(Sector("Forged", b"\x01\x03 not a polygon", None, "Eve"))
    capsys.readouterr()
    assert run("info", atelier, "--json") == 1
    assert one_error_line(capsys) == (
        "contrechamp: atelier.cartoparty: a sector or map shape is damaged"
    )
    assert run("sectors", atelier, "--list") == 1
    assert "damaged" in one_error_line(capsys)
