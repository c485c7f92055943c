"""The review rules: which drafts wait, how a pair of photos splits, where a placed photo goes."""

from __future__ import annotations

from datetime import UTC, datetime

from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.core.geo import distance_m
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.review import in_review_queue, placed_draft, split_of

TAKEN = datetime(2026, 12, 4, 10, 30, tzinfo=UTC)


def _photo(photo_id: int, role: PhotoRole, **fields: object) -> PhotoInfo:
    return PhotoInfo(
        photo_id, "d", f"sha{photo_id}", f"{photo_id}.jpg", "image/jpeg", role, **fields
    )  # type: ignore[arg-type]


def test_only_photo_drafts_wait_for_review() -> None:
    draft = Camera(48.85, 2.35, {}, status=Status.DRAFT, source=PositionSource.PHOTO)
    assert in_review_queue(draft)
    gps = Camera(48.85, 2.35, {}, status=Status.DRAFT, source=PositionSource.GPS)
    confirmed = Camera(48.85, 2.35, {}, status=Status.CONFIRMED, source=PositionSource.PHOTO)
    assert not in_review_queue(gps)
    assert not in_review_queue(confirmed)


def test_the_wide_shot_leaves_and_becomes_a_draft_where_it_was_taken() -> None:
    camera = Camera(48.85, 2.35, {}, id="d", surveyor="renard")
    close = _photo(1, PhotoRole.CLOSE_UP, lat=48.85, lon=2.35)
    wide = _photo(2, PhotoRole.WIDE, lat=48.8502, lon=2.3503, heading=90.0, taken_at=TAKEN)
    split = split_of(camera, [close, wide])
    assert split is not None
    assert split.photo is wide
    assert split.draft.surveyor == "renard"
    assert distance_m(split.draft.lat, split.draft.lon, 48.8502, 2.3503) < 10
    assert split_of(camera, [close]) is None


def test_a_placed_photo_proposes_the_opposite_of_its_heading() -> None:
    photo = _photo(3, PhotoRole.OTHER, heading=10.0, taken_at=TAKEN)
    draft = placed_draft(photo, 48.85, 2.35, "renard")
    assert draft.tags["camera:direction"] == "190"
    assert draft.tags["survey:date"] == "2026-12-04"
    assert (draft.lat, draft.lon, draft.source) == (48.85, 2.35, PositionSource.MAP)
