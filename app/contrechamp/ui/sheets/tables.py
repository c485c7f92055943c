"""The table pages: the cameras already in OSM to check off, and numbered lines to fill by
hand, under a legend of the glossary's drawings and the words each column takes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

from contrechamp.ops.field_sheets import NumberedCamera
from contrechamp.ui.form.choices import choice_label
from contrechamp.ui.glossary.entries import ENTRIES
from contrechamp.ui.sheets.paper import INK, Paper, sheet_font, translate

__all__ = ["paint_entry_page", "paint_osm_page"]

_HEAD = QColor("#dcdcdc")
_RULE = QColor("#7a7a7a")
_HEAD_MM = 9.0
_OSM_ROW_MM = 11.0
_ENTRY_ROW_MM = 11.5
_PICTURE_MM = (24.0, 19.2)  # the glossary drawings are 200 × 160
_KINDS = ("camera", "ALPR", "guard")
_TYPES = ("fixed", "dome", "panning")
_MOUNTS = ("wall", "pole", "ceiling", "street_lamp", "traffic_signals")


def _osm_columns() -> list[tuple[str, float]]:
    return [
        (translate("FieldSheets", "No."), 13),
        (translate("FieldSheets", "Kind"), 30),
        (translate("FieldSheets", "Type"), 30),
        (translate("FieldSheets", "Mount"), 28),
        (translate("FieldSheets", "Direction"), 25),
        (translate("FieldSheets", "Seen"), 15),
        (translate("FieldSheets", "Gone"), 15),
        (translate("FieldSheets", "Notes"), 30),
    ]


def _entry_columns() -> list[tuple[str, float]]:
    return [
        (translate("FieldSheets", "No."), 13),
        (translate("FieldSheets", "Kind"), 25),
        (translate("FieldSheets", "Type"), 25),
        (translate("FieldSheets", "Mount"), 25),
        (translate("FieldSheets", "Direction"), 24),
        (translate("FieldSheets", "Height (m)"), 17),
        (translate("FieldSheets", "Notes"), 57),
    ]


def paint_osm_page(
    painter: QPainter, paper: Paper, cameras: Sequence[NumberedCamera], index: int
) -> None:
    """One page of the list of cameras already in OSM, with boxes to tick and room for notes."""
    plan = paper.plan
    heading = translate("FieldSheets", "Cameras already in OSM (%1 of %2)")
    heading = heading.replace("%1", str(index)).replace("%2", str(plan.osm_pages))
    paper.paint_header(painter, heading)
    top = paper.body_top
    painter.setFont(sheet_font(10.5))
    painter.setPen(INK)
    hint = translate(
        "FieldSheets",
        "Tick Seen when you find it, Gone when it is not there; correct a value in Notes.",
    )
    painter.drawText(paper.rect(paper.plan.layout.margin_mm, top, paper.width, 6), 0, hint)
    columns = _osm_columns()
    rows = [
        [
            str(c.number),
            _value(c.kind),
            _value(c.camera_type),
            _value(c.mount),
            c.direction or "",
            "☐",
            "☐",
            "",
        ]
        for c in cameras
    ]
    _paint_table(painter, paper, top + 7, columns, rows, _OSM_ROW_MM)
    paper.paint_footer(painter, translate("FieldSheets", "Numbers as on the maps."))


def paint_entry_page(painter: QPainter, paper: Paper, numbers: Sequence[int], index: int) -> None:
    """One page of numbered blank lines under the legend of drawings and words."""
    plan = paper.plan
    heading = translate("FieldSheets", "New cameras (%1 of %2)")
    heading = heading.replace("%1", str(index)).replace("%2", str(plan.entry_pages))
    paper.paint_header(painter, heading)
    top = _paint_pictures(painter, paper, paper.body_top)
    top = _paint_words(painter, paper, top)
    rows = [[str(n), "", "", "", "", "", ""] for n in numbers]
    _paint_table(painter, paper, top, _entry_columns(), rows, _ENTRY_ROW_MM)
    note = translate("FieldSheets", "Write each number beside its camera on the map.")
    paper.paint_footer(painter, note)


def _value(value: str | None) -> str:
    """A tag value as the form names it (translated), or a dash when it is not tagged."""
    return "–" if value is None else choice_label(value)


def _paint_pictures(painter: QPainter, paper: Paper, top: float) -> float:
    """The glossary's drawings in a row, each with its name; return the mm below them."""
    width = paper.width / len(ENTRIES)
    left = paper.plan.layout.margin_mm
    pic_w, pic_h = _PICTURE_MM
    painter.setFont(sheet_font(9, bold=True))
    painter.setPen(INK)
    for i, entry in enumerate(ENTRIES):
        x = left + i * width
        renderer = QSvgRenderer(str(entry.path))
        picture = paper.rect(x + (width - pic_w) / 2, top, pic_w, pic_h)
        if renderer.isValid():
            renderer.render(painter, picture)
        painter.setPen(QPen(INK, paper.mm(0.25)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(picture)
        name = translate("Glossary", entry.title)
        box = paper.rect(x + 0.5, top + pic_h + 0.8, width - 1, 8.5)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(box, flags, name)
    return top + pic_h + 10.0


def _paint_words(painter: QPainter, paper: Paper, top: float) -> float:
    """The words of each column, as in the window's form; return the mm below them."""
    lines = [
        (translate("FieldSheets", "Kind"), " · ".join(choice_label(v) for v in _KINDS)),
        (translate("FieldSheets", "Type"), " · ".join(choice_label(v) for v in _TYPES)),
        (translate("FieldSheets", "Mount"), " · ".join(choice_label(v) for v in _MOUNTS)),
        (
            translate("FieldSheets", "Direction"),
            translate("FieldSheets", "where it films: N, NE, E, SE, S, SW, W, NW, or degrees"),
        ),
    ]
    left = paper.plan.layout.margin_mm
    for i, (word, values) in enumerate(lines):
        y = top + i * 5.2
        painter.setPen(INK)
        painter.setFont(sheet_font(10, bold=True))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(paper.rect(left, y, 26, 5), flags, word)
        painter.setFont(sheet_font(10))
        painter.drawText(paper.rect(left + 26, y, paper.width - 26, 5), flags, values)
    return top + len(lines) * 5.2 + 2.0


def _paint_table(
    painter: QPainter,
    paper: Paper,
    top: float,
    columns: Sequence[tuple[str, float]],
    rows: Sequence[Sequence[str]],
    row_mm: float,
) -> None:
    """A ruled table: a grey header row, then one row per line, the number column in bold."""
    left = paper.plan.layout.margin_mm
    xs = [left]
    for _, width in columns:
        xs.append(xs[-1] + width)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(_HEAD))
    painter.drawRect(paper.rect(left, top, xs[-1] - left, _HEAD_MM))
    painter.setPen(INK)
    painter.setFont(sheet_font(10, bold=True))
    centred = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    for (title, width), x in zip(columns, xs, strict=False):
        painter.drawText(paper.rect(x + 0.5, top, width - 1, _HEAD_MM), centred, title)
    body = top + _HEAD_MM
    for r, cells in enumerate(rows):
        y = body + r * row_mm
        for c, (text, x) in enumerate(zip(cells, xs, strict=False)):
            painter.setFont(sheet_font(13 if c == 0 else 10.5, bold=c == 0))
            width = columns[c][1]
            painter.drawText(paper.rect(x + 1, y, width - 2, row_mm), centred, text)
    bottom = body + len(rows) * row_mm
    painter.setPen(QPen(_RULE, paper.mm(0.3)))
    for r in range(len(rows) + 1):
        y = paper.mm(body + r * row_mm)
        painter.drawLine(QPointF(paper.mm(left), y), QPointF(paper.mm(xs[-1]), y))
    painter.setPen(QPen(INK, paper.mm(0.45)))
    for x in xs:
        painter.drawLine(
            QPointF(paper.mm(x), paper.mm(top)), QPointF(paper.mm(x), paper.mm(bottom))
        )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(paper.rect(left, top, xs[-1] - left, bottom - top))
