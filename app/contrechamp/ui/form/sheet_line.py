"""The camera form's sheet line: the line of the printed field sheet the camera was written
on, typed in later; private, never exported nor uploaded."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from contrechamp.core.errors import ContrechampError
from contrechamp.core.sheet_lines import MAX_SHEET_LINE_CHARS
from contrechamp.ui.form.fields import TextField
from contrechamp.ui.form.hints import set_hint
from contrechamp.ui.session import SurveySession

__all__ = ["SheetLineField"]


class SheetLineField(TextField):
    """Shows the sheet line of the camera given to ``show_camera`` and saves what is typed
    when editing ends, as an undo step through the session; a refused text goes to
    ``failed`` and the line saved before is shown again."""

    failed = Signal(object)  # ContrechampError

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(MAX_SHEET_LINE_CHARS)
        self._session: SurveySession | None = None
        self._camera_id: str | None = None
        self.committed.connect(self._on_committed)

    def retranslate_ui(self, label: QLabel | None = None) -> None:
        """Refresh the placeholder and the tooltip (on the field and its label)."""
        tooltip = self.tr(
            "The line of the printed field sheet this camera was written on. "
            "Private: never exported nor sent to OpenStreetMap."
        )
        set_hint(self, self.tr("e.g. 12"), tooltip, label)

    def set_session(self, session: SurveySession | None) -> None:
        """Show the lines of another open survey (None when it closes)."""
        if self._session is not None:
            self._session.sheet_line_changed.disconnect(self._on_sheet_line_changed)
        self._session = session
        if session is not None:
            session.sheet_line_changed.connect(self._on_sheet_line_changed)
        self.show_camera(None)

    def show_camera(self, camera_id: str | None) -> None:
        """Show the line of another camera (None: nothing)."""
        self._camera_id = camera_id
        self._show_saved()

    def _show_saved(self) -> None:
        session, camera_id = self._session, self._camera_id
        saved = None
        if session is not None and camera_id is not None:
            try:
                saved = session.sheet_line(camera_id)
            except ContrechampError as error:
                self.failed.emit(error)
        self.set_value(saved)

    def _on_sheet_line_changed(self, camera_id: str) -> None:
        if camera_id == self._camera_id:
            self._show_saved()

    def _on_committed(self, text: str) -> None:
        session, camera_id = self._session, self._camera_id
        if session is None or camera_id is None:
            return
        try:
            session.set_sheet_line(camera_id, text, self.tr("Change sheet line"))
        except ContrechampError as error:
            self.failed.emit(error)
            self._show_saved()
