"""The GPS track in the survey file (kept only while the walker has tracking on)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select

from contrechamp.core.track import TrackPoint
from contrechamp.store.base import SurveyBase
from contrechamp.store.rows import datetime_from_text, datetime_to_text
from contrechamp.store.schema import track_points

__all__ = ["TrackRecords"]


class TrackRecords(SurveyBase):
    """The GPS track of a survey."""

    def append_track(self, points: Iterable[TrackPoint]) -> None:
        """Add fixes to the track, all in one transaction."""
        rows = [
            {
                "time": datetime_to_text(point.time),
                "lat": point.lat,
                "lon": point.lon,
                "accuracy_m": point.accuracy_m,
                "altitude": point.altitude,
            }
            for point in points
        ]
        if rows:
            with self._writing():
                self._db.conn.execute(insert(track_points), rows)

    def track(self) -> list[TrackPoint]:
        """Return the whole track in time order."""
        c = track_points.c
        statement = select(c.time, c.lat, c.lon, c.accuracy_m, c.altitude).order_by(c.time, c.id)
        return [
            TrackPoint(datetime_from_text(time), lat, lon, accuracy_m, altitude)
            for time, lat, lon, accuracy_m, altitude in self._run(statement)
        ]

    def clear_track(self) -> None:
        """Delete every fix of the track."""
        with self._writing():
            self._db.conn.execute(delete(track_points))
