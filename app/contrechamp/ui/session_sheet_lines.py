"""The sheet lines part of the survey session: each camera's line of a printed field sheet,
read once, written through the session's writer, every change one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from contrechamp.core.errors import ContrechampError
from contrechamp.core.sheet_lines import check_sheet_line
from contrechamp.ui.undo import SheetLineCommand

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from contrechamp.core.camera import Camera
    from contrechamp.ops.survey_writer import Write
    from contrechamp.store.survey import SurveyFile

__all__ = ["SheetLineEdits"]


class SheetLineEdits:
    """Mixed into ``SurveySession``: the private sheet lines of its cameras."""

    if TYPE_CHECKING:  # what the session provides
        survey: SurveyFile
        undo_stack: QUndoStack
        sheet_line_changed: SignalInstance
        _cameras: dict[str, Camera]

        def _write(
            self,
            write: Write,
            then: Callable[[Any], None],
            report: bool = False,
            at_once: bool = True,
        ) -> None: ...

    _sheet_lines: dict[str, str] | None = None  # read when first asked for

    def sheet_line(self, camera_id: str) -> str | None:
        """The line of the printed field sheet a camera was written on (private)."""
        if self._sheet_lines is None:
            self._sheet_lines = self.survey.sheet_lines()
        return self._sheet_lines.get(camera_id)

    def set_sheet_line(self, camera_id: str, line: str | None, text: str) -> None:
        """Write a camera's sheet line (None or blank: none) as an undo step, edits of the
        same camera's line in a row merged. A text that is not a sheet line or a failed
        write raises ContrechampError and changes nothing."""
        checked = check_sheet_line(line)
        if camera_id not in self._cameras:
            raise ContrechampError("This camera is no longer in the survey.", "camera.missing")
        before = self.sheet_line(camera_id)
        if checked == before:
            return
        self._write(
            lambda survey: survey.set_sheet_line(camera_id, checked),
            lambda _: self._sheet_line_set(camera_id, before, checked, text),
        )

    def _sheet_line_set(
        self, camera_id: str, before: str | None, after: str | None, text: str
    ) -> None:
        self._show_sheet_line(camera_id, after)
        self.undo_stack.push(SheetLineCommand(self, camera_id, before, after, text))

    def apply_sheet_line(self, camera_id: str, line: str | None) -> None:
        """Write a sheet line for undo/redo (a failure goes to ``write_failed``)."""
        self._write(
            lambda survey: survey.set_sheet_line(camera_id, line),
            lambda _: self._show_sheet_line(camera_id, line),
            report=True,
        )

    def _show_sheet_line(self, camera_id: str, line: str | None) -> None:
        lines = self._sheet_lines
        if lines is not None:  # else read from the file when next asked for
            if line is None:
                lines.pop(camera_id, None)
            else:
                lines[camera_id] = line
        self.sheet_line_changed.emit(camera_id)

    def _forget_sheet_line(self, camera_id: str) -> None:
        """The camera left the survey: the file dropped its line with it."""
        if self._sheet_lines is not None:
            self._sheet_lines.pop(camera_id, None)

    def _forget_sheet_lines(self) -> None:
        """Read the lines again from the file when next asked for (it changed outside)."""
        self._sheet_lines = None
