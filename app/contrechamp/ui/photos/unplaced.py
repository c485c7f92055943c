"""Photos without a position ("place me on the map"): pick one, press Place, click the map."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from contrechamp.core.camera import Camera
from contrechamp.core.errors import ContrechampError
from contrechamp.core.photo import PhotoInfo
from contrechamp.ui.photos.photo_strip_model import PhotoStripModel, photo_strip_view
from contrechamp.ui.photos.review_actions import place_photo
from contrechamp.ui.photos.review_keys import ReviewKeys
from contrechamp.ui.session import SurveySession

__all__ = ["UnplacedPhotos"]

_THUMB_PX = 96


class UnplacedPhotos(QWidget):
    """The survey's photos that belong to no camera, each waiting to be placed on the map.

    While "Place on map" is down, the next click on the map (``place_at``) makes a draft
    camera there with the chosen photo (one undo step) and emits ``camera_placed``.
    """

    camera_placed = Signal(str)  # camera id
    placing_changed = Signal(bool)
    failed = Signal(object)  # ContrechampError

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: SurveySession | None = None
        self._build()
        self.retranslate_ui()
        self.refresh()

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.photo_model = PhotoStripModel(_label, self)
        self.photos = photo_strip_view(self.photo_model, _THUMB_PX)
        self.photos.setFlow(QListView.Flow.LeftToRight)
        self.photos.setWrapping(False)
        self.photos.setGridSize(QSize(_THUMB_PX + 24, _THUMB_PX + 30))  # one size for all
        self.photos.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.photos.setWordWrap(False)
        self.photos.setFixedHeight(_THUMB_PX + 48)
        self.photos.selectionModel().currentChanged.connect(lambda *_: self._update_button())
        self.place_button = QPushButton()
        self.place_button.setCheckable(True)
        self.place_button.toggled.connect(self._on_place_toggled)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.place_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.photos)
        self.keys = ReviewKeys(self)
        self.keys.bind((Qt.Key.Key_P,), self.toggle_placing)
        self.keys.watch(self)

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        count = self.photo_model.rowCount()
        self.title.setText(self.tr("%n photo(s) to place on the map", "", count))
        self.place_button.setText(self.tr("Place on map (P)"))
        self.place_button.setToolTip(
            self.tr("Then click the map where the camera is: a draft is made there")
        )

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_session(self, session: SurveySession | None) -> None:
        """Show the unplaced photos of another open survey (None when closed)."""
        if self._session is not None:
            for signal in self._session_signals(self._session):
                signal.disconnect(self.refresh)
        self._session = session
        if session is not None:
            for signal in self._session_signals(session):
                signal.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _session_signals(session: SurveySession) -> tuple[SignalInstance, ...]:
        # A deleted camera leaves its photos unplaced; undoing the delete takes them back.
        return (session.photos_changed, session.camera_added, session.camera_removed)

    def refresh(self, *_changed: object) -> None:
        """Read the unplaced photos again, keeping the chosen one when it is still there."""
        chosen = self.current_photo()
        session = self._session
        unplaced = session.unplaced_photos() if session is not None else []
        self.photo_model.set_photos(session.survey if session is not None else None, unplaced)
        row = self.photo_model.row_of(chosen.id if chosen is not None else None)
        if unplaced:
            self.photos.setCurrentIndex(self.photo_model.index(max(row, 0)))
        self.setVisible(bool(unplaced))
        self.retranslate_ui()
        self._update_button()

    def current_photo(self) -> PhotoInfo | None:
        """The photo chosen in the list."""
        shown = self.photo_model.photo(self.photos.currentIndex().row())
        if shown is None or self._session is None:
            return None
        return next((p for p in self._session.unplaced_photos() if p.id == shown.id), None)

    def toggle_placing(self) -> None:
        """P: start placing the chosen photo (the next map click), or stop."""
        if self.place_button.isEnabled():
            self.place_button.toggle()

    def placing(self) -> bool:
        """Whether the next click on the map places the chosen photo."""
        return self.place_button.isChecked()

    def place_at(self, lat: float, lon: float) -> Camera | None:
        """Place the chosen photo's camera at a point of the map (only while placing)."""
        photo = self.current_photo() if self.placing() else None
        self.place_button.setChecked(False)
        if photo is None or self._session is None:
            return None
        try:
            camera = place_photo(self._session, photo, lat, lon, self.tr("Place photo"))
        except ContrechampError as error:
            self.failed.emit(error)
            return None
        self.camera_placed.emit(camera.id)
        return camera

    def _update_button(self) -> None:
        has_photo = self.photos.currentIndex().isValid()
        self.place_button.setEnabled(has_photo)
        if not has_photo:
            self.place_button.setChecked(False)

    def _on_place_toggled(self, on: bool) -> None:
        self.placing_changed.emit(on)


def _label(photo: PhotoInfo) -> str:
    """When the photo was taken (the walk's order), or its file name without a time."""
    return photo.taken_at.strftime("%H:%M") if photo.taken_at is not None else photo.filename
