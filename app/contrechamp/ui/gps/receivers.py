"""Live NMEA receivers: a GPS on a serial port, or a phone app sharing its GPS over TCP."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QAbstractSocket, QTcpSocket
from PySide6.QtSerialPort import QSerialPort

from contrechamp.core.gps_fix import DEFAULT_UERE_M
from contrechamp.core.gps_spec import GpsSpec
from contrechamp.ui.gps.feed import NmeaFeed

__all__ = ["SerialFeed", "TcpFeed"]

#: Give up on a host that does not answer (an unroutable address would hang for minutes).
CONNECT_TIMEOUT_MS = 10_000

_Socket = QAbstractSocket.SocketError
_SOCKET_CODES = {
    _Socket.ConnectionRefusedError: "gps.refused",
    _Socket.HostNotFoundError: "gps.host_not_found",
    _Socket.SocketTimeoutError: "gps.timeout",
    _Socket.NetworkError: "gps.network",
    _Socket.SocketAccessError: "gps.network",
}

_Serial = QSerialPort.SerialPortError
_SERIAL_CODES = {
    _Serial.DeviceNotFoundError: "gps.port_missing",
    _Serial.PermissionError: "gps.port_denied",
    _Serial.OpenError: "gps.port_busy",
    _Serial.ResourceError: "gps.port_lost",
}
_SERIAL_HARMLESS = (_Serial.NoError, _Serial.TimeoutError)


class TcpFeed(NmeaFeed):
    """NMEA sentences streamed over TCP (apps such as "Share GPS" or "GPS 2 IP")."""

    def __init__(
        self, spec: GpsSpec, parent: QObject | None = None, *, uere_m: float = DEFAULT_UERE_M
    ) -> None:
        super().__init__(parent, uere_m=uere_m)
        self.spec = spec
        self._socket = QTcpSocket(self)
        self._attach(self._socket)
        self._socket.errorOccurred.connect(self._on_socket_error)
        self._socket.disconnected.connect(self._finish)
        self._socket.connected.connect(self._on_socket_connected)
        self._timeout = QTimer(self, singleShot=True, interval=CONNECT_TIMEOUT_MS)
        self._timeout.timeout.connect(self._on_timeout)

    def start(self) -> None:
        """Connect to the host; fixes follow once it streams."""
        self._timeout.start()
        self._socket.connectToHost(self.spec.target, self.spec.port or 0)

    def stop(self) -> None:
        """Close the connection."""
        super().stop()
        self._timeout.stop()
        self._socket.abort()

    def _on_socket_connected(self) -> None:
        self._timeout.stop()

    def _on_timeout(self) -> None:
        self._socket.abort()
        self._fail("gps.timeout")

    def _on_socket_error(self, error: QAbstractSocket.SocketError) -> None:
        self._timeout.stop()
        if error == _Socket.RemoteHostClosedError:
            self._finish()
        else:
            self._fail(_SOCKET_CODES.get(error, "gps.connection_failed"))


class SerialFeed(NmeaFeed):
    """An NMEA receiver on a serial port (USB GPS mouse, Bluetooth serial link)."""

    def __init__(
        self, spec: GpsSpec, parent: QObject | None = None, *, uere_m: float = DEFAULT_UERE_M
    ) -> None:
        super().__init__(parent, uere_m=uere_m)
        self.spec = spec
        self._port = QSerialPort(self)
        self._port.setPortName(spec.target)
        self._attach(self._port)
        self._port.errorOccurred.connect(self._on_port_error)

    def start(self) -> None:
        """Open the port at the spec's speed (8N1, the NMEA 0183 settings)."""
        self._port.setBaudRate(self.spec.baud)
        self._port.setDataBits(QSerialPort.DataBits.Data8)
        self._port.setParity(QSerialPort.Parity.NoParity)
        self._port.setStopBits(QSerialPort.StopBits.OneStop)
        if not self._port.open(QSerialPort.OpenModeFlag.ReadOnly):
            self._fail(_SERIAL_CODES.get(self._port.error(), "gps.port_failed"))

    def stop(self) -> None:
        """Close the port."""
        super().stop()
        if self._port.isOpen():
            self._port.close()

    def _on_port_error(self, error: QSerialPort.SerialPortError) -> None:
        if error in _SERIAL_HARMLESS:
            return
        if self._port.isOpen():
            self._port.close()
        self._fail(_SERIAL_CODES.get(error, "gps.port_failed"))
