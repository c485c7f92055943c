"""What an organiser reviews in a merged survey, in the order that matters most.

First the merged cameras whose sightings disagree on a value (a decision is needed), then
those that may be a camera already in OSM (upload would duplicate or miss it), then the
cameras seen by several pairs (was the grouping right?). A reviewed camera leaves the queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from contrechamp.core.camera import Status
from contrechamp.store.survey import SurveyFile

__all__ = ["ReviewItem", "ReviewKind", "review_queue"]


class ReviewKind(IntEnum):
    """Why a merged camera waits for the organiser (lower first)."""

    CONFLICT = 0
    POSSIBLE_MATCH = 1
    GROUP = 2


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One merged camera to review: why, its sightings, its open conflicts, its OSM match."""

    camera_id: str
    kind: ReviewKind
    sightings: int
    open_conflicts: tuple[str, ...]
    match_osm_id: int | None = None
    match_distance_m: float | None = None


def review_queue(survey: SurveyFile) -> list[ReviewItem]:
    """The merged cameras to review, conflicts first; rejected cameras never wait."""
    merges = survey.camera_merges()
    counts = survey.sighting_counts()
    open_keys: dict[str, list[str]] = {}
    for conflict in survey.merge_conflicts():
        if not conflict.decided:
            open_keys.setdefault(conflict.camera_id, []).append(conflict.key)
    order = {c.id: n for n, c in enumerate(survey.cameras()) if c.status is not Status.REJECTED}
    items = []
    for camera_id, merge in merges.items():
        if merge.reviewed or camera_id not in order:
            continue
        keys = tuple(open_keys.get(camera_id, ()))
        if keys:
            kind = ReviewKind.CONFLICT
        elif merge.match == "possible":
            kind = ReviewKind.POSSIBLE_MATCH
        elif counts.get(camera_id, 0) > 1:
            kind = ReviewKind.GROUP
        else:
            continue
        items.append(
            ReviewItem(
                camera_id,
                kind,
                counts.get(camera_id, 0),
                keys,
                merge.match_osm_id if merge.match == "possible" else None,
                merge.match_distance_m if merge.match == "possible" else None,
            )
        )
    return sorted(items, key=lambda item: (item.kind, order[item.camera_id]))
