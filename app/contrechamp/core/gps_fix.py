"""One GPS position as the app uses it, whatever source (NMEA receiver, system service) gave it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from contrechamp.core.track import TrackPoint

__all__ = ["DEFAULT_UERE_M", "FIX_QUALITIES", "GpsFix", "accuracy_from_hdop"]

#: User equivalent range error of a consumer GPS receiver, in metres. NMEA gives only HDOP;
#: like QtPositioning we take ``2 × HDOP × UERE`` as the horizontal accuracy (about 95 % of
#: fixes fall inside). 3 m matches current single-frequency receivers: HDOP 1.0 → ±6 m.
DEFAULT_UERE_M = 3.0

#: Quality codes a fix may carry, from the NMEA GGA fix indicator and the RMC mode letter.
FIX_QUALITIES = (
    "fix",  # autonomous GNSS fix
    "dgps",  # differential (SBAS/EGNOS, DGPS)
    "pps",  # precise (military P code)
    "rtk",  # real-time kinematic, fixed integers
    "float_rtk",  # real-time kinematic, float
    "estimated",  # dead reckoning: the receiver guesses
    "manual",  # typed in by hand on the receiver
    "simulation",  # the receiver's own simulator
)


def accuracy_from_hdop(hdop: float | None, uere_m: float = DEFAULT_UERE_M) -> float | None:
    """Horizontal accuracy in metres from an HDOP, or None when the HDOP is missing or zero.

    >>> accuracy_from_hdop(1.5)
    9.0
    >>> accuracy_from_hdop(0.0) is None
    True
    """
    if hdop is None or not math.isfinite(hdop) or hdop <= 0:
        return None
    return round(2.0 * hdop * uere_m, 2)


@dataclass(frozen=True, slots=True)
class GpsFix:
    """A position the receiver vouches for.

    ``time`` is UTC. ``accuracy_m`` is a horizontal radius (None when unknown), ``heading``
    the direction of travel in degrees from true north (None when unknown or standing
    still), ``quality`` one of :data:`FIX_QUALITIES`, ``satellites`` the number used.
    """

    lat: float
    lon: float
    time: datetime
    accuracy_m: float | None = None
    heading: float | None = None
    speed_mps: float | None = None
    quality: str = "fix"
    satellites: int | None = None
    altitude: float | None = None

    def to_track_point(self) -> TrackPoint:
        """The fix as a point of the walker's track."""
        return TrackPoint(self.time, self.lat, self.lon, self.accuracy_m, self.altitude)
