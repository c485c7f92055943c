"""Checks of a camera's tags that return problem codes, never sentences (the UI words them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from contrechamp.core.tags import read_camera

__all__ = ["Problem", "check_tags", "fixable"]


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


def fixable(problems: list[Problem]) -> dict[str, str]:
    """Return the tag changes that fix every problem whose meaning is clear (key -> new value)."""
    fixes: dict[str, str] = {}
    for problem in problems:
        if problem.suggestion is None:
            continue
        key = "camera:direction" if problem.code.startswith("direction.") else problem.key
        fixes[key] = problem.suggestion
    return fixes
