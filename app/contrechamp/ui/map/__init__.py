"""The live map: base map tiles (vector, MBTiles, online), cameras, GPS, legend.

Headless frames (screenshots, benchmarks)::

    canvas = MapCanvas(); canvas.set_area(bbox, features); canvas.set_cameras(cameras)
    canvas.center_on(lat, lon, 17.0)
    image = render_frame(canvas, 1600, 1000)          # paints missing tiles first, then composes
    view = canvas.viewport_state(1600, 1000)          # a Viewport; .panned(dx, dy) for a pan
    canvas.frame.tiles.fill(view)                      # warm the tile cache for a view
    canvas.frame.paint(painter, view, request=False)   # one frame from the cache (what is timed)
    canvas.frame.basemap.paint_view(painter, view)     # reference: vectors, STRtree, no cache

The names are imported when first used, so the window's first frame imports only what the
canvas needs (the legend and its layers come with the side panel).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contrechamp.ui.map.canvas import MapCanvas, render_frame
    from contrechamp.ui.map.frame import LAYERS
    from contrechamp.ui.map.legend import MapLegend
    from contrechamp.ui.map.tile_sources import (
        MBTilesFile,
        OnlineTiles,
        TileSource,
        VectorTiles,
    )

__all__ = [
    "LAYERS",
    "MBTilesFile",
    "MapCanvas",
    "MapLegend",
    "OnlineTiles",
    "TileSource",
    "VectorTiles",
    "render_frame",
]

_HOMES = {
    "LAYERS": "frame",
    "MBTilesFile": "tile_sources",
    "MapCanvas": "canvas",
    "MapLegend": "legend",
    "OnlineTiles": "tile_sources",
    "TileSource": "tile_sources",
    "VectorTiles": "tile_sources",
    "render_frame": "canvas",
}


def __getattr__(name: str) -> object:
    """Import a public name's module the first time the name is asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
