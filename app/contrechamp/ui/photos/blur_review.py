"""The review before photos leave the laptop: a grid of the photos, each with the regions
that will be blurred outlined (faces found in red, hand-drawn ones in orange).

Drag on a photo to blur a region; click one (or press Space to go through them) and press
Delete to stop blurring it; arrows move between photos, Page Up and Page Down between pages,
Enter opens the photo large. Every change is an undo step of the window (Ctrl+Z works here).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contrechamp.core.blur import BlurRegion
from contrechamp.core.errors import ContrechampError, SurveyError
from contrechamp.ui.messages import failure_text
from contrechamp.ui.photos.blur_editor import BlurEditor
from contrechamp.ui.session import SurveySession

__all__ = ["PAGE_COLUMNS", "PAGE_ROWS", "BlurReviewDialog", "ReviewTile"]

PAGE_COLUMNS, PAGE_ROWS = 4, 3
_PAGE = PAGE_COLUMNS * PAGE_ROWS
_TILE_MIN = (200, 150)
_MOVES = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: -PAGE_COLUMNS,
    Qt.Key.Key_Down: PAGE_COLUMNS,
}


class ReviewTile(BlurEditor):
    """One photo of the grid: a blur editor that goes through its regions with Space and
    asks the grid to move with the arrows or to open the photo with Enter."""

    move_asked = Signal(int)  # how many tiles to move by
    open_asked = Signal()

    def __init__(self, image: QImage, photo_id: int, parent: QWidget | None = None) -> None:
        super().__init__(image, parent)
        self.photo_id = photo_id
        self.setMinimumSize(*_TILE_MIN)

    def select_next(self) -> None:
        """Select the next region (the first after the last), for Delete."""
        regions = self.regions()
        if not regions:
            return
        current = self.selected()
        at = regions.index(current) + 1 if current in regions else 0
        self.select(regions[at % len(regions)])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space: next region; arrows: another photo; Enter: the photo large."""
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Space:
            self.select_next()
        elif key in _MOVES:
            self.move_asked.emit(_MOVES[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_asked.emit()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The photo and its regions, and a frame around the photo that has the focus."""
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 4))
            painter.drawRect(self.photo_rect().adjusted(2, 2, -2, -2))  # inside: never clipped


class BlurReviewDialog(QDialog):
    """The photos of an export (or of the whole survey), a page at a time, their regions
    editable; Export (or Close, from the menu) accepts, Cancel stops the export."""

    def __init__(
        self,
        session: SurveySession,
        photo_ids: Sequence[int],
        parent: QWidget | None = None,
        *,
        exporting: bool = True,
    ) -> None:
        super().__init__(parent)
        self._session: SurveySession | None = session
        self._photo_ids, self._exporting = list(photo_ids), exporting
        self._page = 0
        self.tiles: list[ReviewTile] = []
        self.hint, self.page_label, self.problem = QLabel(), QLabel(), QLabel()
        self.hint.setWordWrap(True)
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.previous_button, self.next_button = QPushButton(), QPushButton()
        self.previous_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setVisible(exporting)
        self.grid = QGridLayout()
        self._lay_out()
        self._add_undo_actions()
        session.blur_regions_changed.connect(self._on_session_blur_regions_changed)
        self.retranslate_ui()
        self.show_page(0)

    def _lay_out(self) -> None:
        pages = QHBoxLayout()
        pages.addWidget(self.previous_button)
        pages.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pages.addWidget(self.next_button)
        column = QVBoxLayout(self)
        column.addWidget(self.hint)
        column.addLayout(self.grid, 1)
        column.addLayout(pages)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)

    def _add_undo_actions(self) -> None:
        """Ctrl+Z and Ctrl+Shift+Z (or the platform's keys) on the window's undo stack."""
        stack = self._live_session().undo_stack
        for action, keys in (
            (stack.createUndoAction(self), QKeySequence.StandardKey.Undo),
            (stack.createRedoAction(self), QKeySequence.StandardKey.Redo),
        ):
            action.setShortcut(keys)
            self.addAction(action)

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.setWindowTitle(self.tr("Review blurred regions"))
        self.hint.setText(
            self.tr(
                "Red: faces found. Orange: drawn by hand. Drag on a photo to blur a region "
                "(a number plate, a name); click one, or press Space, then Delete to stop "
                "blurring it. Arrows move between photos, Enter opens one large, Ctrl+Z undoes."
            )
        )
        self.previous_button.setText(self.tr("&Previous"))
        self.next_button.setText(self.tr("&Next"))
        self.previous_button.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.next_button.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Export") if self._exporting else self.tr("&Close"))
        self._show_page_label()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Open with the first photo focused, ready for the keyboard."""
        super().showEvent(event)
        if self.tiles:
            self.tiles[0].setFocus()

    def page_count(self) -> int:
        """How many pages of photos there are (at least one, maybe empty)."""
        return max(1, -(-len(self._photo_ids) // _PAGE))

    def page(self) -> int:
        """The page shown, from 0."""
        return self._page

    def show_page(self, page: int) -> None:
        """Show one page of photos (clamped to those that exist), the first one focused."""
        self._page = min(max(page, 0), self.page_count() - 1)
        for tile in self.tiles:
            tile.deleteLater()
        self.tiles = [self._tile(photo_id) for photo_id in self._page_ids()]
        for n, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, n // PAGE_COLUMNS, n % PAGE_COLUMNS)
            if self.isVisible():
                tile.show()  # at once (not at the next turn), so that it can take the focus
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < self.page_count() - 1)
        self._show_page_label()
        if self.tiles:
            self.tiles[0].setFocus()

    def _page_ids(self) -> list[int]:
        return self._photo_ids[self._page * _PAGE : (self._page + 1) * _PAGE]

    def _show_page_label(self) -> None:
        first = self._page * _PAGE
        last = min(first + _PAGE, len(self._photo_ids))
        if not self._photo_ids:
            text = self.tr("No photos to review.")
        else:
            text = self.tr("Photos %1–%2 of %3")
            for marker, value in (("%1", first + 1), ("%2", last), ("%3", len(self._photo_ids))):
                text = text.replace(marker, str(value))
        self.page_label.setText(text)

    def _tile(self, photo_id: int) -> ReviewTile:
        tile = ReviewTile(self._preview(photo_id), photo_id)
        tile.setAccessibleName(self.tr("Photo %1").replace("%1", str(photo_id)))
        tile.region_drawn.connect(lambda region, p=photo_id: self._add(p, region))
        tile.region_taken_out.connect(lambda region, p=photo_id: self._take_out(p, region))
        tile.move_asked.connect(lambda step, t=tile: self._move_focus(t, step))
        tile.open_asked.connect(lambda p=photo_id: self._open(p))
        self._show_regions(tile)
        return tile

    def _preview(self, photo_id: int) -> QImage:
        """The photo's stored preview (upright), grey when it has none yet."""
        try:
            data = self._live_session().survey.thumbnail(photo_id)
        except ContrechampError:
            data = None
        image = QImage.fromData(data or b"")
        if image.isNull():
            image = QImage(320, 240, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.gray)
        return image

    def _show_regions(self, tile: ReviewTile) -> None:
        try:
            tile.set_regions(self._live_session().survey.blur_regions(tile.photo_id))
        except ContrechampError:
            tile.set_regions([])

    def _add(self, photo_id: int, region: BlurRegion) -> None:
        text = self.tr("Blur a region")
        self._guarded(lambda: self._live_session().add_blur_region(photo_id, region, text))

    def _take_out(self, photo_id: int, region: BlurRegion) -> None:
        text = self.tr("Stop blurring a region")
        self._guarded(lambda: self._live_session().take_out_blur_region(photo_id, region, text))

    def _guarded(self, write: Callable[[], None]) -> None:
        """Run an edit; a failure is said under the grid, in plain words."""
        try:
            write()
        except ContrechampError as error:
            self._say(error)
            return
        self.problem.setVisible(False)

    def _say(self, error: ContrechampError) -> None:
        self.problem.setText(failure_text(error))
        self.problem.setVisible(True)

    def _move_focus(self, tile: ReviewTile, step: int) -> None:
        """Focus the tile ``step`` away, turning the page at either end."""
        at = self.tiles.index(tile) + step
        if 0 <= at < len(self.tiles):
            self.tiles[at].setFocus()
        elif at >= len(self.tiles) and self._page < self.page_count() - 1:
            self.show_page(self._page + 1)
        elif at < 0 and self._page > 0:
            self.show_page(self._page - 1)
            self.tiles[-1].setFocus()

    def _open(self, photo_id: int) -> None:
        """The photo large, in the photo viewer (where regions are drawn more finely)."""
        from contrechamp.formats.photo_files import preview_jpeg
        from contrechamp.ui.form.photos import VIEW_PX, PhotoViewer

        session = self._live_session()
        try:
            preview = preview_jpeg(session.survey.photo_data(photo_id), VIEW_PX)
        except ContrechampError as error:
            self._say(error)
            return
        title = self.tr("Photo %1").replace("%1", str(photo_id))
        PhotoViewer(preview, title, self, session=session, photo_id=photo_id).exec()

    def _on_session_blur_regions_changed(self, photo_id: int) -> None:
        for tile in self.tiles:
            if tile.photo_id == photo_id:
                self._show_regions(tile)

    def done(self, result: int) -> None:
        """Stop following the session once closed."""
        if self._session is not None:
            self._session.blur_regions_changed.disconnect(self._on_session_blur_regions_changed)
            self._session = None
        super().done(result)

    def _live_session(self) -> SurveySession:
        """The session edited; SurveyError("survey.closed") once the dialog is closed."""
        if self._session is None:
            raise SurveyError("The review is closed.", "survey.closed")
        return self._session
