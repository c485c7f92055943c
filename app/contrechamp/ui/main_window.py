"""The field window: the map, the camera form beside it, the camera list, GPS in the status bar.

The window can be built in two steps (``staged``): first the frame the first map needs (the
map, the status bar, the menus, inert but for Quit), painted at once; then, from
``finish_building``, the side panel and the parts behind the menus. The modules of the second
step are imported only then (in the background, see ``finish_building_soon``), so the first
frame waits for none of them (SQLAlchemy, the forms, the organiser's panels).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from contrechamp.core.errors import ContrechampError
from contrechamp.ui.gps import GpsFix, GpsService
from contrechamp.ui.gps.status_label import GpsStatusLabel
from contrechamp.ui.import_lock import IMPORTING
from contrechamp.ui.map.canvas import MapCanvas
from contrechamp.ui.messages import error_text, failure_text
from contrechamp.ui.settings import FOLLOW_GPS, LAST_SURVEY, Settings
from contrechamp.ui.side_tabs import SideTab
from contrechamp.ui.tasks import run_and_wait, run_task
from contrechamp.ui.window_parts import OpenSurvey

if TYPE_CHECKING:
    from contrechamp.core.area import ExistingCamera
    from contrechamp.core.camera import Camera
    from contrechamp.core.track import TrackPoint
    from contrechamp.formats.glanced_cameras import CamerasReading, GlancedCameras
    from contrechamp.ops.photo_import import ImportSummary
    from contrechamp.store.survey import SurveyFile
    from contrechamp.ui.campaign_dialog import CampaignDialog
    from contrechamp.ui.session import SurveySession

__all__ = ["MainWindow"]

_MESSAGE_MS = 8000
_SECOND_STEP_WAIT_MS = 1500  # the longest the second step waits for a whole map
_GLANCE_PAINT_MS = 1000  # the longest the opening waits for the glanced area's whole map
_HINT, _FORM, _EXISTING = range(3)


class MainWindow(QMainWindow):
    """One survey open at a time; every edit goes through its SurveySession (saved at once).

    The window is a frame: it builds the panels and the parts (file commands, sightings,
    review links, photo intake, the survey's view), hands each the open survey
    (``opened``), itself as the status sink and the few widgets it drives, and connects
    their signals. A new panel is added with ``tabs.add_panel`` and listens to
    ``opened.changed``; no part knows the window.

    ``staged``: build only the map, the status bar and the (inert) menus now; the rest comes
    with ``finish_building`` (called at the latest when a survey is opened).
    """

    building_finished = Signal()  # the side panel, menus and parts are built

    def __init__(
        self,
        settings: Settings,
        gps: GpsService | None = None,
        canvas: MapCanvas | None = None,
        open_settings: Callable[[MainWindow], None] | None = None,
        *,
        staged: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.gps = gps or GpsService(self)
        self.canvas = canvas or MapCanvas()
        self.opened = OpenSurvey(self)
        self._open_settings = open_settings
        self.message_box: QMessageBox | None = None
        self.campaign_dialog: CampaignDialog | None = None
        self.built = False  # whether the side panel and the parts are there
        self._building = False
        self._importing = False
        self._second_step_at: QTimer | None = None  # the latest the second step is imported
        self._glance_reading: CamerasReading | None = None  # a child reading the cameras
        # Its own thread waits on that child: it must not hold up the open's worker (nor be
        # held up by it) on a machine whose shared pool has one thread.
        self._glance_pool = QThreadPool(self)
        self._glance_pool.setMaxThreadCount(1)
        self._build_frame()
        if not staged:
            self.finish_building()

    # --- building -------------------------------------------------------------------------

    def _build_frame(self) -> None:
        """The map beside an empty side panel, and the status bar: what the first frame shows."""
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(QWidget())  # the side panel's place, until it is built
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        self.setCentralWidget(self.splitter)
        self.gps_label = GpsStatusLabel(self.gps)
        self.counts = QLabel()
        self.statusBar().addPermanentWidget(self.counts)
        self.statusBar().addPermanentWidget(self.gps_label)
        from contrechamp.ui.window_actions import WindowActions

        self.commands = WindowActions(self)  # the menus; their slots come with the parts
        self.commands.quit.triggered.connect(self.close)
        # The menus are inert until the parts behind them are built (Quit works at once).
        self._inert = [a for a in self.findChildren(QAction) if a.isEnabled()]
        for action in self._inert:
            action.setEnabled(action is self.commands.quit)
        self._update_title()

    def finish_building_soon(self) -> None:
        """Once the map is whole, import the modules of the second step off the window's
        thread, then build it (the window keeps painting and taking input meanwhile).

        Called after each frame until then: imported sooner, they held back the painting of
        the first tiles. Only the local base map is waited for, at most
        ``_SECOND_STEP_WAIT_MS`` from the first call, and not while a child reads a large
        survey's cameras: its opening then holds the interpreter for seconds, and imports
        started meanwhile took as long.
        """
        if self.built or self._importing:  # once, however often the map paints
            return
        if self._second_step_at is None:
            self._second_step_at = QTimer(self)
            self._second_step_at.setSingleShot(True)
            self._second_step_at.timeout.connect(self._start_second_step)
            self._second_step_at.start(_SECOND_STEP_WAIT_MS)
        frame = self.canvas.frame
        if frame.tiles.last_complete or not frame.paints_base_map_here() or self._glance_reading:
            self._start_second_step()  # a large survey's opening would starve them later

    def _start_second_step(self) -> None:
        if self.built or self._importing:
            return
        self._importing = True
        run_task(_import_second_step, lambda _: self.finish_building(), self.show_error)

    def finish_building(self) -> None:
        """Build the side panel and the parts, and connect the menus (once; the window is
        usable after)."""
        if self.built or self._building:
            return
        self._building = True
        with IMPORTING:  # waits for the modules being imported in the background, if any
            self._build_second_step()
        self.built = True
        self.building_finished.emit()

    def _build_second_step(self) -> None:
        from contrechamp.ui import accessibility
        from contrechamp.ui.cameras_model import CamerasModel
        from contrechamp.ui.file_commands import FileCommands
        from contrechamp.ui.merge_commands import MergeCommands
        from contrechamp.ui.photos.closing_copy import ClosingCopy
        from contrechamp.ui.photos.intake import PhotoIntake

        for action in self._inert:  # as a window built at once has them; the parts adjust
            action.setEnabled(True)
        self.model = CamerasModel(self)
        self.files = FileCommands(self.opened, self, self)
        self.photo_intake = PhotoIntake(self.opened, self, self.files, self)
        self.closing_copy = ClosingCopy(self, self.photo_intake, self.files)
        self.merges = MergeCommands(
            self.opened, self, self, self.open_survey, lambda: self.set_session(None)
        )
        self._build_panels()
        self._build_actions()
        self._build_status_bar()
        self._connect()
        self.retranslate_ui()
        self._update_enabled()
        accessibility.install(self)

    def _build_panels(self) -> None:
        from contrechamp.ui.camera_list import CameraList
        from contrechamp.ui.form.camera_form import CameraForm
        from contrechamp.ui.form.existing import ExistingCameraView
        from contrechamp.ui.map.legend import MapLegend
        from contrechamp.ui.photos.review_tab import ReviewTab
        from contrechamp.ui.side_tabs import SidePanelTabs
        from contrechamp.ui.start_page import StartPage

        self.form = CameraForm()
        self.existing = ExistingCameraView()
        self.start = StartPage()
        form_scroll = QScrollArea()
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        self.panel = QStackedWidget()
        for page in (self.start, form_scroll, self.existing):
            self.panel.addWidget(page)
        self.camera_list = CameraList(self.model)
        self.review = ReviewTab()
        self.legend = MapLegend(self.canvas)
        self.tabs = SidePanelTabs(
            {
                SideTab.CAMERA: self.panel,
                SideTab.LIST: self.camera_list,
                SideTab.REVIEW: self.review,
                SideTab.LAYERS: self.legend,
            }
        )
        placeholder = self.splitter.replaceWidget(1, self.tabs)
        if placeholder is not None:
            placeholder.deleteLater()

    def _build_actions(self) -> None:
        from contrechamp.ui.sightings import Sightings
        from contrechamp.ui.survey_view import SurveyView

        a = self.commands
        self.sightings = Sightings(
            self.opened,
            self,
            self.gps,
            a.add_on_map,
            self.canvas.view_center,
            self.edited_camera_id,
            self,
        )
        self.survey_view = SurveyView(self.opened, self, self.gps, self.canvas, self)
        slots = (
            (a.new_here, self.sightings.new_camera_here),
            (a.add_on_map, self.sightings.arm_add_on_map),
            (a.undo, self._undo),
            (a.redo, self._redo),
            (a.delete, self.sightings.delete_selected),
            (a.glossary, self.show_glossary),
            (a.follow, self._toggle_follow),
            (a.go_to_area, self.survey_view.go_to_area),
            (a.show_list, self._show_list),
            (a.show_review, self.show_review),
            (a.import_photos, lambda: self.photo_intake.open_dialog()),
            (a.import_cameras, self.files.choose_imports),
            (a.merge_surveys, self.merges.choose_and_merge),
            (a.load_area, self.files.choose_area),
            (a.export, self.files.choose_export),
            (a.export_photos, self.files.choose_photo_export),
            (a.review_blur, self.files.review_blur),
            (a.print_sheets, self._print_field_sheets),
            (a.upload, self._upload),
            (a.campaign, self._campaign),
            (a.open_file, self.start.choose_survey),
            (a.new_file, self.start.create_survey),
            (a.preferences, self._on_preferences),
        )
        for action, slot in slots:
            action.triggered.connect(slot)
        a.follow.setChecked(self.settings.get(FOLLOW_GPS))
        self.gps.set_follow(self.settings.get(FOLLOW_GPS))

    def _build_status_bar(self) -> None:
        """Put the parts' widgets before the camera count and the GPS, as they always were."""
        bar = self.statusBar()
        shown: tuple[QWidget, ...] = (self.counts, self.gps_label)
        for widget in shown:
            bar.removeWidget(widget)  # hides it
        bar.addPermanentWidget(self.survey_view.notice)
        bar.addPermanentWidget(self.files.busy)
        for widget in shown:
            bar.addPermanentWidget(widget)
            widget.show()

    def _connect(self) -> None:
        from contrechamp.ui.coverage_panel import COVERAGE_TAB, COVERAGE_TAB_TEXTS, CoveragePanel
        from contrechamp.ui.organiser_panels import OrganiserPanels

        self.canvas.map_clicked.connect(self.sightings.on_map_clicked)
        self.canvas.camera_clicked.connect(self.select_camera)
        self.canvas.existing_camera_clicked.connect(self.sightings.select_existing)
        self.canvas.camera_moved.connect(self.sightings.on_camera_moved)
        self.canvas.camera_direction_dragged.connect(self.sightings.on_direction_dragged)
        self.gps.fix_changed.connect(self._on_gps_fix)
        self.form.saved.connect(self._on_form_saved)
        self.form.closed.connect(self._back_to_map)
        self.form.failed.connect(self.show_error)
        self.form.glossary_requested.connect(self.show_glossary)
        self.form.delete_requested.connect(self.sightings.delete_camera)
        self.existing.seen.connect(self.sightings.log_sighting)
        self.existing.closed.connect(self._back_to_map)
        self.camera_list.camera_chosen.connect(self._on_list_chosen)
        self.camera_list.camera_opened.connect(self._on_list_opened)
        self.start.survey_chosen.connect(self.open_survey)
        self.start.survey_created.connect(self.create_survey)
        self._connect_parts()
        self.organiser = OrganiserPanels(
            self.tabs, self.opened, self, self.canvas, self.show_in_form
        )
        self.merge_review = self.organiser.merge_review
        self.official_lists = self.organiser.official_lists
        self.coverage = CoveragePanel(self.opened, self, self.canvas)
        self.tabs.add_panel(COVERAGE_TAB, self.coverage, COVERAGE_TAB_TEXTS)
        self.files.area_loaded.connect(self.coverage.area_changed)

    def _connect_parts(self) -> None:
        from contrechamp.ui.window_review import ReviewLinks

        self.sightings.camera_logged.connect(self._on_camera_logged)
        self.sightings.camera_chosen.connect(self.select_camera)
        self.sightings.existing_chosen.connect(self.show_existing)
        self.review_links = ReviewLinks(
            self.review, self.canvas, self.tabs, self.opened, self, self.commands.add_on_map
        )
        self.review_links.camera_shown.connect(self.show_in_form)
        self.files.area_loaded.connect(self.area_changed)
        self.files.cameras_imported.connect(self.review.unplaced.refresh)
        self.files.photos_changed.connect(self.review.refresh_photos)
        self.photo_intake.photos_imported.connect(self._on_photos_imported)
        self.photo_intake.take_drops_on(self, (self.canvas, self.canvas.viewport()))
        self.survey_view.follow_requested.connect(lambda: self.set_follow(True))
        self.merges.running_changed.connect(
            lambda running: self.commands.merge_surveys.setEnabled(not running)
        )

    # --- language -------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Refresh every translated text of the window."""
        self.commands.retranslate_ui()
        self._update_title()
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:
        """Re-translate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_title(self) -> None:
        name = ""
        if self.session is not None:
            name = self.session.survey.title or self.session.survey.path.stem
        self.setWindowTitle(f"Contrechamp — {name}" if name else "Contrechamp")

    def _update_counts(self) -> None:
        if self.session is None:
            self.counts.setText("")
            return
        total = self.session.camera_count()
        self.counts.setText(self.tr("%Ln camera(s)", "", total))  # 1,000,000 / 1 000 000

    def _update_enabled(self) -> None:
        stack = self.session.undo_stack if self.session is not None else None
        a = self.commands
        for action in (
            *(a.new_here, a.add_on_map, a.delete, a.show_list, a.show_review, a.go_to_area),
            *(a.import_photos, a.import_cameras, a.load_area, a.export, a.export_photos),
            a.print_sheets,
            a.review_blur,
            a.upload,
        ):
            action.setEnabled(stack is not None)
        self.commands.undo.setEnabled(stack is not None and stack.canUndo())
        self.commands.redo.setEnabled(stack is not None and stack.canRedo())
        self.commands.undo.setToolTip(stack.undoText() if stack is not None else "")
        self.commands.redo.setToolTip(stack.redoText() if stack is not None else "")

    # --- messages -------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Show a short message in the status bar."""
        self.statusBar().showMessage(text, _MESSAGE_MS)

    def show_error(self, error: BaseException) -> None:
        """Tell the walker what failed in plain words (never a traceback)."""
        self.say(failure_text(error))

    def warn(self, title: str, text: str) -> None:
        """Tell the walker in a box that a requested step failed (the window stays usable)."""
        self.message_box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        self.message_box.open()

    # --- the survey -----------------------------------------------------------------------

    def open_survey(self, path: Path) -> bool:
        """Open a survey file; on failure say why and keep the current one.

        Checking, migrating and reading the file run off the window's thread (a big survey
        takes seconds to check); the window keeps painting and says what it is doing.
        """
        self.say(self.tr("Opening %1…").replace("%1", path.name))
        count = None if self.session is not None else self._show_glance(path)
        glanced = count is not None
        if count is not None:
            # The base map first (the cameras need numpy imported); whole, unless a child
            # reads many cameras: then they, and the long opening, matter more.
            self._paint_glance(whole=self._glance_reading is None)
            if self.session is None and self.isVisible():  # nothing else opened meanwhile
                self._show_glanced_cameras(path, count)
        try:
            opened = run_and_wait(lambda: _open_for_session(path), self)
        except ContrechampError as error:
            self._stop_glance()
            self.say("")
            self.finish_building()
            if glanced:  # the map showed a file that is not a survey one can open
                self.canvas.set_area(None, [])
                self.canvas.set_cameras([])
            QMessageBox.warning(self, self.tr("Cannot open the survey"), error_text(error))
            return False
        from contrechamp.ui.session import SurveySession

        self._stop_glance()
        self.say("")
        self.finish_building()
        self.set_session(SurveySession(*opened, parent=self))
        return True

    def _show_glance(self, path: Path) -> int | None:
        """Show a survey's area and base map while it opens; return how many cameras it
        holds (``_show_glanced_cameras`` shows them), or None when it showed nothing."""
        from contrechamp.formats import glanced_cameras as glanced
        from contrechamp.formats.survey_glance import camera_count, glance_at_survey

        self._stop_glance()  # an earlier glance's reading, if any, is not shown
        count = camera_count(path)
        if count is None:
            return None
        if glanced.READ_HERE_AT_MOST < count <= glanced.MAX_GLANCED_CAMERAS:
            # Started first: the child reads the cameras while the base map draws, and they
            # are received at once (later, the opening's thread held up their reception).
            self._glance_reading = glanced.CamerasReading(path)
            self._show_read_cameras(self._glance_reading)
        glance = glance_at_survey(path)
        if glance is None or glance.bbox is None:
            self._stop_glance()
            return None
        from contrechamp.core.opening_view import opening_view

        self.canvas.set_area(glance.bbox, glance.features)
        box = opening_view(glance.bbox, glance.opening_extent, glance.features)
        if box is not None:  # where SurveyView opens it (sectors aside)
            self.canvas.show_box(box)
        return count

    def _show_glanced_cameras(self, path: Path, count: int) -> None:
        """Show the glanced survey's cameras when there are few, read here (more are read by
        the child ``_show_glance`` started)."""
        from contrechamp.formats import glanced_cameras as glanced

        if self._glance_reading is None and count <= glanced.READ_HERE_AT_MOST:
            cameras = glanced.read_glanced_cameras(path)
            if cameras is not None:
                self.canvas.set_glanced_cameras(cameras)

    def _paint_glance(self, whole: bool) -> None:
        """Let the map paint the glanced area (``whole``: with all its tiles) before the
        opening starts (at most ``_GLANCE_PAINT_MS``; no input is taken meanwhile), and what
        that paint posted run.

        Started together, the opening's thread (its imports, the file's check) held back the
        window's thread and the tiles' painting: the first whole map came 250 ms later when
        its tiles were kept from an earlier run, about a second later when they were not.
        """
        if not self.isVisible() or self.isMinimized():  # no frame will come
            return
        loop = QEventLoop()
        timer = QTimer(loop)  # goes with the loop: never fires on a loop that is gone
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        frame = self.canvas.frame
        whole_awaited = whole and frame.paints_base_map_here()  # online tiles may never come

        def painted() -> None:
            if frame.tiles.last_complete or not whole_awaited:
                timer.start(0)  # the turn after the paint ends the wait

        self.canvas.painted.connect(painted)
        timer.start(_GLANCE_PAINT_MS)
        try:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            self.canvas.painted.disconnect(painted)

    def _show_read_cameras(self, reading: CamerasReading) -> None:
        """Show the cameras a child process reads, once read, if the survey is still opening."""

        def read(cameras: GlancedCameras | None) -> None:
            if reading is self._glance_reading and cameras is not None:
                self.canvas.set_glanced_cameras(cameras)

        # A failure only means no cameras until the survey is open: nothing to say.
        run_task(
            lambda _progress, _cancelled: reading.result(), read, lambda _e: None, self._glance_pool
        )

    def _stop_glance(self) -> None:
        """The survey is open (or could not be): a glance still being read is not shown."""
        if self._glance_reading is not None:
            self._glance_reading.cancel()
            self._glance_reading = None

    def create_survey(self, path: Path) -> bool:
        """Create a new survey file and open it."""
        from contrechamp.store.survey import SurveyFile
        from contrechamp.ui.session import SurveySession

        try:
            survey = SurveyFile.create(path, title=path.stem)
        except ContrechampError as error:
            QMessageBox.warning(self, self.tr("Cannot create the survey"), error_text(error))
            return False
        self.set_session(SurveySession(survey, parent=self))
        return True

    @property
    def session(self) -> SurveySession | None:
        """The open survey's session (None on the start page)."""
        return self.opened.session

    def set_session(self, session: SurveySession | None) -> None:
        """Show another open survey (the previous one is closed); every part is told."""
        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
        self.form.set_session(session)
        self.opened.set(session)
        cameras = session.cameras() if session else []
        self.model.set_cameras(cameras)
        self._show_survey_on_map(session, cameras)
        if session is not None:
            self._connect_session(session)
            self.settings.set(LAST_SURVEY, str(session.survey.path))
            self.photo_intake.resume_copy()
        self.panel.setCurrentIndex(_HINT)
        self.start.set_survey_open(session is not None)
        self._update_title()
        self._update_counts()
        self._update_enabled()

    def area_changed(self) -> None:
        """Show the survey's new area: its base map and the cameras already in OSM."""
        if self.session is not None:
            self.session.reload_area()
            self._show_survey_on_map(self.session)

    def append_track(self, points: list[TrackPoint]) -> None:
        """Store GPS track points in the open survey (only when tracking is on)."""
        if self.session is not None:
            self.session.append_track(points)

    def _show_survey_on_map(
        self, session: SurveySession | None, cameras: list[Camera] | None = None
    ) -> None:
        """Show the session's area and cameras (``cameras``: its cameras, if already listed)."""
        if session is None:
            self.canvas.set_cameras([])
            self.canvas.set_existing_cameras([])
            self.survey_view.show_opening(None)
            return
        cameras = session.cameras() if cameras is None else cameras
        features = session.survey.map_features()
        self.canvas.set_area(session.survey.area_bbox(), features)
        self.canvas.set_existing_cameras(session.existing_cameras())
        self.canvas.set_cameras(cameras)
        self.survey_view.show_opening(session, cameras, features)  # on its cameras or streets

    def _connect_session(self, session: SurveySession) -> None:
        session.contents_replaced.connect(lambda: self._show_survey_on_map(session))
        session.camera_added.connect(self._on_camera_stored)
        session.camera_changed.connect(self._on_camera_stored)
        session.camera_removed.connect(self._on_camera_removed)
        session.write_failed.connect(self.show_error)
        session.undo_stack.indexChanged.connect(lambda _i: self._update_enabled())

    def _on_camera_stored(self, camera: Camera) -> None:
        self.model.upsert(camera)
        self.canvas.upsert_camera(camera)
        self._update_counts()

    def _on_camera_removed(self, camera_id: str) -> None:
        self.model.remove(camera_id)
        self.canvas.remove_camera(camera_id)
        if self.form.camera_id == camera_id:
            self.form.show_camera(None)
            self.panel.setCurrentIndex(_HINT)
        self._update_counts()

    # --- choosing cameras ----------------------------------------------------------------

    def show_existing(self, node: ExistingCamera) -> None:
        """Show a camera already in OSM in the side panel, "I saw this one" focused."""
        self.existing.show_node(node)
        self.canvas.set_selected(None)
        self.panel.setCurrentIndex(_EXISTING)
        self.tabs.show_panel(SideTab.CAMERA)
        self.existing.seen_button.setFocus()

    def edited_camera_id(self) -> str | None:
        """The camera open in the form, when the form is what the side panel shows."""
        return self.form.camera_id if self.panel.currentIndex() == _FORM else None

    def select_camera(self, camera_id: str) -> None:
        """Open one of the survey's cameras in the form and highlight it on the map."""
        if self.session is None or self.session.camera(camera_id) is None:
            return
        self.show_in_form(camera_id)
        self.tabs.show_panel(SideTab.CAMERA)

    # --- small slots ----------------------------------------------------------------------

    def _undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def _redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    def _on_camera_logged(self, camera_id: str, warning: str) -> None:
        """A camera just logged: open it in the form, with what to check about it."""
        self.select_camera(camera_id)
        self.form.set_warning(warning)
        self.form.focus_first()

    def _on_photos_imported(self, summary: ImportSummary) -> None:
        self.review.unplaced.refresh()
        if summary.drafts_created:
            self.show_review()
        dialog = self.photo_intake.dialog  # it stays open for the copy: ask above it
        parent = dialog if dialog is not None and dialog.isVisible() else self
        self.survey_view.offer_to_reject_far_drafts(summary.camera_ids, parent)

    def _on_form_saved(self, _camera_id: str) -> None:
        self.say(self.tr("Saved. Press N for the next camera."))
        self._back_to_map()

    def _back_to_map(self) -> None:
        self.canvas.setFocus()

    def _on_list_chosen(self, camera_id: str) -> None:
        camera = self.session.camera(camera_id) if self.session else None
        if camera is not None:
            self.show_in_form(camera_id)
            self.canvas.center_on(camera.lat, camera.lon)

    def _on_list_opened(self, camera_id: str) -> None:
        self.select_camera(camera_id)
        self.form.focus_first()

    def _show_list(self) -> None:
        self.tabs.show_panel(SideTab.LIST)
        self.camera_list.focus_table()

    def show_review(self) -> None:
        """Show the drafts to review (Ctrl+R), the keyboard in the queue."""
        self.tabs.show_panel(SideTab.REVIEW)
        self.review.focus_queue()
        self.review_links.show_current_draft()

    def show_in_form(self, camera_id: str) -> None:
        """Highlight a camera on the map and load it in the form, staying on the current tab."""
        self.canvas.set_selected(camera_id)
        self.form.show_camera(camera_id)
        self.panel.setCurrentIndex(_FORM)

    def _on_gps_fix(self, fix: GpsFix) -> None:
        self.canvas.set_gps(fix.lat, fix.lon, fix.accuracy_m, fix.heading)
        if self.survey_view.on_fix(fix) and self.gps.follow:  # far from the area: it asks
            self.canvas.center_on(fix.lat, fix.lon)

    def _toggle_follow(self) -> None:
        self.set_follow(self.commands.follow.isChecked())

    def set_follow(self, on: bool) -> None:
        """Keep the map on the GPS position (F), remembered in the settings."""
        self.commands.follow.setChecked(on)
        self.settings.set(FOLLOW_GPS, on)
        self.gps.set_follow(on)

    def show_glossary(self) -> None:
        """Show the visual glossary; choosing an entry fills the form's values."""
        from contrechamp.ui.glossary.dialog import GlossaryDialog

        dialog = GlossaryDialog(self)
        editing = self.edited_camera_id() is not None
        dialog.set_can_apply(editing)
        if dialog.exec() and editing and dialog.chosen is not None:
            self.form.apply_tags(dialog.chosen.tags, self.tr("Use glossary values"))

    def _print_field_sheets(self) -> None:
        """File → Print field sheets: the sector's map and entry lines, as an A4 PDF."""
        if self.session is not None:
            from contrechamp.ui.sheets.print_dialog import print_field_sheets

            print_field_sheets(self, self.session.survey)

    def _upload(self) -> None:
        """File → Upload to OpenStreetMap: the plan, then the changesets; the cameras are
        linked to their nodes afterwards (written in turns with the window's edits)."""
        session = self.session
        if session is None:
            return
        from contrechamp.ui.upload_dialog import UploadDialog

        dialog = UploadDialog(session.writer.survey, self)
        dialog.sig_uploaded.connect(lambda _report: session.take_outside_changes())
        self.upload_dialog = dialog
        dialog.open()

    def _campaign(self) -> None:
        """File → Campaign: status, push and pull of the shared campaign (one dialog, kept:
        a push or pull under way says how it ended when shown again)."""
        if self.campaign_dialog is None:
            from contrechamp.ui.campaign_dialog import CampaignDialog, view_bbox

            self.campaign_dialog = CampaignDialog(
                self.settings, self.opened, self.files.jobs, lambda: view_bbox(self.canvas), self
            )
            self.campaign_dialog.survey_pulled.connect(self.open_survey)
        self.campaign_dialog.open()

    def _on_preferences(self) -> None:
        if self._open_settings is not None:
            self._open_settings(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the survey cleanly (everything is already saved); a copy of photos into the
        survey is finished first, in sight, unless the walker stops it."""
        self._stop_glance()  # the child reading a glance is not waited for
        if not self.built:  # closed while it starts: no survey is open yet
            self.gps.stop()
            super().closeEvent(event)
            return
        if self.closing_copy.holds_close():
            event.ignore()  # closed again once the copy has ended
            return
        self.gps.stop()
        self.photo_intake.stop()  # an import stops after the draft it is saving
        self.files.jobs.stop()  # previews resume next time
        self.files.jobs.wait()
        self.set_session(None)
        super().closeEvent(event)


def _open_for_session(path: Path) -> tuple[SurveyFile, list[Camera], list[ExistingCamera]]:
    """Check, migrate and read a survey for its session (runs off the window's thread, so the
    survey's modules, SQLAlchemy among them, are imported there too).

    Only the imports hold ``IMPORTING``: reading a million cameras takes seconds, and the
    window's building waited for all of them. Before the read, the process's large blocks
    are made to go back to the system once freed (``contrechamp.allocator``; here, not at
    start-up, which its ctypes import would slow by ~5 ms).
    """
    with IMPORTING:  # the survey's modules (Alembic's only for an old file, when migrated)
        from contrechamp.allocator import keep_large_blocks_returnable
        from contrechamp.ui.session import open_for_session

    keep_large_blocks_returnable()
    return open_for_session(path)


_SECOND_STEP = (
    # First: the window's thread may need it meanwhile (the glanced cameras), and must then
    # wait for no import but this one's (the map's cameras, sectors and coverage: numpy).
    "contrechamp.ui.map.frame_layers",
    "contrechamp.ui.accessibility",
    "contrechamp.ui.cameras_model",
    "contrechamp.ui.file_commands",
    "contrechamp.ui.merge_commands",
    "contrechamp.ui.photos.closing_copy",
    "contrechamp.ui.photos.intake",
    "contrechamp.ui.camera_list",
    "contrechamp.ui.form.camera_form",
    "contrechamp.ui.form.existing",
    "contrechamp.ui.map.legend",
    "contrechamp.ui.photos.review_tab",
    "contrechamp.ui.side_tabs",
    "contrechamp.ui.start_page",
    "contrechamp.ui.sightings",
    "contrechamp.ui.survey_view",
    "contrechamp.ui.coverage_panel",
    "contrechamp.ui.organiser_panels",
    "contrechamp.ui.window_review",
    "contrechamp.ui.session",
    "contrechamp.ops.official_lists",
)


def _import_second_step(_progress: object, _cancelled: object) -> None:
    """Import what ``finish_building`` builds from (no widget is made here: any thread)."""
    with IMPORTING:
        for name in _SECOND_STEP:
            importlib.import_module(name)
