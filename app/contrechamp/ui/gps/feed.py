"""A position feed: one running GPS source reporting fixes, "no fix yet", failure or its end.

Every source (serial receiver, TCP, file replay, system service) is a :class:`PositionFeed`;
the NMEA ones share :class:`NmeaFeed`, which reads lines from a QIODevice.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QIODevice, QObject, Signal

from contrechamp.core.gps_fix import DEFAULT_UERE_M
from contrechamp.core.nmea_reader import NmeaEpoch, NmeaReader

__all__ = ["MAX_LINE", "NmeaFeed", "PositionFeed"]

#: A receiver line is under 100 bytes; a device sending this much without a line break
#: is not speaking NMEA (wrong speed, wrong port): the bytes are dropped, not kept.
MAX_LINE = 4096


class PositionFeed(QObject):
    """Base of the GPS sources.

    ``failed`` carries a stable code (``gps.refused``, ``gps.port_missing``…) and means the
    feed is dead; ``ended`` means the data stopped normally (connection closed, end of a
    replay). ``last_data`` is the monotonic time of the last sentence understood, for
    the "receiver not responding" watchdog when ``watch_silence`` is True.
    """

    fix_received = Signal(object)  # GpsFix
    no_fix = Signal()
    failed = Signal(str)
    ended = Signal()

    watch_silence = True
    can_retry = True

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_data = time.monotonic()
        self.bad_data = False
        self._dead = False

    def start(self) -> None:
        """Open the source; results arrive through the signals (possibly at once)."""
        raise NotImplementedError

    def stop(self) -> None:
        """Close the source; no signal is emitted afterwards."""
        self._dead = True
        self.blockSignals(True)

    def _fail(self, code: str) -> None:
        if not self._dead:
            self._dead = True
            self.failed.emit(code)

    def _end(self) -> None:
        if not self._dead:
            self._dead = True
            self.ended.emit()


class NmeaFeed(PositionFeed):
    """A feed reading NMEA 0183 lines from a QIODevice (serial port or socket)."""

    def __init__(self, parent: QObject | None = None, *, uere_m: float = DEFAULT_UERE_M) -> None:
        super().__init__(parent)
        self.reader = NmeaReader(uere_m=uere_m)
        self._device: QIODevice | None = None

    def _attach(self, device: QIODevice) -> None:
        self._device = device
        device.readyRead.connect(self._on_device_ready_read)

    def _on_device_ready_read(self) -> None:
        device = self._device
        if device is None:
            return
        while device.canReadLine():
            self.feed_line(bytes(device.readLine(MAX_LINE).data()).decode("ascii", "replace"))
        if device.bytesAvailable() > MAX_LINE:
            device.readAll()
            self.bad_data = True

    def feed_line(self, line: str) -> None:
        """Read one line and report the epochs it completes."""
        good_before, bad_before = self.reader.good_sentences, self.reader.bad_sentences
        self._report(self.reader.feed(line))
        if self.reader.good_sentences > good_before:
            self.last_data, self.bad_data = time.monotonic(), False
        elif self.reader.bad_sentences > bad_before:
            self.bad_data = True

    def _finish(self) -> None:
        """The data stopped: report the epoch in progress, then the end."""
        if not self._dead:
            self._report(self.reader.flush())
        self._end()

    def _report(self, epochs: list[NmeaEpoch]) -> None:
        for epoch in epochs:
            if self._dead:
                return
            if epoch.fix is not None:
                self.fix_received.emit(epoch.fix)
            else:
                self.no_fix.emit()
