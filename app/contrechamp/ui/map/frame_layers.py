"""The map's layers drawn from numpy columns and shapely shapes: cameras, sectors, coverage.

``MapFrame`` builds them when something first needs them (a survey's cameras shown, a click
looking for a camera), never for the first frame: the base map and the overlays need neither
numpy nor shapely, so the window paints its first map before importing them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from types import MappingProxyType
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray
from PySide6.QtGui import QPainter

from contrechamp.core.area import ExistingCamera, Sector
from contrechamp.core.camera import Camera, Status, TaggedPlace
from contrechamp.formats.glanced_cameras import STATUSES, GlancedCameras
from contrechamp.ui.map.camera_layer import (
    CONES_PER_CELL,
    TICKS_PER_CELL,
    CameraDrawing,
    direction_of,
)
from contrechamp.ui.map.camera_points import CameraPoints
from contrechamp.ui.map.camera_tiles import CameraLayerTiles, CameraScene, CameraSet
from contrechamp.ui.map.coverage_layer import CoverageLayer
from contrechamp.ui.map.edits import Place, place_of, touched_by
from contrechamp.ui.map.overlays import paint_selection
from contrechamp.ui.map.projection import Viewport
from contrechamp.ui.map.sector_layer import SectorShapes, SectorTiles, paint_sector_labels
from contrechamp.ui.map.sprites import CameraSprites
from contrechamp.ui.map.style import MapStyle
from contrechamp.ui.map.tile_cache import TileKey
from contrechamp.ui.map.tile_layer import TileLayer

__all__ = ["STATUS_GROUPS", "FrameLayers"]

STATUS_GROUPS = {Status.DRAFT: 0, Status.CONFIRMED: 1, Status.REJECTED: 2}
_NO_TAGS: Mapping[str, str] = MappingProxyType({})  # a glanced camera's: no field of view yet
_SURVEY = ("draft", "confirmed", "rejected")
_CAMERA_LAYERS = ("existing", *_SURVEY, "fov")  # the toggles camera tiles depend on


class FrameLayers:
    """The cameras (the survey's and those in OSM), their tiles, the sectors and the coverage
    of one frame; ``visible`` is the frame's own dict of layer toggles."""

    def __init__(self, style: MapStyle, visible: dict[str, bool], dpr: float) -> None:
        self.style = style
        self.visible = visible
        self.dpr = dpr
        self.survey = CameraPoints()
        self.existing = CameraPoints()
        self.sprites = CameraSprites()
        self.camera_tiles = CameraLayerTiles()
        self.dragged: str | None = None  # drawn live while dragged, left out of the tiles
        self._dragged_from = (0.0, 0.0)  # the world position the dragged camera left
        self._snapshots = (self.existing.snapshot(), self.survey.snapshot())
        self._scene: CameraScene | None = None
        self.last_dropped: list[TileKey] = []  # the tiles the last edit repainted
        self.sectors = SectorShapes()
        self._sector_generation = 0
        self._sector_args: tuple[list[Sector], int | None, list[bytes]] = ([], None, [])
        self.sector_tiles = TileLayer(self._sector_provider())
        self.coverage = CoverageLayer()  # shown by the Coverage tab
        self.coverage.set_device_pixel_ratio(dpr)

    def tile_layers(self) -> tuple[CameraLayerTiles, TileLayer, TileLayer]:
        """The tile caches whose ``tiles_changed`` asks for a new frame."""
        return self.camera_tiles, self.sector_tiles, self.coverage.tiles

    def set_device_pixel_ratio(self, dpr: float) -> None:
        """Paint the sector and coverage tiles for the screen's pixel density."""
        self.dpr = dpr
        self.sector_tiles.set_provider(self._sector_provider())
        self.coverage.set_device_pixel_ratio(dpr)

    # --- sectors ----------------------------------------------------------------------------

    def set_sectors(self, sectors: Sequence[Sector], own_id: int | None) -> None:
        """Show the survey's sectors (``own_id``: the pair's own sector, emphasised)."""
        self._sector_args = (list(sectors), own_id, self._sector_args[2])
        self._sectors_changed()

    def set_walked(self, walked: Sequence[bytes]) -> None:
        """Show the walked streets: WGS 84 (multi)lines as WKB, one per sector (b"": none)."""
        self._sector_args = (*self._sector_args[:2], list(walked))
        self._sectors_changed()

    def _sectors_changed(self) -> None:
        self._sector_generation += 1
        self.sectors = SectorShapes(*self._sector_args)
        self.sector_tiles.set_provider(self._sector_provider())

    def _sector_provider(self) -> SectorTiles:
        """The sector tiles' painter for the current sectors and layer toggles."""
        edges, walked = self.visible["sectors"], self.visible["walked"]
        return SectorTiles(self.sectors, self._sector_generation, self.dpr, edges, walked)

    def apply_sector_toggles(self) -> None:
        """Paint the sector tiles afresh when a layer toggle changed what they show."""
        provider = self.sector_tiles.provider
        assert isinstance(provider, SectorTiles)
        if (provider.edges, provider.walked) != (self.visible["sectors"], self.visible["walked"]):
            self.sector_tiles.set_provider(self._sector_provider())

    def paint_sectors(self, painter: QPainter, view: Viewport, request: bool) -> None:
        """Paint the sector tiles (painted again after a toggle), then the sectors' names."""
        if not self.sectors:
            return
        self.apply_sector_toggles()
        if self.visible["sectors"] or self.visible["walked"]:
            self.sector_tiles.paint(painter, view, request)
        if self.visible["sectors"]:
            paint_sector_labels(painter, view, self.sectors)

    def fill(self, view: Viewport) -> None:
        """Paint the view's missing sector and coverage tiles in this thread."""
        if self.sectors:
            self.apply_sector_toggles()
            self.sector_tiles.fill(view)
        self.coverage.fill(view)

    # --- cameras ----------------------------------------------------------------------------

    def set_existing(self, cameras: Sequence[ExistingCamera]) -> None:
        """Replace the cameras already in OSM."""
        self.existing.replace(*_columns(cameras, [c.osm_id for c in cameras], lambda _: 0))
        self._cameras_replaced()

    def set_cameras(self, cameras: Sequence[Camera]) -> None:
        """Replace the survey's cameras (the old ones are let go before the new are read: a
        million of both need not be held at once)."""
        self.survey.clear()
        ids = [c.id for c in cameras]
        columns = _columns(cameras, ids, lambda c: STATUS_GROUPS[c.status])
        self.survey.replace(*columns, owned=True)
        self.dragged = None
        self._cameras_replaced()

    def set_glanced(self, cameras: GlancedCameras) -> None:
        """Show the survey's cameras from a first look at its file, while it opens: numbered
        by row, without tags (``set_cameras`` replaces them once it is open)."""
        count = len(cameras)
        group = np.array([STATUS_GROUPS[s] for s in STATUSES], dtype=np.int8)[cameras.status]
        self.survey.replace(range(count), cameras.lat, cameras.lon, group, [_NO_TAGS] * count)
        self.dragged = None
        self._cameras_replaced()

    def upsert(self, camera: Camera) -> None:
        """Add or update one survey camera (its tiles are painted again for the next frame)."""
        old = place_of(self.survey, camera.id)
        self.survey.upsert(
            camera.id, camera.lat, camera.lon, STATUS_GROUPS[camera.status], camera.tags
        )
        if self.dragged == camera.id:
            self.dragged = None
        self._survey_edited([old, place_of(self.survey, camera.id)])

    def remove(self, camera_id: str) -> None:
        """Remove one survey camera."""
        old = place_of(self.survey, camera_id)
        self.survey.remove(camera_id)
        if self.dragged == camera_id:
            self.dragged = None
        self._survey_edited([old])

    def preview_move(self, camera_id: str, x: float, y: float) -> None:
        """Show a camera at a world position while it is dragged (the data is unchanged)."""
        row = self.survey.index_of(camera_id)
        if row is None:
            return
        if self.dragged != camera_id:  # lift it out of the tiles: it is drawn live from now on
            self.dragged = camera_id
            self._dragged_from = (float(self.survey.x[row]), float(self.survey.y[row]))
            self._survey_edited([place_of(self.survey, camera_id)])
        self.survey.move(row, x, y)

    def end_preview(self, camera_id: str) -> None:
        """Put a dragged camera back where its data says, before the window decides."""
        row = self.survey.index_of(camera_id)
        if row is None or self.dragged != camera_id:
            return
        self.survey.move(row, *self._dragged_from)
        self.dragged = None
        self._survey_edited([place_of(self.survey, camera_id)])

    def survey_shown(self) -> np.ndarray:
        """Return which status groups are visible (draft, confirmed, rejected)."""
        return np.array([self.visible[name] for name in _SURVEY])

    def existing_shown(self) -> np.ndarray:
        """Return whether the existing cameras are visible (one group)."""
        return np.array([self.visible["existing"]])

    def camera_scene(self) -> CameraScene:
        """Return what the camera tiles show under the current layer toggles."""
        key = tuple(self.visible[name] for name in _CAMERA_LAYERS)
        if self._scene is None or self._scene.key != key:
            existing, survey = self._snapshots
            skip = None if self.dragged is None else self.survey.index_of(self.dragged)
            self._scene = CameraScene(
                key,
                (
                    CameraSet(self.existing_drawing(), existing),
                    CameraSet(self.survey_drawing(), survey, skip),
                ),
            )
        return self._scene

    def existing_drawing(self) -> CameraDrawing:
        """Return how the OSM cameras are drawn under the current layers."""
        return self._drawing(["existing"], self.existing_shown(), hollow=True)

    def survey_drawing(self) -> CameraDrawing:
        """Return how the survey's cameras are drawn under the current layers."""
        return self._drawing(list(_SURVEY), self.survey_shown(), hollow=False)

    def _drawing(self, groups: Sequence[str], shown: np.ndarray, hollow: bool) -> CameraDrawing:
        """Return how one camera set is drawn under the current layers and style."""
        cams = self.style.raw["cameras"]
        return CameraDrawing(
            styles=[self.style.cameras[g] for g in groups],
            shown=shown,
            show_fov=self.visible["fov"],
            cone_zoom=float(cams["cone_min_zoom"]),
            marker_px=float(cams["marker_px"]),
            sprites=self.sprites,
            hollow=hollow,
            cones_per_cell=int(cams.get("cones_per_cell", CONES_PER_CELL)),
            ticks_per_cell=int(cams.get("ticks_per_cell", TICKS_PER_CELL)),
        )

    def _cameras_replaced(self) -> None:
        """Start the camera tiles afresh from the current cameras."""
        self._snapshots = (self.existing.snapshot(), self.survey.snapshot())
        self._scene = None
        self.camera_tiles.clear()

    def _survey_edited(self, places: list[Place | None]) -> None:
        """Snapshot the survey again and drop the tiles the edited camera touched, at its
        places before and after the edit."""
        before, after = self._snapshots[1], self.survey.snapshot()
        self._snapshots = (self._snapshots[0], after)
        self._scene = None
        drawing = self.survey_drawing()
        self.last_dropped = self.camera_tiles.drop(
            lambda zoom: touched_by(drawing, before, after, places, zoom), self.camera_scene().key
        )

    def paint_cameras(self, painter: QPainter, view: Viewport, request: bool) -> None:
        """Paint the camera tiles, then the camera being dragged, live, over them."""
        self.camera_tiles.paint(painter, view, self.camera_scene(), request)
        row = None if self.dragged is None else self.survey.index_of(self.dragged)
        if row is None or not self.survey_shown()[self.survey.group[row]]:
            return
        self.survey_drawing().paint(painter, view, self.survey.row_copy(row))

    def paint_live(self, painter: QPainter, view: Viewport) -> None:
        """Paint every camera live, without tiles (the benchmarks' reference drawing)."""
        self.existing_drawing().paint(painter, view, self.existing)
        self.survey_drawing().paint(painter, view, self.survey)

    def paint_selection(
        self, painter: QPainter, view: Viewport, selected: str | None, bearing: float | None
    ) -> None:
        """Paint the selected camera's ring and direction handle (``bearing``: the handle's
        while it is dragged, else the camera's direction)."""
        row = None if selected is None else self.survey.index_of(selected)
        if row is None or not self.survey_shown()[self.survey.group[row]]:
            return
        x, y = view.to_pixel(float(self.survey.x[row]), float(self.survey.y[row]))
        if bearing is None:
            bearing = direction_of(self.survey.tags[row])
        paint_selection(painter, self.style, x, y, bearing)


_CameraT = TypeVar("_CameraT", bound=TaggedPlace)


def _columns(
    cameras: Sequence[_CameraT], ids: Sequence[Hashable], group_of: Callable[[_CameraT], int]
) -> tuple[
    Sequence[Hashable],
    NDArray[np.float64],
    NDArray[np.float64],
    NDArray[np.int8],
    list[Mapping[str, str]],
]:
    """The columns ``CameraPoints.replace`` takes, read from the cameras without a tuple per
    camera (a million tuples made the collector run over every camera again and again)."""
    count = len(cameras)
    lat = np.fromiter((c.lat for c in cameras), dtype=np.float64, count=count)
    lon = np.fromiter((c.lon for c in cameras), dtype=np.float64, count=count)
    group = np.fromiter(map(group_of, cameras), dtype=np.int8, count=count)
    return ids, lat, lon, group, [c.tags for c in cameras]
