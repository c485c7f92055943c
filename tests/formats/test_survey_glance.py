"""The first look at a survey (formats/survey_glance.py, formats/glanced_cameras.py): what it
reads, what it refuses, and that the map opens where it would on all the cameras."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrechamp.core.area import BBox, ExistingCamera
from contrechamp.core.camera import Camera, Status
from contrechamp.core.opening_view import opening_view
from contrechamp.formats.glanced_cameras import (
    STATUSES,
    CamerasReading,
    GlancedCameras,
    read_glanced_cameras,
)
from contrechamp.formats.survey_glance import camera_count, glance_at_survey
from contrechamp.store.survey import SurveyFile
from tests.ui.test_cold_start import write_small_survey

_AREA = BBox(7.42, 43.73, 7.43, 43.74)


def test_a_glance_reads_the_area_its_base_map_and_its_cameras(tmp_path: Path) -> None:
    path = write_small_survey(tmp_path / "walk.cartoparty")
    glance = glance_at_survey(path)
    assert glance is not None
    assert glance.bbox == _AREA
    assert [f.name for f in glance.features] == ["Rue"]
    assert camera_count(path) == 1
    cameras = read_glanced_cameras(path)
    assert cameras is not None
    assert [STATUSES[code] for code in cameras.status] == [Status.DRAFT]


def test_a_file_with_a_view_gets_no_glance(tmp_path: Path) -> None:
    path = write_small_survey(tmp_path / "walk.cartoparty")
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE VIEW sneaky AS SELECT 1")
    assert glance_at_survey(path) is None


def test_a_file_that_is_no_survey_gets_no_glance(tmp_path: Path) -> None:
    path = tmp_path / "notes.cartoparty"
    path.write_text("not a database")
    assert glance_at_survey(path) is None
    assert camera_count(path) is None
    assert read_glanced_cameras(path) is None
    assert glance_at_survey(tmp_path / "gone.cartoparty") is None
    assert camera_count(tmp_path / "gone.cartoparty") is None


def _survey_with_cameras(path: Path) -> Path:
    with SurveyFile.create(path, title="Walk") as survey:
        survey.set_area(_AREA, [], [], "test")
        survey.add_cameras(
            [
                Camera(43.731, 7.421, status=Status.CONFIRMED),
                Camera(43.732, 7.422, status=Status.REJECTED),
                Camera(43.733, 7.423),
            ]
        )
    return path


def test_the_glanced_cameras_are_every_camera_s_place_and_status_in_the_order_added(
    tmp_path: Path,
) -> None:
    cameras = read_glanced_cameras(_survey_with_cameras(tmp_path / "walk.cartoparty"))
    assert cameras is not None
    assert [STATUSES[code] for code in cameras.status] == [
        Status.CONFIRMED,
        Status.REJECTED,
        Status.DRAFT,
    ]
    assert cameras.lat.tolist() == [43.731, 43.732, 43.733]
    assert cameras.lon.tolist() == [7.421, 7.422, 7.423]
    assert cameras.kept().tolist() == [[43.731, 7.421], [43.733, 7.423]]  # none rejected


def _same(one: GlancedCameras | None, other: GlancedCameras | None) -> bool:
    assert one is not None
    assert other is not None
    return all(
        np.array_equal(getattr(one, name), getattr(other, name))
        for name in ("lat", "lon", "status")
    )


def test_a_child_process_reads_the_same_cameras(tmp_path: Path) -> None:
    path = _survey_with_cameras(tmp_path / "walk.cartoparty")
    assert _same(CamerasReading(path).result(), read_glanced_cameras(path))


_PARENT = """
import os, pathlib, sys
if __name__ == "__mp_main__":  # what a spawn child runs first when it can name this file
    pathlib.Path(os.environ["MARKS"], "main-imported-again").touch()
if __name__ == "__main__":
    from contrechamp.formats.glanced_cameras import CamerasReading
    print(len(CamerasReading(pathlib.Path(sys.argv[1])).result()))
"""
_RECORDER = """
import atexit, os, pathlib, sys
role = "child" if "spawn_main" in " ".join(sys.orig_argv) else "other"
atexit.register(lambda: pathlib.Path(os.environ["MARKS"], f"{role}-{os.getpid()}").write_text(
    " ".join(sorted(sys.modules))))
"""


def test_the_child_reading_cameras_imports_neither_the_parents_main_module_nor_numpy(
    tmp_path: Path,
) -> None:
    path = _survey_with_cameras(tmp_path / "walk.cartoparty")
    marks, hooks = tmp_path / "marks", tmp_path / "hooks"
    marks.mkdir()
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(_RECORDER)  # each process lists its modules
    (tmp_path / "parent.py").write_text(_PARENT)
    python_path = os.pathsep.join([str(hooks), *sys.path])
    env = {**os.environ, "MARKS": str(marks), "PYTHONPATH": python_path}
    done = subprocess.run(
        [sys.executable, str(tmp_path / "parent.py"), str(path)],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == str(len(read_glanced_cameras(path)))
    (child,) = [p.read_text().split() for p in marks.glob("child-*")]  # spawn_main's process
    assert "contrechamp.formats.glanced_cameras" in child  # it read the cameras
    assert "numpy" not in child
    assert not (marks / "main-imported-again").exists()


def test_a_child_process_reading_a_file_that_is_no_survey_gives_no_cameras(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.cartoparty"
    path.write_text("not a database")
    assert CamerasReading(path).result() is None


@pytest.mark.parametrize(
    "damage", ["UPDATE cameras SET lat = 'north'", "UPDATE cameras SET status = 'lost'"]
)
def test_a_survey_with_a_camera_the_store_refuses_gets_no_glanced_cameras(
    tmp_path: Path, damage: str
) -> None:
    path = _survey_with_cameras(tmp_path / "walk.cartoparty")
    with sqlite3.connect(path) as connection:
        connection.execute(damage)
    connection.close()
    assert read_glanced_cameras(path) is None
    assert CamerasReading(path).result() is None
    glance = glance_at_survey(path)  # the area is shown; the opening then refuses the file
    assert glance is not None
    assert glance.bbox == _AREA


_LATS = st.floats(43.70, 43.77)  # the area, the margin around it where cameras count, beyond
_LONS = st.floats(7.39, 7.46)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cameras=st.lists(st.tuples(_LATS, _LONS, st.sampled_from(list(Status))), max_size=12),
    existing=st.lists(st.tuples(_LATS, _LONS), max_size=4),
)
def test_the_map_opens_on_the_glanced_extent_where_it_would_on_all_the_cameras(
    tmp_path_factory: pytest.TempPathFactory,
    cameras: list[tuple[float, float, Status]],
    existing: list[tuple[float, float]],
) -> None:
    path = tmp_path_factory.mktemp("glance") / "walk.cartoparty"
    placed = [ExistingCamera(i + 1, 1, lat, lon) for i, (lat, lon) in enumerate(existing)]
    with SurveyFile.create(path, title="Walk") as survey:
        survey.set_area(_AREA, [], placed, "test")
        survey.add_cameras([Camera(lat, lon, status=status) for lat, lon, status in cameras])
    glance = glance_at_survey(path)
    assert glance is not None
    kept = [(lat, lon) for lat, lon, status in cameras if status is not Status.REJECTED]
    everything = np.array(kept + existing, dtype=np.float64).reshape(-1, 2)
    assert opening_view(_AREA, glance.opening_extent) == opening_view(_AREA, everything)
