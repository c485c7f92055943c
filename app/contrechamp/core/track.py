"""A GPS track: kept only when the walker turns tracking on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["TrackPoint"]


@dataclass(frozen=True, slots=True)
class TrackPoint:
    """One GPS fix of a track."""

    time: datetime
    lat: float
    lon: float
    accuracy_m: float | None = None
    altitude: float | None = None
