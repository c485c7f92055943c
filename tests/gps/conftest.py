"""Helpers of the GPS tests: the real receiver logs, read independently of the app's parser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QHostAddress, QTcpServer, QTcpSocket

from contrechamp.ui.gps import GpsService

LOGS = ("paris-gpslim236.nmea", "walking-haicom-305N.nmea")


def _degrees(value: str, hemisphere: str) -> float:
    head, minutes = value[: value.index(".") - 2], float(value[value.index(".") - 2 :])
    sign = -1 if hemisphere in "SW" else 1
    return sign * (int(head) + minutes / 60)


def rmc_fixes(path: Path) -> list[tuple[str, float, float]]:
    """(hhmmss.sss, lat, lon) of every RMC with status A, read with a few lines of code."""
    fixes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("*")[0].split(",")
        if fields[0].endswith("RMC") and fields[2] == "A":
            fixes.append(
                (fields[1], _degrees(fields[3], fields[4]), _degrees(fields[5], fields[6]))
            )
    return fixes


def nmea_lines(path: Path) -> list[bytes]:
    """The sentences of a log, without its `#` comment lines, as a receiver would send them."""
    return [line for line in path.read_bytes().splitlines(keepends=True) if line.startswith(b"$")]


@pytest.fixture(params=LOGS)
def nmea_log(request: pytest.FixtureRequest, shared_data: Path) -> Path:
    """Each real receiver log in turn."""
    name: str = request.param
    return shared_data / "nmea" / name


@pytest.fixture
def paris_log(shared_data: Path) -> Path:
    """The stationary Holux log recorded at Saint-Denis."""
    return shared_data / "nmea" / "paris-gpslim236.nmea"


@pytest.fixture
def walking_log(shared_data: Path) -> Path:
    """The SiRF-II walk that starts without a fix."""
    return shared_data / "nmea" / "walking-haicom-305N.nmea"


@pytest.fixture
def service(qapp: object) -> Iterator[GpsService]:
    """A GPS service with short delays, so status changes show within a second."""
    gps = GpsService(
        lost_after_s=0.6, silent_after_s=0.8, retry_after_s=0.3, replay_speed=40, track_batch_s=0.2
    )
    yield gps
    gps.stop()
    gps.deleteLater()


class NmeaServer:
    """A real TCP server on 127.0.0.1 that streams NMEA to each client, like a phone app."""

    def __init__(self, payload: bytes, *, close_after: bool = True, port: int = 0) -> None:
        self.payload, self.close_after = payload, close_after
        self.server = QTcpServer()
        self.clients: list[QTcpSocket] = []
        self.server.newConnection.connect(self._on_server_new_connection)
        if not self.server.listen(QHostAddress(QHostAddress.SpecialAddress.LocalHost), port):
            raise OSError(self.server.errorString())
        self.port = self.server.serverPort()

    def _on_server_new_connection(self) -> None:
        client = self.server.nextPendingConnection()
        self.clients.append(client)
        client.write(self.payload)
        if self.close_after:
            client.disconnectFromHost()

    def close(self) -> None:
        """Stop listening (clients already connected stay as they are)."""
        self.server.close()


def free_tcp_port() -> int:
    """A local port nobody listens on (connecting to it is refused)."""
    probe = QTcpServer()
    probe.listen(QHostAddress(QHostAddress.SpecialAddress.LocalHost), 0)
    port = probe.serverPort()
    probe.close()
    return port
