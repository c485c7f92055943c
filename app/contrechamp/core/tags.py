"""OSM tags of a camera: tolerant reading and writing of documented values only (OSM.md §1).

Reading never loses anything: a value that is not written as documented keeps its raw text
and carries a problem code (and a suggestion when the meaning is clear). Writing helpers
return a new tag dict holding documented values only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from contrechamp.core.direction import CameraDirection, format_direction, read_direction

__all__ = [
    "CAMERA_TYPES",
    "DIRECTION_KEYS",
    "KINDS",
    "MOUNTS",
    "PLACEMENTS",
    "ZONES",
    "CameraReading",
    "Reading",
    "format_number",
    "read_camera",
    "set_direction",
    "set_number",
    "set_value",
    "surveillance_tags",
]

T = TypeVar("T", covariant=True)

KINDS = ("camera", "ALPR", "guard", "gunshot_detector")
PLACEMENTS = ("public", "outdoor", "indoor")
CAMERA_TYPES = ("fixed", "dome", "panning")
MOUNTS = (
    "wall",
    "pole",
    "ceiling",
    "street_lamp",
    "traffic_signals",
    "building",
    "roof",
    "mast",
    "gantry",
    "tree",
)
ZONES = ("town", "traffic", "parking", "shop", "bank", "building", "entrance")
DIRECTION_KEYS = ("camera:direction", "direction", "surveillance:direction")
_LEGACY = {"surveillance:type": {"anpr": "ALPR"}}
_DISCOURAGED_ZONES = {
    "area": "zone.discouraged",
    "street": "zone.ambiguous",
    "public": "zone.ambiguous",
}
_NUMBER = re.compile(r"\s*(-?\d+(?:[.,]\d+)?)\s*(m|metres|meters|°|deg|degrees)?\s*", re.I)


@dataclass(frozen=True, slots=True)
class Reading(Generic[T]):
    """One field read from the tags: the raw text, what it means, and what is wrong with it."""

    key: str
    raw: str | None
    value: T | None
    problem: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class CameraReading:
    """Every field of the camera form, read from OSM tags."""

    kind: Reading[str]
    placement: Reading[str]
    camera_type: Reading[str]
    mount: Reading[str]
    direction: Reading[CameraDirection]
    height: Reading[float]
    angle: Reading[float]
    zone: Reading[str]
    operator: Reading[str]

    def fields(self) -> tuple[Reading[object], ...]:
        """All readings, in form order."""
        return (
            self.kind,
            self.placement,
            self.camera_type,
            self.mount,
            self.direction,
            self.height,
            self.angle,
            self.zone,
            self.operator,
        )


# Readings are immutable and depend on one key and its raw text: each distinct one is worked
# out once (checking the tags of a million cameras reads the same few values again and again).
_CACHED = 4096


def _read_choice(tags: Mapping[str, str], key: str, allowed: tuple[str, ...]) -> Reading[str]:
    return _choice_of(key, tags.get(key), allowed)


@lru_cache(maxsize=_CACHED)
def _choice_of(key: str, raw: str | None, allowed: tuple[str, ...]) -> Reading[str]:
    if raw is None:
        return Reading(key, None, None)
    if raw in allowed:
        return Reading(key, raw, raw)
    folded = raw.strip().lower()
    legacy = _LEGACY.get(key, {}).get(folded)
    if legacy is not None:
        return Reading(key, raw, legacy, f"{key}.legacy", legacy)
    if ";" in raw:
        return Reading(key, raw, None, f"{key}.list")
    for value in allowed:
        if value.lower() == folded:
            return Reading(key, raw, value, f"{key}.messy", value)
    return Reading(key, raw, None, f"{key}.unknown")


def _read_zone(tags: Mapping[str, str]) -> Reading[str]:
    return _zone_of(tags.get("surveillance:zone"))


@lru_cache(maxsize=_CACHED)
def _zone_of(raw: str | None) -> Reading[str]:
    reading = _choice_of("surveillance:zone", raw, ZONES)
    if raw is not None and raw.strip().lower() in _DISCOURAGED_ZONES:
        return Reading(reading.key, raw, None, _DISCOURAGED_ZONES[raw.strip().lower()])
    return reading


def _read_number(tags: Mapping[str, str], key: str, low: float, high: float) -> Reading[float]:
    return _number_of(key, tags.get(key), low, high)


@lru_cache(maxsize=_CACHED)
def _number_of(key: str, raw: str | None, low: float, high: float) -> Reading[float]:
    if raw is None:
        return Reading(key, None, None)
    match = _NUMBER.fullmatch(raw)
    if match is None:
        return Reading(key, raw, None, f"{key}.unreadable")
    value = float(match[1].replace(",", "."))
    if not low <= value <= high:
        return Reading(key, raw, None, f"{key}.out_of_range")
    clean = format_number(value)
    if clean != raw:
        return Reading(key, raw, value, f"{key}.messy", clean)
    return Reading(key, raw, value)


def _read_direction(tags: Mapping[str, str]) -> Reading[CameraDirection]:
    for key in DIRECTION_KEYS:
        raw = tags.get(key)
        if raw is not None:
            return _direction_of(key, raw)
    return _NO_DIRECTION


@lru_cache(maxsize=_CACHED)
def _direction_of(key: str, raw: str) -> Reading[CameraDirection]:
    got = read_direction(raw)
    if got.problem is None and key != DIRECTION_KEYS[0]:
        return Reading(key, raw, got.direction, "direction.legacy_key", raw)
    problem = None if got.problem is None else f"camera:{got.problem}"
    return Reading(key, raw, got.direction, problem, got.suggestion)


_NO_DIRECTION: Reading[CameraDirection] = Reading(DIRECTION_KEYS[0], None, None)


def read_camera(tags: Mapping[str, str]) -> CameraReading:
    """Read every field of a camera's tags tolerantly; never raises.

    >>> r = read_camera({"camera:type": "dome;fixed", "camera:angle": "15°", "height": "4"})
    >>> r.camera_type.problem, r.angle.value, r.angle.suggestion, r.height.problem
    ('camera:type.list', 15.0, '15', None)
    """
    operator = tags.get("operator")
    return CameraReading(
        kind=_read_choice(tags, "surveillance:type", KINDS),
        placement=_read_choice(tags, "surveillance", PLACEMENTS),
        camera_type=_read_choice(tags, "camera:type", CAMERA_TYPES),
        mount=_read_choice(tags, "camera:mount", MOUNTS),
        direction=_read_direction(tags),
        height=_read_number(tags, "height", 0.0, 300.0),
        angle=_read_number(tags, "camera:angle", -90.0, 90.0),
        zone=_read_zone(tags),
        operator=Reading("operator", operator, operator),
    )


def format_number(value: float) -> str:
    """Write a number as OSM wants it: plain, no unit, at most two decimals.

    >>> format_number(4.0), format_number(2.50), format_number(3.14159)
    ('4', '2.5', '3.14')
    """
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def set_value(tags: Mapping[str, str], key: str, value: str | None) -> dict[str, str]:
    """Return new tags with ``key`` set to ``value`` (stripped), or removed when empty."""
    out = dict(tags)
    clean = (value or "").strip()
    if clean:
        out[key] = clean
    else:
        out.pop(key, None)
    return out


def set_number(tags: Mapping[str, str], key: str, value: float | None) -> dict[str, str]:
    """Return new tags with a plain number written for ``key``, or removed when None."""
    return set_value(tags, key, None if value is None else format_number(value))


def set_direction(tags: Mapping[str, str], direction: CameraDirection | None) -> dict[str, str]:
    """Return new tags with ``camera:direction`` written and legacy direction keys dropped."""
    out = {k: v for k, v in tags.items() if k not in DIRECTION_KEYS}
    if direction is not None:
        out["camera:direction"] = format_direction(direction)
    return out


def surveillance_tags(kind: str = "camera", placement: str = "public") -> dict[str, str]:
    """Return the tags every new sighting starts with.

    >>> surveillance_tags()
    {'man_made': 'surveillance', 'surveillance:type': 'camera', 'surveillance': 'public'}
    """
    return {"man_made": "surveillance", "surveillance:type": kind, "surveillance": placement}
