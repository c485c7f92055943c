"""The photos of one camera: thumbnails, attaching new ones, viewing one large."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.blur import BlurRegion
from contrechamp.core.errors import ContrechampError, InputError
from contrechamp.core.photo import PhotoRole
from contrechamp.formats.photo_files import PHOTO_PATTERNS, preview_jpeg
from contrechamp.ops.photo_attach import PhotoToAttach, read_photos_to_attach
from contrechamp.ui.photos.blur_editor import BlurEditor
from contrechamp.ui.photos.photo_strip_model import PhotoStripModel, photo_strip_view
from contrechamp.ui.session import SurveySession
from contrechamp.ui.tasks import run_task

__all__ = ["PhotoStrip"]

THUMB_PX = 320
VIEW_PX = 1280


def _read_in_background(
    path: Path, role: PhotoRole, _progress: object, _cancelled: object
) -> list[PhotoToAttach]:
    return read_photos_to_attach([path], role)


class PhotoStrip(QWidget):
    """Thumbnails of the current camera's photos, an "Add photos…" button and a role."""

    failed = Signal(object)  # ContrechampError

    def __init__(self, session: SurveySession | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._camera_id: str | None = None
        self.photo_model = PhotoStripModel(lambda photo: self._role_text(photo.role), self)
        self.thumbnails = photo_strip_view(self.photo_model, 96)
        self.thumbnails.setFixedHeight(124)
        self.thumbnails.setWrapping(False)
        self.thumbnails.activated.connect(self._on_thumbnail_activated)
        self.role = QComboBox()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._on_add_clicked)
        self._layout()
        self.retranslate_ui()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.role)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.thumbnails)
        column.addLayout(buttons)

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.add_button.setText(self.tr("Add &photos…"))
        current = self.role.currentIndex()
        self.role.clear()
        self.role.addItem(self.tr("Close-up"), PhotoRole.CLOSE_UP)
        self.role.addItem(self.tr("Wide (where it is)"), PhotoRole.WIDE)
        self.role.addItem(self.tr("Other"), PhotoRole.OTHER)
        self.role.setCurrentIndex(max(current, 0))
        self.role.setToolTip(self.tr("What the next photos show"))
        self.photo_model.relabel()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_session(self, session: SurveySession | None) -> None:
        """Use another open survey (None when closed)."""
        self._session = session
        self.show_camera(None)

    def show_camera(self, camera_id: str | None) -> None:
        """Show the thumbnails of one camera."""
        self._camera_id = camera_id
        if self._session is None or camera_id is None:
            self.photo_model.set_photos(None, [])
            return
        survey = self._session.survey
        self.photo_model.set_photos(survey, survey.photos(camera_id))

    def _role_text(self, role: PhotoRole) -> str:
        names = {
            PhotoRole.CLOSE_UP: self.tr("Close-up"),
            PhotoRole.WIDE: self.tr("Wide (where it is)"),
            PhotoRole.OTHER: self.tr("Other"),
        }
        return names[role]

    def _on_add_clicked(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Photos") + f" ({PHOTO_PATTERNS})"
        )
        self.attach_files([Path(f) for f in files])

    def attach_files(self, paths: list[Path]) -> None:
        """Read photos in the background, then store and attach them to the shown camera."""
        camera_id, role = self._camera_id, PhotoRole(self.role.currentData())
        for path in paths:
            run_task(
                partial(_read_in_background, path, role),
                partial(self._store, camera_id=camera_id),
                self._on_prepare_failed,
            )

    def _store(self, photos: list[PhotoToAttach], *, camera_id: str | None) -> None:
        session = self._session
        if session is None or camera_id is None or session.camera(camera_id) is None:
            return
        try:
            session.attach_photos(camera_id, photos, self.tr("Add photo"))
        except ContrechampError as error:
            self.failed.emit(error)
            return
        if camera_id == self._camera_id:
            self.show_camera(camera_id)

    def _on_prepare_failed(self, error: Exception) -> None:
        if isinstance(error, ContrechampError):
            self.failed.emit(error)
        else:
            self.failed.emit(InputError(str(error), "photo.unreadable"))

    def _on_thumbnail_activated(self, index: QModelIndex) -> None:
        photo = self.photo_model.photo(index.row())
        if self._session is None or photo is None or photo.id is None:
            return
        try:
            preview = preview_jpeg(self._session.survey.photo_data(photo.id), VIEW_PX)
        except ContrechampError as error:
            self.failed.emit(error)
            return
        PhotoViewer(preview, photo.filename, self, session=self._session, photo_id=photo.id).exec()


class PhotoViewer(QDialog):
    """One photo, large, with its blur regions: drag to add one, select + Delete to take
    one out (each an undo step); the survey's photo itself is never changed."""

    def __init__(
        self,
        jpeg: bytes,
        title: str,
        parent: QWidget | None = None,
        *,
        session: SurveySession | None = None,
        photo_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._session, self._photo_id = session, photo_id
        self.editor = BlurEditor(QImage.fromData(jpeg))
        self.hint = QLabel(self.tr(
            "Drag a rectangle to blur it in every export (a number plate, a name); click one "
            "and press Delete to stop blurring it."))  # fmt: skip
        self.hint.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        column = QVBoxLayout(self)
        column.addWidget(self.editor, 1)
        column.addWidget(self.hint)
        column.addWidget(close)
        self.hint.setVisible(session is not None and photo_id is not None)
        if session is not None and photo_id is not None:
            self.editor.region_drawn.connect(self._on_editor_region_drawn)
            self.editor.region_taken_out.connect(self._on_editor_region_taken_out)
            session.blur_regions_changed.connect(self._on_session_blur_regions_changed)
            self._show_regions()
        self.editor.setFocus()

    def _show_regions(self) -> None:
        if self._session is None or self._photo_id is None:
            return
        try:
            self.editor.set_regions(self._session.survey.blur_regions(self._photo_id))
        except ContrechampError:
            self.editor.set_regions([])

    def _on_editor_region_drawn(self, region: BlurRegion) -> None:
        session, photo_id = self._session, self._photo_id
        if session is not None and photo_id is not None:
            text = self.tr("Blur a region")
            self._guarded(lambda: session.add_blur_region(photo_id, region, text))

    def _on_editor_region_taken_out(self, region: BlurRegion) -> None:
        session, photo_id = self._session, self._photo_id
        if session is not None and photo_id is not None:
            text = self.tr("Stop blurring a region")
            self._guarded(lambda: session.take_out_blur_region(photo_id, region, text))

    def _guarded(self, write: Callable[[], None]) -> None:
        try:
            write()
        except ContrechampError as error:
            parent = self.parent()
            if isinstance(parent, PhotoStrip):
                parent.failed.emit(error)

    def _on_session_blur_regions_changed(self, photo_id: int) -> None:
        if photo_id == self._photo_id:
            self._show_regions()

    def done(self, result: int) -> None:
        """Stop following the session once closed."""
        if self._session is not None and self._photo_id is not None:
            self._session.blur_regions_changed.disconnect(self._on_session_blur_regions_changed)
            self._session = None
        super().done(result)
