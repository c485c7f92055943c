"""What typing in a form field does to a camera's tags (documented values, else kept as typed)."""

from __future__ import annotations

import math
from collections.abc import Mapping

from contrechamp.core.direction import DirectionError, parse_direction
from contrechamp.core.tags import DIRECTION_KEYS, set_direction, set_number, set_value
from contrechamp.core.validation import check_tags, fixable

__all__ = ["direction_tags", "fixed_tags", "number_tags"]


def number_tags(tags: Mapping[str, str], key: str, text: str) -> dict[str, str]:
    """Write a typed number plainly (``4,5`` -> ``4.5``); keep anything else as typed.

    >>> number_tags({}, "height", "4,50"), number_tags({}, "camera:angle", "15°")
    ({'height': '4.5'}, {'camera:angle': '15°'})
    """
    clean = text.strip()
    try:
        value = float(clean.replace(",", "."))
    except ValueError:
        return set_value(tags, key, clean)
    if not math.isfinite(value):
        return set_value(tags, key, clean)
    return set_number(tags, key, value)


def direction_tags(tags: Mapping[str, str], text: str) -> dict[str, str]:
    """Write a typed direction to ``camera:direction`` (old keys dropped); keep odd text as typed.

    Cardinal letters may be typed in lower case.

    >>> direction_tags({"direction": "90"}, "ne")
    {'camera:direction': 'NE'}
    >>> direction_tags({}, "towards the bank")
    {'camera:direction': 'towards the bank'}
    """
    clean = text.strip()
    if not clean:
        return set_direction(tags, None)
    for candidate in (clean, clean.upper()):
        try:
            return set_direction(tags, parse_direction(candidate))
        except DirectionError:
            continue
    out = set_direction(tags, None)
    out[DIRECTION_KEYS[0]] = clean
    return out


def fixed_tags(tags: Mapping[str, str]) -> dict[str, str]:
    """Apply every fix whose meaning is clear (core.validation.fixable); old direction keys go.

    >>> fixed_tags({"man_made": "surveillance", "camera:angle": "15°", "direction": "90"})
    {'man_made': 'surveillance', 'camera:angle': '15', 'camera:direction': '90'}
    """
    fixes = fixable(check_tags(tags))
    out = {**tags, **fixes}
    if DIRECTION_KEYS[0] in fixes:
        for key in DIRECTION_KEYS[1:]:
            out.pop(key, None)
    return out
