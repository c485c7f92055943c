"""The campaign commands: ``contrechamp campaign init|push|pull|status``.

A campaign is a PostgreSQL + PostGIS database given by its SQLAlchemy URL
(``postgresql://USER@HOST:PORT/DATABASE``). The password never goes on the command line: it
comes from the keyring (service "Contrechamp PostgreSQL", account USER@HOST:PORT/DATABASE),
``PGPASSWORD`` or ``~/.pgpass``; a URL holding one is refused. Plugged into the command line
through ``cli_parser.PLUGGED``: nothing heavy is imported before a command runs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contrechamp.terminal import say

if TYPE_CHECKING:
    from contrechamp.cli_parser import Handler, Subparsers
    from contrechamp.ops.campaign import CampaignStatus, PushResult

__all__ = ["HANDLERS", "add_commands", "push_lines", "status_lines"]

_URL_HELP = "postgresql://USER@HOST:PORT/DATABASE (no password: keyring, PGPASSWORD or ~/.pgpass)"


def add_commands(sub: Subparsers) -> None:
    """Declare ``campaign`` and its four actions."""
    campaign = sub.add_parser(
        "campaign", help="the shared campaign store (PostgreSQL + PostGIS): init, push, pull"
    )
    actions = campaign.add_subparsers(dest="campaign_command", required=True, metavar="ACTION")
    init = actions.add_parser("init", help="create the campaign in a database, or upgrade it")
    init.add_argument("url", metavar="URL", help=_URL_HELP)
    push = actions.add_parser("push", help="merge a survey into the campaign (one transaction)")
    push.add_argument("survey", type=Path, metavar="SURVEY")
    push.add_argument("url", metavar="URL", help=_URL_HELP)
    push.add_argument("--comment", default="", metavar="TEXT", help="what this push brings")
    push.add_argument(
        "--keep-exif", action="store_true", help="keep the photos' EXIF (stripped by default)"
    )
    push.add_argument(
        "--no-blur", action="store_true", help="leave faces and blur regions in photos unblurred"
    )
    pull = actions.add_parser("pull", help="write part of the campaign into a new survey")
    pull.add_argument("url", metavar="URL", help=_URL_HELP)
    pull.add_argument("-o", "--output", type=Path, required=True, metavar="SURVEY")
    where = pull.add_mutually_exclusive_group()
    where.add_argument("--bbox", metavar="W,S,E,N", help="only the cameras in this box (degrees)")
    where.add_argument("--sector", metavar="NAME", help="only the cameras in this sector")
    pull.add_argument("--no-photos", action="store_true", help="leave the photos out")
    status = actions.add_parser("status", help="the campaign in figures, and its latest pushes")
    status.add_argument("url", metavar="URL", help=_URL_HELP)
    status.add_argument("--json", action="store_true", help="stable JSON output")


def _shown(url: str) -> str:
    """The URL as printed: the database it names (it holds no password: refused before)."""
    return url.rsplit("/", 1)[-1] or url


def _cmd_init(args: argparse.Namespace) -> None:
    from contrechamp.ops.campaign import init_campaign_at

    done = init_campaign_at(args.url)
    if done.before is None:
        say(f"Campaign created in {_shown(args.url)} (schema {done.version})")
    elif done.before < done.version:
        say(f"Campaign upgraded from schema {done.before} to {done.version}")
    else:
        say(f"Campaign in {_shown(args.url)} is up to date (schema {done.version})")


def push_lines(name: str, result: PushResult) -> list[str]:
    """What ``campaign push`` prints."""
    c = result.counts
    skipped = [
        f"{result.already_there} pushed before" if result.already_there else "",
        f"{result.unchanged_pulled} pulled and unchanged" if result.unchanged_pulled else "",
        f"{result.rejected_left_out} rejected left out" if result.rejected_left_out else "",
    ]
    notes = ", ".join(s for s in skipped if s)
    tail = f" ({notes})" if notes else ""
    kept = (
        [
            f"{result.deletions_kept} cameras deleted offline were kept: changed in the "
            "campaign since the pull"
        ]
        if result.deletions_kept
        else []
    )
    if not result.changed:
        return [f"Nothing new to push from {name}{tail}", *kept]
    return [
        f"Pushed {name}: {c.sightings} sightings, {c.cameras_added} cameras added, "
        f"{c.cameras_changed} changed, {c.edits} edits{tail}",
        f"{c.conflicts} conflicts to decide, {c.photos} photos added"
        + (f", {result.sectors_added} sectors added" if result.sectors_added else "")
        + (f", {result.deleted} deleted offline marked deleted" if result.deleted else ""),
        *kept,
    ]


def _cmd_push(args: argparse.Namespace) -> None:
    from contrechamp.core.errors import InputError
    from contrechamp.ops.campaign import push_survey
    from contrechamp.ops.names import display_name, valid_text

    comment = args.comment
    if not valid_text(comment):
        raise InputError("--comment is not valid text in this system's encoding", "cli.text")
    result = push_survey(
        args.survey, args.url, comment=comment, keep_exif=args.keep_exif, blur=not args.no_blur
    )
    for line in push_lines(display_name(args.survey), result):
        say(line)


def _cmd_pull(args: argparse.Namespace) -> None:
    from contrechamp.ops.campaign_pull import parse_bbox, pull_survey
    from contrechamp.ops.names import display_name

    bbox = None if args.bbox is None else parse_bbox(args.bbox)
    result = pull_survey(
        args.url, args.output, bbox=bbox, sector=args.sector, photos=not args.no_photos
    )
    say(
        f"Pulled {result.cameras} cameras, {result.photos} photos and {result.existing} OSM "
        f"cameras into {display_name(result.out)}"
    )


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def status_lines(status: CampaignStatus) -> list[str]:
    """What ``campaign status`` prints."""
    f = status.figures
    by_status = ", ".join(f"{n} {s}" for s, n in sorted(f["cameras"].items())) or "no cameras"
    lines = [
        f"Campaign {status.campaign_id} (schema {status.schema_version}): {by_status}",
        f"{f['sightings']} sightings from {f['surveys']} surveys in {f['pushes']} pushes, "
        f"{f['open_conflicts']} conflicts to decide",
        f"{f['photos']} photos ({f['photo_bytes'] / 1e6:.1f} MB), {f['sectors']} sectors, "
        f"{f['existing_cameras']} OSM cameras",
    ]
    for push in status.last_pushes:
        when = push["pushed_at"].strftime("%Y-%m-%d %H:%M UTC")
        comment = f" ({push['comment']})" if push["comment"] else ""
        lines.append(
            f"  {when}: {push['pusher'] or 'anonymous'}, {push['survey_title']}{comment}: "
            f"{push['sightings']} sightings, {push['cameras_added']} added, {push['edits']} edits"
        )
    return lines


def _cmd_status(args: argparse.Namespace) -> None:
    from contrechamp.ops.campaign import campaign_status

    status = campaign_status(args.url)
    if args.json:
        data = {
            "campaign_id": status.campaign_id,
            "schema_version": status.schema_version,
            **status.figures,
            "last_pushes": status.last_pushes,
        }
        print(json.dumps(_json_ready(data), indent=2, ensure_ascii=False, sort_keys=True))
        return
    for line in status_lines(status):
        say(line)


_ACTIONS: dict[str, Handler] = {
    "init": _cmd_init,
    "push": _cmd_push,
    "pull": _cmd_pull,
    "status": _cmd_status,
}


def _cmd_campaign(args: argparse.Namespace) -> int | None:
    return _ACTIONS[args.campaign_command](args)


HANDLERS: dict[str, Handler] = {"campaign": _cmd_campaign}
