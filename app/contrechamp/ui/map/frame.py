"""Everything one map frame shows, and how it is painted, independent of any widget.

The canvas paints it on screen; ``render`` paints it into a QImage for screenshots and
benchmarks. The base map and the cameras come from tile caches; the selection, the camera being
dragged, GPS and track are drawn live.

The cameras, sectors and coverage are built from numpy columns and shapely shapes
(``frame_layers``), when something first needs them: the first frame (the base map, its
tiles kept from an earlier run, and the overlays) imports neither.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage, QPainter

from contrechamp.core.area import BBox, ExistingCamera, MapFeature, Sector
from contrechamp.ui.map.overlays import (
    paint_attribution,
    paint_gps,
    paint_north_arrow,
    paint_scale_bar,
    paint_track,
)
from contrechamp.ui.map.projection import Viewport
from contrechamp.ui.map.style import MapStyle, load_style
from contrechamp.ui.map.tile_layer import TileLayer
from contrechamp.ui.map.tile_sources import (
    OSM_ATTRIBUTION,
    TileSource,
    VectorProvider,
    VectorTiles,
    provider_for,
)
from contrechamp.ui.map.vector_basemap import VectorBaseMap

if TYPE_CHECKING:
    import numpy as np

    from contrechamp.core.camera import Camera
    from contrechamp.formats.glanced_cameras import GlancedCameras
    from contrechamp.ui.map.camera_layer import CameraDrawing
    from contrechamp.ui.map.camera_points import CameraPoints
    from contrechamp.ui.map.camera_tiles import CameraLayerTiles, CameraScene
    from contrechamp.ui.map.coverage_layer import CoverageLayer
    from contrechamp.ui.map.frame_layers import FrameLayers
    from contrechamp.ui.map.sector_layer import SectorShapes
    from contrechamp.ui.map.tile_cache import TileKey

__all__ = ["LAYERS", "MapFrame"]

LAYERS = (
    *("basemap", "existing", "draft", "confirmed", "rejected", "fov", "gps", "track"),
    *("sectors", "walked"),
)


class MapFrame:
    """The map's content (area, cameras, GPS, track, layers) and the painting of a frame."""

    def __init__(self, style: MapStyle | None = None) -> None:
        self.style = style or load_style()
        self.generation = 0
        self.dpr = 1.0
        self.basemap = VectorBaseMap(None, [], self.style)
        self.source: TileSource = VectorTiles()
        self.tile_folder: Path | None = None  # where vector tiles are kept between runs
        self.tiles = TileLayer(self._vector_provider())
        self.selected: str | None = None
        self.handle_bearing: float | None = None  # while the handle is dragged
        self.gps: tuple[float, float, float | None, float | None] | None = None
        self.track: list[tuple[float, float]] = []
        self.visible = dict.fromkeys(LAYERS, True)
        self.last_cones = False  # whether the last frame was zoomed in enough for cones
        self._layers: FrameLayers | None = None
        self._on_tiles: list[Callable[[], None]] = []

    # --- the layers built on first use ------------------------------------------------------

    @property
    def layers(self) -> FrameLayers:
        """The cameras, sectors and coverage (built now if they are not yet: numpy, shapely)."""
        if self._layers is None:
            from contrechamp.ui.map.frame_layers import FrameLayers

            self._layers = FrameLayers(self.style, self.visible, self.dpr)
            for tiles in self._layers.tile_layers():
                for slot in self._on_tiles:
                    tiles.tiles_changed.connect(slot)
        return self._layers

    @property
    def layers_built(self) -> bool:
        """Whether the cameras, sectors and coverage exist yet (before, there are none)."""
        return self._layers is not None

    def connect_tiles_changed(self, slot: Callable[[], None]) -> None:
        """Call ``slot`` whenever a tile the frame shows was painted (every layer's)."""
        self._on_tiles.append(slot)
        self.tiles.tiles_changed.connect(slot)
        if self._layers is not None:
            for tiles in self._layers.tile_layers():
                tiles.tiles_changed.connect(slot)

    @property
    def survey(self) -> CameraPoints:
        """The survey's cameras as the map holds them."""
        return self.layers.survey

    @property
    def existing(self) -> CameraPoints:
        """The cameras already in OSM as the map holds them."""
        return self.layers.existing

    @property
    def camera_tiles(self) -> CameraLayerTiles:
        """The tiles of both camera layers."""
        return self.layers.camera_tiles

    @property
    def sectors(self) -> SectorShapes:
        """The survey's sectors and walked streets, ready to paint."""
        return self.layers.sectors

    @property
    def sector_tiles(self) -> TileLayer:
        """The tiles of the sectors and walked streets."""
        return self.layers.sector_tiles

    @property
    def coverage(self) -> CoverageLayer:
        """The streets coloured by coverage (the Coverage tab)."""
        return self.layers.coverage

    @property
    def last_dropped(self) -> list[TileKey]:
        """The camera tiles the last edit repainted."""
        return self.layers.last_dropped

    def set_area(self, bbox: BBox | None, features: Sequence[MapFeature]) -> None:
        """Replace the base map (tiles are painted again from the new features); the same area
        again (the survey opened after its glance) keeps the base map and its tiles."""
        if bbox == self.basemap.bbox and self.basemap.same_features(features):
            return
        self.generation += 1
        self.basemap = VectorBaseMap(bbox, features, self.style)
        if isinstance(self.source, VectorTiles):
            self.tiles.set_provider(self._vector_provider())

    def keep_tiles_in(self, folder: Path | None) -> None:
        """Keep the base map's overview tiles in ``folder`` between runs (None: nowhere)."""
        if folder == self.tile_folder:
            return
        self.tile_folder = folder
        if isinstance(self.source, VectorTiles):
            self.tiles.set_provider(self._vector_provider())

    def _vector_provider(self) -> VectorProvider:
        return VectorProvider(self.basemap, self.generation, self.dpr, self.tile_folder)

    def paints_base_map_here(self) -> bool:
        """Whether the base map shown is painted here, from the area's vectors (tiles online
        or in an MBTiles file come as they come: a whole frame is not worth waiting for)."""
        return self.visible["basemap"] and isinstance(self.source, VectorTiles)

    def set_device_pixel_ratio(self, dpr: float) -> None:
        """Paint vector tiles for the screen's pixel density (on change, tiles are repainted)."""
        if dpr == self.dpr:
            return
        self.dpr = dpr
        if isinstance(self.source, VectorTiles):
            self.tiles.set_provider(self._vector_provider())
        if self._layers is not None:
            self._layers.set_device_pixel_ratio(dpr)

    def set_sectors(self, sectors: Sequence[Sector], own_id: int | None) -> None:
        """Show the survey's sectors (``own_id``: the pair's own sector, emphasised)."""
        self.layers.set_sectors(sectors, own_id)

    def set_walked(self, walked: Sequence[bytes]) -> None:
        """Show the walked streets: WGS 84 (multi)lines as WKB, one per sector (b"": none)."""
        self.layers.set_walked(walked)

    def set_tile_source(self, source: TileSource) -> None:
        """Switch where tiles come from (raises InputError for an unreadable MBTiles file)."""
        provider = provider_for(source, self.basemap, self.generation, self.dpr, self.tile_folder)
        self.source = source
        self.tiles.set_provider(provider)

    def set_existing(self, cameras: Sequence[ExistingCamera]) -> None:
        """Replace the cameras already in OSM."""
        self.layers.set_existing(cameras)

    def set_cameras(self, cameras: Sequence[Camera]) -> None:
        """Replace the survey's cameras."""
        self.layers.set_cameras(cameras)

    def set_glanced(self, cameras: GlancedCameras) -> None:
        """Show the survey's cameras from a first look at its file, while it opens: numbered
        by row, without tags (``set_cameras`` replaces them once it is open)."""
        self.layers.set_glanced(cameras)

    def upsert(self, camera: Camera) -> None:
        """Add or update one survey camera (its tiles are painted again for the next frame)."""
        self.layers.upsert(camera)

    def remove(self, camera_id: str) -> None:
        """Remove one survey camera (and the selection if it was that one)."""
        self.layers.remove(camera_id)
        if self.selected == camera_id:
            self.selected = None

    def preview_move(self, camera_id: str, x: float, y: float) -> None:
        """Show a camera at a world position while it is dragged (the data is unchanged)."""
        self.layers.preview_move(camera_id, x, y)

    def end_preview(self, camera_id: str) -> None:
        """Put a dragged camera back where its data says, before the window decides."""
        self.layers.end_preview(camera_id)

    def survey_shown(self) -> np.ndarray:
        """Return which status groups are visible (draft, confirmed, rejected)."""
        return self.layers.survey_shown()

    def existing_shown(self) -> np.ndarray:
        """Return whether the existing cameras are visible (one group)."""
        return self.layers.existing_shown()

    def camera_scene(self) -> CameraScene:
        """Return what the camera tiles show under the current layer toggles."""
        return self.layers.camera_scene()

    def survey_drawing(self) -> CameraDrawing:
        """Return how the survey's cameras are drawn under the current layers."""
        return self.layers.survey_drawing()

    def paint(self, painter: QPainter, view: Viewport, request: bool = True) -> None:
        """Paint one frame: tiles, track, cameras, selection, GPS, scale, north and credits
        (the layers not built yet have nothing to show)."""
        painter.fillRect(0, 0, view.width, view.height, self.style.color("background"))
        if self.visible["basemap"]:
            self.tiles.paint(painter, view, request)
        layers = self._layers
        if layers is not None:
            layers.paint_sectors(painter, view, request)
            layers.coverage.paint(painter, view, request)
        if self.visible["track"]:
            paint_track(painter, view, self.style, self.track)
        if layers is not None:
            layers.paint_cameras(painter, view, request)
        self.last_cones = view.zoom >= float(self.style.raw["cameras"]["cone_min_zoom"])
        if layers is not None:
            layers.paint_selection(painter, view, self.selected, self.handle_bearing)
        if self.visible["gps"] and self.gps is not None:
            paint_gps(painter, view, self.style, *self.gps)
        paint_scale_bar(painter, view)
        paint_north_arrow(painter, view)
        paint_attribution(painter, view, self.attribution())

    def attribution(self) -> str:
        """Return the credit line: the tile source's, always naming OpenStreetMap."""
        text = self.tiles.provider.attribution
        return text if "OpenStreetMap" in text else f"{text} | {OSM_ATTRIBUTION}"

    def _paint_cameras(self, painter: QPainter, view: Viewport) -> None:
        """Paint every camera live, without tiles (the benchmarks' reference drawing)."""
        self.layers.paint_live(painter, view)

    def render(self, view: Viewport, wait: bool = True) -> QImage:
        """Return the frame as an image; with ``wait`` missing tiles are painted first."""
        if wait and self.visible["basemap"]:
            self.tiles.fill(view)
        if wait and self._layers is not None:
            self._layers.fill(view)
        image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        try:
            self.paint(painter, view, request=not wait)
        finally:
            painter.end()
        return image
