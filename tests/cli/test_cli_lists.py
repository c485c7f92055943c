"""``contrechamp import-list`` and the lists in ``info``: the report, and refusals that change
nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contrechamp.cli_parser import COMMANDS
from contrechamp.core.camera import Camera, Status
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import digest, one_error_line, run
from tests.formats.list_samples import english_list, french_list


@pytest.fixture
def survey_path(tmp_path: Path, shared_data: Path) -> Path:
    """A survey of Monaco with its area and two cameras seen: one of the list, one not."""
    path = tmp_path / "walk.cartoparty"
    assert run("new", path, "--title", "Monaco") == 0
    assert run("area", path, shared_data / "osm" / "monaco.osm.pbf") == 0
    with SurveyFile.open(path) as survey:
        survey.add_camera(Camera(lat=43.73338, lon=7.41552, status=Status.CONFIRMED, id="palais"))
        survey.add_camera(Camera(lat=43.7445, lon=7.4350, id="larvotto"))
    return path


def test_import_list_is_a_command() -> None:
    assert "import-list" in COMMANDS


def test_import_list_prints_what_it_read_and_the_comparison(
    survey_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    listed = french_list(tmp_path / "arrete.csv")
    assert run("import-list", survey_path, listed, "--name", "Préfecture 06") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        'Imported the list "Préfecture 06" from arrete.csv: 12 rows, 7 with coordinates, '
        "3 placed at a crossing, 2 unplaced"
    )
    assert out[1] == (
        'List "Préfecture 06" against 2 cameras seen (within 30 m): 1 seen and listed, '
        "1 seen but not listed, 8 listed but not seen, 2 unplaced, 1 outside the survey's area"
    )
    assert "Listed but not seen:" in out
    assert "  line 9 (VP-06): Angle bd des Moulins / av. de la Costa" in out
    assert out[out.index("Seen but not listed:") + 1] == "  camera larvotto"
    unplaced = out[out.index("Unplaced rows:") + 1 :]
    assert unplaced == [
        "  line 12 (VP-09): 12 rue Grimaldi",
        "  line 13 (VP-10): Angle av. Kennedy / bd Louis II",
    ]


def test_info_shows_each_list_in_text_and_json(
    survey_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run("import-list", survey_path, english_list(tmp_path / "city.csv"), "--radius", "50") == 0
    )
    capsys.readouterr()
    assert run("info", survey_path) == 0
    text = capsys.readouterr().out
    assert (
        'List "city" against 2 cameras seen (within 50 m): 0 seen and listed, 2 seen but not '
        "listed, 3 listed but not seen, 1 unplaced"
    ) in text
    assert run("info", survey_path, "--json") == 0
    lists = json.loads(capsys.readouterr().out)["lists"]
    assert lists == [
        {
            "name": "city",
            "listed": 4,
            "placed": {"coordinates": 2, "crossing": 1, "unplaced": 1},
            "radius_m": 50.0,
            "seen": 2,
            "seen_and_listed": 0,
            "seen_not_listed": 2,
            "listed_not_seen": 3,
            "unplaced": 1,
            "outside_area": 0,
        }
    ]


def test_columns_can_be_named_on_the_command_line(
    survey_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = tmp_path / "odd.csv"
    listed.write_text("site;nord;est\nPalais princier;43,7333;7,41551\n", encoding="utf-8")
    args = ("--lat-column", "Nord", "--lon-column", "EST", "--place-column", "site")
    assert run("import-list", survey_path, listed, *args) == 0
    assert "1 seen and listed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "args", "said"),
    [
        ("nom;type\nMairie;dôme\n", (), "no coordinates (latitude and longitude, X and Y"),
        ("lat;lon;adresse\n", (), "no camera in this list"),
        ("lat;lon\n43,7;7,4\n", ("--lat-column", "latitude"), "no column named 'latitude'"),
        ("adresse\n12 rue Grimaldi\n", (), "no row has coordinates or a street crossing"),
        ("lat;lon\n43,7;7,4\n", ("--radius", "0"), "the radius must be more than 0"),
        ("lat;lon\n43,7;7,4\n", ("--radius", "1_0"), "--radius '1_0' is not a number"),
        ("lat;lon\n43,7;7,4\n", ("--name", " "), "the list name '' cannot be used"),
    ],
)
def test_a_bad_list_is_one_sentence_and_changes_nothing(
    survey_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    args: tuple[str, ...],
    said: str,
) -> None:
    listed = tmp_path / "bad.csv"
    listed.write_text(content, encoding="utf-8")
    before = digest(survey_path)
    capsys.readouterr()
    assert run("import-list", survey_path, listed, *args) == 1
    assert said in one_error_line(capsys)
    assert digest(survey_path) == before


def test_a_missing_list_file_is_named(
    survey_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run("import-list", survey_path, tmp_path / "absent.csv") == 1
    assert one_error_line(capsys) == "contrechamp: absent.csv: file not found"
