"""The Coverage tab: figures of the area and of a sector, updated as cameras are logged,
moved or deleted, the streets coloured on the map, and the printed one-page report."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.ui.coverage_panel import COVERAGE_TAB, CoveragePanel
from contrechamp.ui.main_window import MainWindow
from tests.core.coverage_scenes import DOME, point
from tests.ops.coverage_surveys import town_survey


@pytest.fixture
def panel(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> CoveragePanel:
    """The window on the town survey, the Coverage tab shown and its figures in."""
    assert window.open_survey(town_survey(tmp_path / "town.cartoparty"))
    shown = window.coverage
    with qtbot.waitSignal(shown.figures_shown, timeout=20_000, check_params_cb=lambda: True):
        window.tabs.show_panel(COVERAGE_TAB)
    qtbot.waitUntil(lambda: shown.summary is not None, timeout=20_000)
    return shown


def _names(panel: CoveragePanel) -> list[str]:
    table = panel.most
    return [table.topLevelItem(i).text(0) for i in range(table.topLevelItemCount())]


def test_showing_the_tab_works_the_figures_out(panel: CoveragePanel) -> None:
    assert panel.summary is not None
    assert panel.summary.percent_filmed == pytest.approx(7.0, abs=1e-6)
    assert panel.headline.text() == "7.0% of 2.0 km of street filmed"
    assert "Cameras on the street: 2, that is 1.00 per km of street" in panel.details.text()
    assert sorted(_names(panel)) == ["Rue Principale", "Rue de Derrière"]


def test_a_camera_logged_counts_at_once_and_deleting_it_takes_it_back(
    panel: CoveragePanel, window: MainWindow
) -> None:
    session = window.session
    assert session is not None
    assert panel.summary is not None
    camera = Camera(*point(200, 0), dict(DOME), status=Status.CONFIRMED)
    session.add_camera(camera, "Add")
    assert panel.summary.filmed_m == pytest.approx(210.0, abs=1e-3)
    session.edit_camera(camera.moved_to(*point(400, 200), camera.source), "Move")
    assert panel.summary.filmed_m == pytest.approx(210.0, abs=1e-3)  # on the back street now
    session.delete_camera(camera.id, "Delete")
    assert panel.summary.filmed_m == pytest.approx(140.0, abs=1e-3)


def test_a_sighting_of_an_osm_camera_replaces_it(panel: CoveragePanel, window: MainWindow) -> None:
    session = window.session
    assert session is not None
    assert panel.summary is not None
    seen = Camera(*point(300, 200), dict(DOME), osm_id=11_000_000_001, osm_version=3)
    session.add_camera(seen, "Seen")
    assert panel.summary.cameras == 2
    assert panel.summary.filmed_m == pytest.approx(140.0, abs=1e-3)
    session.delete_camera(seen.id, "Delete")
    assert panel.summary.cameras == 2  # the OSM camera is counted again


def test_choosing_a_sector_shows_its_figures(panel: CoveragePanel) -> None:
    panel.zone.setCurrentIndex(panel.zone.findText("Sector East"))
    assert panel.summary is not None
    assert panel.summary.filmed_m == pytest.approx(105.0, abs=1e-3)
    assert panel.summary.street_m == pytest.approx(1000.0, abs=1e-3)


def test_the_map_colours_the_streets_when_asked(
    panel: CoveragePanel, window: MainWindow, qtbot: QtBot
) -> None:
    assert not window.canvas.frame.coverage.shapes
    panel.on_map.setChecked(True)
    shapes = window.canvas.frame.coverage.shapes
    assert len(shapes.streets) == 2  # one straight segment each
    assert sorted(shapes.classes.tolist()) == [1, 1]
    panel.on_map.setChecked(False)
    assert not window.canvas.frame.coverage.shapes


def test_the_report_is_one_a4_page(panel: CoveragePanel, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert panel.print_report(out)
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert (
        pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page>") + pdf.count(b"/Type /Page ") == 1
    )


def test_a_report_over_the_survey_itself_is_refused(
    panel: CoveragePanel, window: MainWindow
) -> None:
    assert window.session is not None
    assert not panel.print_report(window.session.survey.path)
