"""A route in the Coverage tab, drawn by clicks on the real window's map or read from a GPX
file: its exposure from ops, its filmed stretches on the map, cleared and never stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.ops.coverage import coverage_report
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.coverage_panel import COVERAGE_TAB, CoveragePanel
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.route_layer import FILMED_COLOR
from tests.core.coverage_scenes import DOME, point
from tests.ops.coverage_surveys import gpx, town_survey

WALK_M = ((-200, 0), (0, 0), (200, 0))  # along the main street, through the dome at x = 0


@pytest.fixture
def panel(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> CoveragePanel:
    """The window on the town survey, the Coverage tab shown and its figures in."""
    assert window.open_survey(town_survey(tmp_path / "town.cartoparty"))
    shown = window.coverage
    window.tabs.show_panel(COVERAGE_TAB)
    qtbot.waitUntil(lambda: shown.summary is not None, timeout=20_000)
    window.canvas.center_on(*point(0, 0), 16.5)
    return shown


def _click(qtbot: QtBot, window: MainWindow, x_m: float, y_m: float) -> None:
    canvas = window.canvas
    x, y = canvas.pixel_of(*point(x_m, y_m))
    assert 0 <= x < canvas.viewport().width()
    assert 0 <= y < canvas.viewport().height()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))


def _draw(qtbot: QtBot, window: MainWindow, panel: CoveragePanel) -> None:
    panel.draw_route_button.click()
    for x_m, y_m in WALK_M:
        _click(qtbot, window, x_m, y_m)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)


def _filmed_pixels(window: MainWindow) -> int:
    image = window.canvas.viewport().grab().toImage()
    wanted = FILMED_COLOR.rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).rgb() == wanted
    )


def test_a_route_drawn_by_clicks_shows_its_exposure_and_its_filmed_stretch(
    panel: CoveragePanel, window: MainWindow, qtbot: QtBot
) -> None:
    assert window.session is not None
    commands = window.session.undo_stack.count()
    _draw(qtbot, window, panel)
    route = panel.route
    assert route is not None
    assert route.exposure.length_m == pytest.approx(400.0, abs=4.0)  # clicks fall on pixels
    assert route.exposure.filmed_m == pytest.approx(70.0, abs=2.0)  # the dome's 35 m each way
    assert len(route.exposure.cameras) == 1
    assert panel.route_text.text().startswith("Route of 40")
    assert panel.route_text.text().endswith("seen by 1 camera.")
    assert panel.stretches.topLevelItemCount() == 1
    assert len(window.canvas.route.lines) == 1
    assert len(window.canvas.route.lines[0]) == 3
    assert len(window.canvas.route.filmed) == 1
    qtbot.waitUntil(lambda: _filmed_pixels(window) > 20, timeout=5_000)
    assert window.organiser.sectors.dialog is None  # not taken for a sector
    assert window.session.undo_stack.count() == commands  # nothing done to the survey


def test_a_double_click_ends_the_route_and_escape_gives_it_up(
    panel: CoveragePanel, window: MainWindow, qtbot: QtBot
) -> None:
    canvas = window.canvas
    panel.draw_route_button.click()
    _click(qtbot, window, -200, 0)
    _click(qtbot, window, 0, 0)
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert panel.route is None
    assert not canvas.route
    assert not canvas.sketch.active
    panel.draw_route_button.click()
    _click(qtbot, window, -200, 0)
    x, y = canvas.pixel_of(*point(0, 0))
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    assert panel.route is not None
    assert panel.route.exposure.length_m == pytest.approx(200.0, abs=3.0)


def test_a_route_of_one_point_is_not_measured(
    panel: CoveragePanel, window: MainWindow, qtbot: QtBot
) -> None:
    panel.draw_route_button.click()
    _click(qtbot, window, 0, 0)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    assert panel.route is None
    assert window.statusBar().currentMessage() == "A route needs two points or more."


def test_a_gpx_route_shows_what_ops_reports(panel: CoveragePanel, tmp_path: Path) -> None:
    walk = gpx(tmp_path / "walk.gpx", [(-400, 200), (400, 200), (400, 0), (100, 0)])
    assert panel.open_route(walk)
    route = panel.route
    assert route is not None
    assert panel._session is not None
    with SurveyFile.reader(panel._session.survey.path) as survey:
        expected = coverage_report(survey, route=walk).route
    assert expected is not None
    assert route.exposure.length_m == pytest.approx(expected.length_m)
    assert route.exposure.filmed_m == pytest.approx(expected.filmed_m)
    assert [c.id for c in route.exposure.cameras] == [c.id for c in expected.cameras]
    assert [c.id for c in route.exposure.cameras] == ["node/11000000001"]


def test_a_bad_gpx_file_is_said_and_nothing_shown(
    panel: CoveragePanel, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "empty.gpx"
    bad.write_text('<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"/>')
    assert not panel.open_route(bad)
    assert panel.route is None
    assert window.statusBar().currentMessage() != ""


def test_a_camera_logged_counts_on_the_route_at_once(
    panel: CoveragePanel, window: MainWindow, qtbot: QtBot
) -> None:
    _draw(qtbot, window, panel)
    assert window.session is not None
    assert panel.route is not None
    before = panel.route.exposure.filmed_m
    window.session.add_camera(Camera(*point(150, 0), dict(DOME), status=Status.CONFIRMED), "Add")
    assert panel.route.exposure.filmed_m == pytest.approx(
        before + 70.0, abs=0.5
    )  # clicks off the line
    assert len(panel.route.exposure.cameras) == 2
    assert len(window.canvas.route.filmed) == 2


def test_clearing_the_route_takes_it_off_the_map_and_another_survey_forgets_it(
    panel: CoveragePanel, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    _draw(qtbot, window, panel)
    panel.clear_route_button.click()
    assert panel.route is None
    assert not window.canvas.route
    assert panel.stretches.topLevelItemCount() == 0
    assert panel.route_text.text() == ""
    _draw(qtbot, window, panel)
    assert window.open_survey(town_survey(tmp_path / "other.cartoparty"))
    assert panel.route is None
    assert not window.canvas.route


def test_the_help_says_the_route_is_never_saved(panel: CoveragePanel) -> None:
    assert "never saved in the survey" in panel.route_hint.text()
