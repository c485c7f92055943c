"""The one GPS of the app: runs the chosen source, tells its status plainly, keeps the track."""

from __future__ import annotations

import time
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal

from contrechamp.core.gps_fix import DEFAULT_UERE_M, GpsFix
from contrechamp.core.gps_spec import GpsSpec
from contrechamp.ui.gps.feed import PositionFeed
from contrechamp.ui.gps.track_log import TrackRecorder, TrackSink

__all__ = ["GpsService", "GpsStatus"]

WATCHDOG_MS = 500


class GpsStatus(StrEnum):
    """What the walker should know about their position."""

    OFF = "off"  # no GPS chosen
    SEARCHING = "searching"  # the source works, no fix yet
    FIX = "fix"  # a current position
    LOST = "lost"  # had a fix, none for a while (or the source stopped)
    ERROR = "error"  # receiver dead, port missing, connection refused…


class GpsService(QObject):
    """Runs one GPS source at a time and reports fixes and status changes.

    ``lost_after_s``: a fix older than this turns the status to LOST. ``silent_after_s``:
    a live receiver that sends nothing readable for this long is an ERROR
    (``gps.silent``, or ``gps.garbled`` if it sends only noise: wrong speed). A serial
    or TCP source that fails or closes is reopened every ``retry_after_s``.
    ``replay_speed`` speeds up file replays. ``reason`` holds the code explaining
    LOST and ERROR (``gps.refused``, ``gps.port_missing``…), else "".
    """

    fix_changed = Signal(object)  # GpsFix
    status_changed = Signal(str)  # GpsStatus value
    follow_changed = Signal(bool)
    track_failed = Signal(str)  # the survey refused track points; detail in English

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        lost_after_s: float = 5.0,
        silent_after_s: float = 10.0,
        retry_after_s: float = 5.0,
        replay_speed: float = 1.0,
        uere_m: float = DEFAULT_UERE_M,
        track_batch_s: float = 5.0,
    ) -> None:
        super().__init__(parent)
        self.lost_after_s, self.silent_after_s = lost_after_s, silent_after_s
        self.replay_speed, self.uere_m = replay_speed, uere_m
        self._spec = GpsSpec("none")
        self._status = GpsStatus.OFF
        self._reason = ""
        self._feed: PositionFeed | None = None
        self._last_fix: GpsFix | None = None
        self._last_fix_at = 0.0
        self._follow = True
        self._track = TrackRecorder(self, batch_s=track_batch_s)
        self._track.failed.connect(self.track_failed)
        self._watchdog = QTimer(self, interval=WATCHDOG_MS)
        self._watchdog.timeout.connect(self._on_watchdog_timeout)
        self._retry = QTimer(self, singleShot=True, interval=round(retry_after_s * 1000))
        self._retry.timeout.connect(self._open_feed)

    @property
    def spec(self) -> GpsSpec:
        """The source in use (``none`` when off)."""
        return self._spec

    @property
    def status(self) -> GpsStatus:
        """The current status."""
        return self._status

    @property
    def reason(self) -> str:
        """Why the status is LOST or ERROR, as a stable code; "" otherwise."""
        return self._reason

    @property
    def last_fix(self) -> GpsFix | None:
        """The latest fix of this session, even if it is now stale (see ``status``)."""
        return self._last_fix

    @property
    def follow(self) -> bool:
        """Whether the map should keep the position in view."""
        return self._follow

    def set_follow(self, on: bool) -> None:
        """Turn follow mode on or off (the window pans the map while it is on)."""
        if on != self._follow:
            self._follow = on
            self.follow_changed.emit(on)

    @property
    def track_logging(self) -> bool:
        """Whether fixes are being stored as a track (off by default)."""
        return self._track.is_on

    def set_track_logging(self, on: bool, sink: TrackSink | None = None) -> None:
        """Store fixes through ``sink`` in batches, or stop (pending points are written first)."""
        if on and sink is None:
            raise ValueError("track logging needs a sink")
        self._track.set_sink(sink if on else None)

    def start(self, spec: GpsSpec) -> None:
        """Switch to ``spec`` (``none`` turns the GPS off); the status follows by signal."""
        self._close_feed()
        self._spec, self._last_fix = spec, None
        if spec.kind == "none":
            self._set_status(GpsStatus.OFF)
            return
        self._set_status(GpsStatus.SEARCHING)
        self._watchdog.start()
        self._open_feed()

    def stop(self) -> None:
        """Turn the GPS off; the pending track points are written."""
        self._close_feed()
        self._track.flush()
        self._spec = GpsSpec("none")
        self._set_status(GpsStatus.OFF)

    def _make_feed(self) -> PositionFeed:
        """The chosen source's feed (its Qt module, serial port, network or positioning, is
        loaded then: a window with the GPS off loads none of them)."""
        spec = self._spec
        if spec.kind == "serial":
            from contrechamp.ui.gps.receivers import SerialFeed

            return SerialFeed(spec, self, uere_m=self.uere_m)
        if spec.kind == "tcp":
            from contrechamp.ui.gps.receivers import TcpFeed

            return TcpFeed(spec, self, uere_m=self.uere_m)
        if spec.kind == "file":
            from contrechamp.ui.gps.replay import ReplayFeed

            return ReplayFeed(spec, self, speed=self.replay_speed, uere_m=self.uere_m)
        from contrechamp.ui.gps.system import SystemFeed

        return SystemFeed(self)

    def _open_feed(self) -> None:
        self._drop_feed()
        feed = self._feed = self._make_feed()
        feed.fix_received.connect(self._on_feed_fix_received)
        feed.no_fix.connect(self._on_feed_no_fix)
        feed.failed.connect(self._on_feed_failed)
        feed.ended.connect(self._on_feed_ended)
        feed.start()

    def _close_feed(self) -> None:
        self._retry.stop()
        self._watchdog.stop()
        self._drop_feed()

    def _drop_feed(self) -> None:
        if self._feed is not None:
            self._feed.stop()
            self._feed.deleteLater()
            self._feed = None

    def _on_feed_fix_received(self, fix: GpsFix) -> None:
        self._last_fix, self._last_fix_at = fix, time.monotonic()
        self._set_status(GpsStatus.FIX)
        self.fix_changed.emit(fix)
        self._track.add(fix)

    def _on_feed_no_fix(self) -> None:
        if self._status == GpsStatus.FIX:
            return  # a short gap: the watchdog turns it into LOST after lost_after_s
        if self._last_fix is None:
            self._set_status(GpsStatus.SEARCHING)
        else:
            self._set_status(GpsStatus.LOST, "gps.no_fix")

    def _on_feed_failed(self, code: str) -> None:
        self._set_status(GpsStatus.ERROR, code)
        self._schedule_retry()

    def _on_feed_ended(self) -> None:
        code = "gps.replay_ended" if self._spec.kind == "file" else "gps.closed"
        lost = self._last_fix is not None
        self._set_status(GpsStatus.LOST if lost else GpsStatus.ERROR, code)
        self._schedule_retry()

    def _schedule_retry(self) -> None:
        feed = self._feed
        if feed is not None and feed.can_retry:
            self._retry.start()

    def _on_watchdog_timeout(self) -> None:
        now, feed = time.monotonic(), self._feed
        if self._status == GpsStatus.FIX and now - self._last_fix_at > self.lost_after_s:
            self._set_status(GpsStatus.LOST, "gps.no_fix")
        if feed is None or not feed.watch_silence or self._retry.isActive():
            return
        if now - feed.last_data > self.silent_after_s and self._status != GpsStatus.ERROR:
            self._set_status(GpsStatus.ERROR, "gps.garbled" if feed.bad_data else "gps.silent")

    def _set_status(self, status: GpsStatus, reason: str = "") -> None:
        if (status, reason) == (self._status, self._reason):
            return
        self._status, self._reason = status, reason
        self.status_changed.emit(status.value)
