"""The photo import dialog: pick photos or folders (and a GPS track), import them in the
background with a progress bar and a cancel button, then say what was done.

The import has two steps: the drafts first (``photos_imported``: the window shows them at
once), then the photos' bytes are copied into the survey (``photos_copied``), a step the user
may stop and that resumes the next time a copy starts (:meth:`PhotoImportDialog.copy_pending`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.errors import ContrechampError
from contrechamp.formats.gpx import read_gpx_track
from contrechamp.formats.photo_files import PHOTO_PATTERNS
from contrechamp.ops.photo_copy import CopySummary, copy_pending_photos
from contrechamp.ops.photo_import import ImportSummary, import_photos
from contrechamp.ops.progress import Progress
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.messages import error_text, skipped_text
from contrechamp.ui.photos.texts import summary_text
from contrechamp.ui.tasks import Task, run_task

__all__ = ["PhotoImportDialog", "copy_pending_in_background"]

_MAX_OFFSET_S = 24 * 3600


class PhotoImportDialog(QDialog):
    """Imports walk photos into the survey file at ``survey_path`` off the GUI thread.

    The work opens its own connection to the file, so the window may keep using its own.
    ``photos_imported`` carries the ImportSummary (its ``camera_ids`` are the new drafts);
    then the copy of the photos into the survey runs and ``photos_copied`` carries its
    CopySummary (``copy_failed`` the error that stopped it).
    """

    photos_imported = Signal(object)  # ImportSummary
    import_failed = Signal(object)  # Exception
    photos_copied = Signal(object)  # CopySummary
    copy_failed = Signal(object)  # Exception
    copy_progress = Signal(int, int)  # photos copied, photos to copy

    def __init__(
        self,
        survey_path: Path,
        surveyor: str | None = None,
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
        survey: SurveyFile | None = None,
    ) -> None:
        """``survey``: the open survey's shared read-write connection (the window's writer);
        without it the dialog's work opens a connection of its own to ``survey_path``."""
        super().__init__(parent)
        self._survey_path, self._surveyor, self._pool = survey_path, surveyor, pool
        self._survey = survey
        self._paths: list[Path] = []
        self._track: Path | None = None
        self._task: Task | None = None
        self._copying = False  # the task is the copy (not the import)
        self._closed = False  # once closed, a finishing import starts no copy
        self._build()
        self.retranslate_ui()
        self._update_buttons()

    def _build(self) -> None:
        self.paths_list = QListWidget()
        self.add_files_button, self.add_folder_button = QPushButton(), QPushButton()
        self.track_button, self.track_label = QPushButton(), QLabel()
        self.offset, self.offset_label = QSpinBox(), QLabel()
        self.offset.setRange(-_MAX_OFFSET_S, _MAX_OFFSET_S)
        self.stage, self.progress, self.summary = QLabel(), QProgressBar(), QLabel()
        self.summary.setWordWrap(True)
        self.import_button, self.cancel_button = QPushButton(), QPushButton()
        self.import_button.setDefault(True)
        self.add_files_button.clicked.connect(self._on_add_files_clicked)
        self.add_folder_button.clicked.connect(self._on_add_folder_clicked)
        self.track_button.clicked.connect(self._on_track_clicked)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self._layout()

    def _layout(self) -> None:
        pick = QHBoxLayout()
        pick.addWidget(self.add_files_button)
        pick.addWidget(self.add_folder_button)
        pick.addStretch(1)
        track = QFormLayout()
        track.addRow(self.track_button, self.track_label)
        track.addRow(self.offset_label, self.offset)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.addLayout(pick)
        column.addWidget(self.paths_list, 1)
        column.addLayout(track)
        column.addWidget(self.stage)
        column.addWidget(self.progress)
        column.addWidget(self.summary)
        column.addLayout(buttons)

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.setWindowTitle(self.tr("Import walk photos"))
        self.add_files_button.setText(self.tr("Add &photos…"))
        self.add_folder_button.setText(self.tr("Add a &folder…"))
        self.track_button.setText(self.tr("GPS &track…"))
        self.track_button.setToolTip(self.tr("Places photos that have no position (GPX file)"))
        self.track_label.setText(self._track.name if self._track else self.tr("No track"))
        self.offset_label.setText(self.tr("Camera clock offset"))
        self.offset.setSuffix(self.tr(" s"))
        self.offset.setToolTip(self.tr("Seconds to add to the photo times to match the track"))
        self.import_button.setText(self.tr("&Import"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def add_paths(self, paths: list[Path]) -> None:
        """Add photo files or folders to import."""
        for path in paths:
            if path not in self._paths:
                self._paths.append(path)
                self.paths_list.addItem(str(path))
        self._update_buttons()

    def set_track(self, path: Path | None) -> None:
        """Use a GPX track to place the photos without a position (None: no track)."""
        self._track = path
        self.retranslate_ui()

    def running(self) -> bool:
        """Whether an import, or the copy of its photos, is under way."""
        return self._task is not None

    def copying(self) -> bool:
        """Whether the copy of the photos into the survey is under way (it goes on after the
        dialog is closed)."""
        return self._task is not None and self._copying

    def start_import(self) -> None:
        """Start importing the chosen paths in the background."""
        if self.running() or not self._paths:
            return
        work = _import_work(
            self._connection(),
            list(self._paths),
            self._track,
            timedelta(seconds=self.offset.value()),
            self._surveyor,
        )
        self.summary.clear()
        self._closed = False
        self.stage.setText(self.tr("Reading photos…"))
        self.progress.setRange(0, 0)  # busy until the first report
        self._task = run_task(work, self._on_import_succeeded, self._on_import_failed, self._pool)
        self._task.signals.progress.connect(self._on_import_progress)
        self._update_buttons()

    def copy_pending(self) -> None:
        """Copy into the survey the photos an import left outside it (also resumes a copy
        stopped earlier); nothing happens while an import or copy runs."""
        if self.running():
            return
        self.stage.setText(self.tr("Copying photos into the survey…"))
        self.progress.setRange(0, 0)
        self._task = copy_pending_in_background(
            self._survey_path,
            self._on_copy_succeeded,
            self._on_copy_failed,
            self._pool,
            self._survey,
        )
        self._copying = True
        self._task.signals.progress.connect(self._on_import_progress)
        self._task.signals.progress.connect(self.copy_progress)
        self._update_buttons()

    def _connection(self) -> Connection:
        survey, path = self._survey, self._survey_path
        return (
            (lambda: nullcontext(survey)) if survey is not None else (lambda: SurveyFile.open(path))
        )

    def cancel_import(self) -> None:
        """Ask the running import to stop after the draft it is saving (or the copy after the
        batch it is writing: the rest is copied next time)."""
        if self._task is not None:
            self._task.cancelled.set()
            self.cancel_button.setEnabled(False)

    def done(self, result: int) -> None:
        """Close; a copy under way goes on (an import closed before its end leaves its photos
        to the next copy)."""
        self._closed = True
        super().done(result)

    def _update_buttons(self) -> None:
        running = self.running()
        for button in (self.add_files_button, self.add_folder_button, self.track_button):
            button.setEnabled(not running)
        self.offset.setEnabled(not running)
        self.import_button.setEnabled(not running and bool(self._paths))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("&Stop") if running else self.tr("&Close"))

    def _on_cancel_clicked(self) -> None:
        if self.running():
            self.cancel_import()
        else:
            self.reject()

    def _on_add_files_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Photos") + f" ({PHOTO_PATTERNS})"
        )
        self.add_paths([Path(name) for name in files])

    def _on_add_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of photos"))
        if folder:
            self.add_paths([Path(folder)])

    def _on_track_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("GPS track"), "", self.tr("GPX tracks") + " (*.gpx *.GPX)"
        )
        if name:
            self.set_track(Path(name))

    def _on_import_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_import_succeeded(self, summary: ImportSummary) -> None:
        self._task = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0 if summary.cancelled else 1)
        self.stage.clear()
        self.summary.setText(_summary_with_skips(summary))
        self._update_buttons()
        self.photos_imported.emit(summary)
        if not summary.cancelled and not self._closed:
            self.copy_pending()

    def _on_copy_succeeded(self, copied: CopySummary) -> None:
        self._task, self._copying = None, False
        self.progress.setRange(0, 1)
        self.progress.setValue(0 if copied.cancelled or copied.left else 1)
        self.stage.setText(self._copy_text(copied))
        self._update_buttons()
        self.photos_copied.emit(copied)

    def _copy_text(self, copied: CopySummary) -> str:
        if copied.cancelled:
            return self.tr("Copy stopped: the other photos are copied next time.")
        if copied.left:
            return self.tr(
                "%n photo(s) not copied: the original file is missing or changed.",
                "",
                len(copied.left),
            )
        return self.tr("All photos are inside the survey.")

    def _on_copy_failed(self, error: Exception) -> None:
        self._task, self._copying = None, False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.stage.setText(
            error_text(error)
            if isinstance(error, ContrechampError)
            else self.tr("The photos could not all be copied. They are copied next time.")
        )
        self._update_buttons()
        self.copy_failed.emit(error)

    def _on_import_failed(self, error: Exception) -> None:
        self._task = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, ContrechampError):
            self.summary.setText(error_text(error))
        else:
            self.summary.setText(self.tr("The import failed. Nothing more was changed."))
        self._update_buttons()
        self.import_failed.emit(error)


def _summary_with_skips(summary: ImportSummary, shown: int = 8) -> str:
    """The summary, then the first skipped files with their reason."""
    lines = [summary_text(summary)]
    lines += [skipped_text(code, Path(name).name) for name, code in summary.skipped]
    return "\n".join(lines[: shown + 1])


Connection = Callable[[], AbstractContextManager[SurveyFile]]
"""How a background job reaches the survey: the window's shared connection, or its own."""


def _import_work(
    connection: Connection,
    paths: list[Path],
    track_path: Path | None,
    clock_offset: timedelta,
    surveyor: str | None,
) -> Callable[[Callable[[int, int], None], threading.Event], ImportSummary]:
    """The background job: read the track, then import through ``connection``."""

    def work(progress: Callable[[int, int], None], cancelled: threading.Event) -> ImportSummary:
        track = read_gpx_track(track_path) if track_path is not None else []
        with connection() as survey:
            return import_photos(
                survey,
                paths,
                track=track,
                clock_offset=clock_offset,
                surveyor=surveyor,
                progress=Progress.watching(cancelled, progress),
            )

    return work


def copy_pending_in_background(
    survey_path: Path,
    on_copied: Callable[[CopySummary], None],
    on_failed: Callable[[Exception], None],
    pool: QThreadPool | None = None,
    survey: SurveyFile | None = None,
) -> Task:
    """Copy into the survey file at ``survey_path`` the photos an import left outside it, off
    the GUI thread on a connection of its own (e.g. when the window opens a survey whose
    ``pending_count()`` is not 0). Set the returned task's ``cancelled`` to stop it; what was
    copied stays, the rest is copied next time."""
    connection: Connection = (
        (lambda: nullcontext(survey))
        if survey is not None
        else (lambda: SurveyFile.open(survey_path))
    )
    return run_task(_copy_work(connection), on_copied, on_failed, pool)


def _copy_work(
    connection: Connection,
) -> Callable[[Callable[[int, int], None], threading.Event], CopySummary]:
    """The background copy of pending photos, through ``connection``."""

    def work(progress: Callable[[int, int], None], cancelled: threading.Event) -> CopySummary:
        with connection() as survey:
            return copy_pending_photos(survey, Progress.watching(cancelled, progress))

    return work
