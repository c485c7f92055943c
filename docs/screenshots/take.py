"""Take the README screenshots offscreen at 1280×800: the form, the review queue, French.

Run from the checkout: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py
[PHOTOS_FOLDER [QM_FOLDER]]`` (photos default to ../shared/data/photos, the compiled
translations to i18n/, built by ``make translations``). Only the PNGs are written outside a
temporary folder.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from contrechamp.ops.demo import build_demo_survey
from contrechamp.ops.photo_import import import_photos
from contrechamp.ops.photo_previews import render_previews
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.canvas import render_frame
from contrechamp.ui.merge_review_panel import MERGE_TAB
from contrechamp.ui.settings import Settings
from contrechamp.ui.style import FIELD_STYLE
from contrechamp.ui.translations import Translations

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)


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


def _grab(window: MainWindow, name: str) -> None:
    _settle(window)
    out = HERE / name
    window.grab().save(str(out), "PNG", 9)
    print(f"{out}: {out.stat().st_size // 1024} KB")


def _window(survey: Path, scratch: Path) -> MainWindow:
    window = MainWindow(Settings(str(scratch / "settings.ini")), gps=GpsService())
    window.resize(*SIZE)
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
    from contrechamp.formats.basemap import read_area
    from contrechamp.ops.area import load_area
    from contrechamp.ops.merge import merge_surveys
    from tests.core.walk_simulation import simulate_walks
    from tests.ops.walk_surveys import write_pair_surveys

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


def main(photos: Path, qm_dir: Path | None = None) -> None:
    """Write window-form.png, review.png, merge-review.png and window-fr.png here."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyleSheet(FIELD_STYLE)
    english = Translations(qm_dir)
    english.apply("en")  # its plural forms: "1 camera", "2 cameras"
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        survey = scratch / "demo.cartoparty"
        build_demo_survey(survey)
        window = _window(survey, scratch)
        _show_form(window)
        _grab(window, "window-form.png")
        window.close()
        reviewed = scratch / "review.cartoparty"
        shutil.copy(survey, reviewed)
        with SurveyFile.open(reviewed) as opened:
            import_photos(opened, [photos])
            # As the window does after an import: previews for photos without a thumbnail.
            ids = [p.id for p in opened.photos() if p.id and not opened.thumbnail(p.id)]
            render_previews(opened, ids)
        window = _window(reviewed, scratch)
        _choose_photo_draft(window)
        window.show_review()
        _grab(window, "review.png")
        window.close()
        window = _window(_merged_walks(scratch), scratch)
        window.tabs.show_panel(MERGE_TAB)
        window.merge_review.focus_queue()
        _grab(window, "merge-review.png")
        window.close()
        english.clear()
        translations = Translations(qm_dir)
        translations.apply("fr")
        window = _window(survey, scratch)
        _show_form(window)
        _grab(window, "window-fr.png")
        translations.clear()
        window.close()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    default = HERE.parents[2] / "shared" / "data" / "photos"
    qm = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default, qm)
