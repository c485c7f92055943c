"""Cameras already in OSM with 64-bit ids (all of Monaco's) through the window's real paths."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Status
from contrechamp.formats.basemap import Area, read_area
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.settings import Settings

BIG_ID = 11148498580  # the Monaco dome the field report named (above 2^33)


@pytest.fixture(scope="module")
def monaco(shared_data: Path) -> Area:
    """Monaco's base map and its 16 OSM cameras."""
    return read_area(shared_data / "osm" / "monaco.osm.pbf")


@pytest.fixture
def monaco_path(tmp_path: Path, monaco: Area) -> Path:
    """A survey of Monaco: its area and cameras already in OSM, no camera of its own."""
    path = tmp_path / "monaco.cartoparty"
    with SurveyFile.create(path, title="Monaco") as survey:
        survey.set_area(monaco.bbox, monaco.features, monaco.cameras, "monaco.osm.pbf")
    return path


@pytest.fixture
def monaco_window(qtbot: QtBot, tmp_path: Path, monaco_path: Path) -> Iterator[MainWindow]:
    """The field window on the Monaco survey."""
    window = MainWindow(Settings(str(tmp_path / "settings.ini")), gps=GpsService())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_survey(monaco_path)
    yield window
    window.close()


def _node(monaco: Area, osm_id: int) -> ExistingCamera:
    return next(node for node in monaco.cameras if node.osm_id == osm_id)


def _click_on(qtbot: QtBot, window: MainWindow, node: ExistingCamera) -> None:
    window.canvas.center_on(node.lat, node.lon, 21.0)
    x, y = window.canvas.pixel_of(node.lat, node.lon)
    qtbot.mouseClick(
        window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x) + 2, round(y))
    )


def test_clicking_a_monaco_camera_then_i_saw_this_one_links_its_64_bit_id(
    qtbot: QtBot, monaco_window: MainWindow, monaco: Area, monaco_path: Path
) -> None:
    node = _node(monaco, BIG_ID)
    _click_on(qtbot, monaco_window, node)
    assert monaco_window.existing.node == node
    assert str(BIG_ID) in monaco_window.existing.title.text()
    qtbot.keyClick(monaco_window.existing.seen_button, Qt.Key.Key_Return)
    assert monaco_window.session is not None
    [camera] = monaco_window.session.cameras()
    assert (camera.osm_id, camera.osm_version, camera.status) == (BIG_ID, 1, Status.CONFIRMED)
    assert camera.tags["check_date"] == date.today().isoformat()
    assert monaco_window.form.camera_id == camera.id
    monaco_window.close()
    with SurveyFile.open(monaco_path) as survey:
        assert [c.osm_id for c in survey.cameras()] == [BIG_ID]


def test_the_button_logs_every_monaco_camera(
    qtbot: QtBot, monaco_window: MainWindow, monaco: Area
) -> None:
    for node in monaco.cameras:
        _click_on(qtbot, monaco_window, node)
        assert monaco_window.existing.node == node
        qtbot.mouseClick(monaco_window.existing.seen_button, Qt.MouseButton.LeftButton)
    assert monaco_window.session is not None
    logged = {c.osm_id for c in monaco_window.session.cameras()}
    assert logged == {node.osm_id for node in monaco.cameras}
    node = _node(monaco, BIG_ID)  # a second click shows the sighting, not a duplicate
    _click_on(qtbot, monaco_window, node)
    assert monaco_window.form.camera_id == monaco_window.session.sighting_of(BIG_ID).id  # type: ignore[union-attr]


def test_adding_on_the_map_onto_an_osm_camera_offers_i_saw_this_one(
    qtbot: QtBot, monaco_window: MainWindow, monaco: Area
) -> None:
    node = _node(monaco, BIG_ID)
    monaco_window.canvas.setFocus()
    monaco_window.commands.add_on_map.trigger()
    _click_on(qtbot, monaco_window, node)
    assert monaco_window.existing.node == node
    qtbot.keyClick(monaco_window.existing.seen_button, Qt.Key.Key_Return)
    assert monaco_window.session is not None
    assert [c.osm_id for c in monaco_window.session.cameras()] == [BIG_ID]
