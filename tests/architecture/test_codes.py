"""One registry of error codes: every code raised anywhere has its sentence in
``core/messages.py``, every sentence there is for a code raised somewhere, and each has its
finished French translation (so the window never falls back to "This did not work: …")."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree

import contrechamp
from contrechamp.core import messages
from contrechamp.core.messages import (
    ERRORS,
    FAMILIES,
    NOT_COPIED,
    NOT_COPIED_OTHERWISE,
    SKIPPED,
    SKIPPED_OTHERWISE,
    error_sentence,
)
from contrechamp.store.pending import PendingState
from tests.architecture.raised_codes import RaisedCodes, package_sources, raised_codes

PACKAGE_DIR = Path(contrechamp.__file__).parent
FRENCH = PACKAGE_DIR.parents[1] / "i18n" / "contrechamp_fr.ts"

_NEW_READER = """
from contrechamp.core.errors import InputError, SurveyError

def _refuse(path, code):
    raise InputError(f"{path}: odd", code)

def read_brand_new(path):
    _refuse(path, "brand.new")

def keep(survey):
    raise SurveyError("full", code="survey.fuller")
"""


@pytest.fixture(scope="module")
def raised() -> RaisedCodes:
    return raised_codes(package_sources(PACKAGE_DIR))


def without_sentence(found: RaisedCodes) -> list[str]:
    """Each raised code that neither has its own sentence nor a family's, with where."""
    return [
        f"{code} ({found.codes[code][0]})"
        for code in sorted(found.codes)
        if error_sentence(code) is None
    ]


def _all_sentences() -> set[str]:
    return {
        *ERRORS.values(),
        *FAMILIES.values(),
        *SKIPPED.values(),
        SKIPPED_OTHERWISE,
        *NOT_COPIED.values(),
        NOT_COPIED_OTHERWISE,
    }


def _french_messages() -> dict[str, tuple[str, str | None]]:
    """Source -> (translation, type) of the French catalogue's context "Messages"."""
    found = {}
    for context in ElementTree.parse(FRENCH).getroot().iter("context"):
        if context.findtext("name") != messages.CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[message.findtext("source") or ""] = (
                "".join(translation.itertext()),
                translation.get("type"),
            )
    return found


def test_the_walker_follows_every_way_codes_are_raised(raised: RaisedCodes) -> None:
    assert raised.unfollowed == [], "a code given in a way the walker cannot follow"
    assert {
        "photo.unsupported",  # InputError(message, "photo.unsupported")
        "csv.row",  # _fail(path, "csv.row", ...)
        "geojson.json",  # load_json(path, "geojson") raising f"{code_prefix}.json"
        "gpx.hostile",  # XmlBudget(path, "gpx.hostile") keeping it as self._code
        "survey.full",  # store/errors.py's _BY_CODE table
        "input.invalid",  # InputError's default code
    } <= set(raised.codes)
    assert len(raised.codes) > 60


def test_every_raised_code_has_a_sentence(raised: RaisedCodes) -> None:
    assert without_sentence(raised) == []


def test_a_code_raised_without_a_sentence_is_caught() -> None:
    sources = {**package_sources(PACKAGE_DIR), "contrechamp.formats.brand_new": _NEW_READER}
    found = raised_codes(sources)
    assert "survey.fuller" in found.codes  # raised, but it has its family's sentence
    assert without_sentence(found) == [
        "brand.new (contrechamp.formats.brand_new:8: _refuse(path, 'brand.new'))"
    ]


def test_every_sentence_is_for_a_code_raised_somewhere(raised: RaisedCodes) -> None:
    codes = set(raised.codes)
    assert sorted(set(ERRORS) - codes) == [], "sentences for codes nothing raises"
    assert sorted(set(SKIPPED) - codes) == [], "skipped-photo sentences for codes nothing raises"
    used_families = {code.split(".", 1)[0] for code in codes if code not in ERRORS}
    assert sorted(set(FAMILIES) - used_families) == [], "families whose codes all have their own"
    assert set(NOT_COPIED) == {state.value for state in PendingState}


def test_every_sentence_has_its_finished_french() -> None:
    french = _french_messages()
    missing = sorted(s for s in _all_sentences() if not french.get(s, ("", None))[0].strip())
    unfinished = sorted(s for s in _all_sentences() if french.get(s, ("", None))[1])
    assert missing == [], f"{len(missing)} sentences without French, e.g. {missing[:3]}"
    assert unfinished == [], f"{len(unfinished)} unfinished, e.g. {unfinished[:3]}"
    lost = sorted(s for s in _all_sentences() if "{name}" in s and "{name}" not in french[s][0])
    assert lost == [], "French that no longer names the file"


def _lupdate() -> str:
    found = Path(sys.executable).with_name("pyside6-lupdate")
    path = str(found) if found.exists() else shutil.which("pyside6-lupdate")
    if path is None:
        pytest.skip("pyside6-lupdate not installed")
    return path


def test_lupdate_collects_every_sentence_of_the_registry(tmp_path: Path) -> None:
    ts = tmp_path / "registry.ts"
    subprocess.run(
        [_lupdate(), messages.__file__, "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    root = ElementTree.parse(ts).getroot()
    contexts = {context.findtext("name") for context in root.iter("context")}
    collected = {message.findtext("source") for message in root.iter("message")}
    assert contexts == {messages.CONTEXT}
    assert collected == _all_sentences()
