"""Starting the app: settings applied, a survey opened with an area, the demo survey built."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from logging import FileHandler
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contrechamp import GENERATOR
from contrechamp.core.gps_spec import parse_gps_spec
from contrechamp.logs import log_to_file, stop_log_file
from contrechamp.ui.app import FieldApp, _install_excepthook, run_gui
from contrechamp.ui.gps import GpsStatus
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map import OnlineTiles
from contrechamp.ui.map.tile_folder import default_tile_folder
from contrechamp.ui.settings import (
    GPS_SPEC,
    LAST_SURVEY,
    ONLINE_TILES,
    ONLINE_TILES_URL,
    Settings,
)
from contrechamp.ui.translations import Translations


@pytest.fixture
def translations() -> Iterator[Translations]:
    """The app's translations, removed after the test so no other test sees them."""
    installed = Translations()
    yield installed
    installed.clear()


@pytest.fixture
def field(qtbot: QtBot, settings: Settings, translations: Translations) -> FieldApp:
    """The app on private settings, GPS off."""
    app = FieldApp(settings, translations, gps_override="none")
    qtbot.addWidget(app.window)
    return app


def test_opening_a_survey_with_an_extract_loads_its_map_and_osm_cameras(
    qtbot: QtBot, field: FieldApp, survey_path: Path, shared_data: Path
) -> None:
    field.open_first(survey_path, demo=False, area=shared_data / "osm" / "monaco.osm.pbf")
    window = field.window
    qtbot.waitUntil(lambda: window.session is not None, timeout=5000)
    assert window.session is not None
    qtbot.waitUntil(lambda: len(window.session.existing_cameras()) == 16, timeout=30000)  # type: ignore[union-attr]
    assert window.session.survey.map_features()
    assert field.settings.get(LAST_SURVEY) == str(survey_path)


def test_the_base_map_tiles_are_kept_in_the_users_cache_folder(
    qtbot: QtBot, field: FieldApp, survey_path: Path, shared_data: Path
) -> None:
    field.window.show()
    field.open_first(survey_path, demo=False, area=shared_data / "osm" / "monaco.osm.pbf")
    frame = field.window.canvas.frame
    qtbot.waitUntil(lambda: len(frame.basemap) > 0, timeout=30000)
    folder = default_tile_folder()
    assert folder is not None
    assert frame.tile_folder == folder
    assert Path(os.environ["XDG_CACHE_HOME"]) in folder.parents  # the tests' own cache
    field.window.canvas.show_box(field.window.session.survey.area_bbox())  # type: ignore[union-attr,arg-type]
    qtbot.waitUntil(lambda: any(folder.rglob("*.png")), timeout=30000)


def test_the_last_survey_reopens_when_none_is_given(
    qtbot: QtBot, settings: Settings, translations: Translations, survey_path: Path
) -> None:
    settings.set(LAST_SURVEY, str(survey_path))
    app = FieldApp(settings, translations, gps_override="none")
    qtbot.addWidget(app.window)
    app.open_first(None, demo=False, area=None)
    assert app.window.session is not None
    assert app.window.session.survey.path == survey_path


def test_a_missing_survey_is_refused_with_a_message_not_a_crash(
    qtbot: QtBot, field: FieldApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "contrechamp.ui.main_window.QMessageBox.warning",
        lambda _parent, _title, text: shown.append(text),
    )
    assert not field.window.open_survey(tmp_path / "gone.cartoparty")
    assert field.window.session is None
    assert shown == ["The survey file cannot be found."]


def test_settings_choose_the_gps_source_and_the_tiles(
    qtbot: QtBot, settings: Settings, translations: Translations, shared_data: Path
) -> None:
    log = shared_data / "nmea" / "paris-gpslim236.nmea"
    settings.set(GPS_SPEC, f"file:{log}")
    settings.set(ONLINE_TILES, True)
    settings.set(ONLINE_TILES_URL, "http://127.0.0.1:9/{z}/{x}/{y}.png")  # never the real OSM
    app = FieldApp(settings, translations)
    qtbot.addWidget(app.window)
    assert app.window.gps.spec == parse_gps_spec(f"file:{log}")
    assert app.window.gps.status in (GpsStatus.SEARCHING, GpsStatus.FIX)
    source = app.window.canvas.frame.source
    assert isinstance(source, OnlineTiles)
    assert source.url.startswith("http://127.0.0.1:9/")
    app.window.gps.stop()


def test_a_bad_gps_setting_is_reported_and_the_gps_stays_off(
    qtbot: QtBot, settings: Settings, translations: Translations
) -> None:
    settings.set(GPS_SPEC, "bluetooth:42")
    app = FieldApp(settings, translations)
    qtbot.addWidget(app.window)
    assert app.window.gps.status == GpsStatus.OFF
    assert app.window.statusBar().currentMessage() == "This GPS source is not understood."


def test_the_demo_survey_is_built_in_the_background_and_opened(
    qtbot: QtBot, field: FieldApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    field.open_first(None, demo=True, area=None)
    qtbot.waitUntil(lambda: field.window.session is not None, timeout=60000)
    session = field.window.session
    assert session is not None
    assert len(session.existing_cameras()) == 221
    assert session.camera_count() > 0


def test_run_gui_opens_the_survey_and_returns_when_the_window_closes(
    qtbot: QtBot, survey_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    seen: list[str] = []

    def look_then_close() -> None:  # once the survey shows, however long a busy machine takes
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        for window in (w for w in shown if w.isVisible() and "—" in w.windowTitle()):
            seen.append(window.windowTitle())
            window.close()

    closer = QTimer()
    closer.timeout.connect(look_then_close)
    closer.start(200)
    try:
        assert run_gui(survey_path, gps="none") == 0
    finally:
        closer.stop()
    assert set(seen) == {"Contrechamp — Walk"}
    log = tmp_path / "data" / "Contrechamp" / "Contrechamp" / "logs" / "contrechamp.log"
    text = log.read_text(encoding="utf-8")  # closed with the window
    assert f"INFO contrechamp.ui.app: {GENERATOR} started (Python " in text
    assert survey_path.name not in text
    assert not any(isinstance(h, FileHandler) for h in logging.getLogger("contrechamp").handlers)


def test_a_window_closed_while_it_starts_ends_the_app_instead_of_waiting_forever(
    qtbot: QtBot, survey_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    def close_at_once() -> None:  # at the first events, as the survey opens
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                window.close()

    closer, stall = QTimer(), QTimer()
    closer.timeout.connect(close_at_once)
    closer.start(0)
    stall.setSingleShot(True)
    stall.timeout.connect(lambda: QApplication.exit(3))  # a hang fails, it does not stall
    stall.start(10_000)
    try:
        assert run_gui(survey_path, gps="none") == 0
    finally:
        closer.stop()
        stall.stop()


def test_a_bug_in_a_slot_is_logged_and_said_in_a_short_sentence(
    qtbot: QtBot, field: FieldApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", lambda *_: None)  # not pytest-qt's: no test error
    log = log_to_file(tmp_path)
    previous = _install_excepthook(field.window)
    lat, lon = field.window.canvas.view_center()
    try:
        try:
            raise KeyError(f"camera at {lat},{lon}")
        except KeyError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
        stop_log_file()
    text = log.read_text(encoding="utf-8")
    assert "ERROR contrechamp.ui.app: an unexpected error in the window" in text
    assert text.rstrip().endswith("builtins.KeyError")
    assert f"{lat},{lon}" not in text  # the message, which held the map's centre
    assert "saved cameras are safe" in field.window.statusBar().currentMessage()
