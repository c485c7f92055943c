"""The headless commands of DESIGN.md: a thin layer over ops, store, formats and core.

Exit status 0 on success, 1 with one line on stderr for a user error (missing file, bad value,
corrupt input), 2 for bad usage. The window is only imported by ``gui``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from contrechamp import GENERATOR
from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.core.errors import ContrechampError, InputError
from contrechamp.core.tags import surveillance_tags
from contrechamp.formats._point_record import valid_position
from contrechamp.ops.camera_records import check_tags_writable
from contrechamp.ops.names import display_name, valid_text

__all__ = ["main"]

_MAX_CLOCK_OFFSET_S = 366 * 24 * 3600
_COMMANDS = ("gui", "new", "add", "import", "import-photos", "area", "export", "info")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="contrechamp",
        description="Map surveillance cameras on a cartoparty walk and publish them in OSM.",
    )
    parser.add_argument("--version", action="version", version=GENERATOR)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_command in (_add_gui, _add_new, _add_add, _add_import, _add_area, _add_export):
        add_command(sub)
    info = sub.add_parser("info", help="counts by status, photos, problems")
    info.add_argument("survey", type=Path)
    info.add_argument("--json", action="store_true", help="stable JSON output")
    return parser


def _add_import(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="import cameras from other files")
    imp.add_argument("survey", type=Path)
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")
    photos = sub.add_parser("import-photos", help="turn photos into camera drafts")
    photos.add_argument("survey", type=Path)
    photos.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    photos.add_argument("--track", type=Path, help="GPX track to place photos without GPS")
    photos.add_argument(
        "--clock-offset",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="seconds to add to the photo times to match the track "
        "(camera 30 s slow: 30; camera on UTC+2 local time: -7200)",
    )


def _add_area(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    area = sub.add_parser("area", help="load the base map and OSM cameras from an extract")
    area.add_argument("survey", type=Path)
    area.add_argument("extract", type=Path)


def _add_gui(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    gui = sub.add_parser("gui", help="start the window (the default command)")
    gui.add_argument("survey", type=Path, nargs="?")
    gui.add_argument("--area", type=Path, metavar="EXTRACT", help="load this OSM extract first")
    gui.add_argument("--demo", action="store_true", help="open the built-in demo survey")
    gui.add_argument(
        "--gps", metavar="SOURCE", help="system | serial:PORT | tcp:HOST:PORT | file:PATH"
    )


def _add_new(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = sub.add_parser("new", help="create an empty survey file")
    new.add_argument("survey", type=Path)
    new.add_argument("--title", default="")
    new.add_argument("--surveyor", help="a pseudonym, never exported unless you ask")


def _add_add(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add = sub.add_parser("add", help="add one camera")
    add.add_argument("survey", type=Path)
    add.add_argument("--lat", type=float, required=True)
    add.add_argument("--lon", type=float, required=True)
    add.add_argument("--tag", action="append", default=[], metavar="KEY=VALUE")
    add.add_argument("--photo", action="append", default=[], type=Path, metavar="FILE")
    add.add_argument("--status", choices=[s.value for s in Status], default=Status.DRAFT.value)
    add.add_argument(
        "--source", choices=[s.value for s in PositionSource], default=PositionSource.MAP.value
    )
    add.add_argument("--accuracy", type=float, metavar="METRES")


def _add_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from contrechamp.ops.exports import ExportFormat

    export = sub.add_parser("export", help="write the cameras to a file")
    export.add_argument("survey", type=Path)
    export.add_argument("--format", required=True, choices=[f.value for f in ExportFormat])
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.add_argument("--existing", type=Path, metavar="EXTRACT", help="OSM cameras to compare")
    export.add_argument("--include-names", action="store_true", help="add surveyors' names")
    export.add_argument("--confirmed-only", action="store_true", help="leave drafts out")
    export.add_argument(
        "--include-track", action="store_true", help="GPX: add your GPS track (off by default)"
    )


def _text(value: str, what: str) -> str:
    if not valid_text(value):
        raise InputError(f"{what} is not valid text in this system's encoding", "cli.text")
    return value


def _parse_tags(pairs: Sequence[str]) -> dict[str, str]:
    tags = surveillance_tags()
    del tags["surveillance"]  # where the camera films is the walker's call, never a guess
    for pair in pairs:
        key, sep, value = _text(pair, "--tag").partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InputError(f"--tag {pair!r}: expected KEY=VALUE", "cli.tag")
        tags[key.strip()] = value.strip()
    check_tags_writable(tags, "--tag")
    return tags


def _check_position(lat: float, lon: float) -> None:
    if not valid_position(lat, lon):
        raise InputError(f"position {lat}, {lon} is not on Earth", "cli.position")


def _clock_offset(seconds: float) -> timedelta:
    """The correction added to photo times (as JOSM and gpscorrelate take it)."""
    if not (math.isfinite(seconds) and abs(seconds) <= _MAX_CLOCK_OFFSET_S):
        raise InputError("--clock-offset must be a number of seconds within a year", "cli.offset")
    return timedelta(seconds=seconds)


def _cmd_new(args: argparse.Namespace) -> None:
    from contrechamp.store.survey import SurveyFile

    title = _text(args.title, "--title")
    surveyor = None if args.surveyor is None else _text(args.surveyor, "--surveyor")
    with SurveyFile.create(args.survey, title=title, surveyor=surveyor):
        pass
    print(f"Created {args.survey}")


def _cmd_add(args: argparse.Namespace) -> None:
    from contrechamp.ops.photo_attach import attach_photo_files
    from contrechamp.store.survey import SurveyFile

    _check_position(args.lat, args.lon)
    if args.accuracy is not None and not (math.isfinite(args.accuracy) and args.accuracy >= 0):
        raise InputError("--accuracy must be a positive number of metres", "cli.accuracy")
    tags = _parse_tags(args.tag)
    with SurveyFile.changing(args.survey) as survey:
        camera = Camera(
            lat=args.lat,
            lon=args.lon,
            tags=tags,
            status=Status(args.status),
            source=PositionSource(args.source),
            accuracy_m=args.accuracy,
            surveyor=survey.surveyor,
        )
        with survey.transaction():
            survey.add_camera(camera)
            attach_photo_files(survey, camera.id, args.photo)
    print(camera.id)


def _cmd_import(args: argparse.Namespace) -> None:
    from contrechamp.ops.imports import import_files
    from contrechamp.store.survey import SurveyFile

    with SurveyFile.changing(args.survey) as survey:
        result = import_files(survey, args.files, surveyor=survey.surveyor)
    for item in result.files:
        photos = f", {item.photos} photos" if item.photos else ""
        shapes = f", {item.not_points} lines or areas skipped" if item.not_points else ""
        print(
            f"{display_name(item.path)}: {item.added} cameras added, "
            f"{item.already_there} already there{photos}{shapes}"
        )


def _cmd_import_photos(args: argparse.Namespace) -> None:
    from contrechamp.formats.gpx import read_gpx_track
    from contrechamp.ops.photo_import import copy_pending_photos, import_photos
    from contrechamp.store.survey import SurveyFile

    offset = _clock_offset(args.clock_offset)
    track = read_gpx_track(args.track) if args.track else []
    with SurveyFile.changing(args.survey) as survey:
        summary = import_photos(
            survey,
            args.paths,
            track=track,
            clock_offset=offset,
            surveyor=survey.surveyor,
        )
        copied = copy_pending_photos(survey)  # the photos' bytes go inside before returning
    print(
        f"{summary.drafts_created} drafts, {summary.photos_added} photos added, "
        f"{summary.duplicates} already there, {len(summary.unplaced)} to place on the map"
    )
    for name, reason in summary.skipped:
        print(f"skipped {name}: {reason}")
    for photo in copied.left:
        print(f"not copied {photo.source}: original {photo.state.value}")


def _cmd_area(args: argparse.Namespace) -> None:
    from contrechamp.ops.area import load_area
    from contrechamp.store.survey import SurveyFile

    with SurveyFile.changing(args.survey) as survey:
        loaded = load_area(survey, args.extract)
    print(f"Area loaded: {loaded.features} map features, {loaded.existing_cameras} OSM cameras")


def _cmd_export(args: argparse.Namespace) -> None:
    from contrechamp.ops.exports import ExportFormat, ExportOptions, export_survey, uncompared
    from contrechamp.store.survey import SurveyFile

    options = ExportOptions(
        args.include_names, args.confirmed_only, args.existing, args.include_track
    )
    fmt = ExportFormat(args.format)
    with SurveyFile.open_untrusted_readonly(args.survey) as survey:
        count = export_survey(survey, fmt, args.output, options)
        left_out = uncompared(survey, args.existing) if fmt is ExportFormat.OSC else 0
    print(f"{count} cameras written to {args.output}")
    if left_out:
        print(
            f"{left_out} cameras linked to OSM were left out: their original is unknown "
            "(load the area, or pass --existing EXTRACT)"
        )


def _cmd_info(args: argparse.Namespace) -> None:
    from contrechamp.ops.info import survey_info
    from contrechamp.store.survey import SurveyFile

    with SurveyFile.open_untrusted_readonly(args.survey) as survey:
        info = survey_info(survey)
    if args.json:
        print(json.dumps(info.to_json(), indent=2, ensure_ascii=False, sort_keys=True))
        return
    counts = ", ".join(f"{n} {status}" for status, n in info.cameras.items())
    print(f"{info.title or args.survey.name}: {counts}")
    pending = f" ({info.photos_pending} not copied in yet)" if info.photos_pending else ""
    print(f"{info.photos} photos{pending}, {info.existing_cameras} cameras already in OSM")
    print(f"{len(info.problems)} cameras to check")
    for item in info.problems:
        codes = ", ".join(f"{p['code']} ({p['value']!r})" for p in item.problems)
        print(f"  {item.camera_id}: {codes}")


def _cmd_gui(args: argparse.Namespace) -> int:
    from contrechamp.ui.app import run_gui

    return run_gui(args.survey, demo=args.demo, area=args.area, gps=args.gps)


_HANDLERS: dict[str, Callable[[argparse.Namespace], None]] = {
    "new": _cmd_new,
    "add": _cmd_add,
    "import": _cmd_import,
    "import-photos": _cmd_import_photos,
    "area": _cmd_area,
    "export": _cmd_export,
    "info": _cmd_info,
}


def _with_default_command(argv: list[str]) -> list[str]:
    if not argv or (argv[0] not in _COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        return ["gui", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; return the process exit status."""
    for stream in (sys.stdout, sys.stderr):
        # File names may hold bytes that are not UTF-8: print them escaped, never crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = _parser().parse_args(_with_default_command(list(sys.argv[1:] if argv is None else argv)))
    try:
        if args.command == "gui":
            return _cmd_gui(args)
        _HANDLERS[args.command](args)
    except ContrechampError as exc:
        print(f"contrechamp: {exc.detail}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"contrechamp: {exc.strerror or exc} ({exc.filename or ''})", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `contrechamp info | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("contrechamp: interrupted", file=sys.stderr)
        return 1
    return 0
