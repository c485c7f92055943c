"""The visual glossary: every drawing renders, every entry carries documented tags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtSvg import QSvgRenderer
from pytestqt.qtbot import QtBot

from contrechamp.core.validation import check_tags
from contrechamp.ui.glossary.dialog import GlossaryDialog, drawing
from contrechamp.ui.glossary.entries import ENTRIES, GlossaryEntry

REQUIRED = {"box", "dome", "panning", "alpr", "traffic_light", "intercom"}


def test_the_six_kinds_walkers_miss_are_there() -> None:
    assert {e.drawing for e in ENTRIES} == REQUIRED


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.drawing)
def test_each_drawing_is_a_valid_svg_that_draws_something(
    qtbot: QtBot, entry: GlossaryEntry
) -> None:
    assert QSvgRenderer(str(entry.path)).isValid()
    image = drawing(entry).toImage()
    colours = {image.pixelColor(x, y).rgb() for x in range(0, 200, 7) for y in range(0, 160, 7)}
    assert len(colours) > 4


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.drawing)
def test_each_entry_uses_documented_values_only(entry: GlossaryEntry) -> None:
    tags = {"man_made": "surveillance", "surveillance": "public", **entry.tags}
    assert check_tags(tags) == []


def test_picking_an_entry_with_the_keyboard_chooses_it(qtbot: QtBot) -> None:
    dialog = GlossaryDialog()
    qtbot.addWidget(dialog)
    dialog.set_can_apply(True)
    dialog.show()
    dialog.entries.setFocus()
    row = next(i for i, e in enumerate(ENTRIES) if e.drawing == "alpr")
    dialog.entries.setCurrentRow(row)
    assert "ALPR" in dialog.title.text()
    assert "surveillance:type=ALPR" in dialog.tags.text()
    qtbot.keyClick(dialog.entries, Qt.Key.Key_Return)
    assert dialog.result() == GlossaryDialog.DialogCode.Accepted
    assert dialog.chosen is ENTRIES[row]


def test_without_a_camera_the_glossary_only_shows(qtbot: QtBot) -> None:
    dialog = GlossaryDialog()
    qtbot.addWidget(dialog)
    dialog.set_can_apply(False)
    dialog.show()
    qtbot.keyClick(dialog.entries, Qt.Key.Key_Return)
    assert dialog.chosen is None
