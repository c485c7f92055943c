"""The official list panel: its figures, its three lists, and rows that lead to the map."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.ops.official_lists import import_official_list
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.lists_panel import POSITION_ROLE, OfficialListPanel
from tests.formats.list_samples import english_list


@pytest.fixture
def survey(tmp_path: Path) -> Iterator[SurveyFile]:
    """A survey with the English list (no area: its crossing stays unplaced) and two cameras
    seen, one 8 m from the Casino's listed camera."""
    opened = SurveyFile.create(tmp_path / "walk.cartoparty")
    opened.add_camera(Camera(lat=43.73947, lon=7.42790, status=Status.CONFIRMED, id="casino"))
    opened.add_camera(Camera(lat=43.7445, lon=7.4350, id="larvotto-beach"))
    listed = tmp_path / "city.csv"
    english_list(listed)
    with listed.open("a", encoding="utf-8") as out:
        out.write("C-105,Avenue Princesse Grace,43.7460,7.4330,City of Monaco\n")
    import_official_list(opened, listed, name="City")
    yield opened
    opened.close()


def _groups(panel: OfficialListPanel) -> list[tuple[str, list[str]]]:
    tree = panel.tree
    found = []
    for index in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(index)
        assert group is not None
        rows = [group.child(i) for i in range(group.childCount())]
        found.append((group.text(0), [row.text(0) for row in rows if row is not None]))
    return found


@pytest.fixture
def panel(qtbot: QtBot, survey: SurveyFile) -> OfficialListPanel:
    shown = OfficialListPanel()
    qtbot.addWidget(shown)
    shown.set_survey(survey)
    return shown


def test_the_panel_shows_the_figures_and_the_three_lists(panel: OfficialListPanel) -> None:
    assert panel.summary.text().splitlines() == [
        "5 listed cameras, 2 cameras seen",
        "Seen and listed: 1",
        "A camera seen within 30 m is taken as listed.",
    ]
    assert _groups(panel) == [
        ("Listed but not seen (2)", ["Line 3 (C-102): Rue Grimaldi, Monaco",
                                     "Line 6 (C-105): Avenue Princesse Grace"]),
        ("Seen but not listed (1)", ["Camera larvotto"]),
        ("Unplaced rows (2)", ["Line 4 (C-103): Corner of Rue Grimaldi and Rue Princesse Caroline",
                               "Line 5 (C-104): Port Hercule car park"]),
    ]  # fmt: skip
    assert panel.choice.isHidden()  # one list: nothing to choose


def _row(panel: OfficialListPanel, group: int, row: int) -> QTreeWidgetItem:
    parent = panel.tree.topLevelItem(group)
    assert parent is not None
    item = parent.child(row)
    assert item is not None
    return item


def test_activating_a_row_with_a_position_emits_it(qtbot: QtBot, panel: OfficialListPanel) -> None:
    with qtbot.waitSignal(panel.position_chosen) as listed:
        panel.tree.itemActivated.emit(_row(panel, 0, 1), 0)
    assert listed.args == [43.746, 7.433]
    with qtbot.waitSignal(panel.position_chosen) as seen:
        panel.tree.itemActivated.emit(_row(panel, 1, 0), 0)
    assert seen.args == [43.7445, 7.435]


def test_an_unplaced_row_or_a_heading_leads_nowhere(qtbot: QtBot, panel: OfficialListPanel) -> None:
    with qtbot.assertNotEmitted(panel.position_chosen):
        panel.tree.itemActivated.emit(_row(panel, 2, 0), 0)
        panel.tree.itemActivated.emit(panel.tree.topLevelItem(0), 0)


def test_several_lists_can_be_chosen_and_refresh_keeps_the_choice(
    panel: OfficialListPanel, survey: SurveyFile, tmp_path: Path
) -> None:
    second = tmp_path / "prefecture.csv"
    second.write_text("id;lieu;lat;lon\n1;Casino;43,73945;7,42791\n", encoding="utf-8")
    import_official_list(survey, second, name="Préfecture")
    panel.refresh()
    assert not panel.choice.isHidden()
    assert [panel.choice.itemText(i) for i in range(panel.choice.count())] == ["City", "Préfecture"]
    panel.choice.setCurrentIndex(1)
    assert _groups(panel)[0] == ("Listed but not seen (0)", [])
    panel.refresh()
    assert panel.choice.currentText() == "Préfecture"


def test_no_survey_or_no_list_says_how_to_import_one(
    qtbot: QtBot, panel: OfficialListPanel, tmp_path: Path
) -> None:
    panel.set_survey(None)
    assert panel.tree.topLevelItemCount() == 0
    assert "contrechamp import-list" in panel.summary.text()
    with SurveyFile.create(tmp_path / "empty.cartoparty") as empty:
        panel.set_survey(empty)
        assert panel.tree.topLevelItemCount() == 0
        assert panel.current_report() is None


def test_the_window_shows_the_lists_tab_for_a_survey_with_a_list_and_a_row_leads_to_the_map(
    qtbot: QtBot, survey: SurveyFile, tmp_path: Path
) -> None:
    from contrechamp.ui.lists_panel import LISTS_TAB
    from contrechamp.ui.main_window import MainWindow
    from contrechamp.ui.settings import Settings

    path = survey.path
    survey.close()
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    plain = tmp_path / "plain.cartoparty"
    SurveyFile.create(plain).close()
    assert window.open_survey(plain)
    assert not window.tabs.isTabVisible(window.tabs.index_of(LISTS_TAB))
    assert window.open_survey(path)
    assert window.tabs.isTabVisible(window.tabs.index_of(LISTS_TAB))
    window.tabs.show_panel(LISTS_TAB)
    assert window.official_lists.summary.text().startswith("5 listed cameras")
    row = next(
        item for item in _rows(window.official_lists) if item.data(0, POSITION_ROLE) is not None
    )
    lat, lon = row.data(0, POSITION_ROLE)
    window.official_lists.tree.itemActivated.emit(row, 0)
    centre = window.canvas.view_center()
    assert abs(centre[0] - lat) < 1e-6
    assert abs(centre[1] - lon) < 1e-6
    window.close()


def _rows(panel: OfficialListPanel) -> list[QTreeWidgetItem]:
    tree = panel.tree
    found = []
    for index in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(index)
        assert group is not None
        found += [group.child(i) for i in range(group.childCount())]
    return [row for row in found if row is not None]
