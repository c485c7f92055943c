"""The official lists in the survey file: a comparison layer, never exported nor uploaded."""

from __future__ import annotations

import math
from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select

from contrechamp.core.errors import SurveyError
from contrechamp.core.list_comparison import ListedCamera, Placement
from contrechamp.store.base import SurveyBase
from contrechamp.store.rows import tags_from_json, tags_to_json
from contrechamp.store.schema import listed_cameras

__all__ = ["ListedRecords"]


def _placement(value: object) -> Placement:
    try:
        return Placement(str(value))
    except ValueError as error:
        raise SurveyError(
            f"Bad placement {value!r} of a listed camera.", "survey.corrupt"
        ) from error


def _position(placed: Placement, lat: object, lon: object) -> tuple[float | None, float | None]:
    """A stored position, checked: the file is untrusted."""
    if placed is Placement.UNPLACED:
        return None, None
    if not all(isinstance(v, float | int) and math.isfinite(v) for v in (lat, lon)):
        raise SurveyError("Bad position of a listed camera.", "survey.corrupt")
    lat_f, lon_f = float(lat), float(lon)  # type: ignore[arg-type]
    if not (-90.0 <= lat_f <= 90.0 and -180.0 <= lon_f <= 180.0):
        raise SurveyError("Bad position of a listed camera.", "survey.corrupt")
    return lat_f, lon_f


class ListedRecords(SurveyBase):
    """The rows of the official lists imported into a survey, by list name."""

    def replace_list(self, list_name: str, cameras: Sequence[ListedCamera]) -> int:
        """Replace the rows of the list ``list_name`` with ``cameras``, in one transaction;
        return how many rows the earlier import of that list held (0 for a new list)."""
        rows = [
            {
                "list_name": list_name,
                "line": c.line,
                "ref": c.ref,
                "place": c.place,
                "placed": c.placed.value,
                "lat": c.lat,
                "lon": c.lon,
                "tags": tags_to_json(c.tags),
            }
            for c in cameras
        ]
        with self._writing():
            earlier = self._db.conn.execute(
                delete(listed_cameras).where(listed_cameras.c.list_name == list_name)
            ).rowcount
            if rows:
                self._db.conn.execute(insert(listed_cameras), rows)
        return int(earlier)

    def list_names(self) -> list[str]:
        """The names of the lists imported, the list imported last at the end."""
        columns = listed_cameras.c
        statement = (
            select(columns.list_name).group_by(columns.list_name).order_by(func.min(columns.id))
        )
        return [str(name) for (name,) in self._run(statement)]

    def listed_cameras(self, list_name: str | None = None) -> list[ListedCamera]:
        """The rows of one list (of every list when ``list_name`` is None), in file order."""
        c = listed_cameras.c
        statement = select(
            c.id, c.list_name, c.line, c.ref, c.place, c.placed, c.lat, c.lon, c.tags
        )
        if list_name is not None:
            statement = statement.where(c.list_name == list_name)
        found = []
        for row_id, name, line, ref, place, placed, lat, lon, tags in self._run(
            statement.order_by(c.id)
        ):
            placement = _placement(placed)
            lat_f, lon_f = _position(placement, lat, lon)
            found.append(
                ListedCamera(
                    list_name=str(name),
                    line=int(line),
                    place=str(place),
                    placed=placement,
                    lat=lat_f,
                    lon=lon_f,
                    ref=None if ref is None else str(ref),
                    tags=tags_from_json(tags),
                    id=row_id,
                )
            )
        return found

    def listed_count(self) -> int:
        """How many rows the survey's official lists hold in all."""
        return self._count(listed_cameras)
