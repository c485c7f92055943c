"""Walk photos into the open survey from the window: the menu entry and files dropped on it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QThreadPool, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from contrechamp.ops.photo_copy import CopySummary
from contrechamp.ops.photo_import import ImportSummary
from contrechamp.ui.file_commands import FileCommands
from contrechamp.ui.photos.import_dialog import PhotoImportDialog
from contrechamp.ui.photos.texts import summary_text
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

__all__ = ["PhotoIntake", "camera_files", "dropped_paths"]

# Files holding cameras (imported as cameras); anything else dropped is taken for photos.
_CAMERA_SUFFIXES = (".cartoparty", ".geojson", ".json", ".osm", ".osc", ".pbf", ".osm.bz2", ".csv")


def dropped_paths(event: QDropEvent) -> list[Path]:
    """The local files and folders carried by a drag (nothing else: no web links)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def camera_files(paths: list[Path]) -> list[Path]:
    """The files among ``paths`` that hold cameras rather than photos."""
    return [p for p in paths if p.is_file() and p.name.lower().endswith(_CAMERA_SUFFIXES)]


class PhotoIntake(QObject):
    """Opens the photo import dialog on the open survey and takes in what it made.

    ``copy_progress`` relays how far the copy of an import's photos into the survey is, the
    dialog open or closed; ``photos_imported`` tells an import adopted as one undo step.
    """

    copy_progress = Signal(int, int)  # photos copied, photos to copy
    photos_imported = Signal(object)  # ImportSummary

    def __init__(
        self,
        survey: OpenSurvey,
        status: StatusSink,
        files: FileCommands,
        parent: QWidget,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._survey, self._status, self._files = survey, status, files
        self._parent = parent  # the dialog's parent
        self._pool = pool
        self.dialog: PhotoImportDialog | None = None
        self._finishing: PhotoImportDialog | None = None  # closed; its import or copy goes on

    def copying(self) -> bool:
        """Whether photos of an import are being copied into the survey."""
        return any(dialog.copying() for dialog in self._dialogs())

    def stop(self) -> None:
        """Stop the import or copy under way: what is done stays, the copy resumes next time."""
        for dialog in self._dialogs():
            dialog.cancel_import()

    def _dialogs(self) -> list[PhotoImportDialog]:
        return [dialog for dialog in (self.dialog, self._finishing) if dialog is not None]

    def open_dialog(self, paths: list[Path] | None = None) -> PhotoImportDialog | None:
        """Show the import dialog (with ``paths`` already listed); None without a survey."""
        session = self._survey.session
        if session is None:
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add_paths(paths or [])
            return self.dialog
        if self._files.jobs.busy() or self._finishing is not None:  # e.g. still copying
            self._status.say(self.tr("Wait a moment: Contrechamp is still working."))
            return None
        survey = session.writer.survey  # the import writes in turns with the window's edits
        dialog = PhotoImportDialog(
            survey.path, survey.surveyor, self._parent, self._pool, survey=survey
        )
        dialog.photos_imported.connect(self._on_dialog_photos_imported)
        dialog.photos_copied.connect(self._on_dialog_photos_copied)
        dialog.copy_progress.connect(self.copy_progress)
        dialog.add_paths(paths or [])
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def take_drop(self, paths: list[Path]) -> None:
        """Files dropped on the window: camera files are imported, photos and folders go to
        the photo import dialog."""
        cameras = camera_files(paths)
        photos = [p for p in paths if p not in cameras]
        if cameras:
            self._files.import_cameras(cameras)
        if photos:
            self.open_dialog(photos)

    def take_drops_on(self, target: QWidget, passing: Sequence[QWidget] = ()) -> None:
        """Take the files and folders dropped anywhere on ``target``; drops on the
        ``passing`` widgets inside it (the map and its viewport) go on up to it."""
        target.setAcceptDrops(True)
        for widget in passing:
            widget.setAcceptDrops(False)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Installed on the window: accept files and folders dragged in, take them on drop."""
        if self._survey.session is None:
            return False
        if isinstance(event, QDragEnterEvent | QDragMoveEvent) and dropped_paths(event):
            event.acceptProposedAction()
            return True
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            paths = dropped_paths(event)
            if paths:
                event.acceptProposedAction()
                self.take_drop(paths)
                return True
        return False

    def _on_dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        if dialog.running():  # closed during an import or a copy: it goes once that reports
            self._finishing = dialog
            for finished in (
                dialog.photos_imported,
                dialog.import_failed,
                dialog.photos_copied,
                dialog.copy_failed,
            ):
                finished.connect(self._on_finishing_done)
        else:
            dialog.deleteLater()

    def _on_finishing_done(self, _outcome: object) -> None:
        dialog, self._finishing = self._finishing, None
        if dialog is not None:
            dialog.deleteLater()

    def resume_copy(self) -> bool:
        """Copy into the survey the photos an earlier import left outside it (stopped, or the
        app closed meanwhile); False when there are none or other work is running."""
        session = self._survey.session
        if session is None or not session.survey.pending_count():
            return False
        return self._files.copy_pending()

    def _on_dialog_photos_copied(self, _copied: CopySummary) -> None:
        # Once the photos are inside the survey (not during the copy, which moves them).
        self._files.make_previews()

    def _on_dialog_photos_imported(self, summary: ImportSummary) -> None:
        session = self._survey.session
        if session is None:
            return
        session.adopt_cameras(summary.camera_ids, self.tr("Import photos"))  # one undo step
        self._status.say(summary_text(summary).replace("\n", " · "))
        self.photos_imported.emit(summary)
