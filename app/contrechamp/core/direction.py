"""The ``camera:direction`` grammar: degrees, cardinal letters, clockwise ranges and lists.

Writing follows OSM.md §1: ``0``–``359`` clockwise from north, a cardinal (``N``, ``ENE``…),
a clockwise range ``a-b``, or several values ``a;b``. Parsing is strict
(:func:`parse_direction`) and the text of every bearing is kept, so that
``format_direction(parse_direction(s)) == s`` for every value written by this module.
Tolerant reading of messy real values lives in :func:`read_direction`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "CARDINALS",
    "Bearing",
    "CameraDirection",
    "DirectionError",
    "DirectionReading",
    "Sector",
    "format_direction",
    "parse_direction",
    "read_direction",
]

CARDINALS: dict[str, float] = {
    name: i * 22.5
    for i, name in enumerate(
        [
            *("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE"),
            *("S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"),
        ],
    )
}
_WORDS = {
    "north": "N",
    "northeast": "NE",
    "east": "E",
    "southeast": "SE",
    "south": "S",
    "southwest": "SW",
    "west": "W",
    "northwest": "NW",
}
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,6})?")


class DirectionError(ValueError):
    """A text that is not a ``camera:direction`` value as written by OSM.md §1."""


@dataclass(frozen=True, slots=True)
class Bearing:
    """One direction, clockwise from north, with the text it is written as (``90``, ``ENE``)."""

    degrees: float
    text: str

    @classmethod
    def of(cls, degrees: float) -> Bearing:
        """Return the bearing for a number of degrees, normalised to [0, 360) and 0.1°.

        >>> Bearing.of(-90).text, Bearing.of(92.25).text
        ('270', '92.2')
        """
        value = round(degrees % 360.0, 1) % 360.0
        text = str(int(value)) if value.is_integer() else f"{value:.1f}"
        return cls(float(text), text)

    @classmethod
    def cardinal(cls, name: str) -> Bearing:
        """Return the bearing of a cardinal point such as ``NE`` (case-sensitive).

        >>> Bearing.cardinal("ENE").degrees, Bearing.cardinal("SW")
        (67.5, Bearing(degrees=225.0, text='SW'))
        >>> Bearing.cardinal("ne")
        Traceback (most recent call last):
        ...
        contrechamp.core.direction.DirectionError: not a cardinal point: 'ne'
        """
        if name not in CARDINALS:
            raise DirectionError(f"not a cardinal point: {name!r}")
        return cls(CARDINALS[name], name)


@dataclass(frozen=True, slots=True)
class Sector:
    """A clockwise range of directions from ``start`` to ``end`` (``90-270`` is the south half)."""

    start: Bearing
    end: Bearing

    @property
    def span(self) -> float:
        """Degrees covered clockwise from start to end; ``0-359`` covers 359°.

        >>> Sector(Bearing.of(270), Bearing.of(90)).span
        180.0
        """
        return (self.end.degrees - self.start.degrees) % 360.0


DirectionPart = Bearing | Sector


@dataclass(frozen=True, slots=True)
class CameraDirection:
    """A whole ``camera:direction`` value: one or more bearings or sectors."""

    parts: tuple[DirectionPart, ...]

    def __post_init__(self) -> None:
        if not self.parts:
            raise DirectionError("a direction needs at least one value")

    @property
    def bearings(self) -> tuple[Bearing, ...]:
        """The single bearings of the value (sectors excluded)."""
        return tuple(p for p in self.parts if isinstance(p, Bearing))

    @property
    def sectors(self) -> tuple[Sector, ...]:
        """The clockwise ranges of the value."""
        return tuple(p for p in self.parts if isinstance(p, Sector))


def _parse_bearing(text: str) -> Bearing:
    if text in CARDINALS:
        return Bearing.cardinal(text)
    if not _NUMBER.fullmatch(text) or (len(text) > 1 and text[0] == "0" and text[1] != "."):
        raise DirectionError(f"not a bearing: {text!r}")
    degrees = float(text)
    if degrees >= 360.0 or (text.endswith("0") and "." in text):
        raise DirectionError(f"not a written bearing: {text!r}")
    return Bearing(degrees, text)


def _parse_part(text: str) -> DirectionPart:
    if "-" in text:
        start, sep, end = text.partition("-")
        if not sep or "-" in end:
            raise DirectionError(f"not a range: {text!r}")
        return Sector(_parse_bearing(start), _parse_bearing(end))
    return _parse_bearing(text)


def parse_direction(text: str) -> CameraDirection:
    """Parse a direction exactly as OSM.md §1 writes it; raise DirectionError otherwise.

    >>> d = parse_direction("90-270;NE")
    >>> [type(p).__name__ for p in d.parts], d.sectors[0].span
    (['Sector', 'Bearing'], 180.0)

    Leading zeros, 360 and spaces are not written values (:func:`read_direction` reads them):

    >>> for text in ("090", "360", "90; 270"):
    ...     try:
    ...         parse_direction(text)
    ...     except DirectionError as error:
    ...         print(error)
    not a bearing: '090'
    not a written bearing: '360'
    not a bearing: ' 270'
    """
    if not text or text != text.strip():
        raise DirectionError(f"not a direction: {text!r}")
    return CameraDirection(tuple(_parse_part(part) for part in text.split(";")))


def _format_part(part: DirectionPart) -> str:
    if isinstance(part, Sector):
        return f"{part.start.text}-{part.end.text}"
    return part.text


def format_direction(direction: CameraDirection) -> str:
    """Write a direction as a ``camera:direction`` value.

    >>> format_direction(CameraDirection((Bearing.of(45), Bearing.cardinal("SW"))))
    '45;SW'
    """
    return ";".join(_format_part(p) for p in direction.parts)


@dataclass(frozen=True, slots=True)
class DirectionReading:
    """What a raw tag value means: the direction (if any), and the fix it needs.

    ``problem`` is None when ``raw`` is already written as OSM.md §1 says; otherwise a code:
    ``direction.messy`` (understood; ``suggestion`` is the clean value) or
    ``direction.unreadable`` (not understood; the raw value is kept as is).
    """

    raw: str
    direction: CameraDirection | None
    problem: str | None = None
    suggestion: str | None = None


def _tolerant_bearing(text: str) -> Bearing:
    word = text.strip().lower().replace("°", "").replace("deg", "").replace(" ", "")
    if word in _WORDS:
        return Bearing.cardinal(_WORDS[word])
    if word.upper() in CARDINALS:
        return Bearing.cardinal(word.upper())
    try:
        degrees = float(word)
    except ValueError:
        raise DirectionError(f"not a bearing: {text!r}") from None
    if not -360.0 <= degrees <= 720.0:
        raise DirectionError(f"bearing out of range: {text!r}")
    return Bearing.of(degrees)


def _tolerant_part(text: str) -> DirectionPart:
    body = text.strip()
    if body.replace("-", "").replace(" ", "").lower() in _WORDS:
        return Bearing.cardinal(_WORDS[body.replace("-", "").replace(" ", "").lower()])
    match = re.fullmatch(r"(-?[^-]+?)\s*-\s*([^-]+)", body)
    if match and not body.startswith("-"):
        return Sector(_tolerant_bearing(match[1]), _tolerant_bearing(match[2]))
    return _tolerant_bearing(body)


def read_direction(raw: str) -> DirectionReading:
    """Read a real-world direction value tolerantly; never raises.

    >>> r = read_direction("180, 270")
    >>> r.problem, r.suggestion
    ('direction.messy', '180;270')
    >>> read_direction("towards the bakery").problem
    'direction.unreadable'
    """
    try:
        return DirectionReading(raw, parse_direction(raw))
    except DirectionError:
        pass
    pieces = [p for p in re.split(r"[;,]", raw) if p.strip()]
    try:
        direction = CameraDirection(tuple(_tolerant_part(p) for p in pieces))
    except DirectionError:
        return DirectionReading(raw, None, "direction.unreadable")
    return DirectionReading(raw, direction, "direction.messy", format_direction(direction))
