"""The window as a frame: a new panel plugs in by key and hears of every survey opened, and
the parts work alone, with an open survey and a status sink instead of the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import PositionSource
from contrechamp.core.messages import QT_TRANSLATE_NOOP
from contrechamp.store.survey import SurveyFile
from contrechamp.ui import main_window
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.session import SurveySession
from contrechamp.ui.settings import Settings
from contrechamp.ui.side_tabs import SideTab, TabTexts
from contrechamp.ui.sightings import Sightings
from contrechamp.ui.window_parts import OpenSurvey

from .conftest import AREA


class _Said:
    """A status sink that keeps what it was told."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def say(self, text: str) -> None:
        self.lines.append(text)

    def show_error(self, error: BaseException) -> None:
        self.lines.append(f"error: {error}")

    def warn(self, title: str, text: str) -> None:
        self.lines.append(f"{title}: {text}")


def test_a_panel_plugged_in_by_key_hears_of_each_survey_and_keeps_the_others_in_place(
    window: MainWindow, tmp_path: Path
) -> None:
    heard: list[Path | None] = []
    panel = QLabel()
    texts = TabTexts("Test", QT_TRANSLATE_NOOP("Test", "Upload"), "The upload to check")
    window.tabs.add_panel("test-panel", panel, texts)
    window.opened.changed.connect(lambda s: heard.append(s.survey.path if s else None))
    other = tmp_path / "other.cartoparty"
    SurveyFile.create(other, title="other").close()
    assert window.open_survey(other)
    window.tabs.show_panel("test-panel")
    assert window.tabs.currentWidget() is panel
    assert window.tabs.tabText(window.tabs.index_of("test-panel")) == "Upload"
    window.review_links.update_title(3)  # the review tab's count still lands on its tab
    assert window.tabs.tabText(window.tabs.index_of(SideTab.REVIEW)) == "Drafts to review (3)"
    window.show_review()
    assert window.tabs.current_key() == SideTab.REVIEW
    assert heard == [other]


def test_sightings_work_with_an_open_survey_and_a_status_sink_alone(
    qtbot: QtBot, survey_path: Path
) -> None:
    opened, said, add_on_map = OpenSurvey(), _Said(), QAction()
    add_on_map.setCheckable(True)
    sightings = Sightings(
        opened, said, GpsService(), add_on_map, lambda: (43.733, 7.425), lambda: None
    )
    logged: list[tuple[str, str]] = []
    sightings.camera_logged.connect(lambda camera_id, warning: logged.append((camera_id, warning)))
    assert sightings.new_camera_here() is None  # no survey open: nothing to log into
    session = SurveySession(SurveyFile.open(survey_path))
    opened.set(session)
    try:
        camera = sightings.new_camera_here()
        assert camera is not None
        assert (camera.lat, camera.lon, camera.source) == (43.733, 7.425, PositionSource.MAP)
        assert logged[0][0] == camera.id
        assert "map centre" in logged[0][1]  # no GPS fix: said beside the camera
        add_on_map.setChecked(True)
        sightings.arm_add_on_map()
        assert said.lines[-1] == "Click the map where the camera is."
        sightings.on_map_clicked(43.73302, 7.42502)
        assert not add_on_map.isChecked()
        assert len(session.cameras()) == 2
        assert "Another camera of this survey is" in logged[1][1]  # 3 m from the first
    finally:
        session.close()


def test_the_glanced_map_is_painted_before_the_survey_starts_opening(
    qtbot: QtBot, settings: Settings, survey_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(settings, gps=GpsService(replay_speed=50.0), staged=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    painted: list[object] = []  # the area each frame showed, and whether it was whole
    frame = window.canvas.frame
    window.canvas.painted.connect(
        lambda: painted.append((frame.basemap.bbox, frame.tiles.last_complete))
    )
    shown_when_opening: list[list[object]] = []
    real_open = main_window._open_for_session

    def opening(path: Path) -> object:
        shown_when_opening.append(list(painted))
        return real_open(path)

    monkeypatch.setattr(main_window, "_open_for_session", opening)
    assert window.open_survey(survey_path)
    assert window.session is not None
    assert shown_when_opening[0][-1] == (AREA, True)  # the glance's whole map came first
