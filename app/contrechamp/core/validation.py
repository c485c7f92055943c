"""Checks of a camera's tags that return problem codes, never sentences (the UI words them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from contrechamp.core.stored_tags import readable
from contrechamp.core.tags import DIRECTION_KEYS, read_camera

__all__ = ["Problem", "TagsChecker", "check_tags", "fixable"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing to check on a camera: which tag, a stable code, the raw value, a suggested fix."""

    key: str
    code: str
    value: str | None = None
    suggestion: str | None = None


def check_tags(tags: Mapping[str, str]) -> list[Problem]:
    """Return every problem of a camera's tags, in form order.

    >>> [p.code for p in check_tags({"man_made": "surveillance", "surveillance:zone": "area"})]
    ['surveillance.missing', 'zone.discouraged']
    >>> check_tags({"man_made": "surveillance", "surveillance": "public"})
    []
    """
    problems: list[Problem] = []
    if tags.get("man_made") != "surveillance":
        problems.append(
            Problem("man_made", "man_made.missing", tags.get("man_made"), "surveillance")
        )
    if "surveillance" not in tags:
        problems.append(Problem("surveillance", "surveillance.missing"))
    for reading in read_camera(tags).fields():
        if reading.problem is not None:
            problems.append(Problem(reading.key, reading.problem, reading.raw, reading.suggestion))
    return problems


# The tags check_tags reads, in groups whose problems depend on no other tag, in the order
# their problems come: cameras that agree on a group have the same problems for it.
_GROUPS = (
    ("man_made", "surveillance", "surveillance:type", "camera:type", "camera:mount"),
    DIRECTION_KEYS,
    ("height",),
    ("camera:angle",),
    ("surveillance:zone",),
)


class TagsChecker(Generic[T]):
    """``check_tags`` for many cameras, each problem turned into ``T`` by ``convert``.

    Each group of tags checked together is checked once per distinct values: a million
    cameras hold few distinct heights or directions, but nearly as many combinations of
    them as cameras. At most ``at_most`` values of a group are kept.

    >>> check = TagsChecker(lambda problem: problem.code)
    >>> check({"man_made": "surveillance", "surveillance": "public", "height": "6.0"})
    ['height.messy']
    """

    def __init__(self, convert: Callable[[Problem], T], at_most: int = 65_536) -> None:
        self._convert = convert
        self._at_most = at_most
        # Per group: its one key (its value is then the cache key as is) or None, its keys,
        # and its problems by values.
        self._groups = [
            (keys[0] if len(keys) == 1 else None, keys, dict[object, tuple[T, ...]]())
            for keys in _GROUPS
        ]

    def __call__(self, tags: Mapping[str, str]) -> list[T]:
        """Return what ``convert`` makes of each of ``check_tags(tags)``, in their order."""
        problems: list[T] = []
        get = readable(tags).get  # a dict's own: read at C level
        for key, keys, found in self._groups:
            values: object = get(key) if key is not None else tuple(map(get, keys))
            known = found.get(values)
            if known is None:
                if len(found) >= self._at_most:
                    found.clear()
                held = (values,) if key is not None else values
                known = found[values] = self._checked(keys, cast(tuple[str | None, ...], held))
            if known:
                problems += known
        return problems

    def _checked(self, keys: tuple[str, ...], values: tuple[str | None, ...]) -> tuple[T, ...]:
        """The problems of the tags ``keys`` alone, holding ``values``."""
        alone = {k: v for k, v in zip(keys, values, strict=True) if v is not None}
        return tuple(self._convert(p) for p in check_tags(alone) if p.key in keys)


def fixable(problems: list[Problem]) -> dict[str, str]:
    """Return the tag changes that fix every problem whose meaning is clear (key -> new value)."""
    fixes: dict[str, str] = {}
    for problem in problems:
        if problem.suggestion is None:
            continue
        key = "camera:direction" if problem.code.startswith("direction.") else problem.key
        fixes[key] = problem.suggestion
    return fixes
