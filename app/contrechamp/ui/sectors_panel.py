"""The Sectors tab: the workshop's sectors with their pairs, how much of each is walked and
the cameras logged in it; drawing a sector on the map, deleting one (each one undo step).

The walk progress (``ops.sectors.sector_progress``) is worked out off the window's thread
when the survey opens, a little after cameras are logged, and on *Refresh*; its walked
streets go on the map.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import shapely
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shapely.errors import ShapelyError

from contrechamp.core.area import BBox, Sector
from contrechamp.core.errors import ContrechampError
from contrechamp.core.messages import QT_TRANSLATE_NOOP
from contrechamp.core.sectors import drawn_sector, sector_polygon
from contrechamp.core.walk_progress import SectorProgress
from contrechamp.ops.sectors import sector_progress
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.map import MapCanvas
from contrechamp.ui.messages import error_text
from contrechamp.ui.sector_dialog import SectorDialog
from contrechamp.ui.session import SurveySession
from contrechamp.ui.side_tabs import TabTexts
from contrechamp.ui.tasks import run_task
from contrechamp.ui.window_parts import OpenSurvey, StatusSink

__all__ = ["PROGRESS_DELAY_MS", "SECTORS_TAB", "SECTORS_TAB_TEXTS", "SectorsPanel"]

SECTORS_TAB = "sectors"
SECTORS_TAB_TEXTS = TabTexts(
    "SectorsPanel",
    QT_TRANSLATE_NOOP("SectorsPanel", "Sectors"),
    QT_TRANSLATE_NOOP(
        "SectorsPanel", "The workshop's sectors: who walks each one and how much is walked"
    ),
)
PROGRESS_DELAY_MS = 1500
"""How long after the last camera logged the progress is worked out again (a walker logging
one camera after another gets one refresh, not one per camera)."""

_COLUMNS = 4  # sector, pair, walked, cameras


class SectorsPanel(QWidget):
    """The open survey's sectors; activating one fits the map to it.

    ``progress_shown`` follows each walk progress put in the list and on the map."""

    progress_shown = Signal()

    def __init__(self, opened: OpenSurvey, status: StatusSink, canvas: MapCanvas) -> None:
        super().__init__()
        self._opened, self._status, self._canvas = opened, status, canvas
        self._session: SurveySession | None = None
        self._sectors: list[Sector] = []
        self._own_id: int | None = None
        self._progress: dict[int | None, SectorProgress] = {}
        self._asked = 0  # numbers the progress requests: only the latest one is shown
        self.dialog: SectorDialog | None = None
        self._corners: list[tuple[float, float]] = []
        self._build()
        self._later = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._later.timeout.connect(self.refresh_progress)
        canvas.sketch.finished.connect(self._on_sketch_finished)
        canvas.sketch.cancelled.connect(self._show_state)
        opened.changed.connect(self.set_session)
        self.retranslate_ui()
        self.set_session(opened.session)

    def _build(self) -> None:
        self.heading, self.hint = QLabel(), QLabel()
        self.hint.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setColumnCount(_COLUMNS)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for number in range(1, _COLUMNS):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemActivated.connect(lambda item, _column: self.fit_to(item))
        self.table.currentItemChanged.connect(lambda *_: self._show_state())
        self.draw_button, self.delete_button = QPushButton(), QPushButton()
        self.refresh_button = QPushButton()
        self.draw_button.clicked.connect(self.start_drawing)
        self.delete_button.clicked.connect(self.delete_current)
        self.refresh_button.clicked.connect(self.refresh_progress)
        buttons = QHBoxLayout()
        for button in (self.draw_button, self.delete_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(self.hint)

    # --- the survey -----------------------------------------------------------------------
    def set_session(self, session: SurveySession | None) -> None:
        """Show another survey's sectors (none before one is opened)."""
        if self._session is not None:
            for signal, slot in self._session_links(self._session):
                signal.disconnect(slot)
        self._canvas.sketch.cancel()
        self._session = session
        if session is not None:
            for signal, slot in self._session_links(session):
                signal.connect(slot)
        self.reload()

    def _session_links(
        self, session: SurveySession
    ) -> list[tuple[SignalInstance, Callable[..., None]]]:
        later = self._refresh_later
        return [
            (session.sectors_changed, self.reload),
            (session.contents_replaced, self.reload),
            (session.camera_added, later),
            (session.camera_changed, later),
            (session.camera_removed, later),
        ]

    def reload(self) -> None:
        """Read the sectors again, show them on the map and work their progress out."""
        session = self._session
        try:
            self._sectors = session.survey.sectors() if session is not None else []
            own = session.survey.own_sector() if session is not None else None
        except ContrechampError as error:
            self._sectors, own = [], None
            self._status.show_error(error)
        self._own_id = own.id if own is not None else None
        self._canvas.set_sectors(self._sectors, self._own_id)
        self._canvas.set_walked([])
        self._progress = {}
        self._fill()
        self.refresh_progress()

    def sectors(self) -> list[Sector]:
        """The sectors shown, in the survey's order."""
        return list(self._sectors)

    # --- walk progress --------------------------------------------------------------------
    def _refresh_later(self, *_changed: object) -> None:
        if self._sectors:
            self._later.start()

    def refresh_progress(self) -> None:
        """Work the walk progress out again, off the window's thread."""
        self._later.stop()
        self._asked += 1
        session, asked = self._session, self._asked
        if session is None or not self._sectors:
            return
        path, sectors = session.survey.path, list(self._sectors)

        def work(_progress: Callable[[int, int], None], _cancelled: threading.Event) -> object:
            with SurveyFile.reader(path) as survey:  # its own connection, in this thread
                return sector_progress(survey, sectors)

        run_task(work, lambda result: self._on_progress(asked, result), self._on_failed)

    def _on_progress(self, asked: int, progress: list[SectorProgress]) -> None:
        if asked != self._asked:
            return  # another survey, other sectors, or a later request
        self._canvas.set_walked([p.walked_wkb for p in progress])
        self._progress = {p.sector.id: p for p in progress}
        self._fill()
        self.progress_shown.emit()

    def _on_failed(self, error: Exception) -> None:
        self._status.show_error(error)

    # --- the list -------------------------------------------------------------------------
    def _fill(self) -> None:
        current, progress = self.current_sector(), self._progress
        self.table.clear()
        for sector in self._sectors:
            item = QTreeWidgetItem(self._row(sector, progress.get(sector.id)))
            item.setData(0, Qt.ItemDataRole.UserRole, sector.id)
            for column in (2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            if sector.id == self._own_id:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                item.setToolTip(0, self.tr("The sector this pair walks"))
            self.table.addTopLevelItem(item)
            if current is not None and sector.id == current.id:
                self.table.setCurrentItem(item)
        self._show_state()

    def _row(self, sector: Sector, progress: SectorProgress | None) -> list[str]:
        pair = sector.pair or "—"
        if progress is None:
            return [sector.name, pair, "…", "…"]
        percent = self.tr("%1%").replace("%1", f"{progress.percent_walked:.0f}")
        return [sector.name, pair, percent, str(progress.cameras_inside)]

    def current_sector(self) -> Sector | None:
        """The sector chosen in the list."""
        item = self.table.currentItem()
        return None if item is None else self._sector_of(item)

    def _sector_of(self, item: QTreeWidgetItem) -> Sector | None:
        sector_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((s for s in self._sectors if s.id == sector_id), None)

    def fit_to(self, item: QTreeWidgetItem) -> None:
        """Show the whole of a sector on the map."""
        sector = self._sector_of(item)
        if sector is None:
            return
        try:
            west, south, east, north = shapely.from_wkb(sector.wkb).bounds
        except ShapelyError:
            return  # a damaged shape: the progress said so already
        self._canvas.show_box(BBox(west, south, east, north))

    # --- drawing and deleting -------------------------------------------------------------
    def start_drawing(self) -> None:
        """Arm drawing a sector on the map: clicks add corners (see the hint)."""
        if self._session is None:
            return
        self._canvas.sketch.start()
        self._canvas.setFocus()
        self._show_state()

    def _on_sketch_finished(self, corners: list[tuple[float, float]]) -> None:
        self._show_state()
        if self._session is None:
            return
        try:
            sector_polygon(corners)
        except ContrechampError as error:
            self._status.warn(self.tr("Sector not saved"), error_text(error))
            return
        self._corners = corners
        if self.dialog is not None:
            self.dialog.deleteLater()  # the box of the sector drawn before
        self.dialog = SectorDialog(self)
        self.dialog.chosen.connect(self._save_drawn)
        self.dialog.open()

    def _save_drawn(self, name: str, pair: str) -> None:
        session, dialog = self._session, self.dialog
        if session is None or dialog is None:
            return
        try:
            taken = {s.name for s in self._sectors}
            sector = drawn_sector(self._corners, name, pair, taken)
            session.add_sector(sector, self.tr("Draw sector %1").replace("%1", sector.name))
        except ContrechampError as error:
            dialog.show_problem(error_text(error))
            return
        dialog.accept()
        self._canvas.window().activateWindow()  # back on the map, Ctrl+Z at hand
        self._canvas.setFocus()
        self._status.say(self.tr("Sector %1 saved.").replace("%1", sector.name))

    def delete_current(self) -> None:
        """Delete the sector chosen in the list (Ctrl+Z brings it back)."""
        sector, session = self.current_sector(), self._session
        if sector is None or session is None:
            return
        try:
            session.delete_sector(sector, self.tr("Delete sector %1").replace("%1", sector.name))
        except ContrechampError as error:
            self._status.show_error(error)

    # --- texts ----------------------------------------------------------------------------
    def _show_state(self) -> None:
        drawing = self._canvas.sketch.active
        self.draw_button.setEnabled(self._session is not None and not drawing)
        self.delete_button.setEnabled(self.current_sector() is not None and not drawing)
        self.refresh_button.setEnabled(bool(self._sectors))
        if drawing:
            self.hint.setText(
                self.tr(
                    "Click the sector's corners on the map. Enter or a double-click closes "
                    "it, Backspace takes the last corner back, Esc cancels."
                )
            )
        else:
            self.hint.setText(self.tr("Double-click a sector to see all of it on the map."))
        self.heading.setText(self.tr("No sector yet: draw one on the map."))
        self.heading.setVisible(not self._sectors)

    def retranslate_ui(self) -> None:
        """Refresh every translated text."""
        self.table.setHeaderLabels(
            [self.tr("Sector"), self.tr("Pair"), self.tr("Walked"), self.tr("Cameras")]
        )
        self.draw_button.setText(self.tr("&Draw sector"))
        self.delete_button.setText(self.tr("De&lete"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.draw_button.setToolTip(self.tr("Draw a new sector on the map, corner by corner"))
        self.refresh_button.setToolTip(self.tr("Work out again how much of each sector is walked"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._fill()  # the percentages, in the new language
        super().changeEvent(event)
