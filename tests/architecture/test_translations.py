"""French is complete: every string the UI shows through tr() (and every error sentence of the
registry in core/messages.py) has a finished translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from defusedxml import ElementTree

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "app" / "contrechamp" / "ui"
REGISTRY = ROOT / "app" / "contrechamp" / "core" / "messages.py"  # the error sentences
FRENCH = ROOT / "i18n" / "contrechamp_fr.ts"


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed")
    return path


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type attribute) of a .ts file."""
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = (
                "".join(translation.itertext()),
                translation.get("type"),
            )
    return found


def test_every_ui_string_has_a_finished_french_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = [*sorted(str(p) for p in UI.rglob("*.py")), str(REGISTRY)]
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wanted = {key for key, (_, kind) in _messages(fresh).items() if kind != "vanished"}
    assert len(wanted) > 50, "lupdate found too few strings: is the UI using tr()?"
    french = _messages(FRENCH)
    missing = sorted(k for k in wanted if k not in french or not french[k][0].strip())
    unfinished = sorted(k for k in wanted if k in french and french[k][1] == "unfinished")
    assert missing == [], f"{len(missing)} strings without French, e.g. {missing[:5]}"
    assert unfinished == [], f"{len(unfinished)} unfinished, e.g. {unfinished[:5]}"


def test_the_french_catalogue_compiles(tmp_path: Path) -> None:
    qm = tmp_path / "fr.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(FRENCH), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert qm.stat().st_size > 1000


def test_english_has_its_plural_forms(tmp_path: Path) -> None:
    english = ROOT / "i18n" / "contrechamp_en.ts"
    plurals = [
        message
        for message in ElementTree.parse(english).getroot().iter("message")
        if message.get("numerus") == "yes"
    ]
    assert plurals, "no plural message: '%n camera(s)' would show as is"
    french_plurals = {
        message.findtext("source")
        for message in ElementTree.parse(FRENCH).getroot().iter("message")
        if message.get("numerus") == "yes"
    }
    assert {message.findtext("source") for message in plurals} == french_plurals
    for message in plurals:
        forms = [form.text or "" for form in message.iter("numerusform")]
        assert len(forms) == 2
        assert "(s)" not in "".join(forms)
