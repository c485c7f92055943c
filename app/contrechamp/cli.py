"""The headless commands of DESIGN.md: a thin layer over ops, store, formats and core.

Exit status 0 on success, 1 with one line on stderr for a user error (missing file, bad value,
corrupt input; ``import-photos`` gives a line per photo left out), 2 for bad usage. The window
is only imported by ``gui``, and only where there is a display.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from contrechamp.cli_parser import (
    command_parser,
    number_option,
    plugged_handlers,
    with_default_command,
)
from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.core.errors import ContrechampError, InputError, SurveyError
from contrechamp.core.messages import not_copied_sentence, skipped_sentence
from contrechamp.core.tags import surveillance_tags
from contrechamp.formats._point_record import valid_position
from contrechamp.logs import log_warnings_to_stderr
from contrechamp.ops.camera_records import check_tags_writable
from contrechamp.ops.names import display_name, valid_text
from contrechamp.terminal import complain, say

if TYPE_CHECKING:
    from contrechamp.ops.merge import MergeResult
    from contrechamp.ops.photo_import import CopySummary, ImportSummary

__all__ = ["gui_main", "main"]

_MAX_CLOCK_OFFSET_S = 366 * 24 * 3600


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


def _position(args: argparse.Namespace) -> tuple[float, float]:
    lat, lon = number_option(args.lat, "--lat"), number_option(args.lon, "--lon")
    if not valid_position(lat, lon):
        raise InputError(f"position {lat}, {lon} is not on Earth", "cli.position")
    return lat, lon


def _accuracy(text: str | None) -> float | None:
    if text is None:
        return None
    metres = number_option(text, "--accuracy")
    if metres < 0:
        raise InputError("--accuracy must be a positive number of metres", "cli.accuracy")
    return metres


def _clock_offset(text: str) -> timedelta:
    """The correction added to photo times (as JOSM and gpscorrelate take it)."""
    seconds = number_option(text, "--clock-offset")
    if abs(seconds) > _MAX_CLOCK_OFFSET_S:
        raise InputError("--clock-offset must be a number of seconds within a year", "cli.offset")
    return timedelta(seconds=seconds)


def _cmd_new(args: argparse.Namespace) -> None:
    from contrechamp.store.survey import SurveyFile

    title = _text(args.title, "--title")
    surveyor = None if args.surveyor is None else _text(args.surveyor, "--surveyor")
    with SurveyFile.create(args.survey, title=title, surveyor=surveyor):
        pass
    say(f"Created {args.survey}")


def _cmd_add(args: argparse.Namespace) -> None:
    from contrechamp.ops.photo_attach import attach_photo_files
    from contrechamp.store.survey import SurveyFile

    lat, lon = _position(args)
    accuracy = _accuracy(args.accuracy)
    tags = _parse_tags(args.tag)
    with SurveyFile.changing(args.survey) as survey:
        camera = Camera(
            lat=lat,
            lon=lon,
            tags=tags,
            status=Status(args.status),
            source=PositionSource(args.source),
            accuracy_m=accuracy,
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
        unversioned = (
            f", {item.unversioned} linked to OSM without a known version"
            if item.unversioned
            else ""
        )
        say(
            f"{display_name(item.path)}: {item.added} cameras added, "
            f"{item.already_there} already there{photos}{shapes}{unversioned}"
        )


class _NothingImportedError(Exception):
    """Leaves a ``SurveyFile.changing`` block as a failure, so that an older survey stays as
    it was (not migrated) when a command wrote nothing."""


def _cmd_import_photos(args: argparse.Namespace) -> int:
    """Import photos; 1 when none could be imported or the survey could not take them."""
    from PIL import Image

    from contrechamp.formats.gpx import read_gpx_track
    from contrechamp.ops.photo_import import copy_pending_photos, import_photos
    from contrechamp.store.survey import SurveyFile

    offset = _clock_offset(args.clock_offset)
    track = read_gpx_track(args.track) if args.track else []
    with (
        contextlib.suppress(_NothingImportedError),
        warnings.catch_warnings(),
        SurveyFile.changing(args.survey) as survey,
    ):
        # Pillow warns about photos of over 89 megapixels; those over twice that are refused.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        earlier = {photo.photo_id for photo in survey.pending_photos()}
        summary = import_photos(
            survey, args.paths, track=track, clock_offset=offset, surveyor=survey.surveyor
        )
        copied = copy_pending_photos(survey)  # the photos' bytes go inside before returning
        failed = _photos_failed(summary, copied, earlier)
        if failed and not summary.photos_added:
            raise _NothingImportedError
    _report_photos(summary, copied, args.paths)
    return 1 if failed else 0


def _photos_failed(summary: ImportSummary, copied: CopySummary, earlier: set[int]) -> bool:
    """Whether an import failed: no photo of it is in the survey now (imported, or there
    already), or the survey could not take some of them."""
    left_now = sum(1 for photo in copied.left if photo.photo_id not in earlier)
    unwritten = any(code.startswith("survey.") for _, code in summary.skipped)
    return unwritten or summary.photos_added - left_now + summary.duplicates <= 0


def _report_photos(summary: ImportSummary, copied: CopySummary, paths: Sequence[Path]) -> None:
    """The counts on stdout; each photo left out, in a sentence, on stderr."""
    say(
        f"{summary.drafts_created} drafts, {summary.photos_added} photos added, "
        f"{summary.duplicates} already there, {len(summary.unplaced)} to place on the map"
    )
    for name, code in summary.skipped:
        complain(skipped_sentence(code, name))
    for photo in copied.left:
        complain(not_copied_sentence(photo.state.value, str(photo.source)))
    if not (summary.skipped or copied.left or summary.photos_added or summary.duplicates):
        complain(f"no photo found in {', '.join(str(p) for p in paths)}")


def _cmd_area(args: argparse.Namespace) -> None:
    from contrechamp.ops.area import load_area
    from contrechamp.store.survey import SurveyFile

    with SurveyFile.changing(args.survey) as survey:
        loaded = load_area(survey, args.extract)
    say(f"Area loaded: {loaded.features} map features, {loaded.existing_cameras} OSM cameras")


def _cmd_export(args: argparse.Namespace) -> None:
    from contrechamp.core.camera import Status
    from contrechamp.ops.exports import ExportFormat, ExportOptions, export_to
    from contrechamp.store.survey import SurveyFile

    options = ExportOptions(
        include_names=args.include_names,
        confirmed_only=args.confirmed_only,
        existing=args.existing,
        include_track=args.include_track,
        statuses=frozenset(Status(s) for s in args.status),
        sector=args.sector,
        with_photos=args.with_photos,
        keep_exif=args.keep_exif,
        blur=not args.no_blur,
    )
    fmt = ExportFormat(args.format)
    blurring = options.blur and (fmt is ExportFormat.PHOTOS or options.with_photos)
    # Faces found are kept in the survey (a cache), so that the next export is quick.
    cache = blurring and os.access(args.survey, os.W_OK)
    opened = SurveyFile.changing if cache else SurveyFile.open_untrusted_readonly
    with opened(args.survey) as survey:
        if cache:  # faces looked for first, with progress (the export then finds them kept)
            from contrechamp.cli_blur import look_for_faces

            look_for_faces(survey, fmt, options)
        result = export_to(survey, fmt, args.output, options)
    if fmt is ExportFormat.PHOTOS:
        say(f"{result.photos} photos of {result.cameras} cameras written to {args.output}")
    if fmt is ExportFormat.PHOTOS or options.with_photos:
        say("faces and blur regions blurred" if blurring else "photos NOT blurred (--no-blur)")
    else:
        say(f"{result.cameras} cameras written to {args.output}")
    if result.photos_failed:
        say(f"{result.photos_failed} photos could not be read and were left out")
    if result.unknown_original:
        say(
            f"{result.unknown_original} cameras linked to OSM were left out: their original "
            "is unknown (load the area, or pass --existing EXTRACT)"
        )
    if result.unversioned:
        say(
            f"{result.unversioned} cameras linked to OSM without a known version were left "
            "out (load the area from an extract, or download them with 'out meta')"
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
    say(f"{info.title or display_name(args.survey)}: {counts}")
    pending = f" ({info.photos_pending} not copied in yet)" if info.photos_pending else ""
    say(f"{info.photos} photos{pending}, {info.existing_cameras} cameras already in OSM")
    say(f"{len(info.problems)} cameras to check")
    for item in info.problems:
        codes = ", ".join(f"{p['code']} ({p['value']!r})" for p in item.problems)
        say(f"  {item.camera_id}: {codes}")
    if info.sectors:
        say(f"{len(info.sectors)} sectors:")
    for sector in info.sectors:
        say(
            f"  {sector.name} ({sector.pair or 'no pair yet'}): {sector.percent_walked:.0f}% "
            f"of its streets walked, {sector.cameras_inside} cameras logged inside"
        )
    if info.lists:
        from contrechamp.cli_lists import summary_line

        for figures in info.lists:
            say(summary_line(figures))


def _merge_lines(result: MergeResult) -> list[str]:
    """What ``merge`` prints: what it did, then the merged survey in figures."""
    counts, name = result.counts, display_name(result.out)
    if result.changed:
        done = (
            f"Merged {result.surveys} surveys into {name}: {result.sightings_added} sightings added"
        )
    else:
        done = f"Nothing new to merge into {name}"
    skipped = [
        f"{result.already_merged} already merged" if result.already_merged else "",
        f"{result.rejected_left_out} rejected left out" if result.rejected_left_out else "",
    ]
    notes = ", ".join(s for s in skipped if s)
    matches = counts.matches
    return [
        done + (f" ({notes})" if notes else ""),
        f"{result.cameras} cameras from {counts.sightings} sightings: "
        f"{counts.groups} seen in several surveys, {counts.open_conflicts} conflicts to decide",
        f"Against OSM: {matches.get('new', 0)} new, {matches.get('same', 0)} same as an OSM "
        f"camera, {matches.get('possible', 0)} possibly the same (to review)",
        f"{result.photos_copied} photos copied"
        + (f", {result.photos_not_copied} not in their survey" if result.photos_not_copied else ""),
    ]


def _cmd_merge(args: argparse.Namespace) -> None:
    from contrechamp.ops.merge import merge_surveys

    result = merge_surveys(
        args.out, args.surveys, number_option(args.radius, "--radius"), args.existing
    )
    for line in _merge_lines(result):
        say(line)


def _cmd_gui(args: argparse.Namespace) -> int:
    from contrechamp.ui.app import run_gui

    return run_gui(args.survey, demo=args.demo, area=args.area, gps=args.gps)


_HANDLERS: dict[str, Callable[[argparse.Namespace], int | None]] = {
    "new": _cmd_new,
    "add": _cmd_add,
    "import": _cmd_import,
    "import-photos": _cmd_import_photos,
    "area": _cmd_area,
    "merge": _cmd_merge,
    "export": _cmd_export,
    "info": _cmd_info,
    **plugged_handlers(),
}


def _no_display() -> bool:
    """True on a Unix desktop-less session (no X11 or Wayland display, no Qt platform set),
    where starting the window would abort inside Qt."""
    if sys.platform in ("darwin", "win32", "cygwin"):
        return False
    return not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command; the window only where there is a display to show it."""
    if args.command != "gui":
        status = _HANDLERS[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, inside main's error handling
        return status or 0
    if _no_display():
        complain(
            "no display to open the window on: run one of the headless commands "
            "(contrechamp --help lists them)"
        )
        return 1
    return _cmd_gui(args)


def _survey_named(args: argparse.Namespace, error: ContrechampError) -> str:
    """The error's sentence, led by the survey's name when it is about the survey and
    does not name it already."""
    survey = getattr(args, "survey", None)
    if isinstance(error, SurveyError) and survey is not None:
        name = display_name(survey)
        if name not in error.detail:
            return f"{name}: {error.detail}"
    return error.detail


def _os_error_text(error: OSError) -> str:
    """An OSError as one sentence: the file it concerns, then what went wrong."""
    reason = error.strerror or str(error) or type(error).__name__
    if error.filename is None:
        return reason
    return f"{display_name(Path(os.fsdecode(error.filename)))}: {reason}"


def _silence_stdout() -> None:
    """After a reader closed our output (``| head``): send what is left to /dev/null, so
    that Python's final flush does not fail again (the advice of Python's signal docs)."""
    try:
        stdout = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (tests capture it): nothing to flush
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stdout)
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; return the process exit status."""
    for stream in (sys.stdout, sys.stderr):
        # File names may hold bytes that are not UTF-8: print them escaped, never crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = command_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(with_default_command(parser, words))
    log_warnings_to_stderr()  # the batch commands keep no log file; the window adds one
    try:
        return _run(args)
    except BrokenPipeError:  # e.g. `contrechamp info SURVEY | head -1`: not an error
        _silence_stdout()
        return 0
    except ContrechampError as exc:
        complain(_survey_named(args, exc))
    except OSError as exc:
        complain(_os_error_text(exc))
    except KeyboardInterrupt:
        complain("interrupted")
    return 1


def gui_main() -> int:
    """Entry point of ``contrechamp-gui`` (no console on Windows): the window, on the survey
    given if any, whatever words follow."""
    return main(["gui", *sys.argv[1:]])
