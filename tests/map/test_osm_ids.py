"""OSM node ids are 64-bit: clicking a camera already in OSM carries its whole id out of Qt."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from contrechamp.core.area import ExistingCamera
from contrechamp.formats.basemap import Area
from contrechamp.ui.map.canvas import MapCanvas

BIG_ID = 2**40 + 11  # above 2^32, as the newer nodes of OpenStreetMap are


def _click(qtbot: QtBot, canvas: MapCanvas, lat: float, lon: float) -> list[object]:
    x, y = canvas.pixel_of(lat, lon)
    with qtbot.waitSignal(canvas.existing_camera_clicked) as clicked:
        qtbot.mouseClick(
            canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x) + 2, round(y))
        )
    return list(clicked.args)


def test_clicking_a_camera_with_an_id_above_2_32_emits_the_whole_id(
    qtbot: QtBot, canvas: MapCanvas
) -> None:
    node = ExistingCamera(BIG_ID, 2, 43.7384, 7.4246, {"man_made": "surveillance"})
    canvas.set_existing_cameras([node])
    canvas.center_on(node.lat, node.lon, 18.0)
    assert _click(qtbot, canvas, node.lat, node.lon) == [BIG_ID]


def test_every_monaco_osm_camera_can_be_clicked(
    qtbot: QtBot, canvas: MapCanvas, monaco_area: Area
) -> None:
    assert len(monaco_area.cameras) == 16
    assert all(node.osm_id > 2**31 for node in monaco_area.cameras)  # all of them, in 2025
    canvas.set_existing_cameras(monaco_area.cameras)
    for node in monaco_area.cameras:
        canvas.center_on(node.lat, node.lon, 21.0)  # neighbours several metres apart
        assert _click(qtbot, canvas, node.lat, node.lon) == [node.osm_id]
