"""``contrechamp coverage``: how much of the area's streets the cameras film, and a route's
exposure to them.

Plugged into the command line through ``cli_parser.PLUGGED``: nothing heavy is imported
before the command runs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from contrechamp.terminal import say

if TYPE_CHECKING:
    from contrechamp.cli_parser import Handler, Subparsers
    from contrechamp.core.coverage_figures import CoverageSummary
    from contrechamp.core.route_exposure import RouteExposure
    from contrechamp.ops.coverage import CoverageReport

__all__ = ["HANDLERS", "add_commands", "report_lines"]

SHOWN = 5
"""Streets named on each line of the text report (the JSON lists ten)."""


def add_commands(sub: Subparsers) -> None:
    """Declare ``coverage``."""
    command = sub.add_parser(
        "coverage", help="how much of the streets the cameras film, and a route's exposure"
    )
    command.add_argument("survey", type=Path)
    command.add_argument("--sector", metavar="NAME", help="only this sector (default: the area)")
    command.add_argument("--route", type=Path, metavar="GPX", help="a walk: its exposure")
    command.add_argument("--json", action="store_true", help="stable JSON output")


def _cmd_coverage(args: argparse.Namespace) -> None:
    from contrechamp.ops.coverage import coverage_report, report_json
    from contrechamp.store.survey import SurveyFile

    with SurveyFile.open_untrusted_readonly(args.survey) as survey:
        report = coverage_report(survey, args.sector, args.route)
    if args.json:
        print(json.dumps(report_json(report), indent=2, ensure_ascii=False, sort_keys=True))
        return
    for line in report_lines(report):
        say(line)


def _cameras(count: int) -> str:
    return "1 camera" if count == 1 else f"{count} cameras"


def _km(metres: float) -> str:
    return f"{metres / 1000:.1f} km" if metres >= 1000 else f"{metres:.0f} m"


def summary_lines(title: str, summary: CoverageSummary) -> list[str]:
    """A zone's figures in three to five lines."""
    lines = [
        f"{title}: {_km(summary.street_m)} of street, {summary.percent_filmed:.1f}% filmed "
        f"({_km(summary.filmed_m)}; by two cameras or more: {_km(summary.filmed_twice_m)})",
        f"  {_cameras(summary.cameras)} on the street ({summary.cameras_drawn} drawn, "
        f"{summary.cameras_without_direction} without a direction; "
        f"{summary.cameras_indoor} indoors left out): {summary.cameras_per_km:.2f} per km of "
        f"street, {summary.cameras_per_road_km:.2f} per km of road",
    ]
    if summary.within_reach_m > summary.filmed_m:
        lines.append(
            f"  up to {summary.percent_within_reach:.1f}% within reach of the cameras whose "
            "direction is not mapped"
        )
    most = summary.most_filmed(SHOWN)
    if most:
        named = ", ".join(f"{s.name} {s.percent_filmed:.0f}% ({s.cameras})" for s in most)
        lines.append(f"  most filmed: {named}")
    blind = [s for s in summary.blind_spots(SHOWN) if s.filmed_m == 0]
    if blind:
        lines.append(
            "  not filmed at all: " + ", ".join(f"{s.name} {_km(s.length_m)}" for s in blind)
        )
    return lines


def route_lines(name: str, route: RouteExposure) -> list[str]:
    """A route's exposure: one line, then one per filmed stretch."""
    lines = [
        f"Route {name}: {_km(route.length_m)}, {_km(route.filmed_m)} filmed "
        f"({route.percent_filmed:.1f}%) by {_cameras(len(route.cameras))}"
    ]
    for stretch in route.stretches:
        lines.append(
            f"  from {stretch.from_m:.0f} m to {stretch.to_m:.0f} m: " + ", ".join(stretch.cameras)
        )
    return lines


def report_lines(report: CoverageReport) -> list[str]:
    """The whole text report."""
    title = "Whole area" if report.sector is None else f"Sector {report.sector}"
    lines = summary_lines(title, report.summary)
    if report.sector is None:
        for item in report.sectors:
            lines += summary_lines(f"Sector {item.sector.name}", item.summary)[:2]
    if report.route is not None:
        lines += route_lines(report.route_name or "", report.route)
    return lines


HANDLERS: dict[str, Handler] = {"coverage": _cmd_coverage}
