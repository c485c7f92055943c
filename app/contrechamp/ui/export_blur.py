"""Before photos leave the laptop: faces looked for in the background (a progress bar and
Cancel), then, the first time a survey exports photos, the review of what will be blurred.

The look for faces is a job that writes (what it finds is kept in the survey, so the export
after it, on a snapshot of its own, finds everything cached). The review is window-modal and
never blocks the jobs; accepting it records that the survey was reviewed, then exports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from contrechamp.core.errors import ContrechampError
from contrechamp.ops.progress import Progress
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.messages import failure_text
from contrechamp.ui.survey_jobs import SurveyWork
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

__all__ = ["ExportBlurring", "FacesLooked", "JobStarter", "PhotoIds"]

PhotoIds = Callable[[SurveyFile], list[int]]
"""Which photos an export carries, read on the job's connection."""


class JobStarter(Protocol):
    """How FileCommands runs a job on the open survey (see ``FileCommands._start``)."""

    def __call__(
        self,
        work: SurveyWork,
        on_done: Callable[[Any], None],
        busy_text: str,
        failure_title: str,
        finish_on_close: bool = False,
        writes: bool = True,
        cancellable: bool = False,
    ) -> bool: ...


@dataclass(frozen=True)
class FacesLooked:
    """What a look for faces covered: the photos, and whether the survey's review is still
    due (photos that could not be scanned are left out of the export, which says so)."""

    photo_ids: list[int]
    review_due: bool


def look_for_faces(
    photo_ids_of: PhotoIds, with_previews: bool, survey: SurveyFile, progress: Progress
) -> FacesLooked:
    """The job: faces looked for in the photos (found ones stored), and the previews the
    review shows made where missing when it will be shown."""
    from contrechamp.ops.blur import scan_photos
    from contrechamp.ops.blur_review import review_due
    from contrechamp.ops.photo_previews import render_previews

    photo_ids = photo_ids_of(survey)
    due = review_due(survey)
    if with_previews or due:
        missing = [p for p in photo_ids if not _has_preview(survey, p)]
        render_previews(survey, missing)
    scan_photos(survey, photo_ids, progress=progress)
    return FacesLooked(photo_ids, due)


def _has_preview(survey: SurveyFile, photo_id: int) -> bool:
    try:
        return bool(survey.thumbnail(photo_id))
    except ContrechampError:  # gone meanwhile: render_previews notes it
        return False


class ExportBlurring(QObject):
    """Runs the look for faces before an export and the review; ``review_shown`` hands the
    dialog to whoever wants to reach it (tests, screenshots)."""

    review_shown = Signal(object)  # BlurReviewDialog

    def __init__(
        self, survey: OpenSurvey, status: StatusSink, start: JobStarter, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._survey, self._status, self._start = survey, status, start
        self._parent = parent
        self.dialog: QWidget | None = None

    def before_export(self, photo_ids_of: PhotoIds, export: Callable[[], object]) -> bool:
        """Look for faces in the photos an export carries, show the review when the survey
        was never reviewed, then ``export``; False without a survey."""
        return self._start(
            partial(look_for_faces, photo_ids_of, False),
            lambda looked: self._on_faces_looked(looked, export),
            self.tr("Looking for faces…"),
            self.tr("Cannot look for faces"),
            writes=True,
            cancellable=True,
        )

    def review(self) -> bool:
        """From the menu: faces looked for in every photo an export could carry, then the
        review of all of them."""
        from contrechamp.ops.blur_review import photos_of_folder_export

        return self._start(
            partial(look_for_faces, partial(photos_of_folder_export, confirmed_only=False), True),
            lambda looked: self._show(looked.photo_ids, None),
            self.tr("Looking for faces…"),
            self.tr("Cannot look for faces"),
            writes=True,
            cancellable=True,
        )

    def _on_faces_looked(self, looked: FacesLooked, export: Callable[[], object]) -> None:
        if looked.review_due and looked.photo_ids:
            self._show(looked.photo_ids, export)
        else:
            export()

    def _show(self, photo_ids: list[int], export: Callable[[], object] | None) -> None:
        """Open the review (window-modal); ``export`` None: opened from the menu."""
        from contrechamp.ui.photos.blur_review import BlurReviewDialog

        session = self._survey.session
        if session is None:
            return
        dialog = BlurReviewDialog(session, photo_ids, self._parent, exporting=export is not None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resize(1200, 760)
        dialog.accepted.connect(lambda: self._on_reviewed(export))
        if export is not None:
            dialog.rejected.connect(self._say_stopped)
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        self.review_shown.emit(dialog)

    def _forget_dialog(self) -> None:
        self.dialog = None

    def _on_reviewed(self, export: Callable[[], object] | None) -> None:
        """Record the review (a short job that writes), then export."""
        from contrechamp.ops.blur_review import mark_reviewed

        def then(_: object) -> None:
            if export is not None:
                export()

        self._start(
            lambda survey, _progress: mark_reviewed(survey),
            then,
            self.tr("Saving the review…"),
            self.tr("Cannot save the review"),
        )

    def _say_stopped(self) -> None:
        from contrechamp.ops.blur import BlurCancelledError

        self._status.say(failure_text(BlurCancelledError("The review was cancelled.")))
