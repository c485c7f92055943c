"""The words of the command line: the commands, their options, and the window they imply."""

from __future__ import annotations

import argparse
import importlib
import math
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TypeAlias

from contrechamp import GENERATOR
from contrechamp.core.camera import PositionSource, Status
from contrechamp.terminal import terminal_text

__all__ = [
    "COMMANDS",
    "PLUGGED",
    "SURVEY_SUFFIX",
    "Handler",
    "Subparsers",
    "command_parser",
    "number_option",
    "plugged_handlers",
    "with_default_command",
]

Handler: TypeAlias = Callable[[argparse.Namespace], "int | None"]
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# Command groups that live in modules of their own: each has ``add_commands(sub)`` and
# ``HANDLERS`` (command name -> handler), and imports nothing heavy at module level.
PLUGGED: tuple[str, ...] = (
    "contrechamp.cli_workshop",
    "contrechamp.cli_sheets",
    "contrechamp.cli_lists",
    "contrechamp.cli_upload",
    "contrechamp.cli_coverage",
    "contrechamp.cli_campaign",
)

_BUILT_IN = ("gui", "new", "add", "import", "import-photos", "area", "merge", "export", "info")
SURVEY_SUFFIX = ".cartoparty"  # SurveyFile.SUFFIX, without loading the store to start a window


def number_option(text: str, option: str) -> float:
    """A number given on the command line, read as strictly as in files (``1_0`` is no 10).

    >>> number_option("2,5", "--radius")
    2.5
    """
    from contrechamp.core.errors import InputError
    from contrechamp.formats.numbers import parse_decimal

    try:
        value = parse_decimal(text.strip())
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise InputError(f"{option} {text[:40]!r} is not a number", "cli.number")
    return value


def _plugged_modules() -> list[ModuleType]:
    return [importlib.import_module(name) for name in PLUGGED]


def plugged_handlers() -> dict[str, Handler]:
    """The handlers of the commands declared in :data:`PLUGGED` modules."""
    handlers: dict[str, Handler] = {}
    for module in _plugged_modules():
        handlers.update(module.HANDLERS)
    return handlers


COMMANDS: tuple[str, ...] = (*_BUILT_IN, *plugged_handlers())


def command_parser() -> argparse.ArgumentParser:
    """The parser of every command and its options (``gui`` is implied: see
    :func:`with_default_command`)."""
    parser = argparse.ArgumentParser(
        prog="contrechamp",
        description="Map surveillance cameras on a cartoparty walk and publish them in OSM.",
    )
    parser.add_argument("--version", action="version", version=GENERATOR)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_command in (
        _add_gui,
        _add_new,
        _add_add,
        _add_import,
        _add_area,
        _add_merge,
        _add_export,
    ):
        add_command(sub)
    for module in _plugged_modules():
        module.add_commands(sub)
    info = sub.add_parser("info", help="counts by status, photos, problems")
    info.add_argument("survey", type=Path)
    info.add_argument("--json", action="store_true", help="stable JSON output")
    return parser


def _add_import(sub: Subparsers) -> None:
    imp = sub.add_parser("import", help="import cameras from other files")
    imp.add_argument("survey", type=Path)
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")
    photos = sub.add_parser("import-photos", help="turn photos into camera drafts")
    photos.add_argument("survey", type=Path)
    photos.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    photos.add_argument("--track", type=Path, help="GPX track to place photos without GPS")
    photos.add_argument(
        "--clock-offset",
        default="0",
        metavar="SECONDS",
        help="seconds to add to the photo times to match the track "
        "(camera 30 s slow: 30; camera on UTC+2 local time: -7200)",
    )


def _add_area(sub: Subparsers) -> None:
    area = sub.add_parser("area", help="load the base map and OSM cameras from an extract")
    area.add_argument("survey", type=Path)
    area.add_argument("extract", type=Path)


def _add_gui(sub: Subparsers) -> None:
    gui = sub.add_parser("gui", help="start the window (the default command)")
    gui.add_argument("survey", type=Path, nargs="?")
    gui.add_argument("--area", type=Path, metavar="EXTRACT", help="load this OSM extract first")
    gui.add_argument("--demo", action="store_true", help="open the built-in demo survey")
    gui.add_argument(
        "--gps", metavar="SOURCE", help="system | serial:PORT | tcp:HOST:PORT | file:PATH"
    )


def _add_new(sub: Subparsers) -> None:
    new = sub.add_parser("new", help="create an empty survey file")
    new.add_argument("survey", type=Path)
    new.add_argument("--title", default="")
    new.add_argument("--surveyor", help="a pseudonym, never exported unless you ask")


def _add_add(sub: Subparsers) -> None:
    add = sub.add_parser("add", help="add one camera")
    add.add_argument("survey", type=Path)
    add.add_argument("--lat", required=True, metavar="DEGREES")
    add.add_argument("--lon", required=True, metavar="DEGREES")
    add.add_argument("--tag", action="append", default=[], metavar="KEY=VALUE")
    add.add_argument("--photo", action="append", default=[], type=Path, metavar="FILE")
    add.add_argument("--status", choices=[s.value for s in Status], default=Status.DRAFT.value)
    add.add_argument(
        "--source", choices=[s.value for s in PositionSource], default=PositionSource.MAP.value
    )
    add.add_argument("--accuracy", metavar="METRES")


def _add_merge(sub: Subparsers) -> None:
    merge = sub.add_parser(
        "merge", help="merge the group's surveys, grouping double sightings of one camera"
    )
    merge.add_argument("out", type=Path, metavar="OUT", help="the merged survey (made or added to)")
    merge.add_argument("surveys", type=Path, nargs="+", metavar="SURVEY")
    merge.add_argument(
        "--radius",
        default="15",
        metavar="METRES",
        help="how far apart sightings of one "
        "camera may be before their GPS accuracies widen it (default 15: a street across)",
    )
    merge.add_argument(
        "--existing", type=Path, metavar="EXTRACT", help="OSM cameras to compare with"
    )


def _add_export(sub: Subparsers) -> None:
    from contrechamp.ops.exports import EXPORTED_STATUSES, ExportFormat

    export = sub.add_parser("export", help="write the cameras (or their photos) to a file")
    export.add_argument("survey", type=Path)
    export.add_argument("--format", required=True, choices=[f.value for f in ExportFormat])
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.add_argument("--existing", type=Path, metavar="EXTRACT", help="OSM cameras to compare")
    export.add_argument(
        "--include-names", action="store_true", help="CSV, GPKG, HTML: add surveyors' names"
    )
    export.add_argument("--confirmed-only", action="store_true", help="leave drafts out")
    export.add_argument(
        "--status",
        action="append",
        default=[],
        choices=sorted(s.value for s in EXPORTED_STATUSES),
        help="only cameras with this status (repeatable)",
    )
    export.add_argument("--sector", metavar="NAME", help="only the cameras inside this sector")
    export.add_argument(
        "--include-track", action="store_true", help="GPX: add your GPS track (off by default)"
    )
    export.add_argument(
        "--with-photos", action="store_true", help="HTML: show the photos in the popups"
    )
    export.add_argument(
        "--no-blur",
        action="store_true",
        help="photos, HTML --with-photos: leave faces and blur regions unblurred",
    )
    export.add_argument(
        "--keep-exif", action="store_true", help="photos: keep their EXIF and XMP metadata"
    )


def with_default_command(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """The words to parse: ``gui`` is implied before nothing, before window options and
    before a survey (an existing file, or a name ending in .cartoparty); any other first
    word that is not a command is a usage error (exit 2), never a window."""
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
        return argv
    if not argv or argv[0].startswith("-"):
        return ["gui", *argv]
    first = Path(argv[0])
    if argv[0].endswith(SURVEY_SUFFIX) or (first.exists() and not first.is_dir()):
        return ["gui", *argv]
    parser.error(
        f"unknown command {terminal_text(argv[0])!r} (choose from {', '.join(COMMANDS)}, "
        "or give a survey file to open in the window)"
    )
