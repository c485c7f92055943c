"""The live map widget: pan, zoom, click to add, drag to move a camera or turn its direction.

A QGraphicsView with no items: every frame is painted in ``drawBackground`` from the tile
cache plus live cameras (see ``MapFrame``). Hit tests use the numpy camera arrays.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGestureEvent,
    QGraphicsScene,
    QGraphicsView,
    QPinchGesture,
    QWidget,
)

from contrechamp.core.area import BBox, ExistingCamera, MapFeature, Sector
from contrechamp.core.camera import Camera
from contrechamp.ui.map.frame import LAYERS, MapFrame
from contrechamp.ui.map.overlays import HANDLE_RADIUS_PX, handle_position
from contrechamp.ui.map.projection import Viewport, lat_lon_of, world_of
from contrechamp.ui.map.route_layer import RouteOverlay
from contrechamp.ui.map.sketch import SectorSketch
from contrechamp.ui.map.tile_sources import TileSource

if TYPE_CHECKING:
    from contrechamp.formats.glanced_cameras import GlancedCameras
    from contrechamp.ui.map.coverage_layer import CoverageShapes

__all__ = ["MapCanvas", "render_frame"]

MIN_ZOOM, MAX_ZOOM = 2.0, 21.0
HIT_RADIUS_PX = 12.0
DRAG_START_PX = 4.0
WHEEL_STEP = 0.5
PAN_STEP_PX = 96.0


class MapCanvas(QGraphicsView):
    """The map: base map tiles, cameras by status, OSM cameras, GPS and track."""

    map_clicked = Signal(float, float)
    camera_clicked = Signal(str)
    existing_camera_clicked = Signal(object)  # OSM node id: 64-bit, no Qt int
    camera_moved = Signal(str, float, float)
    camera_direction_dragged = Signal(str, float)
    painted = Signal()  # a frame was painted (the window finishes building after the first)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame = MapFrame()
        self.frame.connect_tiles_changed(self._schedule_repaint)
        self.sketch = SectorSketch(self)  # a sector being drawn: clicks add its corners
        self.sketch.changed.connect(self._schedule_repaint)
        self.route = RouteOverlay(self)  # a route and its filmed stretches (Coverage tab)
        self.route.changed.connect(self._schedule_repaint)
        self._center = world_of(46.5, 2.5)
        self._zoom = 5.0
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._drag: str | None = None  # "pan", "camera", "handle"
        self._drag_id: str | None = None
        self._setup_view()

    def _setup_view(self) -> None:
        """Make the view a plain painting surface: no scroll bars, no frame, full repaints."""
        self.setScene(QGraphicsScene(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # to show what a press would grab
        self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setMinimumSize(200, 150)

    # --- the public API -------------------------------------------------------------------
    def set_area(self, bbox: BBox | None, features: Sequence[MapFeature]) -> None:
        """Show a new area's base map and fit the view to it."""
        self.frame.set_area(bbox, features)
        if bbox is not None:
            self._fit(bbox)
        self._schedule_repaint()

    def set_existing_cameras(self, cameras: Sequence[ExistingCamera]) -> None:
        """Show the cameras already in OpenStreetMap."""
        self.frame.set_existing(cameras)
        self._schedule_repaint()

    def set_cameras(self, cameras: Sequence[Camera]) -> None:
        """Show the survey's cameras (replacing those shown)."""
        self.frame.set_cameras(cameras)
        self._schedule_repaint()

    def set_glanced_cameras(self, cameras: GlancedCameras) -> None:
        """Show the survey's cameras from a first look at its file, while it opens."""
        self.frame.set_glanced(cameras)
        self._schedule_repaint()

    def upsert_camera(self, camera: Camera) -> None:
        """Add or update one survey camera."""
        self.frame.upsert(camera)
        self._schedule_repaint()

    def remove_camera(self, camera_id: str) -> None:
        """Remove one survey camera."""
        self.frame.remove(camera_id)
        self._schedule_repaint()

    def set_sectors(self, sectors: Sequence[Sector], own_id: int | None = None) -> None:
        """Show the survey's sectors, the pair's own (``own_id``) emphasised."""
        self.frame.set_sectors(sectors, own_id)
        self._schedule_repaint()

    def set_walked(self, walked: Sequence[bytes]) -> None:
        """Show the walked streets (WGS 84 lines as WKB, b"" for none)."""
        self.frame.set_walked(walked)
        self._schedule_repaint()

    def set_coverage(self, shapes: CoverageShapes) -> None:
        """Show the streets coloured by coverage (``CoverageShapes.empty()``: hide them)."""
        self.frame.coverage.set_shapes(shapes)
        self._schedule_repaint()

    def set_selected(self, camera_id: str | None) -> None:
        """Select a survey camera (shows its direction handle), or clear the selection."""
        self.frame.selected = camera_id
        self._schedule_repaint()

    def set_gps(
        self, lat: float | None, lon: float | None, accuracy_m: float | None, heading: float | None
    ) -> None:
        """Show the walker's position (None for lat or lon hides it)."""
        self.frame.gps = None if lat is None or lon is None else (lat, lon, accuracy_m, heading)
        self._schedule_repaint()

    def set_track(self, points: Sequence[tuple[float, float]]) -> None:
        """Show the walked track as (lat, lon) points."""
        self.frame.track = list(points)
        self._schedule_repaint()

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        """Show or hide a layer: one of ``LAYERS``."""
        if layer not in LAYERS:
            raise ValueError(f"unknown map layer: {layer}")
        self.frame.visible[layer] = visible
        self._schedule_repaint()

    def layer_visible(self, layer: str) -> bool:
        """Tell whether a layer is shown."""
        return self.frame.visible[layer]

    def center_on(self, lat: float, lon: float, zoom: float | None = None) -> None:
        """Centre the map on a point, optionally at a zoom."""
        self._center = world_of(lat, lon)
        if zoom is not None:
            self._zoom = _clamp_zoom(zoom)
        self._schedule_repaint()

    def show_box(self, bbox: BBox) -> None:
        """Centre the map on a box, at the largest zoom (up to 18) that shows all of it."""
        self._fit(bbox)
        self._schedule_repaint()

    def set_tile_source(self, source: TileSource) -> None:
        """Switch the base map source (raises InputError for a bad MBTiles file)."""
        self.frame.set_tile_source(source)
        self._schedule_repaint()

    def view_center(self) -> tuple[float, float]:
        """Return the (lat, lon) at the centre of the view."""
        return lat_lon_of(*self._center)

    @property
    def zoom(self) -> float:
        """The zoom level (fractional; 16–18 is street level)."""
        return self._zoom

    @zoom.setter
    def zoom(self, value: float) -> None:
        """Set the zoom (clamped to the supported range), keeping the centre."""
        self._zoom = _clamp_zoom(value)
        self._schedule_repaint()

    def viewport_state(self, width: int | None = None, height: int | None = None) -> Viewport:
        """Return what the view shows (or would show at another size)."""
        w = width if width is not None else self.viewport().width()
        h = height if height is not None else self.viewport().height()
        return Viewport(self._center[0], self._center[1], self._zoom, w, h)

    def pixel_of(self, lat: float, lon: float) -> tuple[float, float]:
        """Return the viewport pixel of a point."""
        return self.viewport_state().pixel_of(lat, lon)

    def lat_lon_at(self, x: float, y: float) -> tuple[float, float]:
        """Return the point under a viewport pixel."""
        return self.viewport_state().lat_lon_at(x, y)

    # --- painting -------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | object) -> None:
        """Paint the whole frame in viewport pixels."""
        self.frame.set_device_pixel_ratio(self.viewport().devicePixelRatioF())
        painter.save()
        painter.resetTransform()
        self.frame.paint(painter, self.viewport_state())
        self.route.paint(painter, self.viewport_state())
        self.sketch.paint(painter, self.viewport_state())
        painter.restore()
        self.painted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep scene coordinates equal to viewport pixels."""
        super().resizeEvent(event)
        self.setSceneRect(0, 0, self.viewport().width(), self.viewport().height())

    def _schedule_repaint(self) -> None:
        """Ask for a new frame."""
        self.viewport().update()

    def _fit(self, bbox: BBox) -> None:
        """Centre on a box, at the largest zoom that shows all of it."""
        x0, y0 = world_of(bbox.north, bbox.west)
        x1, y1 = world_of(bbox.south, bbox.east)
        self._center = ((x0 + x1) / 2, (y0 + y1) / 2)
        w, h = max(self.viewport().width(), 200), max(self.viewport().height(), 150)
        span = max((x1 - x0) / w, (y1 - y0) / h, 1e-9)
        self._zoom = _clamp_zoom(min(18.0, math.floor(math.log2(1 / span) * 4) / 4))

    # --- zoom and pan ---------------------------------------------------------------------
    def zoom_by(self, steps: float, anchor: tuple[float, float] | None = None) -> None:
        """Zoom in (positive) or out by ``steps`` levels, keeping ``anchor`` still."""
        view = self.viewport_state().zoomed(_clamp_zoom(self._zoom + steps), anchor)
        self._center, self._zoom = (view.center_x, view.center_y), view.zoom
        self._schedule_repaint()

    def pan_by(self, dx_px: float, dy_px: float) -> None:
        """Move the map content by a number of pixels."""
        view = self.viewport_state().panned(dx_px, dy_px)
        self._center = (view.center_x, view.center_y)
        self._schedule_repaint()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Zoom around the mouse pointer."""
        steps = event.angleDelta().y() / 120 * WHEEL_STEP
        if steps:
            pos = event.position()
            self.zoom_by(steps, (pos.x(), pos.y()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """+ and - zoom, arrow keys pan."""
        key = Qt.Key(event.key())
        moves = {
            Qt.Key.Key_Left: (PAN_STEP_PX, 0.0),
            Qt.Key.Key_Right: (-PAN_STEP_PX, 0.0),
            Qt.Key.Key_Up: (0.0, PAN_STEP_PX),
            Qt.Key.Key_Down: (0.0, -PAN_STEP_PX),
        }
        if self.sketch.handle_key(key):
            event.accept()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.0)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(-1.0)
        elif key in moves:
            self.pan_by(*moves[key])
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        """While a sector is drawn, Enter, Escape and Backspace are its own, not shortcuts."""
        overridden = event.type() == QEvent.Type.ShortcutOverride
        if overridden and isinstance(event, QKeyEvent) and self.sketch.wants_key(event.key()):
            event.accept()
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double-click closes the sector being drawn, its place the last corner (added by
        its first click, unless that click went elsewhere)."""
        if self.sketch.active and event.button() == Qt.MouseButton.LeftButton:
            pos = event.position()
            last = self.sketch.corners[-1] if self.sketch.corners else None
            x, y = self.pixel_of(*last) if last is not None else (math.inf, math.inf)
            if math.hypot(pos.x() - x, pos.y() - y) >= DRAG_START_PX:
                self.sketch.add(*self.lat_lon_at(pos.x(), pos.y()))
            self.sketch.finish()
            event.accept()
            return None
        return super().mouseDoubleClickEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        """Zoom with pinch gestures: touchpads (native) and touch screens."""
        if isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                pos = event.position()
                self.zoom_by(math.log2(1 + event.value()), (pos.x(), pos.y()))
                return True
        elif isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture) and pinch.scaleFactor() > 0:
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(math.log2(pinch.scaleFactor()), (centre.x(), centre.y()))
                return True
        return super().viewportEvent(event)

    # --- clicks and drags -----------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a pan, a camera drag or a handle drag, decided by what is under the pointer."""
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self._press = event.position()
        self._drag, self._drag_id = self._grab_at(self._press)
        if self._drag == "pan":
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        self.setFocus()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Pan the map, or preview a camera's new place or direction."""
        pos = event.position()
        if self._press is None:
            self._show_cursor_for(pos)
            self.sketch.hover_at(*self.lat_lon_at(pos.x(), pos.y()))
            return None
        last = self._last or self._press
        if self._drag == "pan":
            self.pan_by(pos.x() - last.x(), pos.y() - last.y())
        elif self._drag == "handle" and self._drag_id is not None:
            self.frame.handle_bearing = self._bearing_to(self._drag_id, pos)
            self._schedule_repaint()
        elif self._drag == "camera" and self._drag_id is not None:
            self.frame.preview_move(
                self._drag_id, *self.viewport_state().to_world(pos.x(), pos.y())
            )
            self._schedule_repaint()
        self._last = pos
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Finish: a click selects or adds, a drag moves or turns (the window decides)."""
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        pos, press = event.position(), self._press
        dragged = math.hypot(pos.x() - press.x(), pos.y() - press.y()) >= DRAG_START_PX
        drag, cam_id = self._drag, self._drag_id
        self._press, self._last, self._drag, self._drag_id = None, None, None, None
        self.frame.handle_bearing = None
        if cam_id is not None:
            self.frame.end_preview(cam_id)
        if drag == "handle" and cam_id is not None:
            if dragged:
                self.camera_direction_dragged.emit(cam_id, self._bearing_to(cam_id, pos))
        elif drag == "camera" and cam_id is not None:
            if dragged:
                self.camera_moved.emit(cam_id, *self.lat_lon_at(pos.x(), pos.y()))
            else:
                self.camera_clicked.emit(cam_id)
        elif not dragged and self.sketch.active:
            self.sketch.add(*self.lat_lon_at(pos.x(), pos.y()))
        elif not dragged:
            self._click_empty_or_existing(pos)
        self._show_cursor_for(pos)
        self._schedule_repaint()
        event.accept()

    def _grab_at(self, pos: QPointF) -> tuple[str, str | None]:
        """Return what a press grabs: the selected camera's handle, a survey camera, or the map."""
        if self.sketch.active or not self.frame.layers_built:
            return "pan", None  # drawing a sector: a click is a corner, a drag pans
        view = self.viewport_state()
        selected = self.frame.selected
        row = None if selected is None else self.frame.survey.index_of(selected)
        if selected is not None and row is not None and self._row_shown(row):
            cx, cy = view.to_pixel(float(self.frame.survey.x[row]), float(self.frame.survey.y[row]))
            bearing = self._handle_bearing(row)
            hx, hy = handle_position(cx, cy, bearing)
            if math.hypot(pos.x() - hx, pos.y() - hy) <= HANDLE_RADIUS_PX + 4:
                return "handle", selected
        hit = self.frame.survey.nearest(
            view, pos.x(), pos.y(), self.frame.survey_shown(), HIT_RADIUS_PX
        )
        if hit is not None:
            return "camera", str(self.frame.survey.ids[hit])
        return "pan", None

    def _show_cursor_for(self, pos: QPointF) -> None:
        """Show what a press here would do: turn (handle), move (camera), open (OSM camera), pan."""
        grab, _ = self._grab_at(pos)
        if self.sketch.active or grab == "handle":
            shape = Qt.CursorShape.CrossCursor
        elif grab == "camera" or self._existing_at(pos) is not None:
            shape = Qt.CursorShape.PointingHandCursor
        else:
            shape = Qt.CursorShape.OpenHandCursor
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)

    def _existing_at(self, pos: QPointF) -> int | None:
        """Return the row of the OSM camera under a pixel, if any."""
        if not self.frame.layers_built:
            return None  # no camera is shown yet
        shown = self.frame.existing_shown()
        return self.frame.existing.nearest(
            self.viewport_state(), pos.x(), pos.y(), shown, HIT_RADIUS_PX
        )

    def _row_shown(self, row: int) -> bool:
        """Tell whether a survey camera's status layer is shown."""
        return bool(self.frame.survey_shown()[self.frame.survey.group[row]])

    def _handle_bearing(self, row: int) -> float:
        """Return where the handle of a row is drawn (north when no direction is known)."""
        from contrechamp.ui.map.camera_layer import direction_of  # the layers imported it

        bearing = direction_of(self.frame.survey.tags[row])
        return 0.0 if bearing is None else bearing

    def _bearing_to(self, cam_id: str, pos: QPointF) -> float:
        """Return the screen bearing from a camera to the pointer, in whole degrees."""
        row = self.frame.survey.index_of(cam_id)
        if row is None:
            return 0.0
        cx, cy = self.viewport_state().to_pixel(
            float(self.frame.survey.x[row]), float(self.frame.survey.y[row])
        )
        return float(round(math.degrees(math.atan2(pos.x() - cx, cy - pos.y()))) % 360)

    def _click_empty_or_existing(self, pos: QPointF) -> None:
        """Emit a click on an OSM camera, or on an empty spot of the map."""
        hit = self._existing_at(pos)
        if hit is not None:
            self.existing_camera_clicked.emit(int(str(self.frame.existing.ids[hit])))
        else:
            self.map_clicked.emit(*self.lat_lon_at(pos.x(), pos.y()))


def render_frame(canvas: MapCanvas, width: int, height: int, wait: bool = True) -> QImage:
    """Render the canvas's current centre and zoom into an image of the given size.

    With ``wait`` the missing base map tiles are painted first (in this thread), so the
    image is complete; later calls compose from the tile cache like the live map does.
    """
    return canvas.frame.render(canvas.viewport_state(width, height), wait)


def _clamp_zoom(zoom: float) -> float:
    """Keep a zoom inside the supported range."""
    return min(max(zoom, MIN_ZOOM), MAX_ZOOM)
