"""The window's map style turned for paper: greys only, black casings, larger street names."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from contrechamp.ui.map.style import MapStyle, load_style, style_of

__all__ = ["paper_style"]

LABEL_GROWTH = 1.1  # names are read at arm's length, in the street
_ROADS = {
    # fill, casing, minimum width in device units (1/96 inch)
    "motorway": ("#b4b4b4", "#000000", 5.0),
    "primary": ("#d2d2d2", "#000000", 4.6),
    "secondary": ("#e6e6e6", "#000000", 4.2),
    "tertiary": ("#ffffff", "#000000", 3.8),
    "residential": ("#ffffff", "#1a1a1a", 3.4),
    "service": ("#ffffff", "#4d4d4d", 2.2),
    "path": ("#3c3c3c", "", 1.2),
}
_LABEL_MIN_ZOOM = {"tertiary": 14.5, "residential": 15.0, "service": 16.2, "path": 16.6}


@cache
def paper_style() -> MapStyle:
    """The map style for printed sheets (cached)."""
    raw: dict[str, Any] = copy.deepcopy(load_style().raw)
    raw["background"] = "#ffffff"
    raw["water"].update(fill="#c8c8c8")
    raw["green"].update(fill="#ececec", outline="#d4d4d4")
    raw["building"].update(fill="#dadada", outline="#9a9a9a", min_zoom=14)
    raw["railway"].update(color="#333333", dash="#ffffff", min_px=2.5)
    for name, (fill, casing, min_px) in _ROADS.items():
        raw["roads"][name].update(fill=fill, casing=casing, min_px=min_px, min_zoom=0)
    labels = raw["labels"]
    labels.update(color="#000000", halo="#ffffff", halo_px=4.0)
    labels["font_px"] = {k: v * LABEL_GROWTH for k, v in labels["font_px"].items()}
    labels["min_zoom"] = {**labels["min_zoom"], **_LABEL_MIN_ZOOM}
    labels["same_name_spacing_px"] = 300
    return style_of(raw)
