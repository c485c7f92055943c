"""Sheet lines: the line of a printed field sheet a camera was written on (private).

A line is what a walker wrote beside the camera on paper, typed in later: ``12``, ``A-3``,
``p2 14``. A merged camera keeps the lines of its sightings joined with ", " (``A-3, B-7``).
Never exported nor uploaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from contrechamp.core.errors import InputError

__all__ = [
    "MAX_PART_CHARS",
    "MAX_SHEET_LINE_CHARS",
    "SEPARATOR",
    "check_sheet_line",
    "join_sheet_lines",
    "sheet_line_parts",
]

MAX_PART_CHARS = 20
"""What one walker writes on one sheet line: a number, a sheet letter, a hyphen."""

MAX_SHEET_LINE_CHARS = 200
"""The lines of a merged camera together (about nine sightings' worth)."""

SEPARATOR = ", "

_PART = re.compile(rf"(?:[^\W_]|[- ]){{1,{MAX_PART_CHARS}}}")


def sheet_line_parts(text: str) -> list[str]:
    """The lines in ``text``, each stripped, empty ones left out.

    >>> sheet_line_parts(" A-3 ,B-7, ")
    ['A-3', 'B-7']
    """
    return [part.strip() for part in text.split(",") if part.strip()]


def check_sheet_line(text: str | None) -> str | None:
    """Return the sheet line to keep for what was typed (None for nothing), or raise
    ``InputError("sheet_line.invalid")``: each line up to 20 letters, digits, hyphens or
    spaces, several lines (of a merged camera) separated by commas.

    >>> check_sheet_line("  12 ")
    '12'
    >>> check_sheet_line("a-3,b-7")
    'a-3, b-7'
    >>> check_sheet_line("") is None
    True
    >>> try:
    ...     check_sheet_line("12; DROP")
    ... except InputError as error:
    ...     error.code
    'sheet_line.invalid'
    """
    parts = sheet_line_parts(text or "")
    if not parts:
        return None
    joined = SEPARATOR.join(parts)
    if len(joined) > MAX_SHEET_LINE_CHARS or not all(_PART.fullmatch(p) for p in parts):
        raise InputError(
            "not a sheet line: up to 20 letters, digits, hyphens or spaces",
            "sheet_line.invalid",
        )
    return joined


def join_sheet_lines(lines: Iterable[str | None]) -> str | None:
    """The sheet line of a camera seen on several sheets: each line once, in the order
    given, joined with ", "; lines that would pass the length limit are left out.

    >>> join_sheet_lines(["A-3", None, "B-7", "A-3, C-1"])
    'A-3, B-7, C-1'
    >>> join_sheet_lines([None, ""]) is None
    True
    """
    kept: list[str] = []
    for line in lines:
        for part in sheet_line_parts(line or ""):
            longer = len(SEPARATOR.join([*kept, part]))
            if part not in kept and longer <= MAX_SHEET_LINE_CHARS:
                kept.append(part)
    return SEPARATOR.join(kept) or None
