"""Settings: each option has one default, values round-trip, privacy options start off."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from contrechamp.ui.settings import (
    FOLLOW_GPS,
    GPS_SPEC,
    LANGUAGE,
    ONLINE_TILES,
    OPTIONS,
    TRACK_LOGGING,
    Settings,
)


def test_defaults_keep_the_walker_private_and_offline(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(str(tmp_path / "s.ini"))
    assert settings.get(TRACK_LOGGING) is False
    assert settings.get(ONLINE_TILES) is False
    assert settings.get(GPS_SPEC) == "none"
    assert settings.get(LANGUAGE) == "system"


def test_each_option_is_declared_once(qtbot: QtBot) -> None:
    keys = [option.key for option in OPTIONS]
    assert len(keys) == len(set(keys))


def test_values_survive_a_new_settings_object(qtbot: QtBot, tmp_path: Path) -> None:
    path = str(tmp_path / "s.ini")
    first = Settings(path)
    first.set(LANGUAGE, "fr")
    first.set(FOLLOW_GPS, False)
    first.set(TRACK_LOGGING, True)
    second = Settings(path)
    assert (second.get(LANGUAGE), second.get(FOLLOW_GPS), second.get(TRACK_LOGGING)) == (
        "fr",
        False,
        True,
    )
    second.reset(TRACK_LOGGING)
    assert Settings(path).get(TRACK_LOGGING) is False


def test_hand_edited_booleans_are_read(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[gps]\nfollow=false\ntrack_logging=yes\n", encoding="utf-8")
    settings = Settings(str(path))
    assert settings.get(FOLLOW_GPS) is False
    assert settings.get(TRACK_LOGGING) is True
