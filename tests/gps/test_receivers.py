"""Live receivers: NMEA over a real TCP connection and a serial port (a pty pair)."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contrechamp.core.gps_fix import GpsFix
from contrechamp.core.gps_spec import GpsSpec
from contrechamp.ui.gps import GpsService, GpsStatus
from tests.gps.conftest import NmeaServer, free_tcp_port, nmea_lines, rmc_fixes


def test_tcp_stream_of_a_real_log_gives_its_fixes_then_lost_when_closed(
    qtbot: QtBot, service: GpsService, nmea_log: Path
) -> None:
    server = NmeaServer(b"".join(nmea_lines(nmea_log)))
    fixes: list[GpsFix] = []
    service.fix_changed.connect(fixes.append)
    service.start(GpsSpec("tcp", "127.0.0.1", server.port))
    qtbot.waitUntil(lambda: service.reason == "gps.closed", timeout=5000)
    server.close()
    assert service.status == GpsStatus.LOST
    expected = rmc_fixes(nmea_log)
    assert len(fixes) == len(expected)
    assert all(
        abs(fix.lat - lat) < 1e-9 and abs(fix.lon - lon) < 1e-9
        for fix, (_, lat, lon) in zip(fixes, expected, strict=True)
    )
    # the retry now meets a closed port: plainly an error, never a crash
    qtbot.waitUntil(
        lambda: (service.status, service.reason) == (GpsStatus.ERROR, "gps.refused"), timeout=5000
    )


def test_connection_refused_is_an_error_and_a_later_server_is_picked_up(
    qtbot: QtBot, service: GpsService, paris_log: Path
) -> None:
    port = free_tcp_port()
    service.start(GpsSpec("tcp", "127.0.0.1", port))
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=5000)
    assert service.reason == "gps.refused"
    server = NmeaServer(b"".join(nmea_lines(paris_log)), close_after=False, port=port)
    qtbot.waitUntil(lambda: service.status == GpsStatus.FIX, timeout=5000)
    server.close()


def test_a_connected_but_silent_receiver_is_reported_not_responding(
    qtbot: QtBot, service: GpsService
) -> None:
    server = NmeaServer(b"", close_after=False)
    service.start(GpsSpec("tcp", "127.0.0.1", server.port))
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=5000)
    assert service.reason == "gps.silent"
    server.close()


def test_a_receiver_sending_noise_is_reported_as_unreadable(
    qtbot: QtBot, service: GpsService
) -> None:
    noise = b"$GPGGA,\xf3\x92\xaa1,2,3*00\r\n" * 20 + b"\x00\xff" * 3000
    server = NmeaServer(noise, close_after=False)
    service.start(GpsSpec("tcp", "127.0.0.1", server.port))
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=5000)
    assert service.reason == "gps.garbled"
    server.close()


def test_a_missing_serial_port_is_an_error_not_a_crash(qtbot: QtBot, service: GpsService) -> None:
    service.start(GpsSpec("serial", "/dev/ttyNOSUCHGPS0", 9600))
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=2000)
    assert service.reason == "gps.port_missing"


@pytest.fixture
def pty_receiver() -> Iterator[tuple[int, str]]:
    """A pseudo-terminal pair: write NMEA on the master, the app opens the slave as a port."""
    if not hasattr(os, "openpty"):
        pytest.skip("no pseudo-terminals on this system")
    master, slave = os.openpty()
    name = os.ttyname(slave)
    yield master, name
    for fd in (master, slave):
        with contextlib.suppress(OSError):
            os.close(fd)


def _stream(master: int, lines: list[bytes]) -> threading.Thread:
    def write() -> None:
        for line in lines:
            os.write(master, line)
            time.sleep(0.005)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_a_serial_receiver_streams_the_paris_fixes(
    qtbot: QtBot, service: GpsService, pty_receiver: tuple[int, str], paris_log: Path
) -> None:
    master, name = pty_receiver
    fixes: list[GpsFix] = []
    service.fix_changed.connect(fixes.append)
    service.start(GpsSpec("serial", name, 9600))
    writer = _stream(master, nmea_lines(paris_log))
    qtbot.waitUntil(lambda: len(fixes) == 20, timeout=5000)
    writer.join()
    assert all(abs(f.lat - 48.904) < 0.001 for f in fixes)
    assert service.status == GpsStatus.FIX
    # the receiver falls silent: it is reported dead, not left showing a stale fix
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=3000)
    assert service.reason == "gps.silent"


def test_an_unplugged_serial_receiver_is_an_error_not_a_crash(
    qtbot: QtBot, service: GpsService, pty_receiver: tuple[int, str], paris_log: Path
) -> None:
    master, name = pty_receiver
    service.start(GpsSpec("serial", name))
    _stream(master, nmea_lines(paris_log)[:20]).join()
    qtbot.waitUntil(lambda: service.status == GpsStatus.FIX, timeout=3000)
    os.close(master)
    qtbot.waitUntil(lambda: service.status == GpsStatus.ERROR, timeout=3000)
    assert service.reason == "gps.port_lost"
