"""The legend: one checkbox per layer, bound to the canvas."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from contrechamp.ui.map.canvas import MapCanvas
from contrechamp.ui.map.frame import LAYERS
from contrechamp.ui.map.legend import MapLegend


def test_unchecking_a_layer_hides_it_on_the_canvas(qtbot: QtBot, canvas: MapCanvas) -> None:
    legend = MapLegend(canvas)
    qtbot.addWidget(legend)
    for layer in LAYERS:
        box = legend.checkbox(layer)
        assert box.isChecked()
        assert box.text()
        box.setChecked(False)
        assert canvas.layer_visible(layer) is False
        box.setChecked(True)
        assert canvas.layer_visible(layer) is True


def test_the_legend_mirrors_layers_hidden_before_binding(qtbot: QtBot, canvas: MapCanvas) -> None:
    canvas.set_layer_visible("rejected", False)
    legend = MapLegend(canvas)
    qtbot.addWidget(legend)
    assert not legend.checkbox("rejected").isChecked()
    assert legend.checkbox("draft").isChecked()
