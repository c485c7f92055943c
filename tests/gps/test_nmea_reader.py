"""Epochs from NMEA streams: real logs give exactly their fixes, at the right moment."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.gps_fix import accuracy_from_hdop
from contrechamp.core.nmea import nmea_checksum
from contrechamp.core.nmea_reader import NmeaReader, epoch_time, read_nmea_fixes
from tests.gps.conftest import rmc_fixes

_REAL_LINES = [
    "$GPGGA,185244.000,4854.2575,N,00219.9816,E,1,05,1.7,124.4,M,47.3,M,,0000*56",
    "$GPRMC,185244.000,A,4854.2575,N,00219.9816,E,0.00,296.61,210706,,,A*6C",
    "$GPGSA,A,3,14,01,30,06,09,,,,,,,,2.8,1.7,2.2*36",
    "$GPRMC,095255.810,V,2712.6404,S,15303.1201,E,0.00,0.00,080407,,,A*6E",
    "$GPGGA,095257.809,2712.6404,S,15303.1201,E,0,00,00.0,4.0,M,42.2,M,,*7B",
    "# Name: Haicom HI-305N",
]


def _line(body: str) -> str:
    return f"${body}*{nmea_checksum(body):02X}"


def _gga(stamp: str, quality: int = 1, hdop: str = "0.9", talker: str = "GN") -> str:
    return _line(
        f"{talker}GGA,{stamp},4854.2575,N,00219.9816,E,{quality},08,{hdop},35.0,M,47.0,M,,"
    )


def _rmc(stamp: str, speed: str = "0.0", status: str = "A", day: str = "150325") -> str:
    return _line(f"GNRMC,{stamp},{status},4854.2575,N,00219.9816,E,{speed},271.5,{day},,,A")


def test_real_logs_give_exactly_the_fixes_of_their_rmc_sentences(nmea_log: Path) -> None:
    expected = rmc_fixes(nmea_log)
    fixes = [e.fix for e in read_nmea_fixes(nmea_log.read_text().splitlines()) if e.fix]
    assert len(fixes) == len(expected)
    for fix, (stamp, lat, lon) in zip(fixes, expected, strict=True):
        assert fix.time.strftime("%H%M%S") == stamp[:6]
        assert fix.lat == pytest.approx(lat, abs=1e-9)
        assert fix.lon == pytest.approx(lon, abs=1e-9)


def test_the_paris_log_is_20_fixes_at_saint_denis(paris_log: Path) -> None:
    fixes = [e.fix for e in read_nmea_fixes(paris_log.read_text().splitlines()) if e.fix]
    assert len(fixes) == 20
    assert all(abs(f.lat - 48.904) < 0.001 and abs(f.lon - 2.333) < 0.001 for f in fixes)
    assert {f.satellites for f in fixes} == {5}
    assert {f.accuracy_m for f in fixes} == {accuracy_from_hdop(1.7)}
    assert fixes[0].time == datetime(2006, 7, 21, 18, 52, 44, tzinfo=UTC)


def test_the_walking_log_starts_without_a_fix_then_finds_one(walking_log: Path) -> None:
    epochs = list(read_nmea_fixes(walking_log.read_text().splitlines()))
    first_fix = next(i for i, e in enumerate(epochs) if e.fix is not None)
    assert first_fix >= 3
    assert all(e.fix is None for e in epochs[:first_fix])
    moving = [e.fix for e in epochs if e.fix and e.fix.speed_mps and e.fix.speed_mps > 0.3]
    assert moving
    assert all(f.heading is not None for f in moving)


def test_an_epoch_is_reported_at_its_last_sentence_once_the_pattern_is_known() -> None:
    reader = NmeaReader()
    assert reader.feed(_gga("120000.00")) == []
    assert reader.feed(_rmc("120000.00")) == []  # first epoch: the pattern is not known yet
    done = reader.feed(_gga("120001.00"))
    assert [e.time.second for e in done] == [0]
    done = reader.feed(_rmc("120001.00"))
    assert [e.time.second for e in done] == [1]


def test_a_stream_of_rmc_only_is_reported_without_waiting_after_the_first() -> None:
    reader = NmeaReader()
    assert reader.feed(_rmc("120000.00")) == []
    assert len(reader.feed(_rmc("120001.00"))) == 2


def test_gga_only_receivers_get_their_date_from_the_clock_and_cross_midnight() -> None:
    reader = NmeaReader(today=lambda: date(2025, 3, 15))
    epochs = reader.feed(_gga("235959.00")) + reader.feed(_gga("000000.00")) + reader.flush()
    assert [e.time for e in epochs] == [
        datetime(2025, 3, 15, 23, 59, 59, tzinfo=UTC),
        datetime(2025, 3, 16, 0, 0, tzinfo=UTC),
    ]


def test_no_fix_quality_and_status_v_mean_no_fix() -> None:
    epochs = list(read_nmea_fixes([_gga("120000.00", quality=0), _rmc("120000.00")]))
    epochs += list(read_nmea_fixes([_gga("120001.00"), _rmc("120001.00", status="V")]))
    assert [e.fix for e in epochs] == [None, None]


def test_speed_is_in_metres_per_second_and_heading_only_when_moving() -> None:
    (moving,) = read_nmea_fixes([_gga("120000.00"), _rmc("120000.00", speed="2.0")])
    (still,) = read_nmea_fixes([_gga("120000.00"), _rmc("120000.00", speed="0.1")])
    assert moving.fix is not None
    assert still.fix is not None
    assert moving.fix.speed_mps == pytest.approx(1.029, abs=1e-3)
    assert moving.fix.heading == 271.5
    assert still.fix.heading is None


def test_accuracy_comes_from_hdop_or_the_gsa_and_is_unknown_without_either() -> None:
    gsa = _line("GNGSA,A,3,14,01,30,06,09,,,,,,,,2.8,1.4,2.2")
    (from_gga,) = read_nmea_fixes([_gga("120000.00", hdop="0.9"), _rmc("120000.00")])
    (from_gsa,) = read_nmea_fixes([_gga("120000.00", hdop=""), gsa, _rmc("120000.00")])
    (unknown,) = read_nmea_fixes([_gga("120000.00", hdop="0.0"), _rmc("120000.00")])
    assert from_gga.fix is not None
    assert from_gga.fix.accuracy_m == accuracy_from_hdop(0.9)
    assert from_gsa.fix is not None
    assert from_gsa.fix.accuracy_m == accuracy_from_hdop(1.4)
    assert unknown.fix is not None
    assert unknown.fix.accuracy_m is None


def test_differential_fixes_keep_their_quality_and_satellites() -> None:
    (epoch,) = read_nmea_fixes([_gga("120000.00", quality=2), _rmc("120000.00")])
    assert epoch.fix is not None
    assert (epoch.fix.quality, epoch.fix.satellites) == ("dgps", 8)


def test_damaged_lines_are_counted_and_skipped() -> None:
    reader = NmeaReader()
    reader.feed(_gga("120000.00")[:-1] + "0")
    reader.feed("\x00\xff garbage")
    reader.feed(_gga("120001.00"))
    assert reader.bad_sentences == 1
    assert reader.good_sentences == 1
    assert len(reader.flush()) == 1


@given(st.lists(st.one_of(st.sampled_from(_REAL_LINES), st.text(max_size=90)), max_size=60))
def test_any_mix_of_real_and_random_lines_is_read_without_error(lines: list[str]) -> None:
    epochs = list(read_nmea_fixes(lines))
    timed = [line for line in lines if epoch_time(line) is not None]
    assert len(epochs) <= len(timed)
    assert all(e.fix is None or e.fix.time == e.time for e in epochs)
