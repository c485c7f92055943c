"""The coverage report: one A4 page (PDF, through QPdfWriter) that a local group can hand out,
with the share of street filmed, the map of the streets coloured by coverage, its legend,
the most filmed streets, the blind spots and how the figures were made."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

from contrechamp import GENERATOR
from contrechamp.core.area import BBox, MapFeature
from contrechamp.core.coverage_figures import CoverageSummary, StreetShare
from contrechamp.ui.coverage_legend import local_length, local_number, paint_legend
from contrechamp.ui.map.coverage_layer import CoverageShapes
from contrechamp.ui.map.projection import world_of_arrays
from contrechamp.ui.map.vector_basemap import VectorBaseMap
from contrechamp.ui.sheets.document import a4_pdf
from contrechamp.ui.sheets.paper import DPI, GREY, INK, sheet_font, translate

__all__ = ["ReportContent", "render_coverage_report", "report_image"]

_MM = DPI / 25.4
_PAGE_MM = (210.0, 297.0)
_MARGIN_MM = 14.0
_MAP_MM = (182.0, 118.0)
_ROWS = 8  # streets in each table


def _mm(value: float) -> float:
    return value * _MM


@dataclass(frozen=True)
class ReportContent:
    """What the report shows: the survey's title, the zone (a sector's name, None for the
    area), its figures, the coverage shapes, and the base map with the sector's outline."""

    title: str
    zone: str | None
    summary: CoverageSummary
    shapes: CoverageShapes
    area: BBox | None
    features: list[MapFeature]
    outline: bytes | None = None  # the sector's polygon, WKB in WGS 84
    day: date | None = None


def render_coverage_report(content: ReportContent) -> bytes:
    """Paint the report and return the PDF's bytes (InputError "export.write" when Qt
    cannot start the PDF)."""
    title = translate("CoverageReport", "How much of the street is filmed")
    return a4_pdf(title, lambda painter, _writer: _paint_report(painter, content))


def _paint_report(painter: QPainter, content: ReportContent) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _paint_page(painter, content)


def report_image(content: ReportContent, dpi: float = 144.0) -> QImage:
    """The page as an image (the README's picture; what the PDF shows, pixel for pixel at
    96 dpi)."""
    scale = dpi / DPI
    image = QImage(
        round(_mm(_PAGE_MM[0]) * scale),
        round(_mm(_PAGE_MM[1]) * scale),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(scale, scale)
        _paint_page(painter, content)
    finally:
        painter.end()
    return image


def _paint_page(painter: QPainter, content: ReportContent) -> None:
    left, width = _mm(_MARGIN_MM), _mm(_PAGE_MM[0] - 2 * _MARGIN_MM)
    y = _mm(_MARGIN_MM)
    y = _text(
        painter,
        QRectF(left, y, width, _mm(10)),
        translate("CoverageReport", "How much of the street is filmed"),
        17,
        True,
    )
    zone = (
        content.zone and translate("CoverageReport", "sector %1").replace("%1", content.zone)
    ) or translate("CoverageReport", "the whole area")
    day = (content.day or date.today()).isoformat()
    y = _text(
        painter,
        QRectF(left, y, width, _mm(7)),
        f"{content.title} · {zone} · {day}",
        10,
        False,
        GREY,
    )
    y = _headline(painter, QRectF(left, y + _mm(3), width, _mm(16)), content.summary)
    y = _text(painter, QRectF(left, y, width, _mm(14)), _figures(content.summary), 9.5, False)
    frame = QRectF(left, y + _mm(2), _mm(_MAP_MM[0]), _mm(_MAP_MM[1]))
    _paint_map(painter, frame, content)
    below = frame.bottom() + _mm(4)
    legend_height = paint_legend(painter, QPointF(left, below), sheet_font(8.5), 1.0)
    column = (width - _mm(6)) / 2
    top = below + legend_height + _mm(3)
    _table(
        painter,
        QRectF(left, top, column, 0),
        translate("CoverageReport", "Most filmed streets"),
        content.summary.most_filmed(_ROWS),
    )
    _table(
        painter,
        QRectF(left + column + _mm(6), top, column, 0),
        translate("CoverageReport", "Blind spots: the least filmed streets"),
        content.summary.blind_spots(_ROWS),
    )
    _text(
        painter,
        QRectF(left, _mm(_PAGE_MM[1] - _MARGIN_MM - 16), width, _mm(16)),
        _method(),
        7,
        False,
        GREY,
    )


def _text(
    painter: QPainter,
    box: QRectF,
    text: str,
    points: float,
    bold: bool,
    color: QColor = INK,
) -> float:
    """Paint wrapped text in ``box``; return the bottom of what was painted."""
    painter.setFont(sheet_font(points, bold))
    painter.setPen(QPen(color))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    used = painter.boundingRect(box, flags, text)
    painter.drawText(box, flags, text)
    return used.bottom()


def _headline(painter: QPainter, box: QRectF, summary: CoverageSummary) -> float:
    share = f"{local_number(summary.percent_filmed, 1)}%"
    painter.setFont(sheet_font(30, True))
    painter.setPen(QPen(INK))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    used = painter.boundingRect(box, flags, share)
    painter.drawText(box, flags, share)
    rest = QRectF(
        used.right() + _mm(4), box.top(), box.right() - used.right() - _mm(4), box.height()
    )
    sentence = translate("CoverageReport", "of %1 of street lie inside a camera's view.").replace(
        "%1", local_length(summary.street_m)
    )
    painter.setFont(sheet_font(12, False))
    painter.drawText(rest, flags | Qt.TextFlag.TextWordWrap, sentence)
    return box.bottom()


def _figures(summary: CoverageSummary) -> str:
    lines = [
        translate(
            "CoverageReport",
            "Cameras on the street: %1, that is %2 per km of street, %3 per km of road "
            "(street-view studies find 0.1 to 0.9 per km in large cities).",
        )
        .replace("%1", str(summary.cameras))
        .replace("%2", local_number(summary.cameras_per_km, 2))
        .replace("%3", local_number(summary.cameras_per_road_km, 2)),
        translate("CoverageReport", "Filmed by two cameras or more: %1.").replace(
            "%1", local_length(summary.filmed_twice_m)
        ),
    ]
    if summary.within_reach_m > summary.filmed_m:
        lines.append(
            translate(
                "CoverageReport",
                "Up to %1% within reach of the cameras whose direction is not mapped (%2).",
            )
            .replace("%1", local_number(summary.percent_within_reach, 1))
            .replace("%2", str(summary.cameras_without_direction))
        )
    return " ".join(lines)


def _method() -> str:
    return translate(
        "CoverageReport",
        "How: each camera's field of view as OpenStreetMap's viewers draw it (a 70° wedge for "
        "a fixed camera, a circle for a dome, 7 m of reach per metre of height, 35 m when the "
        "height is not mapped), cut exactly where buildings block the line of sight; a street "
        "is filmed where it lies inside at least one such view. Cameras: those already in "
        "OpenStreetMap and those the survey logged. Map data © OpenStreetMap contributors "
        "(ODbL). Made with %1.",
    ).replace("%1", GENERATOR)


def _zone_rect(content: ReportContent) -> tuple[float, float, float, float] | None:
    """The world rectangle to show: the sector's, else around the area's streets."""
    if content.outline:
        west, south, east, north = shapely.from_wkb(content.outline).bounds
        xs, ys = world_of_arrays(np.array([south, north]), np.array([west, east]))
        return float(xs[0]), float(ys[1]), float(xs[1]), float(ys[0])
    streets = content.shapes.streets
    if len(streets) == 0:
        return None
    xy = streets.reshape(-1, 2)
    (x0, y0), (x1, y1) = xy.min(axis=0).tolist(), xy.max(axis=0).tolist()
    return x0, y0, x1, y1


def _paint_map(painter: QPainter, frame: QRectF, content: ReportContent) -> None:
    """The base map, the streets by coverage and the sector's outline, fitted to the frame."""
    rect = _zone_rect(content)
    painter.setPen(QPen(INK, _mm(0.3)))
    painter.drawRect(frame)
    if rect is None:
        return
    x0, y0, x1, y1 = rect
    px_per_world = min(frame.width() / max(x1 - x0, 1e-9), frame.height() / max(y1 - y0, 1e-9))
    px_per_world *= 0.96  # a margin inside the frame
    zoom = math.log2(px_per_world)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = cx * px_per_world - frame.width() / 2
    top = cy * px_per_world - frame.height() / 2
    painter.save()
    painter.setClipRect(frame)
    painter.translate(frame.topLeft())
    from contrechamp.ui.sheets.paper_style import paper_style

    basemap = VectorBaseMap(content.area, content.features, paper_style())
    basemap.paint(painter, zoom, left, top, math.ceil(frame.width()), math.ceil(frame.height()))
    painter.translate(-left, -top)
    painter.scale(px_per_world, px_per_world)
    seen = shapely.box(
        left / px_per_world,
        top / px_per_world,
        (left + frame.width()) / px_per_world,
        (top + frame.height()) / px_per_world,
    )
    content.shapes.paint(painter, seen, 1.0)
    if content.outline:
        _paint_outline(painter, content.outline)
    painter.restore()


def _paint_outline(painter: QPainter, outline: bytes) -> None:
    path = QPainterPath()
    shape = shapely.from_wkb(outline)
    for ring in shapely.get_rings(shapely.get_parts(shape)):
        lonlat = shapely.get_coordinates(ring)
        xs, ys = world_of_arrays(lonlat[:, 1], lonlat[:, 0])
        path.addPolygon([QPointF(x, y) for x, y in zip(xs.tolist(), ys.tolist(), strict=True)])
    pen = QPen(QColor("#5e35b1"), 2.0)
    pen.setCosmetic(True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.strokePath(path, pen)


def _table(painter: QPainter, box: QRectF, title: str, streets: list[StreetShare]) -> None:
    """A small table: street, length, share filmed."""
    y = _text(painter, QRectF(box.left(), box.top(), box.width(), _mm(6)), title, 9.5, True)
    painter.setFont(sheet_font(8.5))
    painter.setPen(QPen(INK))
    line = _mm(4.6)
    if not streets:
        painter.drawText(
            QRectF(box.left(), y, box.width(), line),
            translate("CoverageReport", "No named street here."),
        )
        return
    number = box.width() * 0.2
    for row, street in enumerate(streets):
        top = y + _mm(1) + row * line
        name_box = QRectF(box.left(), top, box.width() - 2 * number, line)
        name = painter.fontMetrics().elidedText(
            street.name, Qt.TextElideMode.ElideRight, int(name_box.width())
        )
        painter.drawText(name_box, Qt.AlignmentFlag.AlignVCenter, name)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            QRectF(name_box.right(), top, number, line), right, local_length(street.length_m)
        )
        share = f"{local_number(street.percent_filmed, 0)}%"
        painter.drawText(QRectF(name_box.right() + number, top, number, line), right, share)
