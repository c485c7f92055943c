"""The coverage pictures of the README: the Coverage tab with Monaco's streets coloured by how
many of its real OSM cameras film them, a walk through La Condamine with the stretches those
cameras film, and the one-page printed report of La Condamine.

Called by ``take.py`` (``make screenshots``); needs ../shared/data/osm/monaco.osm.pbf and
writes nothing when it is absent.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from contrechamp.ops.area import load_area
from contrechamp.ops.sectors import import_sectors
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.coverage_panel import COVERAGE_TAB
from contrechamp.ui.coverage_report import report_image
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.canvas import render_frame
from contrechamp.ui.settings import Settings

__all__ = ["take_coverage"]

MONACO = Path(__file__).resolve().parents[3] / "shared" / "data" / "osm" / "monaco.osm.pbf"
_WALK = [  # (lat, lon): from the station down to the port, along it, up to the palace
    (43.7389, 7.4194), (43.7370, 7.4200), (43.7345, 7.4215), (43.7328, 7.4222),
    (43.73225, 7.4224), (43.7318, 7.4200), (43.7316, 7.4175), (43.7318, 7.4150),
]  # fmt: skip
_CONDAMINE = [[7.4095, 43.7255], [7.4200, 43.7255], [7.4200, 43.7345], [7.4095, 43.7345]]


def _survey(folder: Path) -> Path:
    """Monaco's area with its OSM cameras, and the sector of La Condamine."""
    path = folder / "monaco.cartoparty"
    with SurveyFile.create(path, title="Monaco") as survey:
        load_area(survey, MONACO)
        ring = [*_CONDAMINE, _CONDAMINE[0]]
        feature = {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [ring]},
            "properties": {"name": "Condamine"},
        }
        sectors = folder / "sectors.geojson"
        sectors.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
        import_sectors(survey, sectors)
    return path


def _wait(window: MainWindow, timeout_ms: int = 30_000) -> None:
    """Wait until the Coverage tab has its figures."""
    loop = QEventLoop()
    panel = window.coverage
    panel.figures_shown.connect(lambda: panel.summary is not None and loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    if panel.summary is None:
        loop.exec()


def _settle(window: MainWindow) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    viewport = window.canvas.viewport()
    render_frame(window.canvas, viewport.width(), viewport.height(), wait=True)
    viewport.update()
    for _ in range(5):
        app.processEvents()


def take_coverage(window_png: Path, report_png: Path, size: tuple[int, int] = (1280, 800)) -> None:
    """Write the window with the Coverage tab, and the report of La Condamine, as PNGs."""
    if not MONACO.is_file():
        print(f"{MONACO} not found: no coverage pictures")
        return
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        window = MainWindow(Settings(str(scratch / "settings.ini")), gps=GpsService())
        window.resize(*size)
        window.show()
        assert window.open_survey(_survey(scratch))
        window.tabs.show_panel(COVERAGE_TAB)
        _wait(window)
        panel = window.coverage
        panel.on_map.setChecked(True)
        window.canvas.center_on(43.7300, 7.4150, 16.6)
        _settle(window)
        window.grab().save(str(window_png), "PNG", 9)
        print(f"{window_png}: {window_png.stat().st_size // 1024} KB")
        _route(window, window_png.with_name("coverage-route.png"))
        panel.zone.setCurrentIndex(panel.zone.count() - 1)  # La Condamine
        _report(window, report_png)
        window.close()


def _route(window: MainWindow, out: Path) -> None:
    """The window with a walk drawn on the map, its exposure in the Coverage tab."""
    panel = window.coverage
    panel.set_route(list(_WALK))
    window.canvas.center_on(43.7350, 7.4180, 16.4)
    _settle(window)
    window.grab().save(str(out), "PNG", 9)
    print(f"{out}: {out.stat().st_size // 1024} KB")
    panel.clear_route()


def _report(window: MainWindow, out: Path) -> None:
    content = window.coverage.report_content()
    assert content is not None
    report_image(content, dpi=110).save(str(out), "PNG", 9)
    print(f"{out}: {out.stat().st_size // 1024} KB")
