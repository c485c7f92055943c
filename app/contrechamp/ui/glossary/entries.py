"""The glossary's entries: a drawing, how to recognise it, and the OSM tags it stands for."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from contrechamp.resources import resource_path

__all__ = ["ENTRIES", "GlossaryEntry"]


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One kind of camera: English title and hint (translated when shown) and its tags."""

    drawing: str
    title: str
    hint: str
    tags: Mapping[str, str]

    @property
    def path(self) -> Path:
        """The SVG drawing of this entry."""
        return resource_path("glossary", f"{self.drawing}.svg")


ENTRIES: tuple[GlossaryEntry, ...] = (
    GlossaryEntry(
        "box",
        str(QT_TRANSLATE_NOOP("Glossary", "Box camera")),
        str(
            QT_TRANSLATE_NOOP(
                "Glossary",
                "A long body under a sun hood, on a bracket. "
                "It films one way: note where it points.",
            )
        ),
        {"surveillance:type": "camera", "camera:type": "fixed"},
    ),
    GlossaryEntry(
        "dome",
        str(QT_TRANSLATE_NOOP("Glossary", "Dome camera")),
        str(
            QT_TRANSLATE_NOOP(
                "Glossary",
                "A half-ball of dark glass under a ceiling or on a wall. "
                "You cannot see where it looks.",
            )
        ),
        {"surveillance:type": "camera", "camera:type": "dome"},
    ),
    GlossaryEntry(
        "panning",
        str(QT_TRANSLATE_NOOP("Glossary", "Panning camera (PTZ)")),
        str(
            QT_TRANSLATE_NOOP(
                "Glossary",
                "A ball under a cap, high on a pole or a building: it turns and zooms. "
                "Common at crossings and squares.",
            )
        ),
        {"surveillance:type": "camera", "camera:type": "panning"},
    ),
    GlossaryEntry(
        "alpr",
        str(QT_TRANSLATE_NOOP("Glossary", "Licence-plate reader (ALPR)")),
        str(
            QT_TRANSLATE_NOOP(
                "Glossary",
                "A flat dark box aimed at a traffic lane, often with a panel of infrared "
                "lights beside the lens; on a pole, a gantry or a bridge. Easy to miss: "
                "look up at entries to car parks and main roads.",
            )
        ),
        {
            "surveillance:type": "ALPR",
            "surveillance": "public",
            "camera:type": "fixed",
            "surveillance:zone": "traffic",
        },
    ),
    GlossaryEntry(
        "traffic_light",
        str(QT_TRANSLATE_NOOP("Glossary", "Camera on a traffic light")),
        str(
            QT_TRANSLATE_NOOP(
                "Glossary",
                "A small box or dome on top of or beside the signal heads. "
                "It watches the crossing.",
            )
        ),
        {
            "surveillance:type": "camera",
            "surveillance": "public",
            "camera:type": "fixed",
            "camera:mount": "traffic_signals",
            "surveillance:zone": "traffic",
        },
    ),
    GlossaryEntry(
        "intercom",
        str(QT_TRANSLATE_NOOP("Glossary", "Intercom camera")),
        str(
            QT_TRANSLATE_NOOP(
                "Glossary",
                "A small lens above the buttons of a door entry panel. It films whoever rings, "
                "and often the pavement.",
            )
        ),
        {
            "surveillance:type": "camera",
            "camera:type": "fixed",
            "camera:mount": "wall",
            "surveillance:zone": "entrance",
        },
    ),
)
