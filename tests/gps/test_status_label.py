"""The status widget says plainly what the GPS is doing, in every state."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from contrechamp.core.gps_spec import GpsSpec
from contrechamp.ui.gps import GpsService, GpsStatus
from contrechamp.ui.gps.status_label import GpsStatusLabel, reason_text


def _label(qtbot: QtBot, service: GpsService) -> GpsStatusLabel:
    label = GpsStatusLabel(service)
    qtbot.addWidget(label)
    return label


def test_the_label_walks_through_no_gps_searching_fix_and_lost(
    qtbot: QtBot, service: GpsService, walking_log: Path
) -> None:
    label = _label(qtbot, service)
    assert label.text == "No GPS"
    seen: list[str] = []
    service.status_changed.connect(lambda _status: seen.append(label.text))
    service.start(GpsSpec("file", str(walking_log)))
    qtbot.waitUntil(lambda: service.status == GpsStatus.FIX, timeout=5000)
    fix = service.last_fix
    assert fix is not None
    assert fix.accuracy_m is not None
    assert label.text == f"GPS ±{fix.accuracy_m:.0f} m"
    assert "Satellites" in label.toolTip()
    qtbot.waitUntil(lambda: service.status == GpsStatus.LOST, timeout=10_000)
    assert seen[0] == "Searching…"
    assert label.text == "GPS lost"
    assert label.toolTip() == reason_text("gps.replay_ended")


def test_a_dead_receiver_is_shown_as_not_responding(qtbot: QtBot, service: GpsService) -> None:
    label = _label(qtbot, service)
    service.start(GpsSpec("serial", "/dev/ttyNOSUCHGPS0"))
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=2000)
    assert label.text == "GPS receiver not responding"
    assert "plugged in" in label.toolTip()


def test_a_refused_connection_is_shown_as_such(qtbot: QtBot, service: GpsService) -> None:
    label = _label(qtbot, service)
    service.start(GpsSpec("tcp", "127.0.0.1", 1))
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=5000)
    assert label.text == "GPS connection failed"


def test_a_file_without_positions_says_so(
    qtbot: QtBot, service: GpsService, tmp_path: Path
) -> None:
    label = _label(qtbot, service)
    empty = tmp_path / "empty.nmea"
    empty.write_text("# nothing recorded\n$GPTXT,01,01,02,ANTENNA OPEN*25\n")
    service.start(GpsSpec("file", str(empty)))
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=2000)
    assert label.text == "No position in the GPS log"


def test_stopping_shows_no_gps_again(qtbot: QtBot, service: GpsService, paris_log: Path) -> None:
    label = _label(qtbot, service)
    service.start(GpsSpec("file", str(paris_log)))
    qtbot.waitUntil(lambda: service.status == GpsStatus.FIX, timeout=5000)
    service.stop()
    assert label.text == "No GPS"
    assert label.toolTip() == ""


def test_every_failure_code_has_its_own_explanation() -> None:
    codes = [
        "gps.no_fix", "gps.silent", "gps.garbled", "gps.port_missing", "gps.port_denied",
        "gps.port_busy", "gps.port_lost", "gps.port_failed", "gps.refused",
        "gps.host_not_found", "gps.timeout", "gps.network", "gps.connection_failed",
        "gps.closed", "gps.replay_ended", "gps.file_missing", "gps.file_unreadable",
        "gps.no_system_source", "gps.access_denied", "gps.system_closed", "gps.system_failed",
    ]  # fmt: skip
    texts = [reason_text(code) for code in codes]
    assert len(set(texts)) == len(codes)
    assert reason_text("gps.something_new") not in texts
