"""What reviewing a photo draft does to the survey: confirm, reject, split (all undoable)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from contrechamp.core.camera import Camera, Status, utc_now
from contrechamp.core.errors import ContrechampError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.review import placed_draft, split_of
from contrechamp.ui.session import SurveySession

__all__ = ["PhotoMoveCommand", "place_photo", "set_status", "split_draft"]


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
    split = None if camera is None else split_of(camera, session.survey.photos(camera_id))
    if split is None:
        return None
    moving, new = split.photo, split.draft
    assert moving.id is not None
    stack = session.undo_stack
    stack.beginMacro(text)
    try:
        session.add_camera(new, text)
        session.link_photo(moving.id, new.id, PhotoRole.CLOSE_UP)
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
    camera = placed_draft(photo, lat, lon, session.survey.surveyor)
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
