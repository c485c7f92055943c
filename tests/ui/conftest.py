"""Fixtures for the window tests: a real survey file with a small area, a window showing it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contrechamp.core.area import BBox, ExistingCamera
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.session import SurveySession
from contrechamp.ui.settings import Settings

# A corner of Monaco with two cameras already in OSM (made-up ids, real-looking tags).
AREA = BBox(west=7.4200, south=43.7300, east=7.4300, north=43.7360)
OSM_CAMERAS = (
    ExistingCamera(
        osm_id=4242,
        version=3,
        lat=43.7330,
        lon=7.4250,
        tags={"man_made": "surveillance", "surveillance:type": "camera", "camera:type": "dome"},
    ),
    ExistingCamera(
        osm_id=4343, version=1, lat=43.7340, lon=7.4280, tags={"man_made": "surveillance"}
    ),
)


@pytest.fixture
def survey_path(tmp_path: Path) -> Path:
    """A new survey file holding the small area and its two OSM cameras."""
    path = tmp_path / "walk.cartoparty"
    with SurveyFile.create(path, title="Walk", surveyor="pair-3") as survey:
        survey.set_area(AREA, [], OSM_CAMERAS, "test")
    return path


@pytest.fixture
def session(survey_path: Path) -> Iterator[SurveySession]:
    """A session over the survey file (closed after the test)."""
    opened = SurveySession(SurveyFile.open(survey_path))
    yield opened
    opened.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a private INI file, so tests never touch the user's."""
    return Settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, survey_path: Path) -> Iterator[MainWindow]:
    """The field window with the survey open, at the size of a small laptop screen."""
    win = MainWindow(settings, gps=GpsService(replay_speed=50.0))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_survey(survey_path)
    win.canvas.center_on(43.7330, 7.4250, 18)
    yield win
    if win.closing_copy.copying():
        win.closing_copy.stop_copy()  # a test ending during a photo copy does not wait for it
    win.close()
