"""The printed page: millimetres to device units, the sheets' fonts, and the header and footer.

Everything is black on white, in large type: the sheets are read in the street, on a
clipboard, in poor light, and often photocopied in grey.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from contrechamp.ops.field_sheets import FieldSheetPlan

__all__ = ["DPI", "INK", "Paper", "sheet_font", "translate"]

translate = QCoreApplication.translate  # lupdate recognises this name
DPI = 96  # one device unit is a screen pixel's size, so the map's widths read as on screen
INK = QColor("#000000")
GREY = QColor("#555555")
_MM = DPI / 25.4


def sheet_font(points: float, bold: bool = False) -> QFont:
    """The sheets' sans font at a size in points."""
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


@dataclass(frozen=True, slots=True)
class Paper:
    """The page being painted: its plan, its number, and millimetre geometry."""

    plan: FieldSheetPlan
    page: int  # 1-based, in the whole document

    @staticmethod
    def mm(value: float) -> float:
        """Device units of a length in millimetres."""
        return value * _MM

    def rect(self, left: float, top: float, width: float, height: float) -> QRectF:
        """A rectangle given in millimetres from the page's top-left corner."""
        return QRectF(self.mm(left), self.mm(top), self.mm(width), self.mm(height))

    @property
    def body_top(self) -> float:
        """Millimetres from the top of the page to below the header."""
        layout = self.plan.layout
        return layout.margin_mm + layout.header_mm

    @property
    def width(self) -> float:
        """Millimetres between the side margins."""
        layout = self.plan.layout
        return layout.page_mm[0] - 2 * layout.margin_mm

    def paint_header(self, painter: QPainter, heading: str) -> None:
        """Title, sector, pair and a date line on the left; the page number on the right."""
        layout, plan = self.plan.layout, self.plan
        left, top = layout.margin_mm, layout.margin_mm
        title = plan.title
        if plan.sector is not None:
            title = translate("FieldSheets", "%1 — sector %2").replace("%1", title)
            title = title.replace("%2", plan.sector.name)
        painter.setPen(INK)
        painter.setFont(sheet_font(15, bold=True))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(self.rect(left, top, self.width - 38, 8), flags, _elided(title, 44))
        painter.setFont(sheet_font(11))
        pair = plan.sector.pair if plan.sector is not None and plan.sector.pair else "_" * 18
        who = translate("FieldSheets", "Pair: %1").replace("%1", pair)
        when = translate("FieldSheets", "Date: %1").replace("%1", "_" * 12)
        painter.drawText(self.rect(left, top + 9, 110, 6), flags, f"{who}    {when}")
        painter.setFont(sheet_font(12, bold=True))
        painter.drawText(self.rect(left, top + 15.5, self.width - 38, 7), flags, heading)
        page = translate("FieldSheets", "Page %1 / %2").replace("%1", str(self.page))
        page = page.replace("%2", str(plan.page_count))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        painter.setFont(sheet_font(13, bold=True))
        painter.drawText(self.rect(left + self.width - 40, top, 40, 8), right, page)
        painter.setPen(QPen(INK, self.mm(0.5)))
        y = self.mm(top + layout.header_mm - 1.5)
        painter.drawLine(QPointF(self.mm(left), y), QPointF(self.mm(left + self.width), y))

    def paint_footer(self, painter: QPainter, note: str = "") -> None:
        """Two footer lines: what the page asks for, then the map data's attribution."""
        layout = self.plan.layout
        top = layout.page_mm[1] - layout.margin_mm - layout.footer_mm + 1.5
        painter.setPen(GREY)
        painter.setFont(sheet_font(9.5))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.rect(layout.margin_mm, top, self.width, 5), flags, note)
        credit = translate("FieldSheets", "Map data © OpenStreetMap contributors (ODbL)")
        painter.setFont(sheet_font(9))
        painter.drawText(self.rect(layout.margin_mm, top + 5, self.width, 5), flags, credit)


def _elided(text: str, limit: int) -> str:
    """The text cut to ``limit`` characters with an ellipsis (a long survey title)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
