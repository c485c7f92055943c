"""``contrechamp sheets``: the A4 PDF on real data (read back with poppler), and bad input."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from contrechamp.ops.field_sheets import plan_field_sheets
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import digest, one_error_line, run, run_process
from tests.ops.sheet_surveys import CONDAMINE_CAMERAS, monaco_survey

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


@pytest.fixture(scope="module")
def monaco(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    return monaco_survey(tmp_path_factory.mktemp("sheets"), shared_data)


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert found is not None
    return int(found[1])


def _text(pdf: Path, page: int, *, layout: bool = False) -> str:
    words = ["pdftotext", "-f", str(page), "-l", str(page), *(["-layout"] if layout else [])]
    return subprocess.run([*words, pdf, "-"], capture_output=True, text=True, check=True).stdout


def _numbers(text: str) -> set[int]:
    return {int(word) for word in text.split() if word.isdigit()}


def test_the_whole_area_gives_maps_the_osm_list_and_entry_pages(
    monaco: Path, tmp_path: Path
) -> None:
    out = tmp_path / "monaco.pdf"
    done = run_process("sheets", monaco, "-o", out, "--language", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"16 pages written to {out} (16 OSM cameras)"
    with SurveyFile.open_untrusted_readonly(monaco) as survey:
        plan = plan_field_sheets(survey)
    assert _pages(out) == plan.page_count == 13 + 1 + 2
    for page in plan.map_pages:  # each map shows the numbers of the cameras it frames
        text = _text(out, page.number)
        assert f"Map {page.number} of 13" in text
        assert set(page.cameras) <= _numbers(text)
    listed = _text(out, 14, layout=True)
    rows = {
        int(line.split()[0]): line.split()[1:]
        for line in listed.splitlines()
        if re.match(r"\s*\d+\s+Camera", line)
    }
    assert sorted(rows) == list(range(1, 17))
    pole = next(c for c in plan.cameras if c.osm_id == 6459866647)
    assert rows[pole.number][:5] == ["Camera", "Fixed", "(box)", "Pole", "240"]
    entries = _text(out, 15, layout=True)
    assert "Height" in entries
    assert "Licence-plate" in entries  # the glossary's drawings are named
    assert {17, 31} <= _numbers(entries)


def test_a_sector_in_french_without_a_display(monaco: Path, tmp_path: Path) -> None:
    out = tmp_path / "condamine.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command chooses offscreen itself
    words = ["sheets", str(monaco), "--sector", "Condamine", "-o", str(out), "--language", "fr"]
    done = subprocess.run(
        [sys.executable, "-m", "contrechamp", *words, "--entry-pages", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert _pages(out) == 1 + 1 + 1
    first = _text(out, 1)
    assert "Condamine" in first
    assert "Alex & Sam" in first
    assert set(range(1, CONDAMINE_CAMERAS + 1)) <= _numbers(first)
    assert 10 not in _numbers(_text(out, 2))  # only the sector's cameras are listed
    entries = _text(out, 3)
    assert "Caméra dôme" in entries  # the glossary's French
    assert "Dôme" in entries  # the form's words


def test_an_unknown_sector_writes_nothing(
    monaco: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(monaco)
    assert run("sheets", monaco, "--sector", "Fontvieille", "-o", tmp_path / "x.pdf") == 1
    assert "no sector named 'Fontvieille'" in one_error_line(capsys)
    assert list(tmp_path.iterdir()) == []
    assert digest(monaco) == before


def test_a_survey_without_an_area_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.cartoparty"
    assert run("new", empty) == 0
    capsys.readouterr()
    assert run("sheets", empty, "-o", tmp_path / "x.pdf") == 1
    assert "no map area" in one_error_line(capsys)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("target", "words"),
    [("nowhere/x.pdf", "no such folder"), (".", "is a folder"), ("b.cartoparty", "survey")],
)
def test_an_unwritable_output_is_refused(
    monaco: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    target: str,
    words: str,
) -> None:
    assert run("sheets", monaco, "-o", tmp_path / target) == 1
    assert words in one_error_line(capsys)
    assert list(tmp_path.iterdir()) == []


def test_entry_pages_must_be_a_small_whole_number(
    monaco: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for bad in ("0", "21", "2.5", "x"):
        assert run("sheets", monaco, "-o", tmp_path / "x.pdf", "--entry-pages", bad) == 1
        assert "--entry-pages" in one_error_line(capsys)
    assert list(tmp_path.iterdir()) == []
