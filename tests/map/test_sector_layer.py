"""Sectors on the map: edges in their colours, the pair's own emphasised, walked streets in
green, each a layer of the legend; drawn from tiles, so a pan only blits them."""

from __future__ import annotations

import shapely
from PySide6.QtGui import QColor, QImage

from contrechamp.core.area import Sector
from contrechamp.formats.basemap import Area
from contrechamp.ui.map.canvas import MapCanvas, render_frame
from contrechamp.ui.map.sector_layer import OWN_SECTOR_COLOR, SECTOR_COLOR

# Two sectors of La Condamine side by side, along the rue Grimaldi.
WEST = shapely.box(7.4120, 43.7290, 7.4150, 43.7320)
EAST = shapely.box(7.4150, 43.7290, 7.4180, 43.7320)
SECTORS = [
    Sector("Port", shapely.to_wkb(WEST), id=1, pair="Zoé & Ana"),
    Sector("Marché", shapely.to_wkb(EAST), id=2),
]
SIZE = (800, 600)


def _near(image: QImage, x: int, y: int, color: QColor, reach: int = 4, slack: int = 40) -> bool:
    """Whether a pixel of about ``color`` lies within ``reach`` pixels of (x, y)."""
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            c = image.pixelColor(x + dx, y + dy)
            if all(
                abs(a - b) <= slack for a, b in zip(c.getRgb()[:3], color.getRgb()[:3], strict=True)
            ):
                return True
    return False


def _shown(canvas: MapCanvas, area: Area) -> MapCanvas:
    canvas.set_area(area.bbox, area.features)
    canvas.set_sectors(SECTORS, own_id=None)
    return canvas


def test_a_sector_edge_is_drawn_in_the_sector_colour_and_hides_with_its_layer(
    canvas: MapCanvas, monaco_area: Area
) -> None:
    _shown(canvas, monaco_area)
    canvas.center_on(43.7320, 7.4135, 17.0)  # the north edge of Port, halfway along
    x, y = (round(v) for v in canvas.pixel_of(43.7320, 7.4135))
    assert _near(render_frame(canvas, *SIZE), x, y, SECTOR_COLOR)
    far_x, far_y = (round(v) for v in canvas.pixel_of(43.7314, 7.4126))  # inside: no edge
    assert not _near(render_frame(canvas, *SIZE), far_x, far_y, SECTOR_COLOR, slack=25)
    canvas.set_layer_visible("sectors", False)
    assert not _near(render_frame(canvas, *SIZE), x, y, SECTOR_COLOR)


def test_the_pairs_own_sector_is_drawn_in_its_own_colour(
    canvas: MapCanvas, monaco_area: Area
) -> None:
    _shown(canvas, monaco_area).set_sectors(SECTORS, own_id=1)
    canvas.center_on(43.7320, 7.4135, 17.0)
    x, y = (round(v) for v in canvas.pixel_of(43.7320, 7.4135))
    image = render_frame(canvas, *SIZE)
    assert _near(image, x, y, OWN_SECTOR_COLOR)
    ex, ey = (round(v) for v in canvas.pixel_of(43.7320, 7.4165))  # Marché's north edge
    assert _near(image, ex, ey, SECTOR_COLOR)
    assert not _near(image, ex, ey, OWN_SECTOR_COLOR)


def test_walked_streets_are_drawn_in_green_over_the_base_map(
    canvas: MapCanvas, monaco_area: Area
) -> None:
    walked = shapely.MultiLineString([[(7.4125, 43.7300), (7.4145, 43.7300)]])
    _shown(canvas, monaco_area).set_walked([shapely.to_wkb(walked), b""])
    canvas.center_on(43.7300, 7.4135, 17.0)
    x, y = (round(v) for v in canvas.pixel_of(43.7300, 7.4135))
    pixel = render_frame(canvas, *SIZE).pixelColor(x, y)
    assert pixel.green() - pixel.red() > 40
    assert pixel.green() - pixel.blue() > 20
    canvas.set_layer_visible("walked", False)
    pixel = render_frame(canvas, *SIZE).pixelColor(x, y)
    assert not (pixel.green() - pixel.red() > 40 and pixel.green() - pixel.blue() > 20)


def test_a_pan_composes_the_sectors_from_their_tiles(canvas: MapCanvas, monaco_area: Area) -> None:
    _shown(canvas, monaco_area).set_walked([shapely.to_wkb(WEST.boundary), b""])
    canvas.center_on(43.7305, 7.4150, 17.0)
    render_frame(canvas, *SIZE)  # paints the tiles of this view
    painted = canvas.frame.sector_tiles.rendered
    canvas.pan_by(3.0, 2.0)
    render_frame(canvas, *SIZE, wait=False)
    assert canvas.frame.sector_tiles.rendered == painted  # nothing painted again
