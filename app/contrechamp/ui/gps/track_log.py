"""The walker's track, kept only when they turn it on, written to the survey in batches."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from contrechamp.core.errors import ContrechampError
from contrechamp.core.gps_fix import GpsFix
from contrechamp.core.track import TrackPoint

__all__ = ["MAX_PENDING", "TrackRecorder", "TrackSink"]

TrackSink = Callable[[list[TrackPoint]], None]

#: Points kept while the survey refuses them (disk full…): one hour at one fix a second.
MAX_PENDING = 3600


class TrackRecorder(QObject):
    """Collects fixes and hands them to a sink every ``batch_s`` seconds.

    Off until :meth:`set_sink` gives a sink (privacy: no track unless asked). A sink
    that raises a :class:`ContrechampError` (e.g. ``SurveyError``) keeps the points for
    the next batch and ``failed`` reports the error's detail; the GPS carries on.
    """

    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, batch_s: float = 5.0) -> None:
        super().__init__(parent)
        self._sink: TrackSink | None = None
        self._pending: list[TrackPoint] = []
        self._last_time: datetime | None = None
        self._timer = QTimer(self, interval=round(batch_s * 1000))
        self._timer.timeout.connect(self.flush)

    @property
    def is_on(self) -> bool:
        """Whether fixes are being recorded."""
        return self._sink is not None

    @property
    def pending(self) -> int:
        """Points recorded but not yet written."""
        return len(self._pending)

    def set_sink(self, sink: TrackSink | None) -> None:
        """Start recording into ``sink``, or stop (None) after writing what is pending."""
        self.flush()
        self._sink = sink
        if sink is None:
            self._timer.stop()
            self._pending.clear()
        else:
            self._timer.start()

    def add(self, fix: GpsFix) -> None:
        """Record one fix (ignored while off, or unless it is newer than the last point)."""
        if self._sink is None:
            return
        if self._last_time is not None and fix.time <= self._last_time:
            return
        self._last_time = fix.time
        self._pending.append(fix.to_track_point())
        del self._pending[:-MAX_PENDING]

    def flush(self) -> None:
        """Write the pending points now."""
        if self._sink is None or not self._pending:
            return
        batch, self._pending = self._pending, []
        try:
            self._sink(batch)
        except ContrechampError as exc:
            self._pending = (batch + self._pending)[-MAX_PENDING:]
            self.failed.emit(exc.detail)
