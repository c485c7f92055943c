"""The File menu's work on the open survey: load a map area, import cameras, export cameras and
photos. Each runs in the background after the work before it, behind a busy indicator; what
changed is told with signals (the window connects them to its panels)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from contrechamp.core.errors import ContrechampError
from contrechamp.ui.export_blur import ExportBlurring
from contrechamp.ui.messages import failure_text
from contrechamp.ui.survey_jobs import SurveyJob, SurveyJobs, SurveyWork
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

if TYPE_CHECKING:
    from contrechamp.ops.area import AreaLoaded
    from contrechamp.ops.exports import ExportResult
    from contrechamp.ops.imports import ImportResult
    from contrechamp.ops.photo_copy import CopySummary
    from contrechamp.ops.photo_export import PhotoExport
    from contrechamp.ops.progress import Progress
    from contrechamp.store.survey import SurveyFile
    from contrechamp.ui.export_dialog import CameraExport, PhotoExportChoice

# The operations (ops/*) and export dialogs are imported when a command first runs, not at
# start-up: they pull in osmium, shapely, Pillow... which the first painted map does not need.

__all__ = ["EXTRACT_FILTER", "IMPORT_FILTER", "FileCommands"]

EXTRACT_FILTER = "*.osm.pbf *.pbf *.osm *.osm.bz2"
IMPORT_FILTER = "*.cartoparty *.geojson *.json *.osm *.osc *.osm.pbf *.pbf *.osm.bz2 *.csv"


class FileCommands(QObject):
    """Runs the window's file work; results and failures are told in plain words."""

    area_loaded = Signal()  # the survey's area and OSM cameras were replaced
    cameras_imported = Signal()  # cameras (maybe with photos) were added: one undo step
    photos_changed = Signal()  # photos were copied in or got previews

    def __init__(
        self,
        survey: OpenSurvey,
        status: StatusSink,
        parent: QWidget,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._survey = survey
        self._status = status
        self._parent = parent  # the dialogs' parent
        self.jobs = SurveyJobs(self, pool)
        self.busy = _BusyIndicator()
        self.jobs.busy_changed.connect(self.busy.setVisible)
        self.jobs.job_started.connect(self.busy.start)
        self.jobs.job_started.connect(lambda _: self.busy.offer_cancel(self.jobs.cancellable()))
        self.jobs.progress.connect(self.busy.advance)
        self.busy.cancel_button.clicked.connect(self.jobs.cancel)
        self.blurring = ExportBlurring(survey, status, self._start, parent)

    # --- the map area -----------------------------------------------------------------------

    def choose_area(self) -> None:
        """Ask for an OSM extract, then load it as the survey's area."""
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Load map area from OSM extract"),
            "",
            self.tr("OpenStreetMap extracts") + f" ({EXTRACT_FILTER})",
        )
        if name:
            self.load_area(Path(name))

    def load_area(self, extract: Path) -> bool:
        """Replace the survey's base map and OSM cameras with those of ``extract``."""
        from contrechamp.ops.area import load_area

        return self._start(
            lambda survey, _progress: load_area(survey, extract),
            self._on_area_loaded,
            self.tr("Reading the map…"),
            self.tr("Cannot load this map"),
        )

    def _on_area_loaded(self, loaded: AreaLoaded) -> None:
        self.area_loaded.emit()
        text = self.tr(
            "Map loaded: %n camera(s) already in OpenStreetMap.", "", loaded.existing_cameras
        )
        self._status.say(text)

    # --- importing cameras ------------------------------------------------------------------

    def choose_imports(self) -> None:
        """Ask for files holding cameras, then import them."""
        names, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Import cameras"),
            "",
            self.tr("Surveys, GeoJSON, OSM and CSV files") + f" ({IMPORT_FILTER})",
        )
        if names:
            self.import_cameras([Path(name) for name in names])

    def import_cameras(self, paths: list[Path]) -> bool:
        """Add the cameras of other surveys and files (all or nothing)."""
        from contrechamp.ops.imports import import_files

        surveyor = self._survey.session.survey.surveyor if self._survey.session else None
        return self._start(
            lambda survey, _progress: import_files(survey, paths, surveyor=surveyor),
            self._on_imported,
            self.tr("Importing cameras…"),
            self.tr("Cannot import these cameras"),
        )

    def _on_imported(self, result: ImportResult) -> None:
        session = self._survey.session
        if session is not None:
            session.adopt_new_cameras(self.tr("Import cameras"))  # one undo step
            self.cameras_imported.emit()
        already = sum(f.already_there for f in result.files)
        text = self.tr("Imported %n camera(s).", "", result.added)
        if already:
            text += " " + self.tr("%n already in the survey.", "", already)
        if result.unversioned:  # said once for the whole import, never per camera
            text += " " + self.tr(
                "%n linked to OSM without a known version: the upload reads it first.",
                "",
                result.unversioned,
            )
        self._status.say(text)
        if any(f.photos for f in result.files):
            self.make_previews()  # photos from other surveys come without previews

    # --- exporting --------------------------------------------------------------------------

    def choose_export(self) -> None:
        """Ask what to export and where, then write the file."""
        if self._survey.session is None:
            return
        from contrechamp.ui.export_dialog import ExportDialog

        survey = self._survey.session.survey
        sectors = [sector.name for sector in survey.sectors()]
        dialog = ExportDialog(survey.path, self._parent, sectors=sectors)
        if dialog.exec():
            self.export_cameras(dialog.chosen())

    def export_cameras(self, choice: CameraExport) -> bool:
        """Write the cameras to a file; when it carries photos, faces are looked for first
        (and the first time, reviewed) unless blurring was turned off."""
        from contrechamp.ops.blur_review import carries_photos, photos_of_export

        if choice.options.blur and carries_photos(choice.fmt, choice.options):
            return self.blurring.before_export(
                lambda survey: photos_of_export(survey, choice.fmt, choice.options),
                lambda: self._write_cameras(choice),
            )
        return self._write_cameras(choice)

    def _write_cameras(self, choice: CameraExport) -> bool:
        from contrechamp.ops.exports import export_to

        return self._start(
            lambda survey, progress: export_to(
                survey, choice.fmt, choice.path, choice.options, progress
            ),
            lambda result: self._status.say(self._exported_text(result, choice)),
            self.tr("Exporting…"),
            self.tr("Cannot export"),
            writes=False,
        )

    def _exported_text(self, result: ExportResult, choice: CameraExport) -> str:
        """What an export wrote, and what it left out (said, never silent)."""
        from contrechamp.ops.blur_review import carries_photos
        from contrechamp.ops.exports import ExportFormat

        name = choice.path.name
        if choice.fmt is ExportFormat.PHOTOS:
            text = self.tr("Wrote %n photo(s) to %1.", "", result.photos).replace("%1", name)
        else:
            text = self.tr("Wrote %n camera(s) to %1.", "", result.cameras).replace("%1", name)
        notes = (
            (
                result.photos_failed,
                self.tr("%n photo(s) could not be written.", "", result.photos_failed),
            ),
            (
                result.unversioned,
                self.tr(
                    "%n camera(s) linked to OSM without a known version left out.",
                    "",
                    result.unversioned,
                ),
            ),
            (
                result.unknown_original,
                self.tr(
                    "%n camera(s) linked to OSM left out: load the area to know their original.",
                    "",
                    result.unknown_original,
                ),
            ),
        )
        unblurred = carries_photos(choice.fmt, choice.options) and not choice.options.blur
        said = [text, *(note for count, note in notes if count)]
        return " ".join([*said, self.tr("Photos not blurred.")] if unblurred else said)

    def choose_photo_export(self) -> None:
        """Ask for a folder and the options, then write the photos."""
        if self._survey.session is None:
            return
        from contrechamp.ui.export_dialog import PhotoExportDialog

        dialog = PhotoExportDialog(self._survey.session.survey.path, self._parent)
        if dialog.exec():
            self.export_photos(dialog.chosen())

    def export_photos(self, choice: PhotoExportChoice) -> bool:
        """Write the photos of the survey's cameras into a folder, faces looked for first
        (and the first time, reviewed) unless blurring was turned off."""
        from contrechamp.ops.blur_review import photos_of_folder_export

        if choice.blur:
            return self.blurring.before_export(
                lambda survey: photos_of_folder_export(survey, choice.confirmed_only),
                lambda: self._write_photos(choice),
            )
        return self._write_photos(choice)

    def review_blur(self) -> bool:
        """Look for faces in the survey's photos, then show what will be blurred."""
        return self.blurring.review()

    def _write_photos(self, choice: PhotoExportChoice) -> bool:
        from contrechamp.ops.photo_export import export_photos

        return self._start(
            lambda survey, progress: export_photos(
                survey,
                choice.folder,
                keep_metadata=choice.keep_metadata,
                confirmed_only=choice.confirmed_only,
                blur=choice.blur,
                progress=progress,
            ),
            lambda done: self._on_photos_exported(done, choice),
            self.tr("Exporting photos…"),
            self.tr("Cannot export the photos"),
            writes=False,
        )

    def _on_photos_exported(self, done: PhotoExport, choice: PhotoExportChoice) -> None:
        folder = choice.folder.name
        text = self.tr("Wrote %n photo(s) to %1.", "", len(done.written)).replace("%1", folder)
        if done.failed:
            text += " " + self.tr("%n photo(s) could not be written.", "", len(done.failed))
        if not choice.blur:
            text += " " + self.tr("Photos not blurred.")
        self._status.say(text)

    # --- photo previews ---------------------------------------------------------------------

    def make_previews(self) -> bool:
        """Render the previews that photos without an EXIF thumbnail lack, then show them."""
        return self._start(
            _render_missing_previews,
            lambda _failures: self.photos_changed.emit(),
            self.tr("Making photo previews…"),
            self.tr("Cannot make the photo previews"),
        )

    def copy_pending(self) -> bool:
        """Copy in the background the photos an import left outside the survey."""
        from contrechamp.ops.photo_copy import copy_pending_photos

        return self._start(
            copy_pending_photos,
            self._on_pending_copied,
            self.tr("Copying photos into the survey…"),
            self.tr("Cannot copy the photos into the survey"),
            finish_on_close=True,  # closing the window waits for it (or stops it on request)
        )

    def _on_pending_copied(self, copied: CopySummary) -> None:
        self.photos_changed.emit()
        if not copied.cancelled:
            self.make_previews()
        if copied.left:
            self._status.say(
                self.tr(
                    "%n photo(s) not copied: the original file is missing or changed.",
                    "",
                    len(copied.left),
                )
            )

    # --- running ----------------------------------------------------------------------------

    def _start(
        self,
        work: SurveyWork,
        on_done: Callable[[Any], None],
        busy_text: str,
        failure_title: str,
        finish_on_close: bool = False,
        writes: bool = True,
        cancellable: bool = False,
    ) -> bool:
        """Run ``work`` on the open survey in the background, after the work before it;
        False without a survey. ``finish_on_close``, ``cancellable``: see SurveyJob;
        ``writes``: False for a job that only reads (it gets a snapshot of its own instead of
        the writer's turns)."""
        session = self._survey.session
        if session is None:
            return False
        path = session.survey.path
        self.jobs.run(
            SurveyJob(
                path,
                work,
                lambda result: self._if_still_open(path, on_done, result),
                lambda error: self._if_still_open(path, self._failed(failure_title), error),
                busy_text,
                finish_on_close,
                session.writer.survey if writes else None,
                cancellable,
            )
        )
        return True

    def _if_still_open(self, path: Path, callback: Callable[[Any], None], value: object) -> None:
        session = self._survey.session
        if session is not None and session.survey.path == path:
            callback(value)

    def _failed(self, title: str) -> Callable[[Exception], None]:
        def tell(error: Exception) -> None:
            if isinstance(error, ContrechampError) and error.code == "export.cancelled":
                self._status.say(failure_text(error))  # the user's own choice: no box
                return
            self._status.warn(title, failure_text(error))

        return tell


def _render_missing_previews(survey: SurveyFile, progress: Progress) -> list[tuple[int, str]]:
    from contrechamp.ops.photo_previews import render_previews

    missing = [p.id for p in survey.photos() if p.id is not None and not survey.thumbnail(p.id)]
    return render_previews(survey, missing, progress=progress)


class _BusyIndicator(QWidget):
    """What the survey's background work is doing: a moving bar, how far once the job says
    (an export, a copy of photos); hidden when idle."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(120)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self.setVisible(False)

    def offer_cancel(self, offered: bool) -> None:
        """Show Cancel while a job that stops when asked runs (a look for faces)."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setVisible(offered)

    def start(self, text: str) -> None:
        """A job starts: its name, and a moving bar until it says how far it is."""
        self.label.setText(text)
        self.bar.setRange(0, 0)

    def advance(self, done: int, total: int) -> None:
        """How far the running job is (``total`` 0: unknown, the bar keeps moving)."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
