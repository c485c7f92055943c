"""The settings dialog stores what the walker chose, and refuses a GPS source it cannot use."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from contrechamp.ui.settings import (
    FOLLOW_GPS,
    GPS_SPEC,
    LANGUAGE,
    ONLINE_TILES,
    TRACK_LOGGING,
    Settings,
)
from contrechamp.ui.settings_dialog import SettingsDialog


def test_accepting_stores_every_option(qtbot: QtBot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.gps.kind.setCurrentIndex(dialog.gps.kind.findData("tcp"))
    dialog.gps.host.setText("192.168.1.20")
    dialog.gps.tcp_port.setValue(10110)
    dialog.gps.keep_track.setChecked(True)
    dialog.follow.setChecked(False)
    dialog.online.setChecked(True)
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings.get(LANGUAGE) == "fr"
    assert settings.get(GPS_SPEC) == "tcp:192.168.1.20:10110"
    assert settings.get(TRACK_LOGGING) is True
    assert settings.get(FOLLOW_GPS) is False
    assert settings.get(ONLINE_TILES) is True


def test_the_dialog_shows_the_stored_options(qtbot: QtBot, settings: Settings) -> None:
    settings.set(GPS_SPEC, "file:/tmp/walk.nmea")
    settings.set(LANGUAGE, "en")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.gps.path.text() == "/tmp/walk.nmea"
    assert dialog.language.currentData() == "en"
    assert not dialog.online.isChecked()
    assert not dialog.gps.keep_track.isChecked()


def test_an_incomplete_gps_source_keeps_the_dialog_open(qtbot: QtBot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.gps.kind.setCurrentIndex(dialog.gps.kind.findData("tcp"))
    dialog.gps.host.setText("")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.text() == "This GPS source is not understood."
    assert settings.get(GPS_SPEC) == "none"
