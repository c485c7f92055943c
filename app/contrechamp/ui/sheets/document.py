"""The field sheets as one A4 PDF, painted with QPdfWriter in memory (nothing on disk)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from contrechamp import GENERATOR
from contrechamp.core.area import BBox, MapFeature
from contrechamp.core.errors import InputError
from contrechamp.ops.field_sheets import FieldSheetPlan
from contrechamp.ui.map.vector_basemap import VectorBaseMap
from contrechamp.ui.sheets.map_page import paint_map_page
from contrechamp.ui.sheets.paper import DPI, Paper, translate
from contrechamp.ui.sheets.paper_style import paper_style
from contrechamp.ui.sheets.tables import paint_entry_page, paint_osm_page
from contrechamp.ui.translations import Translations

__all__ = ["ensure_application", "render_field_sheets", "render_in_language"]


def ensure_application() -> QCoreApplication:
    """The running Qt application, or a new QGuiApplication (offscreen when there is no
    display: the sheets are made on headless machines too)."""
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not os.environ.get("QT_QPA_PLATFORM") and not has_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["contrechamp"])


def render_in_language(
    plan: FieldSheetPlan, bbox: BBox | None, features: Sequence[MapFeature], language: str
) -> bytes:
    """Start Qt if needed and paint the sheets in a language ("system", "en", "fr")."""
    ensure_application()
    translations = Translations()
    translations.apply(language)
    try:
        return render_field_sheets(plan, bbox, features)
    finally:
        translations.clear()


def render_field_sheets(
    plan: FieldSheetPlan, bbox: BBox | None, features: Sequence[MapFeature]
) -> bytes:
    """Paint every page of the plan and return the PDF's bytes.

    InputError "export.write" if Qt cannot start the PDF.
    """
    base_map = VectorBaseMap(bbox, features, paper_style())
    return a4_pdf(
        _title(plan), lambda painter, writer: _paint_pages(painter, writer, plan, base_map)
    )


def a4_pdf(title: str, paint: Callable[[QPainter, QPdfWriter], None]) -> bytes:
    """An A4 portrait PDF, without margins, that ``paint`` draws page by page; its bytes.

    Raises InputError "export.write" if Qt cannot start the PDF.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setCreator(GENERATOR)
    writer.setTitle(title)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise InputError("the PDF could not be started", "export.write")
    try:
        paint(painter, writer)
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def _title(plan: FieldSheetPlan) -> str:
    if plan.sector is None:
        return translate("FieldSheets", "Field sheets: %1").replace("%1", plan.title)
    text = translate("FieldSheets", "Field sheets: %1, sector %2").replace("%1", plan.title)
    return text.replace("%2", plan.sector.name)


def _paint_pages(
    painter: QPainter, writer: QPdfWriter, plan: FieldSheetPlan, basemap: VectorBaseMap
) -> None:
    """Maps first, then the list of OSM cameras, then the entry lines."""
    page = 0

    def next_paper() -> Paper:
        nonlocal page
        if page:
            writer.newPage()
        page += 1
        return Paper(plan, page)

    for map_page in plan.map_pages:
        paint_map_page(painter, next_paper(), map_page, basemap)
    rows = plan.layout.osm_rows_per_page
    for i in range(plan.osm_pages):
        paint_osm_page(painter, next_paper(), plan.cameras[i * rows : (i + 1) * rows], i + 1)
    rows = plan.layout.entry_rows_per_page
    for i in range(plan.entry_pages):
        numbers = plan.entry_numbers[i * rows : (i + 1) * rows]
        paint_entry_page(painter, next_paper(), numbers, i + 1)
