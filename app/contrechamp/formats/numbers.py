"""Numbers read from untrusted text, strictly: what a file says is exactly what we read.

Python's ``float()`` and ``int()`` accept more than any file format means: ``"1_0"`` is 10,
``"١"`` (an Arabic-Indic digit) is 1, ``" 5 "`` is 5, ``"inf"`` is infinity; ``str.isdigit()``
accepts ``"²"``. A coordinate or number read from a file goes through here instead.
"""

from __future__ import annotations

import math
import re

__all__ = [
    "MAX_INTEGER_DIGITS",
    "decimal_or_none",
    "finite_float",
    "parse_decimal",
    "parse_integer",
]

MAX_INTEGER_DIGITS = 19
"""Enough for any OSM id (a signed 64-bit integer); longer digit strings are refused."""

_DECIMAL = re.compile(
    r"[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|nan|inf|infinity)",
    re.IGNORECASE,
)
_INTEGER = re.compile(rf"[+-]?[0-9]{{1,{MAX_INTEGER_DIGITS}}}")


def parse_decimal(text: str) -> float:
    """Return the number written in ``text``: ASCII digits with an optional sign, fraction
    and exponent, or the words ``nan`` and ``inf``.

    A value too large for a float is infinite, and NaN and infinities are returned as they
    are: every caller checks the range of what it reads, and says the value is out of range.
    Raises ``ValueError`` for anything else: underscores, other digits, spaces.

    >>> parse_decimal("-33.9"), parse_decimal("1e3"), parse_decimal("1e400")
    (-33.9, 1000.0, inf)
    >>> parse_decimal("1_0")
    Traceback (most recent call last):
    ValueError: not a decimal number: '1_0'
    """
    if not _DECIMAL.fullmatch(text):
        raise ValueError(f"not a decimal number: {text[:40]!r}")
    return float(text)


def decimal_or_none(text: str | None) -> float | None:
    """Return the finite number of :func:`parse_decimal`, or None when ``text`` is empty,
    not a number, or not finite."""
    if not text:
        return None
    try:
        value = parse_decimal(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_integer(text: str) -> int:
    """Return the whole number written in ``text`` (ASCII digits, an optional sign, at most
    19 digits); ``ValueError`` for anything else.

    >>> parse_integer("-12")
    -12
    >>> parse_integer("²")
    Traceback (most recent call last):
    ValueError: not a whole number: '²'
    """
    if not _INTEGER.fullmatch(text):
        raise ValueError(f"not a whole number: {text[:40]!r}")
    return int(text)


def finite_float(value: int | float) -> float | None:
    """Return a parsed JSON number as a float, or None when no float can hold it.

    >>> finite_float(10**400) is None, finite_float(2)
    (True, 2.0)
    """
    try:
        result = float(value)
    except OverflowError:  # an integer of hundreds of digits
        return None
    return result if math.isfinite(result) else None
