"""The ``import-list`` command: an official list of cameras, as a comparison layer.

Plugged into the command line through ``cli_parser.PLUGGED``: nothing heavy is imported
before a command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contrechamp.terminal import say, terminal_text

if TYPE_CHECKING:
    from contrechamp.cli_parser import Handler, Subparsers
    from contrechamp.core.list_comparison import ListedCamera
    from contrechamp.ops.official_lists import ListImported, ListReport

__all__ = ["HANDLERS", "add_commands", "import_lines", "report_lines", "summary_line"]

SHOWN = 10
"""Rows shown of each part of the report; the rest are counted."""


def add_commands(sub: Subparsers) -> None:
    """Declare ``import-list``."""
    command = sub.add_parser(
        "import-list",
        help="an official list of cameras (CSV or GeoJSON), to compare with what was seen",
    )
    command.add_argument("survey", type=Path)
    command.add_argument("file", type=Path, metavar="FILE")
    command.add_argument("--name", help="the list's name (default: the file's name)")
    command.add_argument("--lat-column", metavar="C", help="the column of latitudes (or Y)")
    command.add_argument("--lon-column", metavar="C", help="the column of longitudes (or X)")
    command.add_argument("--place-column", metavar="C", help="the column of addresses")
    command.add_argument(
        "--radius", default="30", metavar="METRES", help="how near a seen camera is listed (30)"
    )


def _cmd_import_list(args: argparse.Namespace) -> None:
    from contrechamp.cli_parser import number_option
    from contrechamp.formats.official_list import ListColumns
    from contrechamp.ops.official_lists import check_list_radius, import_official_list
    from contrechamp.store.survey import SurveyFile

    radius = check_list_radius(number_option(args.radius, "--radius"))
    columns = ListColumns(args.lat_column, args.lon_column, args.place_column)
    with SurveyFile.changing(args.survey) as survey:
        imported = import_official_list(
            survey, args.file, name=args.name, columns=columns, radius_m=radius
        )
    for line in import_lines(imported):
        say(line)


def import_lines(imported: ListImported) -> list[str]:
    """What ``import-list`` prints: what was read, then the comparison."""
    report = imported.report
    placed = report.placed
    replaced = f" (replacing {imported.replaced} rows imported before)" if imported.replaced else ""
    lambert = " (Lambert-93 coordinates)" if imported.coordinates == "lambert93" else ""
    head = (
        f'Imported the list "{terminal_text(report.name)}" from '
        f"{terminal_text(imported.source)}: {report.listed} rows, "
        f"{placed['coordinates']} with coordinates{lambert}, "
        f"{placed['crossing']} placed at a crossing, {placed['unplaced']} unplaced{replaced}"
    )
    return [head, *report_lines(report, detailed=True)]


def report_lines(report: ListReport, *, detailed: bool = False) -> list[str]:
    """One list against the cameras seen: its figures, then (``detailed``) its rows."""
    comparison = report.comparison
    lines = [summary_line(report.to_json())]
    if detailed:
        lines += _part("Listed but not seen", [_row(c) for c in comparison.listed_not_seen])
        lines += _part(
            "Seen but not listed", [f"camera {c.id}" for c in comparison.seen_not_listed]
        )
        lines += _part("Unplaced rows", [_row(c) for c in comparison.unplaced])
    return lines


def summary_line(figures: Mapping[str, Any]) -> str:
    """A list's figures (its part of ``info --json``) in one line."""
    outside = figures["outside_area"]
    seen = figures["seen"]
    return (
        f'List "{terminal_text(figures["name"])}" against {seen} camera{"s" * (seen != 1)} '
        f"seen (within {figures['radius_m']:g} m): {figures['seen_and_listed']} seen and "
        f"listed, {figures['seen_not_listed']} seen but not listed, "
        f"{figures['listed_not_seen']} listed but not seen, {figures['unplaced']} unplaced"
        + (f", {outside} outside the survey's area" if outside else "")
    )


def _row(camera: ListedCamera) -> str:
    ref = f" ({camera.ref})" if camera.ref else ""
    return f"line {camera.line}{ref}: {camera.place or 'no address'}"


def _part(title: str, items: Sequence[str]) -> list[str]:
    """A titled part of the report, its first rows shown and the others counted."""
    if not items:
        return []
    shown = [f"  {terminal_text(item)}" for item in items[:SHOWN]]
    more = [f"  … and {len(items) - SHOWN} more"] if len(items) > SHOWN else []
    return [f"{title}:", *shown, *more]


HANDLERS: dict[str, Handler] = {"import-list": _cmd_import_list}
