"""Undoable edits of the survey: one QUndoCommand per change, consecutive field edits merged."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from contrechamp.core.blur import BlurRegion
from contrechamp.core.camera import Camera
from contrechamp.core.photo import PhotoRole

if TYPE_CHECKING:
    from contrechamp.ui.session import SurveySession
    from contrechamp.ui.session_sheet_lines import SheetLineEdits

__all__ = [
    "BatchCommand",
    "BatchLeftovers",
    "BlurRegionCommand",
    "CameraCommand",
    "PhotoLinkCommand",
    "SheetLineCommand",
    "StateCommand",
    "end_step",
    "on_map",
]

State = TypeVar("State")
_MERGEABLE_ID = 3001  # any constant: QUndoStack only tries mergeWith between equal ids
_SHEET_LINE_ID = 3002
_MAP = "map:"


def on_map(field: str) -> str:
    """The merge key of an edit made by dragging on the map (a camera, its direction handle).

    Drags of one camera in a row merge with each other, never with what was typed in the
    form: undoing a drag gives back the value typed before it.
    """
    return _MAP + field


def end_step(stack: QUndoStack) -> None:
    """Close the step on top of ``stack``: the next edit starts a step of its own.

    Called when the walker saves for good (Enter in the form); undo and redo close steps too.
    """
    _close_step_at(stack, stack.index() - 1)


def _close_step_at(stack: QUndoStack, index: int) -> None:
    command = stack.command(index) if index >= 0 else None
    if isinstance(command, CameraCommand | SheetLineCommand):
        command.close_step()


class CameraCommand(QUndoCommand):
    """Add (``before`` None), delete (``after`` None) or change one camera.

    The session has already written ``after`` when the command is pushed, so the first
    ``redo`` (called by ``QUndoStack.push``) does nothing. Edits of the same ``field`` (a merge
    key: see :func:`on_map`) of the same camera pushed one after another merge into one step,
    until the step is closed (:func:`end_step`, an undo or a redo).
    """

    def __init__(
        self,
        session: SurveySession,
        before: Camera | None,
        after: Camera | None,
        text: str,
        field: str | None = None,
        photos: list[tuple[int, PhotoRole]] | None = None,
    ) -> None:
        super().__init__(text)
        self._session = session
        self.before = before
        self.after = after
        self.field = field
        self._done = True
        self._open = True  # still takes in the next edit of the same field (see close_step)
        self._photos = photos or []  # photos a deleted camera had, re-attached when it returns

    def id(self) -> int:
        """Merge only edits of a named field, while the step is open; adds and deletes never
        merge."""
        editing = self.field is not None and self.before is not None and self.after is not None
        return _MERGEABLE_ID if editing and self._open else -1

    def close_step(self) -> None:
        """Take in no more edits: the next one is a step of its own."""
        self._open = False

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a following edit of the same field of the same camera into this step."""
        if not isinstance(other, CameraCommand) or other.field != self.field or not self._open:
            return False
        if self.after is None or other.before is None or other.after is None:
            return False
        if other.before.id != self.after.id:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        """Write ``after`` again (skipped the first time: the session wrote it already)."""
        if self._done:
            self._done = False
            return
        self._open = False  # redone: an edit after it is a step of its own
        detached = self._session.apply_change(self.before, self.after, self._photos)
        if self.after is None:
            self._photos = detached

    def undo(self) -> None:
        """Write ``before`` back (re-attaching the photos a deleted camera had)."""
        _close_step_below(self._session.undo_stack)
        detached = self._session.apply_change(self.after, self.before, self._photos)
        if self.before is None:
            self._photos = detached


@dataclasses.dataclass(frozen=True)
class BatchLeftovers:
    """What a batch of removed cameras leaves behind, given back when it returns: each
    camera's photos (kept in the file, detached) and sheet lines (dropped with the camera)."""

    photos: dict[str, list[tuple[int, PhotoRole]]] = dataclasses.field(default_factory=dict)
    sheet_lines: dict[str, str] = dataclasses.field(default_factory=dict)


class BatchCommand(QUndoCommand):
    """A batch of cameras an import added, as one step: undo removes them all in one write,
    redo writes them back with their photos and sheet lines. Pushed after the import wrote
    them."""

    def __init__(self, session: SurveySession, cameras: list[Camera], text: str) -> None:
        super().__init__(text)
        self._session, self._cameras = session, cameras
        self._leftovers = BatchLeftovers()
        self._done = True

    def redo(self) -> None:
        """Write the batch back (skipped the first time: the import wrote it)."""
        if self._done:
            self._done = False
            return
        self._session.restore_batch(self._cameras, self._leftovers)

    def undo(self) -> None:
        """Remove the batch; its photos stay in the file, detached, until redo."""
        _close_step_below(self._session.undo_stack)
        self._leftovers = self._session.remove_batch(self._cameras)


class PhotoLinkCommand(QUndoCommand):
    """Attach a stored photo to a camera (undo detaches it; the photo stays in the file)."""

    def __init__(
        self,
        session: SurveySession,
        photo_id: int,
        camera_id: str,
        role: PhotoRole,
        text: str,
    ) -> None:
        super().__init__(text)
        self._session = session
        self._photo_id = photo_id
        self._camera_id = camera_id
        self._role = role
        self._done = True

    def redo(self) -> None:
        """Attach the photo again (skipped the first time: the session attached it already)."""
        if self._done:
            self._done = False
            return
        self._session.link_photo(self._photo_id, self._camera_id, self._role)

    def undo(self) -> None:
        """Detach the photo from the camera."""
        _close_step_below(self._session.undo_stack)
        self._session.link_photo(self._photo_id, None, self._role)


class StateCommand(QUndoCommand, Generic[State]):
    """A step the session wrote already, as two states: undo writes ``before`` back, redo
    writes ``after`` again, both through ``apply`` (a merge review decision: the records of
    the cameras it touched; a whole merge: the survey file before and after)."""

    def __init__(
        self,
        stack: QUndoStack,
        apply: Callable[[State], None],
        before: State,
        after: State,
        text: str,
    ) -> None:
        super().__init__(text)
        self._stack, self._apply = stack, apply
        self._before, self._after = before, after
        self._done = True

    def redo(self) -> None:
        """Write ``after`` again (skipped the first time: the session wrote it)."""
        if self._done:
            self._done = False
            return
        self._apply(self._after)

    def undo(self) -> None:
        """Write ``before`` back."""
        _close_step_below(self._stack)
        self._apply(self._before)


class SheetLineCommand(QUndoCommand):
    """Change the sheet line of one camera (None: it has none). Pushed after the session
    wrote ``after``; edits of the same camera's line in a row merge until the step closes."""

    def __init__(
        self,
        session: SheetLineEdits,
        camera_id: str,
        before: str | None,
        after: str | None,
        text: str,
    ) -> None:
        super().__init__(text)
        self._session, self.camera_id = session, camera_id
        self.before, self.after = before, after
        self._done = True
        self._open = True

    def id(self) -> int:
        """Merge with the next edit of the line while the step is open."""
        return _SHEET_LINE_ID if self._open else -1

    def close_step(self) -> None:
        """Take in no more edits: the next one is a step of its own."""
        self._open = False

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a following edit of the same camera's line into this step."""
        if not isinstance(other, SheetLineCommand) or not self._open:
            return False
        if other.camera_id != self.camera_id:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        """Write ``after`` again (skipped the first time: the session wrote it already)."""
        if self._done:
            self._done = False
            return
        self._open = False
        self._session.apply_sheet_line(self.camera_id, self.after)

    def undo(self) -> None:
        """Write ``before`` back."""
        _close_step_below(self._session.undo_stack)
        self._session.apply_sheet_line(self.camera_id, self.before)


class BlurRegionCommand(QUndoCommand):
    """Add, delete, take out or put back one blur region of a photo: ``before`` and
    ``after`` are the region as stored (None: not there). Pushed after the session wrote
    ``after``."""

    def __init__(
        self,
        session: SurveySession,
        photo_id: int,
        before: BlurRegion | None,
        after: BlurRegion | None,
        text: str,
    ) -> None:
        super().__init__(text)
        self._session, self._photo_id = session, photo_id
        self._before, self._after = before, after
        self._done = True

    def redo(self) -> None:
        """Write ``after`` again (skipped the first time: the session wrote it already)."""
        if self._done:
            self._done = False
            return
        self._session.apply_blur_region(self._photo_id, self._before, self._after)

    def undo(self) -> None:
        """Put ``before`` back."""
        self._session.apply_blur_region(self._photo_id, self._after, self._before)


def _close_step_below(stack: QUndoStack) -> None:
    """Called from ``undo``: the step below the one being undone (QUndoStack moves its index
    after ``undo`` returns) becomes the top, and an edit after an undo is a step of its own."""
    _close_step_at(stack, stack.index() - 2)
