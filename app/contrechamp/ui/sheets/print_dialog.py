"""File → Print field sheets: ask for the sector and the PDF file, then write the sheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from contrechamp.core.area import Sector
from contrechamp.core.errors import ContrechampError
from contrechamp.ops.field_sheets import (
    FieldSheetPlan,
    check_sheets_target,
    plan_field_sheets,
    write_sheets,
)
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.messages import failure_text
from contrechamp.ui.sheets.document import render_field_sheets

__all__ = ["WHOLE_AREA", "print_field_sheets", "write_field_sheets"]

translate = QCoreApplication.translate  # lupdate recognises this name
WHOLE_AREA = None  # the choice of no sector: the whole area is printed


def print_field_sheets(parent: QWidget, survey: SurveyFile) -> None:
    """Ask for a sector (when the survey has some) and a PDF file name, then write the
    sheets there; an error is one sentence in a message box, and nothing is written."""
    title = translate("FieldSheets", "Print field sheets")
    sectors = survey.sectors()
    sector_name: str | None = WHOLE_AREA
    if sectors:
        answered, sector_name = _ask_sector(parent, title, sectors, _own_sector(survey))
        if not answered:
            return
    out = _ask_output(parent, survey, sector_name)
    if out is None:
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        plan = write_field_sheets(survey, sector_name, out)
    except Exception as error:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, title, failure_text(error))
        return
    QGuiApplication.restoreOverrideCursor()
    done = translate("FieldSheets", "%1 pages written to %2.").replace("%1", str(plan.page_count))
    QMessageBox.information(parent, title, done.replace("%2", out.name))


def write_field_sheets(survey: SurveyFile, sector_name: str | None, out: Path) -> FieldSheetPlan:
    """Plan, paint and write the sheets of a sector (None: the whole area) to ``out``.

    Raises ContrechampError ("sheets.no_area", "sheets.sector", "sheets.target",
    "export.write") before anything is written.
    """
    plan = plan_field_sheets(survey, sector_name)
    check_sheets_target(survey, out)
    pdf = render_field_sheets(plan, survey.area_bbox(), survey.map_features())
    write_sheets(survey, out, pdf)
    return plan


def _own_sector(survey: SurveyFile) -> Sector | None:
    """The sector of a pair's handout survey, offered first."""
    try:
        return survey.own_sector()
    except ContrechampError:
        return None


def _ask_sector(
    parent: QWidget, title: str, sectors: list[Sector], own: Sector | None
) -> tuple[bool, str | None]:
    """Whether the walker chose, and the sector's name (None for the whole area)."""
    names = [translate("FieldSheets", "The whole area")]
    for sector in sectors:
        label = sector.name if not sector.pair else f"{sector.name} ({sector.pair})"
        names.append(label)
    current = 1 + sectors.index(own) if own in sectors else 0
    label = translate("FieldSheets", "Sector to print:")
    chosen, ok = QInputDialog.getItem(parent, title, label, names, current, False)
    if not ok:
        return False, None
    index = names.index(chosen)
    return True, None if index == 0 else sectors[index - 1].name


def _ask_output(parent: QWidget, survey: SurveyFile, sector_name: str | None) -> Path | None:
    """The PDF file to write (``.pdf`` added when missing), None when the walker cancels."""
    stem = survey.path.stem if sector_name is None else f"{survey.path.stem}-{sector_name}"
    default = survey.path.with_name(f"{_file_safe(stem)}-sheets.pdf")
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("FieldSheets", "Save the field sheets"),
        str(default),
        translate("FieldSheets", "PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def _file_safe(text: str) -> str:
    """A sector's name usable in a file name (no folder separators)."""
    return "".join("-" if ch in '/\\:*?"<>|' else ch for ch in text).strip() or "sheets"
