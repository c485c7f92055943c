"""The photo import dialog: pick photos or folders (and a GPS track), import them in the
background with a progress bar and a cancel button, then say what was done."""

from __future__ import annotations

import threading
from collections.abc import Callable
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
from contrechamp.ops.photo_import import ImportSummary, import_photos
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.messages import error_text
from contrechamp.ui.photos.texts import skip_reason_text, summary_text
from contrechamp.ui.tasks import Task, run_task

__all__ = ["PhotoImportDialog"]

_PHOTO_FILTER = "*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.heif *.HEIF *.png *.PNG *.webp *.WEBP"
_MAX_OFFSET_S = 24 * 3600


class PhotoImportDialog(QDialog):
    """Imports walk photos into the survey file at ``survey_path`` off the GUI thread.

    The work opens its own connection to the file, so the window may keep using its own.
    ``photos_imported`` carries the ImportSummary (its ``camera_ids`` are the new drafts).
    """

    photos_imported = Signal(object)  # ImportSummary
    import_failed = Signal(object)  # Exception

    def __init__(
        self,
        survey_path: Path,
        surveyor: str | None = None,
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._survey_path, self._surveyor, self._pool = survey_path, surveyor, pool
        self._paths: list[Path] = []
        self._track: Path | None = None
        self._task: Task | None = None
        self._build()
        self.retranslate_ui()
        self._update_buttons()

    def _build(self) -> None:
        self.paths_list = QListWidget()
        self.add_files_button, self.add_folder_button = QPushButton(), QPushButton()
        self.track_button, self.track_label = QPushButton(), QLabel()
        self.offset, self.offset_label = QSpinBox(), QLabel()
        self.offset.setRange(-_MAX_OFFSET_S, _MAX_OFFSET_S)
        self.progress, self.summary = QProgressBar(), QLabel()
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
        """Whether an import is under way."""
        return self._task is not None

    def start_import(self) -> None:
        """Start importing the chosen paths in the background."""
        if self.running() or not self._paths:
            return
        work = _import_work(
            self._survey_path,
            list(self._paths),
            self._track,
            timedelta(seconds=self.offset.value()),
            self._surveyor,
        )
        self.summary.clear()
        self.progress.setRange(0, 0)  # busy until the first report
        self._task = run_task(work, self._on_import_succeeded, self._on_import_failed, self._pool)
        self._task.signals.progress.connect(self._on_import_progress)
        self._update_buttons()

    def cancel_import(self) -> None:
        """Ask the running import to stop after the draft it is saving."""
        if self._task is not None:
            self._task.cancelled.set()
            self.cancel_button.setEnabled(False)

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
            self, self.tr("Add photos"), "", self.tr("Photos") + f" ({_PHOTO_FILTER})"
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
        self.summary.setText(_summary_with_skips(summary))
        self._update_buttons()
        self.photos_imported.emit(summary)

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
    lines += [f"{Path(name).name}: {skip_reason_text(code)}" for name, code in summary.skipped]
    return "\n".join(lines[: shown + 1])


def _import_work(
    survey_path: Path,
    paths: list[Path],
    track_path: Path | None,
    clock_offset: timedelta,
    surveyor: str | None,
) -> Callable[[Callable[[int, int], None], threading.Event], ImportSummary]:
    """The background job: read the track, open a connection of its own, import."""

    def work(progress: Callable[[int, int], None], cancelled: threading.Event) -> ImportSummary:
        track = read_gpx_track(track_path) if track_path is not None else []
        with SurveyFile.open(survey_path) as survey:
            return import_photos(
                survey,
                paths,
                track=track,
                clock_offset=clock_offset,
                surveyor=surveyor,
                progress=progress,
                cancelled=cancelled.is_set,
            )

    return work
