"""Everything one map frame shows, and how it is painted, independent of any widget.

The canvas paints it on screen; ``render`` paints it into a QImage for screenshots and
benchmarks. Only tiles come from the cache; cameras, selection and GPS are drawn live.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtGui import QImage, QPainter

from contrechamp.core.area import BBox, ExistingCamera, MapFeature
from contrechamp.core.camera import Camera, Status
from contrechamp.ui.map.camera_layer import CameraDrawing, CameraPoints, direction_of
from contrechamp.ui.map.overlays import (
    paint_attribution,
    paint_gps,
    paint_north_arrow,
    paint_scale_bar,
    paint_selection,
    paint_track,
)
from contrechamp.ui.map.projection import Viewport
from contrechamp.ui.map.sprites import CameraSprites
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

__all__ = ["LAYERS", "STATUS_GROUPS", "MapFrame"]

LAYERS = ("basemap", "existing", "draft", "confirmed", "rejected", "fov", "gps", "track")
STATUS_GROUPS = {Status.DRAFT: 0, Status.CONFIRMED: 1, Status.REJECTED: 2}


class MapFrame:
    """The map's content (area, cameras, GPS, track, layers) and the painting of a frame."""

    def __init__(self, style: MapStyle | None = None) -> None:
        self.style = style or load_style()
        self.generation = 0
        self.dpr = 1.0
        self.basemap = VectorBaseMap(None, [], self.style)
        self.source: TileSource = VectorTiles()
        self.tiles = TileLayer(VectorProvider(self.basemap, self.generation))
        self.survey = CameraPoints()
        self.existing = CameraPoints()
        self.cameras: dict[str, Camera] = {}
        self.selected: str | None = None
        self.handle_bearing: float | None = None  # while the handle is dragged
        self.gps: tuple[float, float, float | None, float | None] | None = None
        self.track: list[tuple[float, float]] = []
        self.visible = dict.fromkeys(LAYERS, True)
        self.last_cones = False  # whether the last frame drew survey cameras as full cones
        self.sprites = CameraSprites()

    def set_area(self, bbox: BBox | None, features: Sequence[MapFeature]) -> None:
        """Replace the base map (tiles are painted again from the new features)."""
        self.generation += 1
        self.basemap = VectorBaseMap(bbox, features, self.style)
        if isinstance(self.source, VectorTiles):
            self.tiles.set_provider(VectorProvider(self.basemap, self.generation, self.dpr))

    def set_device_pixel_ratio(self, dpr: float) -> None:
        """Paint vector tiles for the screen's pixel density (on change, tiles are repainted)."""
        if dpr == self.dpr:
            return
        self.dpr = dpr
        if isinstance(self.source, VectorTiles):
            self.tiles.set_provider(VectorProvider(self.basemap, self.generation, dpr))

    def set_tile_source(self, source: TileSource) -> None:
        """Switch where tiles come from (raises InputError for an unreadable MBTiles file)."""
        provider = provider_for(source, self.basemap, self.generation, self.dpr)
        self.source = source
        self.tiles.set_provider(provider)

    def set_existing(self, cameras: Sequence[ExistingCamera]) -> None:
        """Replace the cameras already in OSM."""
        self.existing.replace([(c.osm_id, c.lat, c.lon, 0, c.tags) for c in cameras])

    def set_cameras(self, cameras: Sequence[Camera]) -> None:
        """Replace the survey's cameras."""
        self.cameras = {c.id: c for c in cameras}
        self.survey.replace(
            [(c.id, c.lat, c.lon, STATUS_GROUPS[c.status], c.tags) for c in cameras]
        )

    def upsert(self, camera: Camera) -> None:
        """Add or update one survey camera."""
        self.cameras[camera.id] = camera
        self.survey.upsert(
            camera.id, camera.lat, camera.lon, STATUS_GROUPS[camera.status], camera.tags
        )

    def remove(self, camera_id: str) -> None:
        """Remove one survey camera (and the selection if it was that one)."""
        self.cameras.pop(camera_id, None)
        self.survey.remove(camera_id)
        if self.selected == camera_id:
            self.selected = None

    def preview_move(self, camera_id: str, x: float, y: float) -> None:
        """Show a camera at a world position while it is dragged (the data is unchanged)."""
        row = self.survey.index_of(camera_id)
        if row is not None:
            self.survey.x[row], self.survey.y[row] = x, y

    def end_preview(self, camera_id: str) -> None:
        """Put a dragged camera back where its data says, before the window decides."""
        camera = self.cameras.get(camera_id)
        if camera is not None:
            self.upsert(camera)

    def survey_shown(self) -> np.ndarray:
        """Return which status groups are visible (draft, confirmed, rejected)."""
        return np.array([self.visible[name] for name in ("draft", "confirmed", "rejected")])

    def existing_shown(self) -> np.ndarray:
        """Return whether the existing cameras are visible (one group)."""
        return np.array([self.visible["existing"]])

    def paint(self, painter: QPainter, view: Viewport, request: bool = True) -> None:
        """Paint one frame: tiles, track, cameras, selection, GPS, scale, north and credits."""
        painter.fillRect(0, 0, view.width, view.height, self.style.color("background"))
        if self.visible["basemap"]:
            self.tiles.paint(painter, view, request)
        if self.visible["track"]:
            paint_track(painter, view, self.style, self.track)
        self._paint_cameras(painter, view)
        self._paint_selection(painter, view)
        if self.visible["gps"] and self.gps is not None:
            paint_gps(painter, view, self.style, *self.gps)
        paint_scale_bar(painter, view)
        paint_north_arrow(painter, view)
        paint_attribution(painter, view, self.attribution())

    def attribution(self) -> str:
        """Return the credit line: the tile source's, always naming OpenStreetMap."""
        text = self.tiles.provider.attribution
        return text if "OpenStreetMap" in text else f"{text} | {OSM_ATTRIBUTION}"

    def _drawing(self, groups: Sequence[str], shown: np.ndarray, hollow: bool) -> CameraDrawing:
        """Return how one camera set is drawn under the current layers and style."""
        cams = self.style.raw["cameras"]
        return CameraDrawing(
            styles=[self.style.cameras[g] for g in groups],
            shown=shown,
            show_fov=self.visible["fov"],
            cone_zoom=float(cams["cone_min_zoom"]),
            cone_max=int(cams["cone_max_visible"]),
            marker_px=float(cams["marker_px"]),
            sprites=self.sprites,
            hollow=hollow,
        )

    def _paint_cameras(self, painter: QPainter, view: Viewport) -> None:
        """Paint the OSM cameras under the survey's own."""
        existing = self._drawing(["existing"], self.existing_shown(), hollow=True)
        existing.paint(painter, view, self.existing)
        survey = self._drawing(["draft", "confirmed", "rejected"], self.survey_shown(), False)
        self.last_cones = survey.paint(painter, view, self.survey)

    def _paint_selection(self, painter: QPainter, view: Viewport) -> None:
        """Paint the selected camera's ring and direction handle."""
        row = None if self.selected is None else self.survey.index_of(self.selected)
        if row is None or not self.survey_shown()[self.survey.group[row]]:
            return
        x, y = view.to_pixel(float(self.survey.x[row]), float(self.survey.y[row]))
        bearing = self.handle_bearing
        if bearing is None:
            bearing = direction_of(self.survey.tags[row])
        paint_selection(painter, self.style, x, y, bearing)

    def render(self, view: Viewport, wait: bool = True) -> QImage:
        """Return the frame as an image; with ``wait`` missing tiles are painted first."""
        if wait and self.visible["basemap"]:
            self.tiles.fill(view)
        image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        try:
            self.paint(painter, view, request=not wait)
        finally:
            painter.end()
        return image
