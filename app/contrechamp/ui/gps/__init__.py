"""GPS sources for the window: system positioning, serial and TCP NMEA receivers, NMEA replay."""

from __future__ import annotations

from contrechamp.core.gps_fix import GpsFix
from contrechamp.ui.gps.service import GpsService, GpsStatus

__all__ = ["GpsFix", "GpsService", "GpsStatus"]
