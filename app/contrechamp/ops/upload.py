"""Upload a survey's cameras to OSM: settle an interrupted upload, plan, send, link back.

Shared by ``contrechamp upload`` and the window's upload dialog. The survey is written as
the upload goes (the journal before each diff, the links after it), every write durable, so
a crash, a lost connection or a closed laptop at any moment leaves it able to resume: the next
upload first settles what the last one sent (see ``osmapi/upload.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from contrechamp.core.errors import InputError
from contrechamp.core.uploads import Action
from contrechamp.formats.held_files import refuse_held
from contrechamp.formats.osm_write import write_osmchange
from contrechamp.osmapi.client import OsmClient
from contrechamp.osmapi.errors import AnswerLostError
from contrechamp.osmapi.upload import (
    UploadCamera,
    UploadOutcome,
    UploadPlan,
    nodes_to_read,
    plan_upload,
    send_plan,
    settle_unfinished,
)
from contrechamp.store.survey import SurveyFile

__all__ = [
    "UploadReport",
    "dry_run_target",
    "prepare_upload",
    "upload_survey",
    "write_dry_run",
]

_ROUNDS = 3  # lost answers settled and the rest sent again, at most this many times


@dataclass
class UploadReport:
    """What an upload did, with what it settled from an earlier one (``recovered``)."""

    outcome: UploadOutcome = field(default_factory=UploadOutcome)
    recovered: int = 0
    plan: UploadPlan | None = None


def _upload_cameras(survey: SurveyFile) -> list[UploadCamera]:
    updated = survey.updated_texts()
    return [
        UploadCamera(c.id, c.lat, c.lon, c.tags, c.status, c.osm_id, updated.get(c.id, ""))
        for c in survey.cameras()
    ]


def prepare_upload(survey: SurveyFile, client: OsmClient) -> UploadPlan:
    """Plan the upload of the survey's cameras, reading from the API the current state of
    the nodes that edited cameras are linked to (nothing is written). Cameras sent by an
    upload whose answer is not settled are left out (see :func:`upload_survey`)."""
    cameras = _upload_cameras(survey)
    originals = {c.osm_id: c for c in survey.existing_cameras()}
    wanted = nodes_to_read(cameras, originals)
    current = client.nodes(wanted) if wanted else {}
    waiting = {change.camera_id for change in survey.sent_changes(client.server.key)}
    return plan_upload(cameras, originals, current, waiting)


def upload_survey(
    survey: SurveyFile,
    client: OsmClient,
    tags: Mapping[str, str],
    *,
    plan: UploadPlan | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> UploadReport:
    """Settle an earlier upload, then send ``plan`` (or a fresh one) with changeset ``tags``.

    After a lost answer, what OSM applied is found from the changeset and the rest planned
    and sent again (a few times at most). Raises OsmApiError on a refusal or when OSM cannot
    be reached; the survey then holds every link made so far and a journal to resume from.
    """
    report = UploadReport()
    unsettled = bool(survey.sent_changes(client.server.key))
    report.recovered = settle_unfinished(client, survey)
    if plan is None or unsettled:  # the cameras it settled as not applied go again
        plan = prepare_upload(survey, client)
    report.plan = plan
    for round_ in range(_ROUNDS):
        try:
            send_plan(client, survey, plan, tags, progress=progress, outcome=report.outcome)
            return report
        except AnswerLostError:
            if round_ == _ROUNDS - 1:
                raise
        report.recovered += settle_unfinished(client, survey)
        plan = prepare_upload(survey, client)
    return report


def dry_run_target(survey_path: Path, output: Path | None) -> Path:
    """Where a dry run writes its osmChange: ``output``, else beside the survey."""
    target = output or survey_path.with_name(f"{survey_path.stem}-upload.osc")
    refuse_held(target)
    if target.name.endswith(SurveyFile.SUFFIX) or target.resolve() == survey_path.resolve():
        raise InputError(f"{target.name}: would overwrite a survey file", "export.target")
    if target.is_dir():
        raise InputError(f"{target}: is a folder, not a file name", "export.target")
    return target


def write_dry_run(plan: UploadPlan, target: Path) -> None:
    """Write the osmChange the plan would send (no changeset yet)."""
    create = [c.node for c in plan.changes if c.action is Action.CREATE]
    modify = [c.node for c in plan.changes if c.action is Action.MODIFY]
    try:
        write_osmchange(target, create, modify)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(f"cannot write {target.name}: {reason}", "export.write") from None
