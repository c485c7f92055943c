"""What reviewing a photo draft does to the survey: confirm, reject, split (all undoable)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from contrechamp.core.camera import Camera, PositionSource, Status, utc_now
from contrechamp.core.drafts import PhotoFix, draft_camera, proposed_direction
from contrechamp.core.errors import ContrechampError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.tags import surveillance_tags
from contrechamp.ui.session import SurveySession

__all__ = ["PhotoMoveCommand", "in_review_queue", "place_photo", "set_status", "split_draft"]


def in_review_queue(camera: Camera) -> bool:
    """Whether a camera is a photo draft still waiting for review."""
    return camera.status is Status.DRAFT and camera.source is PositionSource.PHOTO


def set_status(session: SurveySession, camera_id: str, status: Status, text: str) -> bool:
    """Confirm or reject a draft as one undo step; False if it is no longer there."""
    camera = session.camera(camera_id)
    if camera is None:
        return False
    session.edit_camera(replace(camera, status=status, updated_at=utc_now()), text)
    return True


def split_draft(session: SurveySession, camera_id: str, text: str) -> str | None:
    """Give the last non-close-up photo of a draft a draft of its own (two cameras were
    taken for one). Returns the new draft's id, None when there is nothing to split.
    One undo step."""
    camera = session.camera(camera_id)
    photos = [p for p in session.survey.photos(camera_id) if p.id is not None]
    if camera is None or len(photos) < 2:
        return None
    moving = _photo_to_move(photos)
    new = draft_camera([_fix_of(moving, camera)], surveyor=camera.surveyor)
    assert moving.id is not None
    stack = session.undo_stack
    stack.beginMacro(text)
    try:
        session.add_camera(new, text)
        session.survey.attach_photo(moving.id, new.id, PhotoRole.CLOSE_UP)
        move = PhotoMoveCommand(session, moving.id, (camera_id, moving.role), new.id, text)
        stack.push(move)
    finally:
        stack.endMacro()
    for changed in (camera_id, new.id):
        session.photos_changed.emit(changed)
    return new.id


def place_photo(
    session: SurveySession, photo: PhotoInfo, lat: float, lon: float, text: str
) -> Camera:
    """A draft camera where the walker clicked, with an unplaced photo as its close-up.

    Its direction is proposed from the photo's compass heading when it has one. One undo
    step: undo removes the draft and leaves the photo unplaced again.
    """
    assert photo.id is not None
    tags = surveillance_tags() | {"survey:date": (photo.taken_at or utc_now()).date().isoformat()}
    if photo.heading is not None:
        tags["camera:direction"] = str(proposed_direction(photo.heading))
    camera = Camera(lat, lon, tags, source=PositionSource.MAP, surveyor=session.survey.surveyor)
    stack = session.undo_stack
    stack.beginMacro(text)
    try:
        session.add_camera(camera, text)
        session.attach_photo(photo.id, camera.id, PhotoRole.CLOSE_UP, text)
    except ContrechampError:
        stack.endMacro()
        stack.undo()  # the half-done step goes: the photo stays unplaced, no stray draft
        raise
    stack.endMacro()
    return camera


class PhotoMoveCommand(QUndoCommand):
    """A photo moved from one camera to another; undo puts it back with its old role.

    Pushed after the move was written, so the first ``redo`` does nothing.
    """

    def __init__(
        self,
        session: SurveySession,
        photo_id: int,
        origin: tuple[str, PhotoRole],
        camera_id: str,
        text: str,
    ) -> None:
        super().__init__(text)
        self._session, self._photo_id = session, photo_id
        self._origin, self._camera_id = origin, camera_id
        self._done = True

    def redo(self) -> None:
        """Move the photo to its new camera, as a close-up."""
        if self._done:
            self._done = False
            return
        self._session.link_photo(self._photo_id, self._camera_id, PhotoRole.CLOSE_UP)

    def undo(self) -> None:
        """Put the photo back on the camera it came from."""
        self._session.link_photo(self._photo_id, *self._origin)


def _photo_to_move(photos: list[PhotoInfo]) -> PhotoInfo:
    """The photo that leaves: the last one that is not the close-up."""
    others = [p for p in photos if p.role is not PhotoRole.CLOSE_UP]
    return others[-1] if others else photos[-1]


def _fix_of(photo: PhotoInfo, camera: Camera) -> PhotoFix:
    """Where the photo was taken; the draft's own position when the photo has none."""
    if photo.lat is None or photo.lon is None:
        return PhotoFix(photo.sha256, camera.lat, camera.lon, photo.taken_at)
    return PhotoFix(
        photo.sha256, photo.lat, photo.lon, photo.taken_at, photo.heading, None, photo.accuracy_m
    )
