"""The classes of the coverage map, one place for every drawing of it: the window's layer,
the printed report and the HTML export.

A street is classed by how many cameras film it. The classes read without colour too: the
more cameras, the darker and the wider the line (plasma's colours, ordered in lightness and
told apart with every common colour blindness); streets nobody films are thin, grey and
dashed. The labels are English, marked for translation in the context "CoverageLegend".
"""

from __future__ import annotations

from dataclasses import dataclass

from contrechamp.core.messages import QT_TRANSLATE_NOOP

__all__ = ["COVERAGE_STYLES", "VIEWS_LABEL", "VIEW_FILL_RGBA", "CoverageStyle", "class_of"]


@dataclass(frozen=True, slots=True)
class CoverageStyle:
    """One class of the legend: the fewest cameras it holds, its label, its colour (``#rrggbb``),
    its line width in pixels and whether it is dashed."""

    least: int
    label: str
    colour: str
    width_px: float
    dashed: bool = False


COVERAGE_STYLES = (
    CoverageStyle(0, QT_TRANSLATE_NOOP("CoverageLegend", "Not filmed"), "#8a8a8a", 1.6, True),
    CoverageStyle(1, QT_TRANSLATE_NOOP("CoverageLegend", "Filmed by 1 camera"), "#f89540", 3.5),
    CoverageStyle(2, QT_TRANSLATE_NOOP("CoverageLegend", "By 2 cameras"), "#cc4778", 4.5),
    CoverageStyle(3, QT_TRANSLATE_NOOP("CoverageLegend", "By 3 cameras or more"), "#6a00a8", 5.5),
)
VIEW_FILL_RGBA = (13, 8, 135, 28)
"""What the cameras see, filled faintly under the streets (red, green, blue, alpha 0-255)."""
VIEWS_LABEL = QT_TRANSLATE_NOOP("CoverageLegend", "What the cameras see")


def class_of(cameras: int) -> int:
    """The index in ``COVERAGE_STYLES`` of a stretch filmed by ``cameras`` cameras.

    >>> [class_of(n) for n in (0, 1, 2, 3, 7)]
    [0, 1, 2, 3, 3]
    """
    found = 0
    for index, style in enumerate(COVERAGE_STYLES):
        if cameras >= style.least:
            found = index
    return found
