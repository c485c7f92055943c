"""Switching language re-translates visible widgets at once (Qt's and ours)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import PositionSource
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.translations import Translations, i18n_dir, resolve_language

CONTEXT, SOURCE = "CameraForm", "&Mount"
_MINIMAL_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr_FR" sourcelanguage="en">
<context><name>CameraForm</name>
<message><source>&amp;Mount</source><translation>&amp;Fixation</translation></message>
</context></TS>
"""


def _translation(ts: Path) -> str | None:
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            text = message.findtext("translation")
            if message.findtext("source") == SOURCE and text:
                return text
    return None


def _french_qm(tmp_path: Path) -> tuple[Path, str]:
    """The project's French (built here if needed), or a one-message file if not merged yet."""
    ts = i18n_dir() / "contrechamp_fr.ts"
    expected = _translation(ts) if ts.is_file() else None
    if expected is None:
        ts = tmp_path / "contrechamp_fr.ts"
        ts.write_text(_MINIMAL_TS, encoding="utf-8")
        expected = "&Fixation"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed")
    qm = tmp_path / "contrechamp_fr.qm"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return tmp_path, expected


def test_switching_to_french_retranslates_the_open_form(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    qm_dir, expected = _french_qm(tmp_path)
    translations = Translations(qm_dir)
    label = window.form.labels["camera:mount"]
    assert label.text() == SOURCE
    try:
        assert translations.apply("fr") == "fr"
        qtbot.waitUntil(lambda: label.text() == expected)
    finally:
        translations.apply("en")
    qtbot.waitUntil(lambda: label.text() == SOURCE)


def test_unknown_languages_fall_back_to_english(qtbot: QtBot) -> None:
    assert resolve_language("fr") == "fr"
    assert resolve_language("en") == "en"
    assert resolve_language("system") in ("en", "fr")


def _english_plurals_qm(folder: Path) -> Path:
    """Build contrechamp_en.qm as the project does: lupdate -pluralonly, forms filled in."""
    tools = Path(sys.executable).parent
    lupdate, lrelease = tools / "pyside6-lupdate", tools / "pyside6-lrelease"
    if not (lupdate.exists() and lrelease.exists()):
        pytest.skip("pyside6-lupdate/lrelease are not installed")
    ts = folder / "contrechamp_en.ts"
    window_source = Path(MainWindow.__module__.replace(".", "/") + ".py")
    source = next(p / window_source for p in map(Path, sys.path) if (p / window_source).is_file())
    subprocess.run(
        [
            str(lupdate),
            "-pluralonly",
            "-silent",
            "-target-language",
            "en",
            str(source),
            "-ts",
            str(ts),
        ],
        check=True,
    )
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        text, translation = message.findtext("source") or "", message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        for empty in list(translation):
            translation.remove(empty)
        for form in (text.replace("(s)", ""), text.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = form
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
    )
    return folder


def test_english_says_1_camera_and_2_cameras_once_its_plurals_are_built(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    translations = Translations(_english_plurals_qm(tmp_path))
    assert window.session is not None
    window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    assert window.counts.text() == "1 camera(s)"  # the source text, before
    try:
        assert translations.apply("en") == "en"
        qtbot.waitUntil(lambda: window.counts.text() == "1 camera")
        window.sightings.add_camera_at(43.7321, 7.4231, PositionSource.MAP, None)
        assert window.counts.text() == "2 cameras"
    finally:
        translations.clear()
    qtbot.waitUntil(lambda: window.counts.text() == "2 camera(s)")
