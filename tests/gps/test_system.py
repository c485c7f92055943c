"""The system positioning source: QtPositioning's answers become fixes; absence is not a crash."""

from __future__ import annotations

import math
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtPositioning import QGeoCoordinate, QGeoPositionInfo
from pytestqt.qtbot import QtBot

from contrechamp.core.gps_spec import GpsSpec
from contrechamp.ui.gps import GpsService, GpsStatus
from contrechamp.ui.gps.system import fix_from_position_info

_WHEN = QDateTime.fromSecsSinceEpoch(1_742_040_000, QTimeZone.utc())


def test_a_position_with_accuracy_speed_and_direction_becomes_a_full_fix() -> None:
    info = QGeoPositionInfo(QGeoCoordinate(48.9043, 2.333, 124.0), _WHEN)
    info.setAttribute(QGeoPositionInfo.Attribute.HorizontalAccuracy, 4.5)
    info.setAttribute(QGeoPositionInfo.Attribute.GroundSpeed, 1.2)
    info.setAttribute(QGeoPositionInfo.Attribute.Direction, 271.0)
    fix = fix_from_position_info(info)
    assert fix is not None
    assert (fix.lat, fix.lon, fix.altitude) == (48.9043, 2.333, 124.0)
    assert (fix.accuracy_m, fix.speed_mps, fix.heading) == (4.5, 1.2, 271.0)
    assert fix.time == datetime.fromtimestamp(1_742_040_000, UTC)


def test_missing_attributes_are_unknown_not_zero() -> None:
    fix = fix_from_position_info(QGeoPositionInfo(QGeoCoordinate(48.9, 2.3), _WHEN))
    assert fix is not None
    assert fix.accuracy_m is None
    assert fix.heading is None
    assert fix.speed_mps is None
    assert fix.altitude is None


def test_an_invalid_position_is_no_fix() -> None:
    assert fix_from_position_info(QGeoPositionInfo()) is None
    invalid = QGeoPositionInfo(QGeoCoordinate(math.nan, 2.3), _WHEN)
    assert fix_from_position_info(invalid) is None


def test_the_system_source_searches_or_fails_plainly(qtbot: QtBot, service: GpsService) -> None:
    service.start(GpsSpec("system"))
    qtbot.wait(300)
    status = service.status
    assert status in (GpsStatus.SEARCHING, GpsStatus.FIX, GpsStatus.ERROR)
    if status == GpsStatus.ERROR:
        assert service.reason in ("gps.no_system_source", "gps.access_denied", "gps.system_failed")
    service.stop()
    assert service.status == GpsStatus.OFF
