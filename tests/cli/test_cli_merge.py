"""``contrechamp merge``: its summary, its exit codes, and ``info --json`` of a merged survey."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contrechamp.cli import main
from contrechamp.formats.basemap import read_area
from tests.core.walk_simulation import simulate_walks
from tests.ops.walk_surveys import write_pair_surveys


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def pairs(tmp_path: Path, shared_data: Path) -> list[Path]:
    monaco = shared_data / "osm" / "monaco.osm.pbf"
    walks = simulate_walks(monaco, seed=3, pairs=4)
    return write_pair_surveys(tmp_path, walks, area=read_area(monaco), photos_every=2)


def test_merge_prints_what_it_did_and_what_the_merged_survey_holds(
    tmp_path: Path, pairs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "merged.cartoparty"
    assert run("merge", out, *pairs, "--radius", "15") == 0
    first, cameras, against, photos = capsys.readouterr().out.splitlines()
    assert first.startswith("Merged 4 surveys into merged.cartoparty: ")
    assert first.endswith(" sightings added")
    assert " cameras from " in cameras
    assert " seen in several surveys, " in cameras
    assert cameras.endswith(" conflicts to decide")
    assert against.startswith("Against OSM: ")
    assert " same as an OSM camera, " in against
    assert photos.endswith(" photos copied")
    assert run("merge", out, pairs[0]) == 0
    assert capsys.readouterr().out.startswith("Nothing new to merge into merged.cartoparty (")
    assert run("info", out, "--json") == 0
    figures = json.loads(capsys.readouterr().out)["merge"]
    assert figures["surveys"] == 4
    assert set(figures["matches"]) == {"new", "same", "possible"}
    assert run("info", pairs[0], "--json") == 0
    assert json.loads(capsys.readouterr().out)["merge"] is None


@pytest.mark.parametrize("radius", ["0", "-3", "500", "abc"])
def test_a_bad_radius_is_a_user_error(
    tmp_path: Path, pairs: list[Path], capsys: pytest.CaptureFixture[str], radius: str
) -> None:
    assert run("merge", tmp_path / "merged.cartoparty", *pairs, "--radius", radius) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "radius" in line
    assert not (tmp_path / "merged.cartoparty").exists()


def test_a_survey_that_cannot_be_read_is_named_and_nothing_is_made(
    tmp_path: Path, pairs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.cartoparty"
    junk.write_bytes(b"not a survey at all" * 100)
    assert run("merge", tmp_path / "merged.cartoparty", pairs[0], junk) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "junk.cartoparty: " in line
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [junk.name, *(p.name for p in pairs)]
    )
