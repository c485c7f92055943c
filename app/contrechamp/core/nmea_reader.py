"""Turn a stream of NMEA lines into one result per receiver epoch: a GpsFix, or "no fix yet".

A receiver sends a burst of sentences per epoch (usually once a second), all stamped
with the same UTC time. The reader collects them and hands back the epoch as soon as it
holds every sentence type the previous epoch had (so a stream of GGA+RMC is reported at
its RMC, without waiting a second for the next burst), or when the next epoch starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from contrechamp.core.errors import InputError
from contrechamp.core.gps_fix import DEFAULT_UERE_M, GpsFix, accuracy_from_hdop
from contrechamp.core.nmea import GgaSentence, GsaSentence, RmcSentence, parse_sentence

__all__ = ["NmeaEpoch", "NmeaReader", "epoch_time", "read_nmea_fixes"]

KNOT_MPS = 1852 / 3600
#: Below this speed the course a receiver reports is stale: do not call it a heading.
STILL_MPS = 0.3


@dataclass(frozen=True, slots=True)
class NmeaEpoch:
    """What the receiver said at one instant: ``fix`` is None while it has no fix."""

    time: datetime
    fix: GpsFix | None


@dataclass(slots=True)
class _Pending:
    tod: time
    gga: GgaSentence | None = None
    rmc: RmcSentence | None = None
    gsa: GsaSentence | None = None
    kinds: set[str] = field(default_factory=set)


def _utc_today() -> date:
    return datetime.now(UTC).date()


class NmeaReader:
    """Feed lines one by one; collect epochs as they complete.

    ``today`` gives the date for receivers that never send RMC (GGA has only a time).
    ``bad_sentences`` counts damaged lines (wrong baud rate shows up as many of them).
    """

    def __init__(
        self, *, uere_m: float = DEFAULT_UERE_M, today: Callable[[], date] = _utc_today
    ) -> None:
        self.uere_m = uere_m
        self.bad_sentences = 0
        self.good_sentences = 0
        self._today = today
        self._pending: _Pending | None = None
        self._expected: frozenset[str] = frozenset()
        self._done_tod: time | None = None
        self._last: datetime | None = None
        self._last_gsa: GsaSentence | None = None

    def feed(self, line: str) -> list[NmeaEpoch]:
        """Read one line; return the epochs it completes (usually zero or one)."""
        try:
            sentence = parse_sentence(line)
        except InputError:
            self.bad_sentences += 1
            return []
        if sentence is None:
            return []
        self.good_sentences += 1
        if isinstance(sentence, GsaSentence):
            self._add_gsa(sentence)
            return []
        return self._add_timed(sentence)

    def flush(self) -> list[NmeaEpoch]:
        """Complete the epoch in progress (end of a file or of a connection)."""
        return [self._complete()] if self._pending is not None else []

    def _add_gsa(self, gsa: GsaSentence) -> None:
        if self._pending is not None:
            self._pending.gsa = gsa
        self._last_gsa = gsa

    def _add_timed(self, sentence: GgaSentence | RmcSentence) -> list[NmeaEpoch]:
        done = []
        if self._pending is not None and self._pending.tod != sentence.time:
            done.append(self._complete())
        if self._pending is None:
            if sentence.time == self._done_tod:
                return done  # a straggler of an epoch already reported
            self._pending = _Pending(sentence.time, gsa=self._last_gsa)
        pending = self._pending
        if isinstance(sentence, GgaSentence):
            pending.gga, kind = sentence, "GGA"
        else:
            pending.rmc, kind = sentence, "RMC"
        pending.kinds.add(kind)
        if self._expected and pending.kinds >= self._expected:
            done.append(self._complete())
        return done

    def _complete(self) -> NmeaEpoch:
        pending = self._pending
        assert pending is not None
        self._pending, self._done_tod = None, pending.tod
        self._expected = frozenset(pending.kinds)
        stamp = self._stamp(pending)
        return NmeaEpoch(stamp, _fix(pending, stamp, self.uere_m))

    def _stamp(self, pending: _Pending) -> datetime:
        """UTC time of the epoch; GGA-only epochs take the date of the previous one."""
        if pending.rmc is not None and pending.rmc.date is not None:
            day = pending.rmc.date
        elif self._last is not None:
            day = self._last.date()
            if pending.tod < self._last.time() and self._last.hour >= 12 > pending.tod.hour:
                day += timedelta(days=1)  # crossed midnight UTC
        else:
            day = self._today()
        self._last = datetime.combine(day, pending.tod, UTC)
        return self._last


def _fix(pending: _Pending, stamp: datetime, uere_m: float) -> GpsFix | None:
    gga, rmc = pending.gga, pending.rmc
    if (gga is not None and gga.quality is None) or (rmc is not None and not rmc.valid):
        return None
    lat, lon = (gga.lat, gga.lon) if gga is not None else (None, None)
    if (lat is None or lon is None) and rmc is not None:
        lat, lon = rmc.lat, rmc.lon
    if lat is None or lon is None:
        return None
    quality = gga.quality if gga is not None else rmc.quality if rmc is not None else None
    speed, heading = _motion(rmc)
    return GpsFix(
        lat=lat,
        lon=lon,
        time=stamp,
        accuracy_m=accuracy_from_hdop(_hdop(pending), uere_m),
        heading=heading,
        speed_mps=speed,
        quality=quality or "fix",
        satellites=gga.satellites if gga is not None else None,
        altitude=gga.altitude if gga is not None else None,
    )


def _hdop(pending: _Pending) -> float | None:
    if pending.gga is not None and pending.gga.hdop:
        return pending.gga.hdop
    return pending.gsa.hdop if pending.gsa is not None else None


def _motion(rmc: RmcSentence | None) -> tuple[float | None, float | None]:
    """Speed in m/s and heading in degrees (None when standing still or unknown)."""
    if rmc is None or rmc.speed_knots is None:
        return None, None
    speed = round(rmc.speed_knots * KNOT_MPS, 3)
    moving = speed >= STILL_MPS and rmc.course is not None
    return speed, (rmc.course % 360.0 if moving and rmc.course is not None else None)


def epoch_time(line: str) -> time | None:
    """The UTC time of day a GGA or RMC line is stamped with, else None (for pacing a replay)."""
    try:
        sentence = parse_sentence(line)
    except InputError:
        return None
    return sentence.time if isinstance(sentence, GgaSentence | RmcSentence) else None


def read_nmea_fixes(lines: Iterable[str], *, uere_m: float = DEFAULT_UERE_M) -> Iterator[NmeaEpoch]:
    """Every epoch of a whole recorded log, in order (the last one included)."""
    reader = NmeaReader(uere_m=uere_m)
    for line in lines:
        yield from reader.feed(line)
    yield from reader.flush()
