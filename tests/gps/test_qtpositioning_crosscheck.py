"""Qt's own NMEA source against our reader on the real receiver logs: same fixes, and where Qt errs.

The logs are fed to ``PySide6.QtPositioning.QNmeaPositionInfoSource`` through a QBuffer, with
their ``#`` comment lines removed. Measured with PySide6 6.12.0 (Qt 6.12.0):

* How to feed it. In RealTimeMode ``startUpdates()`` skips what the device already holds
  (it wants only the newest data): a QBuffer filled beforehand gives **0** positions. So the
  source is started on an empty buffer and the log is then appended, like bytes arriving from
  a receiver. Qt reads the burst in one pass and emits every epoch (the last one after its
  20 ms push delay): a log takes a few milliseconds. SimulationMode instead replays at the
  recorded pace (about 1 s per epoch: 80 s for the walk) and held back the Paris log's last
  epoch (19 of 20 fixes after 25 s), so it is not used here.
* Agreement. Every fix our reader reports, Qt reports with the same timestamp (to the
  millisecond), the same latitude and longitude (within 1e-7 degrees), the same altitude and
  the same accuracy (both take 2 × HDOP × UERE). Paris: 20 of 20; walk: 68 of 68.
* Positions without a fix. The walk starts with 6 epochs where the receiver has no fix
  (RMC status V, GGA quality 0). Our reader reports none; Qt reports 2 of them, at
  09:52:58.809 and 09:53:01.809: the two that also carry ``$GPGSA,A,1``. Qt reads GSA's fix
  mode as "fix" when it is above 0, but mode 1 means "no fix", and its per-epoch fix flag is
  OR-ed over the sentences, so the GSA outvotes RMC and GGA. Those positions are the
  receiver's stale last position, 39 m from its first real fix, and since the HDOP
  field is 0.0 Qt gives them an accuracy of 0 m: the worst position of the log claims to be
  perfect. Withholding them is right.
* Direction while standing still. Qt passes on RMC's course even at 0 knots (a stale value):
  Paris 20 of 20 fixes, walk 7 of 68. Our reader gives no heading below 0.3 m/s; where it
  gives one, Qt's is the same.
* Speed. Qt keeps whichever of RMC (knots) and VTG (km/h) came last, we take RMC: they agree
  within 0.005 m/s (the receivers round each unit separately).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtPositioning import QGeoPositionInfo, QNmeaPositionInfoSource
from pytestqt.qtbot import QtBot

from contrechamp.core.geo import distance_m
from contrechamp.core.gps_fix import DEFAULT_UERE_M, GpsFix
from contrechamp.core.nmea_reader import NmeaEpoch, read_nmea_fixes
from contrechamp.ui.gps.system import fix_from_position_info
from tests.gps.conftest import nmea_lines

_RealTime = QNmeaPositionInfoSource.UpdateMode.RealTimeMode
DEGREES = 1e-7
SPEED_MPS = 0.005


class Outcome(NamedTuple):
    """What one log gives: our epochs and fixes, Qt's positions and where Qt departs from us."""

    epochs: int
    fixes: int
    qt_positions: int
    qt_no_fix: frozenset[str]  # UTC times of day of no-fix epochs where Qt emits a position
    qt_heading_at_standstill: int


EXPECTED = {
    "paris-gpslim236.nmea": Outcome(20, 20, 20, frozenset(), 20),
    "walking-haicom-305N.nmea": Outcome(74, 68, 70, frozenset({"09:52:58.809", "09:53:01.809"}), 7),
}


def _ours(log: Path) -> list[NmeaEpoch]:
    return list(read_nmea_fixes(log.read_text(encoding="utf-8").splitlines()))


def _fixes(epochs: list[NmeaEpoch]) -> list[GpsFix]:
    return [epoch.fix for epoch in epochs if epoch.fix is not None]


def _tod(when: datetime) -> str:
    return when.strftime("%H:%M:%S.") + f"{when.microsecond // 1000:03d}"


def _convert(info: QGeoPositionInfo) -> GpsFix:
    fix = fix_from_position_info(info)
    assert fix is not None, "Qt emitted a position without a valid coordinate and time"
    return fix


@pytest.fixture
def source(qapp: object) -> Iterator[QNmeaPositionInfoSource]:
    """Qt's NMEA source in RealTimeMode, owning an empty read-write QBuffer as its device."""
    nmea = QNmeaPositionInfoSource(_RealTime)
    buffer = QBuffer(nmea)  # a child: destroyed after the source stops reading it
    assert buffer.open(QIODevice.OpenModeFlag.ReadWrite)
    nmea.setDevice(buffer)
    nmea.setUserEquivalentRangeError(DEFAULT_UERE_M)
    yield nmea
    nmea.stopUpdates()


def qt_positions(qtbot: QtBot, source: QNmeaPositionInfoSource, log: Path) -> list[GpsFix]:
    """Every position Qt emits for ``log``, appended to its buffer once updates have started."""
    positions: list[GpsFix] = []
    source.positionUpdated.connect(lambda info: positions.append(_convert(info)))
    source.startUpdates()
    buffer = source.device()
    buffer.write(b"".join(nmea_lines(log)))
    buffer.seek(0)
    last_fix = _fixes(_ours(log))[-1].time
    qtbot.waitUntil(lambda: bool(positions) and positions[-1].time >= last_fix, timeout=5000)
    assert buffer.atEnd()
    return positions


def raw_epochs(log: Path) -> dict[str, dict[str, list[str]]]:
    """The GGA, RMC and GSA fields of each epoch, read from the text without our parser."""
    epochs: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] = {}
    for line in nmea_lines(log):
        fields = line.decode("ascii").strip().split("*")[0].split(",")
        kind = fields[0][-3:]
        if kind in ("GGA", "RMC"):
            stamp = fields[1]
            current = epochs.setdefault(f"{stamp[:2]}:{stamp[2:4]}:{stamp[4:]}", {})
        if kind in ("GGA", "RMC", "GSA"):
            current[kind] = fields
    return epochs


def test_a_log_already_in_the_buffer_is_skipped_by_qt_realtime_mode(
    qtbot: QtBot, source: QNmeaPositionInfoSource, paris_log: Path
) -> None:
    positions: list[QGeoPositionInfo] = []
    source.positionUpdated.connect(positions.append)
    buffer = source.device()
    buffer.write(b"".join(nmea_lines(paris_log)))
    buffer.seek(0)
    source.startUpdates()
    assert buffer.atEnd()  # Qt jumped over all 4,637 bytes
    qtbot.wait(100)
    assert positions == []


def test_qt_reports_every_fix_of_our_reader_at_the_same_time_and_place(
    qtbot: QtBot, source: QNmeaPositionInfoSource, nmea_log: Path
) -> None:
    qt_by_time = {fix.time: fix for fix in qt_positions(qtbot, source, nmea_log)}
    ours = _fixes(_ours(nmea_log))
    assert len(ours) == EXPECTED[nmea_log.name].fixes
    for fix in ours:
        assert fix.time in qt_by_time, f"Qt has no position at {fix.time}"
        qt = qt_by_time[fix.time]
        assert abs(qt.lat - fix.lat) <= DEGREES
        assert abs(qt.lon - fix.lon) <= DEGREES
        assert qt.altitude == fix.altitude
        assert qt.accuracy_m == pytest.approx(fix.accuracy_m, abs=0.005)


def test_qt_adds_positions_only_at_no_fix_epochs_that_carry_a_gsa(
    qtbot: QtBot, source: QNmeaPositionInfoSource, nmea_log: Path
) -> None:
    expected = EXPECTED[nmea_log.name]
    epochs = _ours(nmea_log)
    positions = qt_positions(qtbot, source, nmea_log)
    no_fix = {_tod(epoch.time) for epoch in epochs if epoch.fix is None}
    extra = {_tod(qt.time) for qt in positions} - {_tod(fix.time) for fix in _fixes(epochs)}
    raw = raw_epochs(nmea_log)
    assert len(epochs) == expected.epochs
    assert len(no_fix) == expected.epochs - expected.fixes
    assert len(positions) == expected.qt_positions
    assert len({qt.time for qt in positions}) == len(positions)  # no epoch twice
    assert extra == expected.qt_no_fix
    assert extra == {tod for tod in no_fix if "GSA" in raw[tod]}


def test_the_no_fix_positions_qt_emits_are_stale_and_claim_zero_metres(
    qtbot: QtBot, source: QNmeaPositionInfoSource, walking_log: Path
) -> None:
    raw = raw_epochs(walking_log)
    first_fix = _fixes(_ours(walking_log))[0]
    qt_no_fix = EXPECTED[walking_log.name].qt_no_fix
    emitted = [qt for qt in qt_positions(qtbot, source, walking_log) if _tod(qt.time) in qt_no_fix]
    assert len(emitted) == 2
    for qt in emitted:
        rmc, gga, gsa = (raw[_tod(qt.time)][kind] for kind in ("RMC", "GGA", "GSA"))
        assert (rmc[2], gga[6], gsa[2]) == ("V", "0", "1")  # all three say: no fix
        assert qt.accuracy_m == 0.0
        assert distance_m(qt.lat, qt.lon, first_fix.lat, first_fix.lon) > 30.0


def test_qt_reports_a_direction_at_standstill_where_our_reader_reports_none(
    qtbot: QtBot, source: QNmeaPositionInfoSource, nmea_log: Path
) -> None:
    qt_by_time = {fix.time: fix for fix in qt_positions(qtbot, source, nmea_log)}
    pairs = [(fix, qt_by_time[fix.time]) for fix in _fixes(_ours(nmea_log))]
    still = [(fix, qt) for fix, qt in pairs if fix.heading is None]
    assert all(fix.speed_mps is not None and fix.speed_mps < 0.3 for fix, _ in still)
    assert (
        sum(qt.heading is not None for _, qt in still)
        == EXPECTED[nmea_log.name].qt_heading_at_standstill
    )
    assert all(qt.heading == fix.heading for fix, qt in pairs if fix.heading is not None)
    for fix, qt in pairs:
        assert fix.speed_mps is not None
        assert qt.speed_mps is not None
        assert abs(qt.speed_mps - fix.speed_mps) <= SPEED_MPS


def test_the_paris_log_gives_the_same_20_fixes_in_qt_and_our_reader(
    qtbot: QtBot, source: QNmeaPositionInfoSource, paris_log: Path
) -> None:
    positions = qt_positions(qtbot, source, paris_log)
    ours = _fixes(_ours(paris_log))
    assert (len(positions), len(ours)) == (20, 20)
    for qt, fix in zip(positions, ours, strict=True):
        assert qt.time == fix.time
        assert abs(qt.lat - fix.lat) <= DEGREES
        assert abs(qt.lon - fix.lon) <= DEGREES
