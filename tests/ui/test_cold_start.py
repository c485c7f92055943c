"""Starting the window: the first map frame comes before the survey's heavy modules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contrechamp.core.area import BBox, FeatureKind, MapFeature
from contrechamp.core.camera import Camera
from contrechamp.store.survey import SurveyFile

_CHILD = """
import importlib.abc, json, sys, threading
from pathlib import Path

# The survey opens in a worker thread, which imports SQLAlchemy: held back here until the
# first map frame is painted, so the test does not depend on which thread is quicker. The
# window's own thread is never held: if the first frame needs one of these, it shows.
# The hold is in the loader's create_module, under that module's lock alone: a finder runs
# under the interpreter's import lock, and waiting there held every other thread's imports
# (the window's own, of numpy, to show the cameras) until the wait ran out.
HEAVY = ("sqlalchemy", "alembic", "requests")
painted = threading.Event()
seen = {"main_thread_imported": []}

class HeldLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self.loader = loader
    def create_module(self, spec):
        painted.wait(30)
        return self.loader.create_module(spec)
    def exec_module(self, module):
        self.loader.exec_module(module)

class HoldHeavyImports(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] not in HEAVY or painted.is_set():
            return None
        if threading.current_thread() is threading.main_thread():
            seen["main_thread_imported"].append(name)
            return None
        if name not in HEAVY:  # a submodule: imported by its package, held already
            return None
        for finder in sys.meta_path:
            if finder is not self and hasattr(finder, "find_spec"):
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    spec.loader = HeldLoader(spec.loader)
                    return spec
        return None

sys.meta_path.insert(0, HoldHeavyImports())

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from contrechamp.ui.app import FieldApp
from contrechamp.ui.settings import Settings
from contrechamp.ui.translations import Translations

if sys.argv[3:] == ["child"]:  # the cameras read by a child process, as for a large survey
    import contrechamp.formats.glanced_cameras as glanced
    glanced.READ_HERE_AT_MOST = 0

app = QApplication(sys.argv[:1])
field = FieldApp(Settings(sys.argv[2]), Translations(), "none")
canvas = field.window.canvas

def on_paint():
    frame = canvas.frame  # its cameras are asked for once they exist (asking builds them)
    shown = len(frame.basemap) and frame.layers_built and len(frame.survey)
    if shown and "features" not in seen:
        seen["features"] = len(canvas.frame.basemap)
        seen["cameras"] = len(canvas.frame.survey)
        seen["built"] = field.window.built
        seen["session"] = field.window.session is not None
        seen["modules"] = sorted(m for m in HEAVY if m in sys.modules)
        painted.set()

canvas.painted.connect(on_paint)
field.window.show()
field.open_first(Path(sys.argv[1]), False, None)
seen["built_after_open"] = field.window.built
QThreadPool.globalInstance().waitForDone()  # no import left running at exit
print(json.dumps(seen))
"""

_LINE = bytes.fromhex("010200000002000000") + b"\x00" * 32  # WKB LINESTRING (0 0, 0 0)


def write_small_survey(path: Path) -> Path:
    """A survey with a one-street base map and one draft camera."""
    area = BBox(7.42, 43.73, 7.43, 43.74)
    street = MapFeature(FeatureKind.RESIDENTIAL, _LINE, "Rue")
    with SurveyFile.create(path, title="Walk") as survey:
        survey.set_area(area, [street], [], "test")
        survey.add_cameras([Camera(43.735, 7.425, {"man_made": "surveillance"})])
    return path


@pytest.mark.parametrize("reader", ["window", "child"])
def test_the_first_map_frame_shows_the_survey_and_its_cameras_before_sqlalchemy_is_imported(
    tmp_path: Path, reader: str
) -> None:
    survey = write_small_survey(tmp_path / "walk.cartoparty")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-c", _CHILD, str(survey), str(tmp_path / "settings.ini"), reader]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["features"] == 1  # the survey's base map, read before it is opened
    assert seen["cameras"] == 1  # and its camera
    assert not seen["session"]
    assert not seen["built"]
    assert seen["modules"] == []
    assert seen["main_thread_imported"] == []
    assert seen["built_after_open"]


_SECOND_STEP_CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from contrechamp.ui import main_window
from contrechamp.ui.settings import Settings

if sys.argv[3:] == ["child"]:  # the cameras read by a child process, as for a large survey
    import contrechamp.formats.glanced_cameras as glanced
    glanced.READ_HERE_AT_MOST = 0

app = QApplication(sys.argv[:1])
window = main_window.MainWindow(Settings(sys.argv[1]), staged=True)
main_window._import_second_step(None, None)
before = set(sys.modules)
window.finish_building()
print(sorted(m for m in set(sys.modules) - before if m.startswith("contrechamp")))
"""


def test_the_second_step_imports_in_the_background_all_the_window_builds_from(
    tmp_path: Path,
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-c", _SECOND_STEP_CHILD, str(tmp_path / "settings.ini")]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"  # nothing left for the window's thread


_KEPT_TILES_CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from contrechamp.ui.app import FieldApp
from contrechamp.ui.settings import Settings
from contrechamp.ui.translations import Translations

app = QApplication(sys.argv[:1])
app.setApplicationName("Contrechamp")
app.setOrganizationName("Contrechamp")
field = FieldApp(Settings(sys.argv[2]), Translations(), "none")
canvas = field.window.canvas
seen = {}

def on_paint():
    frame = canvas.frame
    if "numpy" not in seen and len(frame.basemap) and frame.tiles.last_complete:
        seen["numpy"] = "numpy" in sys.modules
        seen["shapely"] = "shapely" in sys.modules
        seen["painted_here"] = frame.basemap._prepared is not None
        seen["zoom"] = canvas.zoom

canvas.painted.connect(on_paint)
field.window.show()
field.open_first(Path(sys.argv[1]), False, None)
canvas.frame.tiles.pool.waitForDone()  # every tile painted is kept before the run ends
print(json.dumps(seen))
"""


def write_walked_survey(path: Path) -> Path:
    """A survey whose cameras span its area: it opens at an overview zoom."""
    area = BBox(7.42, 43.73, 7.43, 43.74)
    street = MapFeature(FeatureKind.RESIDENTIAL, _LINE, "Rue")
    corners = [Camera(43.731, 7.421), Camera(43.739, 7.429)]
    with SurveyFile.create(path, title="Walk") as survey:
        survey.set_area(area, [street], [], "test")
        survey.add_cameras(corners)
    return path


def test_a_map_shown_before_is_whole_in_the_first_frame_without_numpy_or_shapely(
    tmp_path: Path,
) -> None:
    survey = write_walked_survey(tmp_path / "walk.cartoparty")
    cache = tmp_path / "cache"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(cache)}
    args = [sys.executable, "-c", _KEPT_TILES_CHILD, str(survey), str(tmp_path / "settings.ini")]
    runs = [
        json.loads(
            subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, check=True)
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(2)
    ]
    first, second = runs
    assert first["painted_here"]  # the first run painted the tiles (and kept them)
    assert list(cache.rglob("*.png"))
    assert not second["painted_here"]  # the second read them back
    assert not second["numpy"]
    assert not second["shapely"]
