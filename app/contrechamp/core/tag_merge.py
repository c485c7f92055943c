"""One camera's tags from several sightings: agreeing values merge, conflicting ones are kept.

Values are compared for what they mean, not how they are written (``Dome`` and ``dome``,
``4 m`` and ``4``, ``E`` and ``90`` agree). Single bearings within ``DIRECTION_AGREEMENT_DEG``
of each other, and heights within 1.5 m, are one estimate made several times: they merge
into their mean. Dates (``survey:date``,
``check_date``) keep the latest. Anything else that differs is a :class:`Conflict`: the values
side by side, each with the sightings that gave it, for the organiser to decide; until then
the tags carry the value most sightings gave.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from contrechamp.core.direction import Bearing, Sector, read_direction
from contrechamp.core.stored_tags import readable
from contrechamp.core.tags import DIRECTION_KEYS, format_number, read_camera

__all__ = [
    "DIRECTION_AGREEMENT_DEG",
    "Choice",
    "Conflict",
    "bearings_of",
    "meaning",
    "merge_tags",
]

DIRECTION_AGREEMENT_DEG = 30.0
"""Single bearings spanning at most this are the same direction estimated several times
(walkers' estimates of one camera differ by 10–15° each way; cameras on one pole by 90°)."""

_DATE_KEYS = frozenset({"survey:date", "check_date"})
_CHOICE_FIELDS = {
    "surveillance:type": "kind",
    "surveillance": "placement",
    "camera:type": "camera_type",
    "camera:mount": "mount",
    "surveillance:zone": "zone",
}
_NUMBER_FIELDS = {"height": "height", "camera:angle": "angle"}
_ESTIMATE_AGREEMENT = {"height": 1.5, "camera:angle": 15.0}
"""Guesses spanning at most this (metres, degrees) are one value guessed several times: they
merge into their mean (heights guessed from the pavement differ by half a metre each way)."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One value of a conflicting tag and the sightings (indices) that gave it."""

    value: str
    sightings: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """A tag the sightings disagree on: its choices, most given first."""

    key: str
    choices: tuple[Choice, ...]

    @property
    def values(self) -> tuple[str, ...]:
        """The values side by side, in the order of :attr:`choices`."""
        return tuple(choice.value for choice in self.choices)


@lru_cache(maxsize=8192)
def meaning(key: str, value: str) -> str:
    """What a tag value says, written one way: equal meanings agree.

    >>> meaning("camera:type", "Dome"), meaning("height", "4 m"), meaning("camera:direction", "E")
    ('dome', '4', '90')
    >>> meaning("operator", "  Ville de  Paris ") == meaning("operator", "ville de paris")
    True
    """
    if key in DIRECTION_KEYS:
        direction = read_direction(value).direction
        if direction is not None:
            return ";".join(_part_meaning(part) for part in direction.parts)
    reading = read_camera({key: value})
    if key in _CHOICE_FIELDS:
        clean = getattr(reading, _CHOICE_FIELDS[key]).value
        if clean is not None:
            return str(clean)
    if key in _NUMBER_FIELDS:
        number = getattr(reading, _NUMBER_FIELDS[key]).value
        if number is not None:
            return format_number(number)
    return " ".join(value.split()).casefold()


def _part_meaning(part: Bearing | Sector) -> str:
    if isinstance(part, Sector):
        return f"{_part_meaning(part.start)}-{_part_meaning(part.end)}"
    return Bearing.of(part.degrees).text


@lru_cache(maxsize=8192)
def bearings_of(value: str) -> tuple[float, ...] | None:
    """The bearings of a direction that is only single bearings, None otherwise.

    >>> bearings_of("NE"), bearings_of("90;270"), bearings_of("90-270")
    ((45.0,), (90.0, 270.0), None)
    """
    direction = read_direction(value).direction
    if direction is None or direction.sectors:
        return None
    return tuple(b.degrees for b in direction.bearings)


def _mean_bearing(values: Sequence[str]) -> str | None:
    """The mean of single bearings that agree within DIRECTION_AGREEMENT_DEG, else None.

    >>> _mean_bearing(["350", "10", "N"]), _mean_bearing(["90", "270"])
    ('0', None)
    """
    degrees = []
    for value in values:
        found = bearings_of(value)
        if found is None or len(found) != 1:
            return None
        degrees.append(found[0])
    east = sum(math.sin(math.radians(d)) for d in degrees)
    north = sum(math.cos(math.radians(d)) for d in degrees)
    mean = math.degrees(math.atan2(east, north))
    if any(abs((d - mean + 180.0) % 360.0 - 180.0) > DIRECTION_AGREEMENT_DEG / 2 for d in degrees):
        return None
    return Bearing.of(round(mean)).text


def _mean_estimate(key: str, values: Sequence[str]) -> str | None:
    """The mean of numeric guesses that agree within _ESTIMATE_AGREEMENT, else None.

    >>> _mean_estimate("height", ["4", "4.5 m", "4.2"]), _mean_estimate("height", ["3", "6"])
    ('4.23', None)
    """
    numbers = []
    for value in values:
        try:
            numbers.append(float(meaning(key, value)))
        except ValueError:
            return None
    if max(numbers) - min(numbers) > _ESTIMATE_AGREEMENT[key]:
        return None
    return format_number(sum(numbers) / len(numbers))


_Choices = tuple[tuple[str, tuple[int, ...]], ...]
"""Choices as (value, positions among the values given)."""


def _choices(key: str, values: tuple[str, ...]) -> _Choices:
    """The distinct meanings among ``values``, most given first; each written as its clean
    form when a sighting wrote it so, else as first written."""
    by_meaning: dict[str, list[int]] = {}
    for at, value in enumerate(values):
        by_meaning.setdefault(meaning(key, value), []).append(at)
    choices = []
    for clean, found in by_meaning.items():
        written = [values[at] for at in found]
        choices.append((clean if clean in written else written[0], tuple(found)))
    return tuple(sorted(choices, key=lambda c: -len(c[1])))  # stable: first seen first


@lru_cache(maxsize=65536)
def _merged_value(key: str, values: tuple[str, ...]) -> tuple[str, _Choices | None]:
    """The merged value of one key the sightings wrote differently (``values``, in their
    order), and its choices when they conflict. Cached: across a city's cameras the same
    few values disagree again and again."""
    if key in _DATE_KEYS:
        return max(values), None
    meanings = {meaning(key, value) for value in values}
    if len(meanings) == 1:
        clean = meanings.pop()
        return (clean if clean in values else values[0]), None
    mean = (
        _mean_bearing(values)
        if key in DIRECTION_KEYS
        else _mean_estimate(key, values)
        if key in _ESTIMATE_AGREEMENT
        else None
    )
    if mean is not None:
        return mean, None
    choices = _choices(key, values)
    return choices[0][0], choices


def _merge_key(
    key: str, names: Sequence[int], values: tuple[str, ...]
) -> tuple[str, Conflict | None]:
    """The merged value of one key that the sightings ``names`` wrote differently
    (``values``, in their order), and its conflict."""
    value, choices = _merged_value(key, values)
    if choices is None:
        return value, None
    name = names.__getitem__
    found = [Choice(written, tuple(map(name, where))) for written, where in choices]
    return value, Conflict(key, tuple(found))


def _merge_two(
    a: Mapping[str, str], b: Mapping[str, str], name_a: int, name_b: int
) -> tuple[dict[str, str], tuple[Conflict, ...]]:
    """:func:`merge_tags` of two sightings (most groups), without gathering values by key."""
    merged = dict(a)
    conflicts = []
    for key, value in b.items():
        mine = a.get(key)
        if mine is None:
            merged[key] = value
        elif mine != value:
            merged[key], conflict = _merge_key(key, (name_a, name_b), (mine, value))
            if conflict is not None:
                conflicts.append(conflict)
    return merged, tuple(conflicts)


def merge_tags(
    tags: Sequence[Mapping[str, str]], sightings: Sequence[int] | None = None
) -> tuple[dict[str, str], tuple[Conflict, ...]]:
    """Merge the tags of one camera's sightings; return the tags and the conflicts.

    ``sightings`` names each tags' sighting in the conflicts (default: their positions).
    A tag some sightings leave out is not a conflict: they did not see it, they did not
    deny it.

    >>> merged, conflicts = merge_tags([
    ...     {"camera:type": "dome", "height": "4"},
    ...     {"camera:type": "fixed", "height": "4 m", "camera:mount": "wall"},
    ...     {"camera:type": "dome"},
    ... ])
    >>> merged
    {'camera:type': 'dome', 'height': '4', 'camera:mount': 'wall'}
    >>> [(c.key, c.values, [ch.sightings for ch in c.choices]) for c in conflicts]
    [('camera:type', ('dome', 'fixed'), [(0, 2), (1,)])]
    """
    if not tags:
        return {}, ()
    tags = list(map(readable, tags))  # dicts: compared and read at C level
    first = tags[0]
    if tags.count(first) == len(tags):
        return dict(first), ()
    names = range(len(tags)) if sightings is None else sightings
    if len(tags) == 2:
        return _merge_two(first, tags[1], names[0], names[1])
    merged: dict[str, str] = {}  # each key's first value, in the order keys first come
    differing: set[str] = set()
    for one in tags:
        for key, value in one.items():
            first_value = merged.setdefault(key, value)
            if first_value != value:
                differing.add(key)
    conflicts: list[Conflict] = []
    for key in [key for key in merged if key in differing]:
        given = [(name, one[key]) for name, one in zip(names, tags, strict=True) if key in one]
        given_by, values = zip(*given, strict=True)
        merged[key], conflict = _merge_key(key, given_by, values)
        if conflict is not None:
            conflicts.append(conflict)
    return merged, tuple(conflicts)
