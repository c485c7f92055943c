"""Problem and error codes become short sentences, with every placeholder filled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from contrechamp.core.errors import ContrechampError, InputError, SurveyError
from contrechamp.core.tags import DIRECTION_KEYS
from contrechamp.core.validation import Problem, check_tags
from contrechamp.ui.messages import error_text, problem_text, skipped_text

FRENCH = Path(__file__).resolve().parents[2] / "i18n" / "contrechamp_fr.ts"

MESSY = {
    "surveillance:type": "anpr",
    "surveillance": "Public",
    "camera:type": "dome;fixed",
    "camera:mount": "lamp post",
    "camera:direction": "south",
    "height": "4 m",
    "camera:angle": "360",
    "surveillance:zone": "area",
}

ERROR_CODES = (
    "survey.newer",
    "survey.busy",
    "survey.corrupt",
    "survey.hostile",
    "survey.full",
    "survey.missing",
    "osm.corrupt",
    "osm.hostile",
    "osm.format",
    "photo.unreadable",
    "photo.too_large",
    "tags.invalid",
    "export.invalid",
    "mbtiles.empty",
)


def test_every_problem_of_messy_real_tags_has_a_sentence(qtbot: QtBot) -> None:
    problems = check_tags(MESSY)
    assert len(problems) >= len(MESSY)
    texts = [problem_text(p) for p in problems]
    assert all(t and "{" not in t for t in texts)
    assert len(set(texts)) == len(texts)


def test_a_messy_value_names_its_field_value_and_suggestion(qtbot: QtBot) -> None:
    text = problem_text(Problem("height", "height.messy", "4 m", "4"))
    assert text == "Height: “4 m” is written oddly; should be “4”."


@pytest.mark.parametrize("key", DIRECTION_KEYS)
def test_direction_problems_name_the_direction(qtbot: QtBot, key: str) -> None:
    problems = check_tags({"man_made": "surveillance", "surveillance": "public", key: "nowhere"})
    assert problems
    assert problem_text(problems[0]).startswith("Direction")


@given(st.text(min_size=1, max_size=30), st.text(max_size=20))
def test_any_code_gets_a_sentence_without_placeholders(code: str, value: str) -> None:
    text = problem_text(Problem("height", code, value, None))
    assert text
    assert value in text
    outside_the_value = text.replace(value, "") if value else text
    assert "{field}" not in outside_the_value
    assert "{value}" not in outside_the_value


@pytest.mark.parametrize("code", ERROR_CODES)
def test_each_error_code_has_its_own_message(qtbot: QtBot, code: str) -> None:
    text = error_text(ContrechampError("detail in English", code))
    assert text
    assert "detail in English" not in text


def test_error_messages_are_distinct(qtbot: QtBot) -> None:
    texts = {error_text(ContrechampError("x", code)) for code in ERROR_CODES}
    assert len(texts) == len(ERROR_CODES)


def test_unknown_codes_fall_back_by_family(qtbot: QtBot) -> None:
    assert error_text(SurveyError("x", "survey.weird")) == error_text(SurveyError("x"))
    assert "odd detail" in error_text(InputError("odd detail", "thing.unknown"))


def test_the_registry_sentences_show_in_french(qtbot: QtBot, tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "fr.qm"
    subprocess.run([str(lrelease), "-silent", str(FRENCH), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        empty = error_text(
            InputError("tiles.mbtiles: the MBTiles file has no tiles", "mbtiles.empty")
        )
        skipped = skipped_text("photo.unsupported", "notes.txt")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert empty == "Ce fichier MBTiles ne contient aucune tuile."
    assert skipped == "notes.txt n’est pas une photo JPEG, HEIC, JPEG XL, AVIF, PNG ou WebP"
    assert error_text(InputError("x", "mbtiles.empty")) == "This MBTiles file holds no tiles."
