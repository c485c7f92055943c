"""The window follows the system's light or dark colour scheme (Qt 6.5+ style hints).

Where the platform already paints dark widgets for a dark scheme (KDE, macOS, Windows 11), its
palette is kept. Where it does not (GNOME and other desktops without a Qt theme, older
Windows styles), the dark scheme gets Fusion with a dark palette whose text and controls keep
at least WCAG AA contrast. The map keeps its own light colours in both schemes: its roads,
water and camera markers were chosen against a light ground, and a light map stays readable
outdoors; only the widgets around it change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["DARK_COLOURS", "apply_scheme", "dark_palette", "follow_system_scheme", "is_dark"]

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Role → colour of the dark palette (text on window and base ≥ 7:1, links ≥ 4.5:1).
DARK_COLOURS: dict[QPalette.ColorRole, str] = {
    Role.Window: "#1f2327",
    Role.WindowText: "#e8eaed",
    Role.Base: "#15181b",
    Role.AlternateBase: "#262b30",
    Role.ToolTipBase: "#2d3338",
    Role.ToolTipText: "#e8eaed",
    Role.PlaceholderText: "#9aa0a6",
    Role.Text: "#e8eaed",
    Role.Button: "#2b3035",
    Role.ButtonText: "#e8eaed",
    Role.BrightText: "#ffb4a9",
    Role.Light: "#3a4047",
    Role.Midlight: "#30363c",
    Role.Mid: "#24292e",
    Role.Dark: "#121417",
    Role.Shadow: "#000000",
    Role.Highlight: "#4c8ed9",
    Role.HighlightedText: "#0b0d0f",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9",
}
_DISABLED = {Role.WindowText: "#80868b", Role.Text: "#80868b", Role.ButtonText: "#80868b"}
_SAVED = "contrechampLightPalette"


def dark_palette() -> QPalette:
    """The dark palette used where the platform gives none."""
    palette = QPalette()
    for role, colour in DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on a dark window."""
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


class _Saved(QObject):
    """Holds the palette and style from before the dark palette, to go back to them."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_SAVED)
        self.palette = QPalette(app.palette())
        self.style = app.style().name()


def apply_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Paint the widgets for ``scheme``: the platform's own dark palette when it has one,
    Fusion with ``dark_palette`` otherwise; back to the light palette for a light scheme."""
    saved = app.findChild(_Saved, _SAVED)
    if scheme == Qt.ColorScheme.Dark:
        if saved is None and is_dark(app.palette()):
            return  # the platform paints dark widgets itself
        if saved is None:
            saved = _Saved(app)
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif saved is not None:
        app.setStyle(saved.style)
        app.setPalette(saved.palette)
        saved.setParent(None)
        saved.deleteLater()


def follow_system_scheme(app: QApplication) -> None:
    """Apply the system's colour scheme now and whenever it changes."""
    hints = QGuiApplication.styleHints()
    apply_scheme(app, hints.colorScheme())
    hints.colorSchemeChanged.connect(lambda scheme: apply_scheme(app, scheme))
