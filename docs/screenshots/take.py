"""Take the README and guide screenshots offscreen at 1280×800, from the real app.

Run from the checkout: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py
[PHOTOS_FOLDER [QM_FOLDER]]`` (``make screenshots``; photos default to ../shared/data/photos,
the compiled translations to i18n/, built by ``make translations``). It writes, here, the
README's window-form.png, review.png, merge-review.png and window-fr.png, the window in the
dark palette (window-dark.png) and at 200% scale on a Full HD screen (window-200.png, 960×540
logical pixels: the script runs itself again with ``QT_SCALE_FACTOR=2``, which Qt reads only
at start-up); and in docs/guide/en/img and
docs/guide/fr/img the guide's pictures in each language: the form, the drafts to review, the
merge review, the export and upload dialogs and the settings. Only the PNGs are written
outside a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from contrechamp.ops.demo import build_demo_survey
from contrechamp.ops.photo_import import import_photos
from contrechamp.ops.photo_previews import render_previews
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.colour_scheme import apply_scheme
from contrechamp.ui.export_dialog import ExportDialog
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.canvas import render_frame
from contrechamp.ui.merge_review_panel import MERGE_TAB
from contrechamp.ui.settings import Settings
from contrechamp.ui.settings_dialog import SettingsDialog
from contrechamp.ui.style import FIELD_STYLE
from contrechamp.ui.translations import Translations
from contrechamp.ui.upload_dialog import UploadDialog

HERE = Path(__file__).resolve().parent
GUIDE = HERE.parent / "guide"
SIZE = (1280, 800)
SCALED_SIZE = (960, 540)
SCALED = "--scaled"  # the second run, at QT_SCALE_FACTOR=2


def _settle(window: MainWindow) -> None:
    """Let layouts, the map's tiles and the status bar settle before grabbing."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    viewport = window.canvas.viewport()
    render_frame(window.canvas, viewport.width(), viewport.height(), wait=True)
    window.canvas.viewport().update()
    for _ in range(5):
        app.processEvents()


def _grab(window: MainWindow, name: str | Path) -> None:
    _settle(window)
    out = HERE / name
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out), "PNG", 9)
    print(f"{out}: {out.stat().st_size // 1024} KB")


def _grab_dialog(dialog: QWidget, out: Path) -> None:
    """Show a dialog over the window, grab it alone, close it."""
    dialog.show()
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out), "PNG", 9)
    dialog.close()
    print(f"{out}: {out.stat().st_size // 1024} KB")


def _window(survey: Path, scratch: Path, size: tuple[int, int] = SIZE) -> MainWindow:
    window = MainWindow(Settings(str(scratch / "settings.ini")), gps=GpsService())
    window.resize(*size)
    window.show()
    assert window.open_survey(survey)
    return window


def _form_camera(window: MainWindow) -> str:
    """The demo's street-lamp camera: it has a value to check, so the form shows the list."""
    assert window.session is not None
    cameras = window.session.cameras()
    return next((c.id for c in cameras if "camera:angle" in c.tags), cameras[0].id)


def _show_form(window: MainWindow) -> None:
    camera_id = _form_camera(window)
    window.select_camera(camera_id)
    camera = window.session.camera(camera_id) if window.session else None
    assert camera is not None
    window.canvas.center_on(camera.lat, camera.lon, 18.5)


def _choose_photo_draft(window: MainWindow) -> None:
    """Make current the first draft that holds photos (the demo's own drafts have none)."""
    assert window.session is not None
    queue = window.review.queue
    for row in range(queue.model.rowCount()):
        camera_id = queue.model.camera_id(row)
        if camera_id and window.session.survey.photos(camera_id):
            queue.select_camera(camera_id)
            return


def _merged_walks(scratch: Path) -> Path:
    """Four pairs' simulated walks of Monaco's real cameras, merged, with the area's map."""
    from tests.core.walk_simulation import simulate_walks
    from tests.ops.walk_surveys import write_pair_surveys

    from contrechamp.formats.basemap import read_area
    from contrechamp.ops.area import load_area
    from contrechamp.ops.merge import merge_surveys

    extract = HERE.parents[2] / "shared" / "data" / "osm" / "monaco.osm.pbf"
    walks = simulate_walks(extract, seed=5, pairs=4)
    folder = scratch / "pairs"
    folder.mkdir()
    pairs = write_pair_surveys(folder, walks, area=read_area(extract), photos_every=2)
    merged = scratch / "merged.cartoparty"
    merge_surveys(merged, pairs)
    with SurveyFile.open(merged) as survey:
        load_area(survey, extract)
    return merged


def _surveys(scratch: Path, photos: Path) -> tuple[Path, Path, Path]:
    """The demo survey, the demo with the walk photos imported, and the merged walks."""
    survey = scratch / "demo.cartoparty"
    build_demo_survey(survey)
    reviewed = scratch / "review.cartoparty"
    shutil.copy(survey, reviewed)
    with SurveyFile.open(reviewed) as opened:
        import_photos(opened, [photos])
        # As the window does after an import: previews for photos without a thumbnail.
        ids = [p.id for p in opened.photos() if p.id and not opened.thumbnail(p.id)]
        render_previews(opened, ids)
    return survey, reviewed, _merged_walks(scratch)


def _shots(language: str, surveys: tuple[Path, Path, Path], scratch: Path, readme: bool) -> None:
    """The guide's pictures in ``language`` (and the README's, in English)."""
    survey, reviewed, merged = surveys
    img = GUIDE / language / "img"
    window = _window(survey, scratch)
    _show_form(window)
    _grab(window, img / "form.png")
    if readme:
        _grab(window, "window-form.png" if language == "en" else "window-fr.png")
    _grab_dialog(SettingsDialog(window.settings, window), img / "settings.png")
    _grab_dialog(ExportDialog(survey, window), img / "export.png")
    with SurveyFile.open(survey) as opened:
        _grab_dialog(UploadDialog(opened, window), img / "upload.png")
    window.close()
    window = _window(reviewed, scratch)
    _choose_photo_draft(window)
    window.show_review()
    _grab(window, img / "review.png")
    if readme and language == "en":
        _grab(window, "review.png")
    window.close()
    window = _window(merged, scratch)
    window.tabs.show_panel(MERGE_TAB)
    window.merge_review.focus_queue()
    _grab(window, img / "merge.png")
    if readme and language == "en":
        _grab(window, "merge-review.png")
    window.close()


def _dark(app: QApplication, survey: Path, scratch: Path) -> None:
    """window-dark.png: the form in the dark palette the window takes for a dark system."""
    apply_scheme(app, Qt.ColorScheme.Dark)
    app.setStyleSheet(FIELD_STYLE)
    window = _window(survey, scratch)
    _show_form(window)
    _grab(window, "window-dark.png")
    window.close()
    apply_scheme(app, Qt.ColorScheme.Light)


def _scaled(photos: Path, qm_dir: Path | None) -> None:
    """Run this script again at 200% (Qt reads QT_SCALE_FACTOR at start-up only)."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, __file__, SCALED, str(photos)]
    subprocess.run([*command, *([str(qm_dir)] if qm_dir else [])], env=env, check=True)


def main(photos: Path, qm_dir: Path | None = None, scaled: bool = False) -> None:
    """Write the README's screenshots here and the guide's in docs/guide/{en,fr}/img."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyleSheet(FIELD_STYLE)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        if scaled:
            english = Translations(qm_dir)
            english.apply("en")
            survey = scratch / "demo.cartoparty"
            build_demo_survey(survey)
            # A Full HD laptop screen at 200%: 960×540 logical pixels.
            window = _window(survey, scratch, SCALED_SIZE)
            _show_form(window)
            _grab(window, "window-200.png")
            window.close()
            english.clear()
            return
        surveys = _surveys(scratch, photos)
        for language in ("en", "fr"):
            translations = Translations(qm_dir)
            translations.apply(language)  # English too: its plural forms, "1 camera"
            _shots(language, surveys, scratch, readme=True)
            if language == "en":
                _dark(app, surveys[0], scratch)
            translations.clear()
    _scaled(photos, qm_dir)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    default = HERE.parents[2] / "shared" / "data" / "photos"
    arguments = [argument for argument in sys.argv[1:] if argument != SCALED]
    qm = Path(arguments[1]) if len(arguments) > 1 else None
    main(Path(arguments[0]) if arguments else default, qm, SCALED in sys.argv[1:])
