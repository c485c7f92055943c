"""The workshop commands: ``sectors`` (named polygons handed to pairs) and ``handout``.

Plugged into the command line through ``cli_parser.PLUGGED``: nothing heavy is imported
before a command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from contrechamp.terminal import complain, say

if TYPE_CHECKING:
    from contrechamp.cli_parser import Handler, Subparsers
    from contrechamp.ops.sectors import SectorsImported

__all__ = ["HANDLERS", "add_commands"]


def add_commands(sub: Subparsers) -> None:
    """Declare ``sectors`` and ``handout``."""
    sectors = sub.add_parser(
        "sectors", help="import the sectors handed to pairs (GeoJSON polygons), or list them"
    )
    sectors.add_argument("survey", type=Path)
    sectors.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help="GeoJSON polygons with name and pair"
    )
    sectors.add_argument(
        "--replace", action="store_true", help="remove the sectors that FILE does not name"
    )
    sectors.add_argument("--list", action="store_true", help="list the sectors (the default)")
    handout = sub.add_parser("handout", help="one survey per pair, with the area and its sector")
    handout.add_argument("workshop", type=Path, metavar="WORKSHOP")
    handout.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    handout.add_argument("--force", action="store_true", help="replace handouts already there")


def _cmd_sectors(args: argparse.Namespace) -> None:
    from contrechamp.core.errors import InputError
    from contrechamp.ops.sectors import import_sectors, sector_lines
    from contrechamp.store.survey import SurveyFile

    if args.file is None:
        if args.replace:
            raise InputError("--replace needs a FILE of sectors", "cli.replace")
        with SurveyFile.open_untrusted_readonly(args.survey) as survey:
            lines = sector_lines(survey)
    else:
        with SurveyFile.changing(args.survey) as survey:
            imported = import_sectors(survey, args.file, replace_all=args.replace)
            lines = sector_lines(survey)
        _report_import(imported)
    if not lines:
        say("No sectors")
    for line in lines:
        say(f"{line.name}: {line.pair or 'no pair yet'}, {line.hectares:.1f} ha")


def _report_import(imported: SectorsImported) -> None:
    """What an import did on stdout; what to look at on stderr, once each."""
    notes = [
        f"{imported.removed} removed" if imported.removed else "",
        f"{imported.skipped} not polygons, skipped" if imported.skipped else "",
    ]
    extra = ", ".join(n for n in notes if n)
    say(
        f"Sectors: {imported.added} added, {imported.replaced} replaced"
        + (f", {extra}" if extra else "")
    )
    if imported.repaired:
        complain(
            f"{_count(imported.repaired)} crossed itself and was repaired "
            f"(check it on the map): {', '.join(imported.repaired)}"
        )
    if imported.outside:
        complain(
            f"{_count(imported.outside)} wholly outside the survey's area (another town, or "
            f"longitude and latitude swapped?): {', '.join(imported.outside)}"
        )


def _count(names: list[str]) -> str:
    return "1 sector" if len(names) == 1 else f"{len(names)} sectors"


def _cmd_handout(args: argparse.Namespace) -> None:
    from contrechamp.ops.handout import hand_out
    from contrechamp.ops.names import display_name

    handouts = hand_out(args.workshop, args.output, force=args.force)
    for handout in handouts:
        say(f"{display_name(handout.path)}: {handout.sector}, for {handout.pair}")
    say(f"{len(handouts)} handouts written to {args.output}")


HANDLERS: dict[str, Handler] = {"sectors": _cmd_sectors, "handout": _cmd_handout}
