"""The ``upload`` command: send a survey's confirmed cameras to OSM, or write them (--dry-run).

A command group of ``cli_parser.PLUGGED``: it imports nothing heavy until it runs.
"""

from __future__ import annotations

import argparse
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

from contrechamp.cli_parser import Handler, Subparsers
from contrechamp.core.errors import InputError
from contrechamp.terminal import complain, say

if TYPE_CHECKING:
    from contrechamp.ops.upload import UploadReport
    from contrechamp.osmapi.client import OsmClient
    from contrechamp.osmapi.errors import OsmApiError
    from contrechamp.osmapi.servers import OsmServer
    from contrechamp.osmapi.upload import Problem, UploadPlan

__all__ = ["HANDLERS", "add_commands"]


def add_commands(sub: Subparsers) -> None:
    """Declare ``upload`` and its options."""
    up = sub.add_parser("upload", help="send the confirmed cameras to OpenStreetMap")
    up.add_argument("survey", type=Path)
    up.add_argument(
        "--comment", required=True, help="the changeset comment: what was mapped, and how"
    )
    up.add_argument(
        "--api",
        default="osm",
        metavar="URL",
        help="osm (www.openstreetmap.org, the default), dev (the test server) or a server address",
    )
    up.add_argument("--hashtags", default="", metavar='"#A #B"', help="changeset hashtags")
    up.add_argument(
        "--client-id", help="the OAuth 2 client id Contrechamp is registered under there"
    )
    up.add_argument(
        "--dry-run", action="store_true", help="write the .osc it would send; change nothing"
    )
    up.add_argument(
        "-o", "--output", type=Path, metavar="OUT", help="with --dry-run: the .osc to write"
    )


def _text(value: str, option: str) -> str:
    from contrechamp.ops.names import valid_text

    if not valid_text(value):
        raise InputError(f"{option} is not valid text in this system's encoding", "cli.text")
    return value


def plan_lines(plan: UploadPlan) -> list[str]:
    """The summary printed before anything is sent."""
    skipped = ", ".join(f"{n} {reason.value}" for reason, n in sorted(plan.skipped.items()))
    problems = len(plan.problems)
    return [
        f"To upload: {plan.created} new, {plan.modified} changed; "
        f"{sum(plan.skipped.values())} skipped" + (f" ({skipped})" if skipped else "")
        + (f"; {problems} cannot be sent" if problems else "")
    ]  # fmt: skip


def problem_text(problem: Problem) -> str:
    """One camera left out, in a sentence."""
    if problem.code == "deleted":
        return f"camera {problem.camera_id}: its node {problem.osm_id} was deleted in OSM"
    if problem.code == "missing":
        return f"camera {problem.camera_id}: node {problem.osm_id} does not exist on this server"
    return (
        f"camera {problem.camera_id}: a tag is empty, longer than 255 characters, "
        "or has characters OSM cannot store"
    )


def _dry_run(args: argparse.Namespace, server: OsmServer) -> None:
    from contrechamp.ops.upload import dry_run_target, prepare_upload, write_dry_run
    from contrechamp.osmapi.client import OsmClient
    from contrechamp.store.survey import SurveyFile

    target = dry_run_target(args.survey, args.output)
    client = OsmClient(server)  # reads only the nodes edited cameras are linked to
    with SurveyFile.open_untrusted_readonly(args.survey) as survey:
        plan = prepare_upload(survey, client)
    write_dry_run(plan, target)
    for line in plan_lines(plan):
        say(line)
    for problem in plan.problems:
        complain(problem_text(problem))
    say(f"Dry run: {len(plan.changes)} changes written to {target}; nothing was sent")


def _log_in(server: OsmServer) -> str:
    from contrechamp.osmapi.auth import log_in
    from contrechamp.osmapi.tokens import TokenStore

    def show(url: str) -> None:
        say(f"Log in to {server.web_url} in your browser; if it does not open, visit:")
        say(url)
        webbrowser.open(url)

    token = log_in(server, open_browser=show)
    where = TokenStore().save(server, token)
    if not where.kept:
        complain(f"{where.reason or 'no keyring'}: the login is kept for this session only")
    return token


def _logged_in(server: OsmServer) -> OsmClient:
    """A client with a working login: the one kept, else a new one in the browser."""
    from contrechamp.osmapi.client import OsmClient
    from contrechamp.osmapi.errors import OsmApiError
    from contrechamp.osmapi.tokens import TokenStore

    store = TokenStore()
    found = store.load(server)
    token, place = found if found is not None else (_log_in(server), None)
    client = OsmClient(server, token)
    try:
        user = client.user()
    except OsmApiError as error:
        if error.code != "osmapi.unauthorized" or place is None or place.place == "environment":
            raise
        store.forget(server)  # revoked: log in again, once
        client = OsmClient(server, _log_in(server))
        user = client.user()
    say(f"Logged in to {server.web_url} as {user.display_name}")
    return client


def _report(report: UploadReport, server: OsmServer) -> None:
    done = report.outcome
    if report.recovered:
        say(
            f"{report.recovered} cameras sent by an interrupted upload were found in OSM "
            "and linked, not sent again"
        )
    links = ", ".join(f"{server.web_url}/changeset/{c}" for c in done.changesets)
    say(f"Uploaded {done.created} new and {done.modified} changed cameras" + (
        f": {links}" if links else ""))  # fmt: skip


def _failure(error: OsmApiError) -> int:
    from contrechamp.core.messages import error_sentence

    said = f" (OSM said: {error.server_text})" if error.server_text else ""
    complain(f"{error_sentence(error.code) or error.detail}{said}")
    complain("every camera uploaded so far is linked in the survey; nothing is sent twice")
    return 1


def _cmd_upload(args: argparse.Namespace) -> int:
    from contrechamp.ops.upload import prepare_upload, upload_survey
    from contrechamp.osmapi.errors import OsmApiError
    from contrechamp.osmapi.servers import server_named
    from contrechamp.osmapi.upload import changeset_tags, settle_unfinished
    from contrechamp.store.safety import inspect_survey
    from contrechamp.store.survey import SurveyFile

    server = server_named(_text(args.api, "--api"), args.client_id)
    tags = changeset_tags(_text(args.comment, "--comment"), _text(args.hashtags, "--hashtags"))
    if args.dry_run:
        _dry_run(args, server)
        return 0
    inspect_survey(args.survey)  # a missing or unusable survey is said before any login
    client = _logged_in(server)
    # Opened, not SurveyFile.changing: the links and journal written as the upload goes
    # must stay whatever happens next (an older survey is migrated first, after a backup).
    with SurveyFile.open(args.survey) as survey:
        try:
            recovered = settle_unfinished(client, survey)
            plan = prepare_upload(survey, client)
            for line in plan_lines(plan):
                say(line)
            for problem in plan.problems:
                complain(problem_text(problem))
            if not plan.changes and not recovered:
                say("Nothing to upload")
                return 0
            report = upload_survey(survey, client, tags, plan=plan)
        except OsmApiError as error:
            return _failure(error)
        finally:
            client.close()
    report.recovered += recovered
    _report(report, server)
    return 0


HANDLERS: dict[str, Handler] = {"upload": _cmd_upload}
