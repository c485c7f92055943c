"""``contrechamp sheets``: printable A4 field sheets for walkers who keep their phones away.

Plugged into the command line through ``cli_parser.PLUGGED``; Qt is loaded only when the
command runs (it paints the PDF), on the offscreen platform when there is no display.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from contrechamp.core.errors import InputError
from contrechamp.terminal import say

if TYPE_CHECKING:
    from contrechamp.cli_parser import Handler, Subparsers

__all__ = ["HANDLERS", "add_commands"]

_MAX_ENTRY_PAGES = 20


def add_commands(sub: Subparsers) -> None:
    """Declare ``sheets``."""
    sheets = sub.add_parser("sheets", help="printable A4 field sheets (PDF) for a sector")
    sheets.add_argument("survey", type=Path)
    sheets.add_argument("--sector", metavar="NAME", help="the sector to print (default: the area)")
    sheets.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    sheets.add_argument(
        "--entry-pages", default="2", metavar="N", help="pages of blank entry lines (default 2)"
    )
    sheets.add_argument(
        "--language",
        choices=("system", "en", "fr"),
        default="system",
        help="language of the sheets (default: the system's)",
    )


def _entry_pages(text: str) -> int:
    if not text.strip().isdigit() or not 1 <= int(text) <= _MAX_ENTRY_PAGES:
        raise InputError(
            f"--entry-pages must be a whole number from 1 to {_MAX_ENTRY_PAGES}", "cli.number"
        )
    return int(text)


def _cmd_sheets(args: argparse.Namespace) -> None:
    """Plan the sheets, check the output, paint the PDF, then write it all at once."""
    from contrechamp.ops.field_sheets import check_sheets_target, plan_field_sheets, write_sheets
    from contrechamp.store.survey import SurveyFile

    entry_pages = _entry_pages(args.entry_pages)
    with SurveyFile.open_untrusted_readonly(args.survey) as survey:
        plan = plan_field_sheets(survey, args.sector, entry_pages)
        check_sheets_target(survey, args.output)
        from contrechamp.ui.sheets.document import render_in_language

        pdf = render_in_language(plan, survey.area_bbox(), survey.map_features(), args.language)
        write_sheets(survey, args.output, pdf)
    say(f"{plan.page_count} pages written to {args.output} ({len(plan.cameras)} OSM cameras)")


HANDLERS: dict[str, Handler] = {"sheets": _cmd_sheets}
