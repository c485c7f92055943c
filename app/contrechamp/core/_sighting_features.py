"""What the grouping compares of each sighting's tags, as numpy arrays.

Tags are read column by column (one key of every sighting at a time) and each distinct
value is read once: 100,000 sightings share a few hundred values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from contrechamp.core.stored_tags import readable
from contrechamp.core.tag_merge import bearings_of, meaning
from contrechamp.core.tags import DIRECTION_KEYS

__all__ = ["TRAITS", "Features", "read_features"]

TRAITS = (
    "surveillance:type",
    "camera:type",
    "camera:mount",
    "surveillance",
    "surveillance:zone",
    "operator",
)
"""Tags two sightings of one camera mostly agree on: disagreeing on one may be a wrong
value, on two they are two cameras (``core/_clustering.py``)."""

_KIND_FAMILY = {"camera": 1, "alpr": 1, "anpr": 1, "guard": 2, "gunshot_detector": 3}
"""Cameras and licence-plate readers are one family: walkers often miss what an ALPR is."""
_NO_SINGLE_DIRECTION = frozenset({"dome", "panning"})

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Features:
    """Per sighting: kind family (0 unknown), single bearing (NaN: none), trait codes (one
    column per trait, 0 when not given, equal meanings equal codes) and height (NaN)."""

    kind: NDArray[np.int64]
    bearing: NDArray[np.float64]
    traits: NDArray[np.int64]
    height: NDArray[np.float64]


def _coded(values: Sequence[K], read: Callable[[K], float]) -> NDArray[np.float64]:
    """``read`` of every value, each distinct value read once."""
    table = {value: read(value) for value in set(values)}
    return np.fromiter(map(table.__getitem__, values), dtype=np.float64, count=len(values))


def _kind(value: str | None) -> float:
    return 0 if value is None else _KIND_FAMILY.get(value.strip().lower(), 0)


def _single_bearing(value: str | None) -> float:
    found = None if value is None else bearings_of(value)
    return found[0] if found is not None and len(found) == 1 else math.nan


def _height(value: str | None) -> float:
    if value is None:
        return math.nan
    try:
        return float(meaning("height", value))
    except ValueError:
        return math.nan


def _first_given(*columns: Sequence[str | None]) -> list[str | None]:
    """Per sighting, the first value given among the columns (the direction the form reads).

    >>> _first_given(["90", None, None], [None, "E", None])
    ['90', 'E', None]
    """
    first = list(columns[0])
    for column in columns[1:]:
        first = [a if a is not None else b for a, b in zip(first, column, strict=True)]
    return first


_READ = (*TRAITS, "height", *DIRECTION_KEYS)


def read_features(tags: Sequence[Mapping[str, str]]) -> Features:
    """Read what the grouping compares from each sighting's tags.

    >>> f = read_features([{"camera:type": "Dome", "camera:direction": "90"},
    ...                    {"camera:type": "dome", "height": "4 m"}, {"direction": "E"}])
    >>> f.bearing.tolist(), f.traits[:, TRAITS.index("camera:type")].tolist(), f.height.tolist()
    ([nan, nan, 90.0], [1, 1, 0], [nan, 4.0, nan])
    """
    codes: dict[tuple[str, str], int] = {}

    def trait(key: str) -> Callable[[str | None], float]:
        def code(value: str | None) -> float:
            if value is None:
                return 0
            return codes.setdefault((key, meaning(key, value)), len(codes) + 1)

        return code

    if not tags:
        empty = np.zeros(0)
        return Features(empty.astype(np.int64), empty, np.zeros((0, len(TRAITS)), np.int64), empty)
    # One column per key, each read by a C-level map (dict.get when every tags is a dict).
    tags = list(map(readable, tags))
    get: Callable[[Mapping[str, str], str], str | None] = (
        dict.get if all(type(one) is dict for one in tags) else Mapping.get  # type: ignore[assignment]
    )
    columns = {key: list(map(get, tags, repeat(key))) for key in _READ}
    turning = _coded(
        columns["camera:type"],
        lambda v: v is not None and meaning("camera:type", v) in _NO_SINGLE_DIRECTION,
    )
    bearing = _coded(_first_given(*(columns[key] for key in DIRECTION_KEYS)), _single_bearing)
    return Features(
        kind=_coded(columns["surveillance:type"], _kind).astype(np.int64),
        bearing=np.where(turning > 0, np.nan, bearing),
        traits=np.column_stack([_coded(columns[key], trait(key)) for key in TRAITS]).astype(
            np.int64
        ),
        height=_coded(columns["height"], _height),
    )
