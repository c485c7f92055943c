"""The map style (resources/map/style.json) as typed values: colours, widths, zoom thresholds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QFont

from contrechamp.core.area import ROAD_KINDS, FeatureKind
from contrechamp.resources import resource_path

__all__ = [
    "CameraStyle",
    "MapStyle",
    "RoadStyle",
    "label_font",
    "load_style",
    "style_of",
    "style_path",
]


@dataclass(frozen=True, slots=True)
class RoadStyle:
    """How one road class is drawn: a casing under a fill, width from metres with a floor."""

    fill: QColor
    casing: QColor | None
    width_m: float
    min_px: float
    max_px: float
    min_zoom: float
    rank: int
    dashed: bool
    label_px: float
    label_min_zoom: float


@dataclass(frozen=True, slots=True)
class CameraStyle:
    """Colours of one camera layer: the marker and its field of view."""

    fill: QColor
    outline: QColor
    fov: QColor
    fov_outline: QColor


@dataclass(frozen=True, slots=True)
class MapStyle:
    """Everything the painters need, read once from the style file."""

    raw: dict[str, Any]
    roads: dict[FeatureKind, RoadStyle]
    cameras: dict[str, CameraStyle]

    def color(self, *keys: str) -> QColor:
        """Return the colour at a path of keys, e.g. ``color("water", "fill")``."""
        node: Any = self.raw
        for key in keys:
            node = node[key]
        return QColor(str(node))

    def number(self, *keys: str) -> float:
        """Return the number at a path of keys."""
        node: Any = self.raw
        for key in keys:
            node = node[key]
        return float(node)


def label_font(font_px: float) -> QFont:
    """Return the label font at a pixel size (a plain sans, medium weight for legibility)."""
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, round(font_px)))
    font.setWeight(QFont.Weight.Medium)
    return font


def style_path() -> Path:
    """Return the style file: beside the sources, in the installed package or in a bundle."""
    candidate = resource_path("map", "style.json")
    if candidate.is_file():
        return candidate
    raise FileNotFoundError("resources/map/style.json not found")


@cache
def load_style(path: Path | None = None) -> MapStyle:
    """Read and type the map style (cached: the file is read once per process)."""
    return style_of(json.loads((path or style_path()).read_text(encoding="utf-8")))


def style_of(raw: dict[str, Any]) -> MapStyle:
    """Type a style given as the dict of the style file (e.g. a paper variant of it)."""
    labels = raw["labels"]
    roads = {kind: _road(raw["roads"][kind.value], labels, kind.value) for kind in ROAD_KINDS}
    cameras = {
        name: CameraStyle(*(QColor(spec[key]) for key in ("fill", "outline", "fov", "fov_outline")))
        for name, spec in raw["cameras"].items()
        if isinstance(spec, dict)
    }
    return MapStyle(raw, roads, cameras)


def _road(spec: dict[str, Any], labels: dict[str, Any], name: str) -> RoadStyle:
    """Build the style of one road class."""
    return RoadStyle(
        fill=QColor(spec["fill"]),
        casing=QColor(spec["casing"]) if spec.get("casing") else None,
        width_m=float(spec["width_m"]),
        min_px=float(spec["min_px"]),
        max_px=float(spec.get("max_px", 1000.0)),
        min_zoom=float(spec["min_zoom"]),
        rank=int(spec["rank"]),
        dashed=bool(spec.get("dashed", False)),
        label_px=float(labels["font_px"][name]),
        label_min_zoom=float(labels["min_zoom"][name]),
    )
