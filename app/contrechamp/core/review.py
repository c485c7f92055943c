"""What reviewing photo drafts decides: which drafts wait, how a pair is split, where a photo goes.

The window's review tab and any batch step apply these rules; they only build values and
never write: the caller stores the result (and makes it undoable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from contrechamp.core.camera import Camera, PositionSource, Status, utc_now
from contrechamp.core.drafts import PhotoFix, draft_camera, proposed_direction
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.tags import surveillance_tags

__all__ = ["Split", "in_review_queue", "placed_draft", "split_of"]


def in_review_queue(camera: Camera) -> bool:
    """Whether a camera is a photo draft still waiting for review."""
    return camera.status is Status.DRAFT and camera.source is PositionSource.PHOTO


@dataclass(frozen=True, slots=True)
class Split:
    """A draft split in two: the photo that leaves and the new draft it becomes the close-up of."""

    photo: PhotoInfo
    draft: Camera


def split_of(camera: Camera, photos: Sequence[PhotoInfo]) -> Split | None:
    """Split a draft that two cameras were taken for: its last photo that is not the close-up
    gets a draft of its own, placed from where that photo was taken. None with one photo."""
    stored = [p for p in photos if p.id is not None]
    if len(stored) < 2:
        return None
    others = [p for p in stored if p.role is not PhotoRole.CLOSE_UP]
    moving = others[-1] if others else stored[-1]
    return Split(moving, draft_camera([_fix_of(moving, camera)], surveyor=camera.surveyor))


def placed_draft(photo: PhotoInfo, lat: float, lon: float, surveyor: str | None) -> Camera:
    """A draft where the walker placed an unplaced photo, its direction proposed from the
    photo's compass heading when it has one."""
    tags = surveillance_tags() | {"survey:date": (photo.taken_at or utc_now()).date().isoformat()}
    if photo.heading is not None:
        tags["camera:direction"] = str(proposed_direction(photo.heading))
    return Camera(lat, lon, tags, source=PositionSource.MAP, surveyor=surveyor)


def _fix_of(photo: PhotoInfo, camera: Camera) -> PhotoFix:
    """Where the photo was taken; the draft's own position when the photo has none."""
    if photo.lat is None or photo.lon is None:
        return PhotoFix(photo.sha256, camera.lat, camera.lon, photo.taken_at)
    return PhotoFix(
        photo.sha256, photo.lat, photo.lon, photo.taken_at, photo.heading, None, photo.accuracy_m
    )
