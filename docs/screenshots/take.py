"""Take the README and guide screenshots offscreen at 1280×800, from the real app.

Run from the checkout: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py
[PHOTOS_FOLDER [QM_FOLDER]]`` (``make screenshots``; without PHOTOS_FOLDER, or with ``-``, the
photos are drawn photos of cameras in the demo area, docs/screenshots/walk_photos.py; the
compiled translations default to i18n/, built by ``make translations``). It writes, here, the
README's window-form.png, review.png, merge-review.png and window-fr.png, the window in the
dark palette (window-dark.png) and at 200% scale on a Full HD screen (window-200.png, 960×540
logical pixels: the script runs itself again with ``QT_SCALE_FACTOR=2``, which Qt reads only
at start-up); and in docs/guide/en/img and docs/guide/fr/img the guide's pictures in each
language: the form, the drafts to review, the merge review, the sectors, the glossary, the
export and upload dialogs and the settings. Only the PNGs are written outside a temporary
folder.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docs.screenshots.blur_review_shot import take_blur_review
from docs.screenshots.coverage_shot import take_coverage
from docs.screenshots.walk_photos import camera_photo, write_walk_photos
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from contrechamp.ops.demo import build_demo_survey
from contrechamp.ops.photo_import import import_photos
from contrechamp.ops.photo_previews import render_previews
from contrechamp.ops.sectors import import_sectors
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.colour_scheme import apply_scheme
from contrechamp.ui.export_dialog import ExportDialog
from contrechamp.ui.glossary.dialog import GlossaryDialog
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.canvas import render_frame
from contrechamp.ui.merge_review_panel import MERGE_TAB
from contrechamp.ui.sectors_panel import SECTORS_TAB
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
COMMENTS = {
    "en": "Cameras around the station, cartoparty of 13 June",
    "fr": "Caméras autour de la gare, cartoparty du 13 juin",
}


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


def _add_drawn_photos(pairs: list[Path], every: int) -> None:
    """A drawn photo (tests' stand-in bytes cannot be previewed) on every ``every``-th camera
    of each pair's survey."""
    from contrechamp.core.photo import PhotoInfo, PhotoRole

    for pair in pairs:
        with SurveyFile.open(pair) as survey:
            for n, camera in enumerate(survey.cameras()):
                if n % every == 0:
                    buffer = io.BytesIO()
                    camera_photo(n, wide=n % 2 == 1).save(buffer, "JPEG", quality=80)
                    name = f"{pair.stem}-{n}.jpg"
                    info = PhotoInfo(None, camera.id, "", name, "image/jpeg", PhotoRole.CLOSE_UP)
                    survey.add_photo(info, buffer.getvalue())


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
    pairs = write_pair_surveys(folder, walks, area=read_area(extract))
    _add_drawn_photos(pairs, every=1)
    merged = scratch / "merged.cartoparty"
    merge_surveys(merged, pairs)
    with SurveyFile.open(merged) as survey:
        load_area(survey, extract)
        import_sectors(survey, _monaco_sectors(scratch / "sectors.geojson"))
        render_previews(survey, [p.id for p in survey.photos() if p.id])
    return merged


def _monaco_sectors(path: Path) -> Path:
    """Three sectors of Monaco, west to east, each handed to a pair, as a GeoJSON file."""
    cuts = (7.405, 7.418, 7.4265, 7.44)
    names = ("Fontvieille – Rocher", "Condamine", "Monte-Carlo")
    pairs = ("Zoé & Ana", "Malik & Jo", "Lou & Sam")
    features = []
    for n, (name, pair) in enumerate(zip(names, pairs, strict=True)):
        west, east = cuts[n], cuts[n + 1]
        ring = [[west, 43.724], [east, 43.724], [east, 43.752], [west, 43.752], [west, 43.724]]
        geometry = {"type": "Polygon", "coordinates": [ring]}
        properties = {"name": name, "pair": pair}
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


def _wait_for_progress(window: MainWindow, timeout_ms: int = 30_000) -> None:
    """Wait until the Sectors tab shows the walk progress worked out in the background."""
    loop = QEventLoop()
    window.organiser.sectors.progress_shown.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    window.organiser.sectors.refresh_progress()
    loop.exec()


def _walk_photos(survey: Path, scratch: Path) -> Path:
    """Drawn photos of three cameras already in OSM near the form's camera, and one photo
    without a position."""
    with SurveyFile.open(survey) as opened:
        camera = next(c for c in opened.cameras() if "camera:angle" in c.tags)
        near = sorted(
            opened.existing_cameras(),
            key=lambda e: (e.lat - camera.lat) ** 2 + ((e.lon - camera.lon) / 2) ** 2,
        )
    return write_walk_photos(scratch / "walk", [(e.lat, e.lon) for e in near[1:4]])


def _surveys(scratch: Path, photos: Path | None) -> tuple[Path, Path, Path]:
    """The demo survey, the demo with the walk photos imported, and the merged walks."""
    survey = scratch / "demo.cartoparty"
    build_demo_survey(survey)
    reviewed = scratch / "review.cartoparty"
    shutil.copy(survey, reviewed)
    with SurveyFile.open(reviewed) as opened:
        import_photos(opened, [photos or _walk_photos(survey, scratch)])
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
    export = ExportDialog(survey, window)
    export.path_edit.setText(str(Path("~", "Cartoparty", "demo.geojson")))  # not the scratch
    _grab_dialog(export, img / "export.png")
    with SurveyFile.open(survey) as opened:
        upload = UploadDialog(opened, window)
        upload.comment_edit.setText(COMMENTS[language])
        _grab_dialog(upload, img / "upload.png")
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
    window.tabs.show_panel(SECTORS_TAB)
    _wait_for_progress(window)
    window.canvas.center_on(43.7375, 7.4225, 14.6)
    _grab(window, img / "sectors.png")
    _grab_dialog(GlossaryDialog(window), img / "glossary.png")
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


def _scaled(photos: Path | None, qm_dir: Path | None) -> None:
    """Run this script again at 200% (Qt reads QT_SCALE_FACTOR at start-up only)."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, __file__, SCALED, str(photos) if photos else "-"]
    subprocess.run([*command, *([str(qm_dir)] if qm_dir else [])], env=env, check=True)


def main(photos: Path | None, qm_dir: Path | None = None, scaled: bool = False) -> None:
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
                take_blur_review(HERE / "blur-review.png")
                take_coverage(HERE / "coverage.png", HERE / "coverage-report.png")
            translations.clear()
    _scaled(photos, qm_dir)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    arguments = [argument for argument in sys.argv[1:] if argument != SCALED]
    qm = Path(arguments[1]) if len(arguments) > 1 else None
    walk = Path(arguments[0]) if arguments and arguments[0] != "-" else None
    main(walk, qm, SCALED in sys.argv[1:])
