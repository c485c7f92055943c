"""A printed map page: the window's base map at a paper scale, the sector, the numbered OSM
cameras, a scale bar, a north arrow, and which map continues on each side."""

from __future__ import annotations

import math
from collections.abc import Callable

import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from contrechamp.ops.field_sheets import MapPage, NumberedCamera
from contrechamp.ui.map.vector_basemap import VectorBaseMap
from contrechamp.ui.sheets.camera_marks import paint_cameras
from contrechamp.ui.sheets.paper import INK, Paper, sheet_font, translate

__all__ = ["paint_map_page", "scale_text"]

_VEIL = QColor(255, 255, 255, 150)  # what lies outside the sector fades, still readable
_BAR_LENGTHS_M = (20, 25, 50, 100, 200, 250, 500, 1000)


def scale_text(scale: int) -> str:
    """The scale as printed, digits grouped by a thin space: ``1:5 000``."""
    return "1:" + f"{scale:,}".replace(",", "\u202f")


def paint_map_page(painter: QPainter, paper: Paper, page: MapPage, basemap: VectorBaseMap) -> None:
    """Paint one map page of the plan."""
    plan = paper.plan
    heading = translate("FieldSheets", "Map %1 of %2 · scale %3")
    heading = heading.replace("%1", str(page.number)).replace("%2", str(len(plan.map_pages)))
    paper.paint_header(painter, heading.replace("%3", scale_text(plan.scale)))
    frame = paper.rect(plan.layout.margin_mm, paper.body_top, *plan.layout.map_frame_mm)
    px_per_world = paper.mm(1.0) / plan.world_per_mm
    painter.save()
    painter.setClipRect(frame)
    painter.translate(frame.topLeft())
    zoom = math.log2(px_per_world)
    left, top = page.frame.x0 * px_per_world, page.frame.y0 * px_per_world
    basemap.paint(painter, zoom, left, top, math.ceil(frame.width()), math.ceil(frame.height()))
    painter.translate(-left, -top)
    painter.scale(px_per_world, px_per_world)
    if plan.outline is not None:
        _paint_outline(painter, page, plan.outline, paper.mm(0.8))
    painter.restore()
    cameras = [plan.cameras[n - 1] for n in page.cameras]
    paint_cameras(painter, frame, _to_page(frame, page, px_per_world), cameras)
    painter.setPen(QPen(INK, paper.mm(0.5)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)
    _paint_neighbours(painter, paper, frame, page)
    _paint_north(painter, paper, frame)
    _paint_scale_bar(painter, paper, frame)
    paper.paint_footer(painter, _footer_note(plan.sector is not None))


def _to_page(
    frame: QRectF, page: MapPage, px_per_world: float
) -> Callable[[NumberedCamera], QPointF]:
    """A function placing a world point on the page."""

    def place(camera: NumberedCamera) -> QPointF:
        x = frame.left() + (camera.x - page.frame.x0) * px_per_world
        y = frame.top() + (camera.y - page.frame.y0) * px_per_world
        return QPointF(x, y)

    return place


def _footer_note(with_sector: bool) -> str:
    if with_sector:
        return translate("FieldSheets", "Grey: outside the sector. Numbered rings: cameras in OSM.")
    return translate("FieldSheets", "Numbered rings: cameras already in OSM (see the list).")


def _paint_outline(
    painter: QPainter, page: MapPage, outline: shapely.Geometry, width: float
) -> None:
    """Fade what lies outside the sector, then draw its edge as a bold dashed line."""
    path = QPainterPath()
    for polygon in shapely.get_parts(outline):
        for ring in (polygon.exterior, *polygon.interiors):
            coords = shapely.get_coordinates(ring).tolist()
            path.addPolygon(QPolygonF.fromList([QPointF(x, y) for x, y in coords]))
    outside = QPainterPath()
    f = page.frame
    grow = (f.x1 - f.x0) * 0.05
    outside.addRect(
        QRectF(f.x0 - grow, f.y0 - grow, f.x1 - f.x0 + 2 * grow, f.y1 - f.y0 + 2 * grow)
    )
    painter.fillPath(outside.subtracted(path), QBrush(_VEIL))
    pen = QPen(INK, width)
    pen.setCosmetic(True)
    pen.setDashPattern([4.0, 2.0])
    painter.strokePath(path, pen)


def _paint_neighbours(painter: QPainter, paper: Paper, frame: QRectF, page: MapPage) -> None:
    """On each edge with a map beyond it: an arrow and that map's number."""
    painter.setFont(sheet_font(10, bold=True))
    arrows = {"N": "▲", "E": "▶", "S": "▼", "W": "◀"}
    w, h = paper.mm(22), paper.mm(6)
    centre = frame.center()
    places = {
        "N": QPointF(centre.x(), frame.top() + h / 2 + paper.mm(1)),
        "S": QPointF(centre.x(), frame.bottom() - h / 2 - paper.mm(1)),
        "E": QPointF(frame.right() - w / 2 - paper.mm(1), centre.y()),
        "W": QPointF(frame.left() + w / 2 + paper.mm(1), centre.y()),
    }
    for side, number in page.neighbours.items():
        text = translate("FieldSheets", "%1 map %2").replace("%1", arrows[side])
        box = QRectF(places[side].x() - w / 2, places[side].y() - h / 2, w, h)
        painter.setPen(QPen(INK, paper.mm(0.35)))
        painter.setBrush(QBrush(Qt.GlobalColor.white))
        painter.drawRoundedRect(box, paper.mm(1), paper.mm(1))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text.replace("%2", str(number)))


def _paint_north(painter: QPainter, paper: Paper, frame: QRectF) -> None:
    """A north arrow in the frame's top-right corner (the map is drawn north up)."""
    r = paper.mm(6)
    c = QPointF(frame.right() - r - paper.mm(3), frame.top() + r + paper.mm(3))
    painter.setPen(QPen(INK, paper.mm(0.35)))
    painter.setBrush(QBrush(Qt.GlobalColor.white))
    painter.drawEllipse(c, r, r)
    arrow = QPolygonF(
        [
            QPointF(c.x(), c.y() - r * 0.85),
            QPointF(c.x() + r * 0.38, c.y() + r * 0.55),
            QPointF(c.x(), c.y() + r * 0.3),
            QPointF(c.x() - r * 0.38, c.y() + r * 0.55),
        ]
    )
    painter.setBrush(QBrush(INK))
    painter.drawPolygon(arrow)
    painter.setFont(sheet_font(9, bold=True))
    label = QRectF(c.x() - r, c.y() + r, 2 * r, paper.mm(4.5))
    painter.setPen(INK)
    painter.drawText(label, Qt.AlignmentFlag.AlignCenter, translate("FieldSheets", "N"))


def _bar_length(scale: int) -> int:
    """A round length of ground whose bar is 25 to 60 mm long on paper."""
    for metres in _BAR_LENGTHS_M:
        if metres * 1000 / scale >= 25:
            return metres
    return _BAR_LENGTHS_M[-1]


def _paint_scale_bar(painter: QPainter, paper: Paper, frame: QRectF) -> None:
    """A bar of four alternating black and white parts under the map, with the scale."""
    scale = paper.plan.scale
    metres = _bar_length(scale)
    length = paper.mm(metres * 1000 / scale)
    x, y = frame.left(), frame.bottom() + paper.mm(6)
    h = paper.mm(2.6)
    painter.setPen(QPen(INK, paper.mm(0.3)))
    for i in range(4):
        painter.setBrush(QBrush(INK if i % 2 == 0 else Qt.GlobalColor.white))
        painter.drawRect(QRectF(x + i * length / 4, y, length / 4, h))
    painter.setFont(sheet_font(10))
    for value, at in ((0, 0.0), (metres // 2, 0.5), (metres, 1.0)):
        text = f"{value} m" if at == 1.0 else str(value)
        box = QRectF(
            x + at * length - paper.mm(10), y + h + paper.mm(0.8), paper.mm(20), paper.mm(5)
        )
        painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
    painter.setFont(sheet_font(12, bold=True))
    box = QRectF(x + length + paper.mm(12), y - paper.mm(1.5), paper.mm(40), paper.mm(6))
    painter.drawText(
        box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, scale_text(scale)
    )
    _paint_key(painter, paper, frame, x + length + paper.mm(45), y)


def _paint_key(painter: QPainter, paper: Paper, frame: QRectF, x: float, y: float) -> None:
    """What to draw for a new camera: a dot, an arrow where it films, the next number."""
    painter.setFont(sheet_font(10))
    box = QRectF(x, y - paper.mm(2), frame.right() - x, paper.mm(11))
    text = translate(
        "FieldSheets",
        "New camera: draw a dot and an arrow where it films, write the number of its entry line.",
    )
    painter.setPen(INK)
    painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text)
