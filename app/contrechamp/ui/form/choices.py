"""The documented values offered for each choice field, with their translated labels."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from contrechamp.core.camera import Status
from contrechamp.core.tags import CAMERA_TYPES, KINDS, MOUNTS, PLACEMENTS, ZONES

__all__ = ["CHOICES", "STATUS_LABELS", "Choice", "choice_label", "match_choice", "status_label"]

translate = QCoreApplication.translate  # lupdate recognises this name


@dataclass(frozen=True, slots=True)
class Choice:
    """One documented OSM value and its English label (translated when shown)."""

    value: str
    label: str


_LABELS: dict[str, str] = {
    "camera": str(QT_TRANSLATE_NOOP("Choices", "Camera")),
    "ALPR": str(QT_TRANSLATE_NOOP("Choices", "Plate reader (ALPR)")),
    "guard": str(QT_TRANSLATE_NOOP("Choices", "Guard")),
    "gunshot_detector": str(QT_TRANSLATE_NOOP("Choices", "Gunshot detector")),
    "public": str(QT_TRANSLATE_NOOP("Choices", "Public space")),
    "outdoor": str(QT_TRANSLATE_NOOP("Choices", "Outdoor, private")),
    "indoor": str(QT_TRANSLATE_NOOP("Choices", "Indoor")),
    "fixed": str(QT_TRANSLATE_NOOP("Choices", "Fixed (box)")),
    "dome": str(QT_TRANSLATE_NOOP("Choices", "Dome")),
    "panning": str(QT_TRANSLATE_NOOP("Choices", "Panning (PTZ)")),
    "wall": str(QT_TRANSLATE_NOOP("Choices", "Wall")),
    "pole": str(QT_TRANSLATE_NOOP("Choices", "Pole")),
    "ceiling": str(QT_TRANSLATE_NOOP("Choices", "Ceiling")),
    "street_lamp": str(QT_TRANSLATE_NOOP("Choices", "Street lamp")),
    "traffic_signals": str(QT_TRANSLATE_NOOP("Choices", "Traffic light")),
    "building": str(QT_TRANSLATE_NOOP("Choices", "Building")),
    "roof": str(QT_TRANSLATE_NOOP("Choices", "Roof")),
    "mast": str(QT_TRANSLATE_NOOP("Choices", "Mast")),
    "gantry": str(QT_TRANSLATE_NOOP("Choices", "Gantry")),
    "tree": str(QT_TRANSLATE_NOOP("Choices", "Tree")),
    "town": str(QT_TRANSLATE_NOOP("Choices", "Town")),
    "traffic": str(QT_TRANSLATE_NOOP("Choices", "Traffic")),
    "parking": str(QT_TRANSLATE_NOOP("Choices", "Parking")),
    "shop": str(QT_TRANSLATE_NOOP("Choices", "Shop")),
    "bank": str(QT_TRANSLATE_NOOP("Choices", "Bank")),
    "entrance": str(QT_TRANSLATE_NOOP("Choices", "Entrance")),
}

STATUS_LABELS: dict[Status, str] = {
    Status.DRAFT: str(QT_TRANSLATE_NOOP("Choices", "Draft")),
    Status.CONFIRMED: str(QT_TRANSLATE_NOOP("Choices", "Confirmed")),
    Status.REJECTED: str(QT_TRANSLATE_NOOP("Choices", "Rejected")),
}


def _choices(values: tuple[str, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(v, _LABELS[v]) for v in values)


CHOICES: dict[str, tuple[Choice, ...]] = {
    "surveillance:type": _choices(KINDS),
    "surveillance": _choices(PLACEMENTS),
    "camera:type": _choices(CAMERA_TYPES),
    "camera:mount": _choices(MOUNTS),
    "surveillance:zone": _choices(ZONES),
}


def choice_label(value: str) -> str:
    """Return the translated label of a documented value, or the value itself if unknown."""
    label = _LABELS.get(value)
    return value if label is None else translate("Choices", label)


def status_label(status: Status) -> str:
    """Return the translated name of a review status."""
    return translate("Choices", STATUS_LABELS[status])


def match_choice(key: str, text: str) -> str | None:
    """Return the documented value a typed text means (label or value, any case), if any."""
    folded = text.strip().casefold()
    if not folded:
        return None
    for choice in CHOICES.get(key, ()):
        names = (choice.value, choice.label, translate("Choices", choice.label))
        if folded in (n.casefold() for n in names):
            return choice.value
    return None
