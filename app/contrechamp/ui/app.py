"""Start the window: Qt application, language, settings, GPS and the first survey to open."""

from __future__ import annotations

import linecache
import logging
import platform
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from contrechamp import GENERATOR
from contrechamp.core.errors import ContrechampError
from contrechamp.core.gps_spec import parse_gps_spec
from contrechamp.logs import log_to_file, stop_log_file
from contrechamp.resources import resource_path
from contrechamp.ui.colour_scheme import follow_system_scheme
from contrechamp.ui.import_lock import IMPORTING
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.tile_folder import default_tile_folder
from contrechamp.ui.map.tile_sources import OnlineTiles, VectorTiles
from contrechamp.ui.settings import (
    FOLLOW_GPS,
    GPS_SPEC,
    LANGUAGE,
    LAST_SURVEY,
    ONLINE_TILES,
    ONLINE_TILES_URL,
    TRACK_LOGGING,
    Settings,
)
from contrechamp.ui.style import FIELD_STYLE
from contrechamp.ui.tasks import run_task
from contrechamp.ui.translations import Translations

__all__ = ["FieldApp", "log_folder", "run_gui"]

translate = QCoreApplication.translate  # lupdate recognises this name
_log = logging.getLogger(__name__)


class FieldApp:
    """The running app: one window, its settings and language, applied when they change.

    The window is built in two steps: the map first, the rest once the map is painted (or
    when a survey is opened, whichever comes first), so the walker sees the map at once.
    """

    def __init__(
        self, settings: Settings, translations: Translations, gps_override: str | None = None
    ) -> None:
        self.settings = settings
        self.translations = translations
        self.gps_override = gps_override
        self.window = MainWindow(settings, open_settings=self.edit_settings, staged=True)
        self.window.resize(1280, 800)
        self.window.canvas.painted.connect(
            self.window.finish_building_soon, Qt.ConnectionType.QueuedConnection
        )
        self.window.building_finished.connect(self._built)
        self.window.canvas.frame.keep_tiles_in(default_tile_folder())
        self.apply_settings()

    def _built(self) -> None:
        """The window is whole: frames no longer ask for it, imported sources are dropped."""
        self.window.canvas.painted.disconnect(self.window.finish_building_soon)
        _forget_module_sources()

    def apply_settings(self) -> None:
        """Apply the stored options: language, GPS source, track logging, tiles."""
        self.translations.apply(self.settings.get(LANGUAGE))
        self._start_gps()
        self.window.set_follow(self.settings.get(FOLLOW_GPS))
        gps = self.window.gps
        if self.settings.get(TRACK_LOGGING):
            gps.set_track_logging(True, self.window.append_track)
        else:
            gps.set_track_logging(False, None)
        if self.settings.get(ONLINE_TILES):
            self.window.canvas.set_tile_source(OnlineTiles(url=self.settings.get(ONLINE_TILES_URL)))
        else:
            self.window.canvas.set_tile_source(VectorTiles())

    def _start_gps(self) -> None:
        text = self.gps_override or self.settings.get(GPS_SPEC)
        try:
            spec = parse_gps_spec(text)
        except ContrechampError as error:
            self.window.show_error(error)
            spec = parse_gps_spec("none")
        if spec != self.window.gps.spec:
            self.window.gps.start(spec)

    def edit_settings(self, window: MainWindow) -> None:
        """Show the settings dialog; apply what the user chose."""
        from contrechamp.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, window)
        if dialog.exec():
            self.gps_override = None
            self.apply_settings()

    def open_first(self, survey: Path | None, demo: bool, area: Path | None) -> None:
        """Open the survey asked for (or the demo, or the last one) and load an area into it."""
        if demo:
            self.window.say(translate("FieldApp", "Preparing the demo survey…"))
            run_task(_build_demo, self._on_demo_ready, self.window.show_error)
            return
        last = self.settings.get(LAST_SURVEY)
        target = survey or (Path(last) if last and Path(last).is_file() else None)
        if target is not None and self.window.open_survey(target) and area is not None:
            self.window.files.load_area(area)

    def _on_demo_ready(self, path: Path) -> None:
        self.window.open_survey(path)


def _forget_module_sources() -> None:
    """Drop the source lines PySide6 cached while the window's modules were imported.

    PySide6 reads the source of every module imported after it (to look for ``__feature__``
    use), which leaves all of them in ``linecache``: tens of MB nothing needs. A traceback
    reads the lines it shows again.
    """
    linecache.clearcache()


def _build_demo(_progress: object, _cancelled: object) -> Path:
    with IMPORTING:  # the demo's modules import the survey's
        from contrechamp.ops.demo import demo_survey_path

    return demo_survey_path()


def log_folder() -> Path | None:
    """The folder of the window's log file, per user (None when the system has no such place).

    On Linux ``~/.local/share/Contrechamp/Contrechamp/logs``; the application and organisation
    names must be set first.
    """
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "logs" if base else None


def _start_log() -> None:
    """Open the log file (contrechamp.logs says what may go in it: no positions, no cameras)."""
    folder = log_folder()
    try:
        if folder is None:
            return
        log_to_file(folder)
    except OSError:  # e.g. a read-only home: the window works without its log
        return
    system = f"Python {platform.python_version()}, Qt {qVersion()}, {platform.system()}"
    _log.info("%s started (%s)", GENERATOR, system)


def _install_excepthook(window: MainWindow) -> Callable[..., object]:
    """A bug in a slot shows a short message instead of a traceback; stderr keeps the detail.

    Returns the previous hook, to put back when the window is gone.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        previous(kind, error, trace)
        _log.error("an unexpected error in the window", exc_info=(kind, error, trace))
        window.say(translate("Messages", "Something went wrong. Your saved cameras are safe."))

    sys.excepthook = hook
    return previous


def run_gui(
    survey: Path | None, *, demo: bool = False, area: Path | None = None, gps: str | None = None
) -> int:
    """Run the field window until it is closed; return the process exit status."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Contrechamp")
    app.setOrganizationName("Contrechamp")
    _start_log()
    app.setWindowIcon(QIcon(str(resource_path("icons", "contrechamp.svg"))))
    app.setStyleSheet(FIELD_STYLE)
    follow_system_scheme(app)
    field = FieldApp(Settings(), Translations(), gps)
    previous = _install_excepthook(field.window)
    try:
        field.window.show()
        field.open_first(survey, demo, area)
        if not field.window.isVisible():  # closed while starting: events ran during the start
            return 0
        return app.exec()
    finally:
        sys.excepthook = previous
        field.translations.clear()
        stop_log_file()
