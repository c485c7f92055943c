"""Plan an upload of a survey's cameras to OSM, and send it so that it can always resume.

The plan: confirmed cameras not linked to a node become ``<create>`` (negative ids); a linked
one that was edited becomes a ``<modify>`` of the node *as it is now in OSM*, read first (its
current version, its tags merged with ours, nothing it holds that we did not change lost);
drafts and rejected sightings are skipped, and so are cameras that cannot be sent (tags OSM
cannot store, a node deleted or gone). Changesets hold at most 10,000 changes.

Sending: each diff's changes are written in the journal before it is sent and settled with
the answer; when an answer is lost (:class:`AnswerLostError`), :func:`settle_unfinished`
closes the changeset (nothing more can land in it) and matches its content against the
journal, so a camera is never created twice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, TypeVar

from contrechamp import GENERATOR
from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Status
from contrechamp.core.errors import InputError
from contrechamp.core.uploads import (
    Action,
    NodeLink,
    OsmNode,
    SentChange,
    applied_changes,
    merged_tags,
    same_place,
)
from contrechamp.formats.osm_write import OsmWriteNode, osmchange_xml
from contrechamp.osmapi.client import OsmClient
from contrechamp.osmapi.errors import AnswerLostError, OsmApiError

__all__ = [
    "MAX_CHANGES",
    "Journal",
    "PlannedChange",
    "Problem",
    "Skipped",
    "UploadCamera",
    "UploadOutcome",
    "UploadPlan",
    "changeset_tags",
    "nodes_to_read",
    "plan_upload",
    "send_plan",
    "settle_unfinished",
]

MAX_CHANGES = 10_000
"""The most changes one changeset takes (the API's limit)."""
DIFF_CHANGES = 1_000
"""Changes per diff upload: a lost answer then leaves at most this many to check."""
_MAX_TAG = 255
_T = TypeVar("_T")


class Skipped(StrEnum):
    """Why a camera is not in an upload."""

    DRAFT = "draft"
    REJECTED = "rejected"
    UNCHANGED = "unchanged"
    WAITING = "waiting"  # sent before, OSM's answer not checked yet


@dataclass(frozen=True, slots=True)
class UploadCamera:
    """What the plan reads of a camera (``updated_at`` as stored, to notice later edits)."""

    id: str
    lat: float
    lon: float
    tags: Mapping[str, str]
    status: Status
    osm_id: int | None
    updated_at: str


@dataclass(frozen=True, slots=True)
class Problem:
    """A confirmed camera that cannot be sent: ``code`` is ``tags`` (OSM cannot store them),
    ``deleted`` (its node was deleted in OSM) or ``missing`` (no such node)."""

    camera_id: str
    code: str
    osm_id: int | None = None


@dataclass(frozen=True, slots=True)
class PlannedChange:
    """One camera's change: the node to send (placeholder id for a create)."""

    camera_id: str
    action: Action
    node: OsmWriteNode
    based_on: str

    def sent(self, changeset_id: int) -> SentChange:
        """What the journal keeps of this change, sent in ``changeset_id``."""
        node = self.node
        return SentChange(
            self.camera_id, changeset_id, self.action, node.id, node.version,
            node.lat, node.lon, dict(node.tags), self.based_on,
        )  # fmt: skip


@dataclass
class UploadPlan:
    """What an upload would send, and what it leaves out."""

    changes: list[PlannedChange] = field(default_factory=list)
    skipped: Counter[Skipped] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)

    @property
    def created(self) -> int:
        """How many new nodes."""
        return sum(1 for c in self.changes if c.action is Action.CREATE)

    @property
    def modified(self) -> int:
        """How many nodes changed."""
        return sum(1 for c in self.changes if c.action is Action.MODIFY)

    def osmchange(self, changeset: int | None = None) -> str:
        """The whole plan as one osmChange document (what ``--dry-run`` writes)."""
        return _osmchange(self.changes, changeset)


@dataclass
class UploadOutcome:
    """What an upload did: nodes created and modified, changesets, links found afterwards."""

    created: int = 0
    modified: int = 0
    changesets: list[int] = field(default_factory=list)
    recovered: int = 0


class Journal(Protocol):
    """Where sent changes are written down (the survey: ``store/uploads.py``)."""

    def sent_changes(self, server: str) -> list[SentChange]: ...
    def record_sent(self, server: str, changes: Iterable[SentChange]) -> None: ...
    def settle_sent(
        self, server: str, links: Iterable[NodeLink], unapplied: Iterable[str] = ()
    ) -> None: ...
    def linked_osm_ids(self) -> set[int]: ...


def changeset_tags(comment: str, hashtags: str = "") -> dict[str, str]:
    """The changeset's tags: the user's comment (required), created_by, source=survey and
    the hashtags (``"#a #b"`` or ``"a;b"`` become ``#a;#b``).

    >>> changeset_tags("Caméras rue Test", "cartoparty #technopolice")["hashtags"]
    '#cartoparty;#technopolice'
    """
    text = " ".join(comment.split())
    if not text:
        raise InputError("a changeset comment is required (--comment)", "upload.comment")
    tags = {"comment": text, "created_by": GENERATOR, "source": "survey"}
    words = [w.lstrip("#") for w in re.split(r"[\s;,]+", hashtags) if w.lstrip("#")]
    if words:
        tags["hashtags"] = ";".join(f"#{w}" for w in dict.fromkeys(words))
    if any(len(v) > _MAX_TAG for v in tags.values()):
        raise InputError(
            f"the comment and hashtags must each fit in {_MAX_TAG} characters", "upload.comment"
        )
    return tags


def _differs(camera: UploadCamera, original: ExistingCamera | None) -> bool:
    if original is None:
        return True
    moved = not same_place(camera.lat, camera.lon, original.lat, original.lon)
    return moved or dict(camera.tags) != dict(original.tags)


def nodes_to_read(
    cameras: Iterable[UploadCamera], originals: Mapping[int, ExistingCamera]
) -> set[int]:
    """The nodes whose current state the plan needs: those of confirmed linked cameras that
    differ from their original (or whose original is unknown)."""
    return {
        c.osm_id
        for c in cameras
        if c.status is Status.CONFIRMED
        and c.osm_id is not None
        and _differs(c, originals.get(c.osm_id))
    }


def _bad_tags(tags: Mapping[str, str]) -> bool:
    return any(not k or len(k) > _MAX_TAG or len(v) > _MAX_TAG for k, v in tags.items())


def _modify(
    camera: UploadCamera, original: ExistingCamera | None, node: OsmNode
) -> OsmWriteNode | None:
    """The node with our edits, None when that changes nothing. The position moves only when
    the camera was moved from its known original."""
    tags = merged_tags(camera.tags, None if original is None else original.tags, node.tags)
    moved = original is not None and not same_place(
        camera.lat, camera.lon, original.lat, original.lon
    )
    lat, lon = (camera.lat, camera.lon) if moved else (node.lat, node.lon)
    if tags == dict(node.tags) and same_place(lat, lon, node.lat, node.lon):
        return None
    return OsmWriteNode(node.id, node.version, lat, lon, tags)


def plan_upload(
    cameras: Iterable[UploadCamera],
    originals: Mapping[int, ExistingCamera],
    current: Mapping[int, OsmNode | None],
    waiting: Iterable[str] = (),
) -> UploadPlan:
    """Plan the upload of ``cameras``; ``current`` holds the nodes :func:`nodes_to_read`
    named, as read from the API; ``waiting`` the cameras sent before and not settled."""
    plan, held, placeholder = UploadPlan(), set(waiting), -1
    for camera in cameras:
        if camera.status is not Status.CONFIRMED:
            rejected = camera.status is Status.REJECTED
            plan.skipped[Skipped.REJECTED if rejected else Skipped.DRAFT] += 1
        elif camera.id in held:
            plan.skipped[Skipped.WAITING] += 1
        elif _bad_tags(camera.tags):
            plan.problems.append(Problem(camera.id, "tags", camera.osm_id))
        elif camera.osm_id is None:
            try:
                node = OsmWriteNode(placeholder, None, camera.lat, camera.lon, camera.tags)
            except ValueError:
                plan.problems.append(Problem(camera.id, "tags"))
                continue
            plan.changes.append(PlannedChange(camera.id, Action.CREATE, node, camera.updated_at))
            placeholder -= 1
        else:
            _plan_linked(plan, camera, originals, current)
    return plan


def _plan_linked(
    plan: UploadPlan,
    camera: UploadCamera,
    originals: Mapping[int, ExistingCamera],
    current: Mapping[int, OsmNode | None],
) -> None:
    assert camera.osm_id is not None
    original = originals.get(camera.osm_id)
    if not _differs(camera, original):
        plan.skipped[Skipped.UNCHANGED] += 1
        return
    node = current.get(camera.osm_id)
    if node is None or not node.visible:
        code = "missing" if node is None else "deleted"
        plan.problems.append(Problem(camera.id, code, camera.osm_id))
        return
    try:
        changed = _modify(camera, original, node)
    except ValueError:
        plan.problems.append(Problem(camera.id, "tags", camera.osm_id))
        return
    if changed is None:
        plan.skipped[Skipped.UNCHANGED] += 1
    else:
        plan.changes.append(PlannedChange(camera.id, Action.MODIFY, changed, camera.updated_at))


def _osmchange(changes: Sequence[PlannedChange], changeset: int | None) -> str:
    create = [c.node for c in changes if c.action is Action.CREATE]
    modify = [c.node for c in changes if c.action is Action.MODIFY]
    return osmchange_xml(create, modify, changeset=changeset)


def _chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def settle_unfinished(client: OsmClient, journal: Journal) -> int:
    """Settle the changes an earlier upload sent without knowing OSM's answer: close their
    changeset (an upload still being applied finishes first, and nothing more can land in
    it), read what it holds and link each camera OSM applied. Return how many were."""
    key = client.server.key
    sent = journal.sent_changes(key)
    found = 0
    for changeset_id in sorted({change.changeset_id for change in sent}):
        changes = [change for change in sent if change.changeset_id == changeset_id]
        try:
            client.close_changeset(changeset_id)
        except OsmApiError as error:
            if error.code != "osmapi.owner":  # another account's: its content still tells
                raise
        content = client.changeset_content(changeset_id)
        links = applied_changes(changes, content, journal.linked_osm_ids())
        unapplied = [change.camera_id for change in changes if change.camera_id not in links]
        journal.settle_sent(key, links.values(), unapplied)
        found += len(links)
    return found


def _send_diff(
    client: OsmClient, journal: Journal, changeset_id: int, diff: Sequence[PlannedChange]
) -> None:
    """Send one diff, written down first; settle it with OSM's answer."""
    key = client.server.key
    journal.record_sent(key, [change.sent(changeset_id) for change in diff])
    try:
        result = client.upload(changeset_id, _osmchange(diff, changeset_id))
    except AnswerLostError:
        raise  # the journal keeps the diff, for settle_unfinished
    except OsmApiError:  # refused: a diff is all or nothing, so nothing was applied
        journal.settle_sent(key, [], [change.camera_id for change in diff])
        raise
    links = []
    for change in diff:
        given = result.get(change.node.id)
        if given is None:
            raise AnswerLostError(f"the answer does not name node {change.node.id}")
        links.append(NodeLink.of(change.sent(changeset_id), *given))
    journal.settle_sent(key, links)


def send_plan(
    client: OsmClient,
    journal: Journal,
    plan: UploadPlan,
    tags: Mapping[str, str],
    *,
    progress: Callable[[int, int], None] | None = None,
    per_changeset: int = MAX_CHANGES,
    per_diff: int = DIFF_CHANGES,
    outcome: UploadOutcome | None = None,
) -> UploadOutcome:
    """Send the plan: changesets of at most ``per_changeset`` changes, diffs of ``per_diff``;
    what was done is counted in ``outcome`` (a new one by default) as it goes.

    Raises AnswerLostError when an answer was lost (then :func:`settle_unfinished`), and
    OsmApiError when OSM refused a diff (what was sent before it is settled)."""
    outcome = UploadOutcome() if outcome is None else outcome
    done, total = 0, len(plan.changes)
    for batch in _chunks(plan.changes, min(per_changeset, MAX_CHANGES)):
        changeset_id = client.open_changeset(tags)
        outcome.changesets.append(changeset_id)
        try:
            for diff in _chunks(batch, per_diff):
                _send_diff(client, journal, changeset_id, diff)
                done += len(diff)
                outcome.created += sum(1 for c in diff if c.action is Action.CREATE)
                outcome.modified += sum(1 for c in diff if c.action is Action.MODIFY)
                if progress is not None:
                    progress(done, total)
        except AnswerLostError:
            raise
        except OsmApiError:
            _close_quietly(client, changeset_id)
            raise
        client.close_changeset(changeset_id)
    return outcome


def _close_quietly(client: OsmClient, changeset_id: int) -> None:
    """Close a changeset after a refusal; it closes by itself within the hour otherwise."""
    try:
        client.close_changeset(changeset_id)
    except OsmApiError:
        return
