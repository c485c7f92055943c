"""Closing the window while photos are still being copied into the survey.

The window stays until the copy is done, and says so: a small window-modal dialog shows how
many photos are in, with "Stop the copy now" (safe: the rest is copied the next time the
survey opens), which closes the window at once. Escape keeps the window open and the copy
going.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from contrechamp.ui.file_commands import FileCommands
from contrechamp.ui.photos.intake import PhotoIntake

__all__ = ["ClosingCopy", "FinishingCopyDialog"]

_CHECK_MS = 100  # how often the wait looks whether the copy has ended
_WIDTH_PX = 460


class FinishingCopyDialog(QDialog):
    """What closing waits for: the copy's progress, and the button that stops it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(_WIDTH_PX)  # the French text fits on one line
        self.label, self.note = QLabel(), QLabel()
        self.note.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the copy reports
        self.stop_button = QPushButton()
        self.stop_button.setAutoDefault(False)
        column = QVBoxLayout(self)
        for widget in (self.label, self.bar, self.note, self.stop_button):
            column.addWidget(widget)
        self._done: tuple[int, int] | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.setWindowTitle(self.tr("Closing Contrechamp"))
        self.note.setText(
            self.tr(
                "Stopping now is safe: the other photos are copied "
                "the next time you open this survey."
            )
        )
        self.stop_button.setText(self.tr("&Stop the copy now"))
        self._show_label()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` photos are in."""
        self._done = (done, total)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self._show_label()

    def _show_label(self) -> None:
        if self._done is None:
            text = self.tr("Finishing copying photos into the survey…")
        else:
            text = self.tr("Finishing copying photos into the survey… %1 of %2")
            text = text.replace("%1", str(self._done[0])).replace("%2", str(self._done[1]))
        self.label.setText(text)


class ClosingCopy(QObject):
    """Holds the window's close while a photo copy runs (the import dialog's, or the one that
    resumes when a survey opens), then closes the window once the copy has ended."""

    def __init__(self, window: QWidget, intake: PhotoIntake, files: FileCommands) -> None:
        super().__init__(window)
        self._window = window  # the window whose close is held
        self._intake, self._files = intake, files
        self.dialog: FinishingCopyDialog | None = None
        self._progress: tuple[int, int] | None = None
        self._stopped = False  # while the walker's "stop" closes the window
        self._timer = QTimer(self)
        self._timer.setInterval(_CHECK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        intake.copy_progress.connect(self._on_copy_progress)
        files.jobs.progress.connect(self._on_copy_progress)

    def copying(self) -> bool:
        """Whether photos are being copied into the survey right now."""
        return self._intake.copying() or self._files.jobs.finishing()

    def holds_close(self) -> bool:
        """Whether the window must stay open for now (the wait is then shown); False when no
        copy runs, so the window can close."""
        if self._stopped or not self.copying():
            return False
        if self.dialog is None:
            self._show_dialog()
        return True

    def stop_copy(self) -> None:
        """Stop the copy and close the window: the copy ends after the photo it is reading
        (the window's close waits for that), what is copied stays copied."""
        self._end_wait()
        self._stopped = True
        try:
            self._window.close()
        finally:
            self._stopped = False

    def _show_dialog(self) -> None:
        dialog = FinishingCopyDialog(self._window)
        if self._progress is not None and self._progress[0] < self._progress[1]:
            dialog.show_progress(*self._progress)  # else it waits for the copy's next report
        dialog.stop_button.clicked.connect(self.stop_copy)
        dialog.rejected.connect(self._on_dialog_rejected)
        self.dialog = dialog
        dialog.open()
        self._timer.start()

    def _on_copy_progress(self, done: int, total: int) -> None:
        if not self.copying():
            return  # another job's progress
        self._progress = (done, total)
        if self.dialog is not None:
            self.dialog.show_progress(done, total)

    def _on_timer_timeout(self) -> None:
        if self.copying():
            return
        self._end_wait()
        self._window.close()  # nothing holds it any more

    def _on_dialog_rejected(self) -> None:
        # Escape or the dialog's close button: the walker no longer wants to quit.
        self._end_wait()

    def _end_wait(self) -> None:
        self._timer.stop()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.rejected.disconnect(self._on_dialog_rejected)
            dialog.close()
            dialog.deleteLater()
