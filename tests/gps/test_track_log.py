"""Track logging: off unless asked; when on, fixes reach the survey in batches, durable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from contrechamp.core.errors import SurveyError
from contrechamp.core.gps_fix import GpsFix
from contrechamp.core.gps_spec import GpsSpec
from contrechamp.core.track import TrackPoint
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.gps import GpsService
from contrechamp.ui.gps.track_log import TrackRecorder


def _replay_to_end(qtbot: QtBot, service: GpsService, path: Path) -> list[GpsFix]:
    fixes: list[GpsFix] = []
    service.fix_changed.connect(fixes.append)
    service.start(GpsSpec("file", str(path)))
    qtbot.waitUntil(lambda: service.reason == "gps.replay_ended", timeout=10_000)
    return fixes


def test_track_logging_is_off_by_default_and_calls_no_sink(
    qtbot: QtBot, service: GpsService, paris_log: Path
) -> None:
    batches: list[list[TrackPoint]] = []
    assert not service.track_logging
    service.set_track_logging(False, batches.append)
    _replay_to_end(qtbot, service, paris_log)
    service.stop()
    assert batches == []


def test_when_on_every_fix_reaches_the_sink_in_several_batches(
    qtbot: QtBot, paris_log: Path
) -> None:
    service = GpsService(replay_speed=10, track_batch_s=0.5)
    batches: list[list[TrackPoint]] = []
    service.set_track_logging(True, batches.append)
    fixes = _replay_to_end(qtbot, service, paris_log)
    service.stop()  # writes what is pending
    assert 2 <= len(batches) <= 10
    assert all(batches)
    points = [point for batch in batches for point in batch]
    assert points == [fix.to_track_point() for fix in fixes]
    assert len(points) == 20


def test_the_track_is_stored_in_a_real_survey_file(
    qtbot: QtBot, service: GpsService, walking_log: Path, tmp_path: Path
) -> None:
    survey = SurveyFile.create(tmp_path / "walk.cartoparty")
    service.set_track_logging(True, survey.append_track)
    fixes = _replay_to_end(qtbot, service, walking_log)
    service.set_track_logging(False)
    survey.close()
    reopened = SurveyFile.open(tmp_path / "walk.cartoparty")
    try:
        stored = reopened.track()
    finally:
        reopened.close()
    assert [(p.time, p.lat, p.lon) for p in stored] == [(f.time, f.lat, f.lon) for f in fixes]
    assert len(stored) == 68


def test_a_refusing_survey_keeps_the_points_for_the_next_batch(qtbot: QtBot) -> None:
    recorder = TrackRecorder(batch_s=60)
    failures: list[str] = []
    recorder.failed.connect(failures.append)
    written: list[TrackPoint] = []
    refuse = [True]

    def sink(points: list[TrackPoint]) -> None:
        if refuse[0]:
            raise SurveyError("the disk is full", code="survey.io")
        written.extend(points)

    recorder.set_sink(sink)
    start = datetime(2025, 3, 15, 12, tzinfo=UTC)
    for second in range(5):
        recorder.add(GpsFix(48.9, 2.33, start + timedelta(seconds=second)))
    recorder.flush()
    assert failures == ["the disk is full"]
    assert recorder.pending == 5
    refuse[0] = False
    recorder.flush()
    assert [p.time.second for p in written] == [0, 1, 2, 3, 4]


def test_a_fix_that_is_not_newer_than_the_last_point_is_not_stored_twice() -> None:
    recorder = TrackRecorder()
    written: list[TrackPoint] = []
    recorder.set_sink(written.extend)
    fix = GpsFix(48.9, 2.33, datetime(2025, 3, 15, 12, tzinfo=UTC))
    recorder.add(fix)
    recorder.flush()
    recorder.add(fix)
    recorder.flush()
    assert len(written) == 1


def test_turning_logging_off_writes_what_was_recorded_then_nothing_more(
    qtbot: QtBot, service: GpsService, walking_log: Path
) -> None:
    written: list[TrackPoint] = []
    fixes: list[GpsFix] = []
    service.fix_changed.connect(fixes.append)
    service.set_track_logging(True, written.extend)
    service.start(GpsSpec("file", str(walking_log)))
    qtbot.waitUntil(lambda: len(fixes) >= 10, timeout=5000)
    service.set_track_logging(False)
    kept = len(written)
    qtbot.waitUntil(lambda: service.reason == "gps.replay_ended", timeout=10_000)
    assert not service.track_logging
    assert 10 <= kept < len(fixes) == 68
    assert len(written) == kept
