"""Translated words for what a photo import reports: its summary (why a file was skipped is
``ui.messages.skipped_text``, from the registry of codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from contrechamp.ops.photo_import import ImportSummary

__all__ = ["direction_shown", "summary_text"]

translate = QCoreApplication.translate  # lupdate recognises this name


def summary_text(summary: ImportSummary) -> str:
    """One short paragraph saying what the import did."""
    lines = [
        translate("PhotoImport", "%n camera(s) to review", "", summary.drafts_created),
        translate("PhotoImport", "%n photo(s) added", "", summary.photos_added),
    ]
    if summary.duplicates:
        lines.append(translate("PhotoImport", "%n already in the survey", "", summary.duplicates))
    if summary.unplaced:
        lines.append(
            translate("PhotoImport", "%n photo(s) to place on the map", "", len(summary.unplaced))
        )
    if summary.skipped:
        lines.append(translate("PhotoImport", "%n file(s) skipped", "", len(summary.skipped)))
    if summary.cancelled:
        lines.append(translate("PhotoImport", "Import stopped: what was done is saved."))
    return "\n".join(lines)


def direction_shown(direction: str) -> str:
    """A direction as the walker reads it: "135°" for degrees, "NE" or "90-270" as written."""
    try:
        float(direction)
    except ValueError:
        return direction
    return f"{direction}°"
