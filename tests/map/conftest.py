"""Fixtures of the map tests: the Monaco area read once, a shown canvas."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contrechamp.formats.basemap import Area, read_area
from contrechamp.ui.map.canvas import MapCanvas


@pytest.fixture(scope="session")
def monaco_area(shared_data: Path) -> Area:
    """Monaco's base map and its 16 OSM cameras."""
    return read_area(shared_data / "osm" / "monaco.osm.pbf")


@pytest.fixture
def canvas(qtbot: QtBot) -> MapCanvas:
    """An 800×600 map canvas, shown (offscreen) so that it receives input."""
    widget = MapCanvas()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
