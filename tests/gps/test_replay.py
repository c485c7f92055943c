"""NMEA file replay through the GPS service: the real logs give their exact fixes, paced."""

from __future__ import annotations

import time
from datetime import time as tod
from pathlib import Path

from pytestqt.qtbot import QtBot

from contrechamp.core.gps_fix import GpsFix
from contrechamp.core.gps_spec import GpsSpec
from contrechamp.ui.gps import GpsService, GpsStatus
from contrechamp.ui.gps.replay import seconds_between
from tests.gps.conftest import rmc_fixes


def _replay(qtbot: QtBot, service: GpsService, path: Path) -> tuple[list[GpsFix], list[str]]:
    fixes: list[GpsFix] = []
    statuses: list[str] = []
    service.fix_changed.connect(fixes.append)
    service.status_changed.connect(statuses.append)
    service.start(GpsSpec("file", str(path)))
    qtbot.waitUntil(lambda: service.reason == "gps.replay_ended", timeout=10_000)
    return fixes, statuses


def test_replay_of_each_real_log_gives_exactly_its_fixes(
    qtbot: QtBot, service: GpsService, nmea_log: Path
) -> None:
    fixes, _ = _replay(qtbot, service, nmea_log)
    expected = rmc_fixes(nmea_log)
    assert len(fixes) == len(expected)
    for fix, (stamp, lat, lon) in zip(fixes, expected, strict=True):
        assert fix.time.strftime("%H%M%S") == stamp[:6]
        assert abs(fix.lat - lat) < 1e-9
        assert abs(fix.lon - lon) < 1e-9


def test_the_paris_log_stays_at_saint_denis(
    qtbot: QtBot, service: GpsService, paris_log: Path
) -> None:
    fixes, _ = _replay(qtbot, service, paris_log)
    assert len(fixes) == 20
    assert all(abs(f.lat - 48.904) < 0.001 and abs(f.lon - 2.333) < 0.001 for f in fixes)
    assert service.last_fix == fixes[-1]


def test_the_walking_log_searches_first_then_fixes_then_ends_as_lost(
    qtbot: QtBot, service: GpsService, walking_log: Path
) -> None:
    _, statuses = _replay(qtbot, service, walking_log)
    assert statuses[:2] == [GpsStatus.SEARCHING, GpsStatus.FIX]
    assert statuses[-1] == GpsStatus.LOST
    assert service.status == GpsStatus.LOST


def test_comment_lines_anywhere_in_a_log_are_skipped(
    qtbot: QtBot, service: GpsService, paris_log: Path, tmp_path: Path
) -> None:
    noisy = tmp_path / "noisy.nmea"
    lines = paris_log.read_bytes().splitlines(keepends=True)
    noisy.write_bytes(b"".join(line + b"# a remark of the capture\n" for line in lines))
    fixes, _ = _replay(qtbot, service, noisy)
    assert len(fixes) == 20


def test_replay_follows_the_pace_of_the_recorded_timestamps(qtbot: QtBot, paris_log: Path) -> None:
    service = GpsService(replay_speed=10)
    started = time.monotonic()
    _replay(qtbot, service, paris_log)
    service.stop()
    assert time.monotonic() - started >= 19 / 10 * 0.9  # 19 s of log at 10x


def test_a_missing_log_is_an_error_not_a_crash(qtbot: QtBot, service: GpsService) -> None:
    service.start(GpsSpec("file", "/nonexistent/walk.nmea"))
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=2000)
    assert service.reason == "gps.file_missing"


def test_a_file_that_is_not_nmea_ends_without_a_fix(
    qtbot: QtBot, service: GpsService, tmp_path: Path
) -> None:
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(bytes(range(256)) * 64)
    service.start(GpsSpec("file", str(junk)))
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=2000)
    assert service.last_fix is None


def test_stop_turns_the_gps_off_and_no_fix_follows(
    qtbot: QtBot, service: GpsService, walking_log: Path
) -> None:
    service.start(GpsSpec("file", str(walking_log)))
    qtbot.waitUntil(lambda: service.status == GpsStatus.FIX, timeout=5000)
    service.stop()
    with qtbot.assertNotEmitted(service.fix_changed, wait=300):
        pass
    assert service.status == GpsStatus.OFF


def test_follow_mode_is_on_by_default_and_announces_changes(
    qtbot: QtBot, service: GpsService
) -> None:
    assert service.follow
    with qtbot.waitSignal(service.follow_changed) as changed:
        service.set_follow(False)
    assert changed.args == [False]
    assert not service.follow


def test_seconds_between_times_of_day_crosses_midnight() -> None:
    assert seconds_between(tod(23, 59, 59), tod(0, 0, 1)) == 2.0
    assert seconds_between(tod(12, 0, 0), tod(12, 0, 0, 500_000)) == 0.5
