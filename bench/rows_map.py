"""Rows 1–2: map frames, panning at street zoom and with every camera in view.

Frames are painted by the app's own ``MapFrame`` (what the canvas paints on screen) into a
1600×1000 image, with the tile cache warmed first, as it is after the first seconds of use.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication

from bench.datasets import BenchData
from bench.results import RowResult
from bench.targets import TARGETS
from bench.timing import Timing
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.map.frame import MapFrame
from contrechamp.ui.map.frame_layers import STATUS_GROUPS
from contrechamp.ui.map.projection import Viewport

__all__ = [
    "all_in_view_views",
    "live_frames",
    "loaded_frame",
    "measure_all_cameras",
    "measure_pan",
    "pan_views",
    "warm",
]

WIDTH, HEIGHT = 1600, 1000
STREET_ZOOM = 17.0
PAN_STEP_PX = (24.0, 12.0)
_SURVEY_LAYERS = ("draft", "confirmed", "rejected")

_app: QApplication | None = None
_frames: dict[str, MapFrame] = {}


def loaded_frame(path: Path) -> MapFrame:
    """A MapFrame holding a survey's base map, OSM cameras and cameras (cached by path)."""
    global _app
    if QApplication.instance() is None:
        _app = QApplication([])  # widgets too: other rows may build windows
    key = str(path)
    if key not in _frames:
        frame = MapFrame()
        with SurveyFile.open_untrusted_readonly(path) as survey:
            frame.set_area(survey.area_bbox(), survey.map_features())
            frame.set_existing(survey.existing_cameras())
            frame.set_cameras(survey.cameras())
        _frames[key] = frame
    return _frames[key]


def _centre(frame: MapFrame) -> tuple[float, float]:
    """The world position of the median camera: the busiest part of the city."""
    return float(np.median(frame.survey.x)), float(np.median(frame.survey.y))


def pan_views(frame: MapFrame, frames: int) -> list[Viewport]:
    """A drag across the busiest part of the city: ``frames`` views a few pixels apart."""
    x, y = _centre(frame)
    start = Viewport(x, y, STREET_ZOOM, WIDTH, HEIGHT)
    return [start.panned(-PAN_STEP_PX[0] * i, -PAN_STEP_PX[1] * i) for i in range(frames)]


def _time_frames(views: list[Viewport], paint: Callable[[QPainter, Viewport], None]) -> list[float]:
    """Paint each view into a fresh-painter image; return the frame times in ms."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for view in views:
        start = time.perf_counter()
        painter = QPainter(image)
        paint(painter, view)
        painter.end()
        times.append((time.perf_counter() - start) * 1000)
    return times


def live_frames(frame: MapFrame, views: list[Viewport], runs: int) -> Timing:
    """Median frame time (ms) of each of ``runs`` runs over ``views``, painted as the map does."""
    return _runs(views, _live(frame), runs)


def _runs(views: list[Viewport], paint: Callable[[QPainter, Viewport], None], runs: int) -> Timing:
    """Median frame time of each run over the view sequence."""
    return Timing(tuple(float(np.median(_time_frames(views, paint))) for _ in range(runs)))


def warm(frame: MapFrame, views: list[Viewport]) -> float:
    """Fill the tile caches for the views as the first seconds of use do: base map tiles,
    then one pass of frames, whose median (camera tiles painted in the frame) is returned."""
    for view in views:
        frame.tiles.fill(view)
    return float(np.median(_time_frames(views, _live(frame))))


def _live(frame: MapFrame) -> Callable[[QPainter, Viewport], None]:
    return lambda painter, view: frame.paint(painter, view, request=False)


def _from_vectors(frame: MapFrame) -> Callable[[QPainter, Viewport], None]:
    """The reference frame: the base map drawn per feature (STRtree-culled), then the cameras."""

    def paint(painter: QPainter, view: Viewport) -> None:
        frame.basemap.paint_view(painter, view)
        frame._paint_cameras(painter, view)  # the same camera drawing as the live frame

    return paint


def measure_pan(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """Row 1: frames of a pan at street zoom from the warm tile cache, against vector drawing."""
    frame = loaded_frame(data.survey)
    views = pan_views(frame, data.sizes.pan_frames)
    first_pass = warm(frame, views)
    runs = data.sizes.runs
    ours = _runs(views, _live(frame), runs)
    ref = _runs(views, _from_vectors(frame), max(2, runs // 2))
    goal = TARGETS["map_pan"]
    name = f"map frame at street zoom, panning ({data.sizes.cameras:,} cameras)"
    row = RowResult.measured("map_pan", name, "ms", goal, ours, ref)
    row.reference_tool = "same view from vectors (per-feature QPainter, STRtree culling), no tiles"
    visible = frame.survey.visible(views[0], frame.survey_shown(), 8.0)
    row.details = {
        "zoom": STREET_ZOOM,
        "size": [WIDTH, HEIGHT],
        "frames_per_run": len(views),
        "cameras_in_view": len(visible),
        "drawn_as_cones": frame.last_cones,
        "features": len(frame.basemap),
        "first_pass_median_ms": round(first_pass, 2),
    }
    return row, lambda: _time_frames(views[:5], _live(frame))


def all_in_view_views(frame: MapFrame) -> list[Viewport]:
    """Ten views a few pixels apart at the largest zoom showing every camera."""
    start = _all_in_view(frame)
    return [start.panned(-4.0 * i, -2.0 * i) for i in range(10)]


def _all_in_view(frame: MapFrame) -> Viewport:
    """The largest integer zoom showing every camera of the survey."""
    xs, ys = frame.survey.x, frame.survey.y
    span_x, span_y = float(np.ptp(xs)), float(np.ptp(ys))
    zoom = math.floor(math.log2(min(WIDTH * 0.95 / span_x, HEIGHT * 0.95 / span_y)))
    centre = (
        (float(np.min(xs)) + float(np.max(xs))) / 2,
        (float(np.min(ys)) + float(np.max(ys))) / 2,
    )
    return Viewport(centre[0], centre[1], float(zoom), WIDTH, HEIGHT)


def _point_loop(frame: MapFrame) -> Callable[[QPainter, Viewport], None]:
    """The reference: the frame without the survey's cameras, then one drawPoint per camera
    (outline pen then fill pen, per status, as the app's batched points)."""
    marker = float(frame.style.raw["cameras"]["marker_px"])
    styles = [frame.style.cameras[name] for name in _SURVEY_LAYERS]

    def paint(painter: QPainter, view: Viewport) -> None:
        for name in _SURVEY_LAYERS:
            frame.visible[name] = False
        try:
            frame.paint(painter, view, request=False)
        finally:
            for name in _SURVEY_LAYERS:
                frame.visible[name] = True
        px = ((frame.survey.x - view.center_x) * view.scale + view.width / 2).tolist()
        py = ((frame.survey.y - view.center_y) * view.scale + view.height / 2).tolist()
        groups = frame.survey.group.tolist()
        for group, style in enumerate(styles):
            for color, width in ((style.outline, marker), (style.fill, marker - 2.5)):
                painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap))
                for x, y, g in zip(px, py, groups, strict=True):
                    if g == group:
                        painter.drawPoint(QPointF(x, y))

    return paint


def measure_all_cameras(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """Row 2: a frame with every camera in view, against a plain drawPoint loop."""
    frame = loaded_frame(data.survey)
    views = all_in_view_views(frame)
    first_pass = warm(frame, views)
    view = views[0]
    runs = data.sizes.runs
    ours = _runs(views, _live(frame), runs)
    ref = _runs(views[:3], _point_loop(frame), max(2, runs // 2))
    goal = TARGETS["map_all"]
    name = f"map frame with all {len(frame.survey):,} cameras in view"
    row = RowResult.measured("map_all", name, "ms", goal, ours, ref)
    row.reference_tool = "QPainter.drawPoint per camera (same pens), same tiles and overlays"
    in_view = frame.survey.visible(view, frame.survey_shown(), 8.0)
    row.details = {
        "zoom": view.zoom,
        "cameras_in_view": len(in_view),
        "statuses": len(STATUS_GROUPS),
        "first_pass_median_ms": round(first_pass, 2),
    }
    return row, lambda: _time_frames(views, _live(frame))
