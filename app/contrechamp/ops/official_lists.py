"""Official lists of authorised cameras: import one as a survey's comparison layer, and
compare it with the cameras seen.

A list's rows go into the survey as they are, apart from its cameras (never exported nor
uploaded), replacing an earlier import of the same list. Rows without coordinates that name
a street crossing are placed offline where the two streets meet on the survey's base map.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contrechamp.core.camera import Status
from contrechamp.core.crossings import StreetIndex, parse_crossing
from contrechamp.core.errors import InputError
from contrechamp.core.list_comparison import (
    DEFAULT_LIST_RADIUS_M,
    MAX_LIST_RADIUS_M,
    ListComparison,
    ListedCamera,
    Placement,
    SeenCamera,
    compare_with_list,
)
from contrechamp.formats.official_list import ListColumns, ListRow, read_official_list
from contrechamp.ops.names import display_name, valid_text
from contrechamp.store.survey import SurveyFile

__all__ = [
    "ListImported",
    "ListReport",
    "check_list_radius",
    "import_official_list",
    "list_report",
    "list_reports",
    "seen_cameras",
]

RADIUS_SETTING = "official_list.radius:"
"""The setting (followed by the list's name) keeping the radius a list was compared with."""

_MAX_NAME = 200


@dataclass(frozen=True)
class ListReport:
    """One list against the cameras seen."""

    name: str
    placed: dict[str, int]  # rows by Placement value
    seen: int  # the survey's cameras, rejected ones left out
    comparison: ListComparison

    @property
    def listed(self) -> int:
        """How many rows the list holds."""
        return sum(self.placed.values())

    def to_json(self) -> dict[str, Any]:
        """The list's part of ``info --json`` (documented in docs/guide/en/reference.md)."""
        return {
            "name": self.name,
            "listed": self.listed,
            "placed": dict(self.placed),
            "radius_m": self.comparison.radius_m,
            "seen": self.seen,
            **self.comparison.counts(),
        }


@dataclass(frozen=True)
class ListImported:
    """What an import of a list did."""

    source: str  # the file's name
    coordinates: str  # how positions were given: "degrees", "lambert93" or "none"
    replaced: int  # rows of an earlier import of the same list, now replaced
    report: ListReport


def check_list_radius(radius_m: float) -> float:
    """Return the radius, or raise ``InputError("list.radius")`` when out of range."""
    if not (math.isfinite(radius_m) and 0.0 < radius_m <= MAX_LIST_RADIUS_M):
        raise InputError(
            f"the radius must be more than 0 and at most {MAX_LIST_RADIUS_M:g} metres",
            "list.radius",
        )
    return radius_m


def _list_name(name: str | None, path: Path) -> str:
    """The list's name: the one given, else the file's name without its suffix."""
    chosen = (display_name(path).rsplit(".", 1)[0] if name is None else name).strip()
    if not chosen or len(chosen) > _MAX_NAME or not valid_text(chosen):
        raise InputError(f"the list name {chosen[:40]!r} cannot be used", "list.name")
    if any(not c.isprintable() for c in chosen):
        raise InputError("the list name holds control characters", "list.name")
    return chosen


def _placed(name: str, row: ListRow, streets: StreetIndex) -> ListedCamera:
    """A row with its position: its coordinates, else the crossing it names, else none."""
    placed, lat, lon, tags = Placement.UNPLACED, row.lat, row.lon, row.tags
    if lat is not None and lon is not None:
        placed = Placement.COORDINATES
    elif row.place and len(streets) and (crossing := parse_crossing(row.place)) is not None:
        found = streets.place(crossing)
        if found is not None:
            placed, lat, lon = Placement.CROSSING, found.lat, found.lon
            tags = {**row.tags, "crossing": f"{found.first} / {found.second}"}
    return ListedCamera(name, row.line, row.place, placed, lat, lon, row.ref, tags)


def import_official_list(
    survey: SurveyFile,
    path: Path,
    *,
    name: str | None = None,
    columns: ListColumns | None = None,
    radius_m: float = DEFAULT_LIST_RADIUS_M,
) -> ListImported:
    """Read the list at ``path`` fully, place its rows, then replace the list of that name
    in the survey in one transaction and compare it with the cameras seen.

    Raises ``InputError`` (the reader's codes, ``list.name``, ``list.radius``, and
    ``list.unplaced`` when no row has coordinates nor a crossing found on the base map),
    and nothing in the survey changes then.
    """
    check_list_radius(radius_m)
    list_name = _list_name(name, path)
    table = read_official_list(path, columns or ListColumns())
    needs_streets = any(row.lat is None and row.place for row in table.rows)
    streets = StreetIndex.from_features(survey.map_features() if needs_streets else [])
    cameras = [_placed(list_name, row, streets) for row in table.rows]
    if all(camera.placed is Placement.UNPLACED for camera in cameras):
        hint = (
            "none of its streets' crossings are on the survey's map"
            if len(streets)
            else "load the survey's area first to place crossings"
        )
        raise InputError(
            f"{display_name(path)}: no row has coordinates or a street crossing ({hint})",
            "list.unplaced",
        )
    with survey.transaction():
        replaced = survey.replace_list(list_name, cameras)
        survey.set_setting(RADIUS_SETTING + list_name, repr(radius_m))
    report = list_report(survey, list_name, seen_cameras(survey))
    return ListImported(display_name(path), table.coordinates, replaced, report)


def seen_cameras(survey: SurveyFile) -> list[SeenCamera]:
    """The survey's cameras to compare with a list: every one but the rejected sightings."""
    return [
        SeenCamera(c.id, c.lat, c.lon) for c in survey.cameras() if c.status is not Status.REJECTED
    ]


def _radius(survey: SurveyFile, list_name: str) -> float:
    """The radius the list was imported with (the default for a value that is not one)."""
    text = survey.setting(RADIUS_SETTING + list_name)
    try:
        return check_list_radius(float(text)) if text else DEFAULT_LIST_RADIUS_M
    except (ValueError, InputError):
        return DEFAULT_LIST_RADIUS_M


def list_report(survey: SurveyFile, list_name: str, seen: list[SeenCamera]) -> ListReport:
    """Compare one list of the survey with the ``seen`` cameras, within the survey's area."""
    listed = survey.listed_cameras(list_name)
    placed = {p.value: sum(c.placed is p for c in listed) for p in Placement}
    comparison = compare_with_list(seen, listed, _radius(survey, list_name), survey.area_bbox())
    return ListReport(list_name, placed, len(seen), comparison)


def list_reports(survey: SurveyFile) -> list[ListReport]:
    """Every list of the survey against the cameras seen, the one imported last at the end."""
    names = survey.list_names()
    if not names:
        return []
    seen = seen_cameras(survey)
    return [list_report(survey, name, seen) for name in names]
