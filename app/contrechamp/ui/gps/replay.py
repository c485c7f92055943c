"""Replay of a recorded NMEA log, paced by the timestamps it carries (for demos and tests)."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QObject, QTimer

from contrechamp.core.gps_fix import DEFAULT_UERE_M
from contrechamp.core.gps_spec import GpsSpec
from contrechamp.core.nmea_reader import epoch_time
from contrechamp.ui.gps.feed import MAX_LINE, NmeaFeed

__all__ = ["ReplayFeed", "seconds_between"]

#: A pause longer than this in the log is shortened, so a replay never seems stuck.
MAX_GAP_S = 10.0


def seconds_between(earlier: time, later: time) -> float:
    """Seconds from one UTC time of day to the next one, across midnight if need be."""

    def of_day(t: time) -> float:
        return t.hour * 3600 + t.minute * 60 + t.second + t.microsecond / 1e6

    gap = of_day(later) - of_day(earlier)
    return gap + 86400 if gap < 0 else gap


class ReplayFeed(NmeaFeed):
    """Plays an NMEA file epoch by epoch; ``speed`` 2.0 plays twice as fast as recorded.

    Comment lines (``#``, as in gpsd's regression logs) are skipped. At the end of the
    file the feed ends; a missing or unreadable file fails with ``gps.file_missing``
    or ``gps.file_unreadable``.
    """

    watch_silence = False
    can_retry = False

    def __init__(
        self,
        spec: GpsSpec,
        parent: QObject | None = None,
        *,
        speed: float = 1.0,
        uere_m: float = DEFAULT_UERE_M,
    ) -> None:
        super().__init__(parent, uere_m=uere_m)
        if speed <= 0:
            raise ValueError("replay speed must be positive")
        self.spec, self.speed = spec, speed
        self._file: BinaryIO | None = None
        self._lookahead: tuple[str, time] | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._play_epoch)

    def start(self) -> None:
        """Open the file and play its first epoch at once."""
        try:
            self._file = Path(self.spec.target).expanduser().open("rb")
        except FileNotFoundError:
            self._fail("gps.file_missing")
            return
        except OSError:
            self._fail("gps.file_unreadable")
            return
        self._timer.start(0)

    def stop(self) -> None:
        """Stop playing and close the file."""
        super().stop()
        self._timer.stop()
        self._close()

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def _play_epoch(self) -> None:
        try:
            lines, now, following = self._read_epoch()
        except OSError:
            self._close()
            self._fail("gps.file_unreadable")
            return
        for line in lines:
            self.feed_line(line)
        if following is None:
            self._close()
            self._finish()
        elif not self._dead:
            gap = seconds_between(now, following) if now is not None else 0.0
            self._timer.start(round(min(gap, MAX_GAP_S) * 1000 / self.speed))

    def _read_epoch(self) -> tuple[list[str], time | None, time | None]:
        """The lines of the next epoch, its time, and the time of the epoch after it."""
        lines: list[str] = []
        now: time | None = None
        if self._lookahead is not None:
            first, now = self._lookahead
            lines.append(first)
            self._lookahead = None
        while self._file is not None and (raw := self._file.readline(MAX_LINE)):
            line = raw.decode("ascii", "replace")
            if line.startswith("#"):
                continue
            stamp = epoch_time(line)
            if stamp is not None and now is not None and stamp != now:
                self._lookahead = (line, stamp)
                return lines, now, stamp
            if stamp is not None:
                now = stamp
            lines.append(line)
        return lines, now, None
