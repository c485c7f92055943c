"""The Sectors tab on Monaco: the progress ops computes, sectors on the map, fitting the map
to one, drawing one by clicks (Ctrl+Z takes it back), refusing a self-crossing one, deleting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.ops.sectors import sector_progress
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.sectors_panel import SECTORS_TAB, SectorsPanel
from tests.ops.sheet_surveys import CONDAMINE, monaco_survey

# Corners of a block west of the port, in pixels of the 17.5-zoom view centred on it.
BLOCK_PX = ((-60, -40), (60, -40), (60, 40), (-60, 40))
BOW_PX = ((-60, -40), (60, 40), (60, -40), (-60, 40))  # its edge crosses itself


@pytest.fixture(scope="module")
def monaco_template(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    """Monaco with three sectors, Condamine the pair's own, and cameras logged in it at the
    places of the OSM cameras there."""
    path = monaco_survey(tmp_path_factory.mktemp("sectors"), shared_data)
    with SurveyFile.open(path) as survey:
        condamine = next(s for s in survey.sectors() if s.name == "Condamine")
        assert condamine.id is not None
        survey.set_own_sector(condamine.id)
        for osm in survey.existing_cameras():
            if CONDAMINE.contains(shapely.Point(osm.lon, osm.lat)):
                survey.add_camera(Camera(osm.lat, osm.lon, dict(osm.tags), status=Status.CONFIRMED))
    return path


@pytest.fixture
def monaco(window: MainWindow, monaco_template: Path, tmp_path: Path, qtbot: QtBot) -> SectorsPanel:
    """The window on a copy of the Monaco survey, the Sectors tab shown, progress in."""
    path = tmp_path / "monaco.cartoparty"
    shutil.copyfile(monaco_template, path)
    panel = window.organiser.sectors
    with qtbot.waitSignal(panel.progress_shown, timeout=20_000):
        assert window.open_survey(path)
    window.tabs.show_panel(SECTORS_TAB)
    return panel


def _rows(panel: SectorsPanel) -> dict[str, list[str]]:
    table = panel.table
    items = [table.topLevelItem(i) for i in range(table.topLevelItemCount())]
    return {item.text(0): [item.text(c) for c in range(4)] for item in items}


def _draw(qtbot: QtBot, window: MainWindow, corners_px: tuple[tuple[int, int], ...]) -> None:
    canvas = window.canvas
    canvas.center_on(43.7300, 7.4125, 17.5)
    window.organiser.sectors.draw_button.click()
    cx, cy = canvas.viewport().width() // 2, canvas.viewport().height() // 2
    for dx, dy in corners_px:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(cx + dx, cy + dy))
    qtbot.keyClick(canvas, Qt.Key.Key_Return)


def test_the_panel_shows_the_progress_ops_computes(
    monaco: SectorsPanel, window: MainWindow
) -> None:
    assert window.session is not None
    with SurveyFile.reader(window.session.survey.path) as survey:
        expected = sector_progress(survey)
    rows = _rows(monaco)
    assert list(rows) == ["Condamine", "Casino", "Town"]
    for progress in expected:
        _name, pair, walked, cameras = rows[progress.sector.name]
        assert walked == f"{progress.percent_walked:.0f}%"
        assert cameras == str(progress.cameras_inside)
        assert pair == (progress.sector.pair or "—")
    condamine = next(p for p in expected if p.sector.name == "Condamine")
    assert condamine.percent_walked > 0
    assert condamine.cameras_inside > 0
    assert window.canvas.frame.sectors.outlines[0].own  # the pair's own sector, emphasised


def test_activating_a_sector_fits_the_map_to_it(
    monaco: SectorsPanel, window: MainWindow, qtbot: QtBot
) -> None:
    canvas = window.canvas
    canvas.center_on(43.75, 7.44, 12.0)
    item = monaco.table.topLevelItem(0)  # Condamine
    monaco.table.setCurrentItem(item)
    monaco.table.itemActivated.emit(item, 0)
    west, south, east, north = CONDAMINE.bounds
    width, height = canvas.viewport().width(), canvas.viewport().height()
    for lat, lon in ((north, west), (south, east)):
        x, y = canvas.pixel_of(lat, lon)
        assert 0 <= x <= width
        assert 0 <= y <= height
    x0, _ = canvas.pixel_of(north, west)
    x1, _ = canvas.pixel_of(south, east)
    assert x1 - x0 > width / 4  # fitted, not merely in view from afar


def test_a_sector_drawn_by_clicks_is_saved_and_ctrl_z_takes_it_back(
    monaco: SectorsPanel, window: MainWindow, qtbot: QtBot
) -> None:
    _draw(qtbot, window, BLOCK_PX)
    dialog = monaco.dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.name.setText("Port Hercule")
    dialog.pair.setText("Zoé & Ana")
    with qtbot.waitSignal(monaco.progress_shown, timeout=20_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert window.session is not None
    saved = {s.name: s for s in window.session.survey.sectors()}
    assert saved["Port Hercule"].pair == "Zoé & Ana"
    polygon = shapely.from_wkb(saved["Port Hercule"].wkb)
    assert polygon.is_valid
    assert len(polygon.exterior.coords) == 5
    assert "Port Hercule" in _rows(monaco)
    assert len(window.canvas.frame.sectors.outlines) == 4
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Port Hercule" not in {s.name for s in window.session.survey.sectors()}
    assert "Port Hercule" not in _rows(monaco)
    window.session.undo_stack.redo()
    again = {s.name: s for s in window.session.survey.sectors()}["Port Hercule"]
    assert again.id == saved["Port Hercule"].id


def test_a_taken_name_is_said_in_the_box_and_nothing_is_saved(
    monaco: SectorsPanel, window: MainWindow, qtbot: QtBot
) -> None:
    _draw(qtbot, window, BLOCK_PX)
    dialog = monaco.dialog
    assert dialog is not None
    dialog.name.setText("Casino")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.problem.text() == (
        "The survey already has a sector of this name: choose another name."
    )
    assert window.session is not None
    assert len(window.session.survey.sectors()) == 3


def test_a_self_crossing_sector_is_refused_in_one_sentence(
    monaco: SectorsPanel, window: MainWindow, qtbot: QtBot
) -> None:
    _draw(qtbot, window, BOW_PX)
    assert monaco.dialog is None  # no name is asked for a sector that cannot be saved
    box = window.message_box
    assert box is not None
    assert box.text() == "The sector's edge crosses itself: click its corners in order around it."
    assert window.session is not None
    assert len(window.session.survey.sectors()) == 3
    assert not window.session.undo_stack.canUndo()


def test_deleting_a_sector_is_undone_with_its_id_so_the_own_sector_stays_own(
    monaco: SectorsPanel, window: MainWindow, qtbot: QtBot
) -> None:
    monaco.table.setCurrentItem(monaco.table.topLevelItem(0))  # Condamine, the own sector
    monaco.delete_button.click()
    assert window.session is not None
    assert [s.name for s in window.session.survey.sectors()] == ["Casino", "Town"]
    assert window.session.survey.own_sector() is None
    window.session.undo_stack.undo()
    own = window.session.survey.own_sector()
    assert own is not None
    assert own.name == "Condamine"
    assert list(_rows(monaco)) == ["Condamine", "Casino", "Town"]
