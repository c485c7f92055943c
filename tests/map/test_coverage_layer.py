"""The coverage layer: streets coloured by how many cameras film them, with classes told
apart by lightness and width as well as hue, drawn from tiles over the base map."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from contrechamp.ui.map.canvas import MapCanvas, render_frame
from contrechamp.ui.map.coverage_layer import COVERAGE_CLASSES, CoverageShapes, CoverageTiles
from tests.core.coverage_scenes import camera, coverage, point, street

SIZE = (600, 400)


def _count(image: QImage, color: QColor, slack: int = 30) -> int:
    """How many pixels (one in four, each way) have about ``color``."""
    found = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = image.pixelColor(x, y)
            if all(
                abs(a - b) <= slack for a, b in zip(c.getRgb()[:3], color.getRgb()[:3], strict=True)
            ):
                found += 1
    return found


def _shapes() -> CoverageShapes:
    model = coverage(
        [street([(-150, 0), (150, 0)]), street([(-150, 60), (150, 60)])],
        [camera("a", -10, 0), camera("b", 10, 0)],
    )
    return CoverageShapes.of(model)


def test_the_classes_darken_and_widen_with_each_camera_more() -> None:
    lightness = [c.color.lightnessF() for c in COVERAGE_CLASSES[1:]]
    widths = [c.width_px for c in COVERAGE_CLASSES]
    assert lightness == sorted(lightness, reverse=True)
    assert len(set(lightness)) == len(lightness)
    assert widths == sorted(widths)
    assert len(set(widths)) == len(widths)
    assert COVERAGE_CLASSES[0].dashed
    assert not any(c.dashed for c in COVERAGE_CLASSES[1:])


def test_the_shapes_hold_each_piece_in_its_class() -> None:
    shapes = _shapes()
    assert sorted(shapes.classes.tolist()) == [1, 1, 2]
    assert len(shapes.streets) == 2
    assert len(shapes.views) == 2


def test_a_tile_far_from_every_street_has_no_image() -> None:
    tiles = CoverageTiles(_shapes(), 1, 1.0)
    assert tiles.render(18, 0, 0) is None


def test_the_map_shows_each_class_in_its_colour(canvas: MapCanvas) -> None:
    lat, lon = point(0, 30)
    canvas.center_on(lat, lon, 18.0)
    canvas.set_coverage(_shapes())
    image = render_frame(canvas, *SIZE)
    for item in COVERAGE_CLASSES[:3]:
        assert _count(image, item.color) > 10, item.label
    canvas.set_coverage(CoverageShapes.empty())
    plain = render_frame(canvas, *SIZE)
    assert _count(plain, COVERAGE_CLASSES[2].color) == 0
