"""NMEA 0183 sentences a GPS receiver sends: GGA (fix quality), RMC (position, speed), GSA (DOP).

Any talker is accepted (``$GP``, ``$GN``, ``$GL``, ``$GA``, ``$BD``…). Comment lines
(``#``), blank lines, proprietary and other sentence types are ignored (None); a
sentence that is damaged raises :class:`InputError` so a caller can count line noise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from functools import reduce

from contrechamp.core.errors import InputError

__all__ = [
    "GgaSentence",
    "GsaSentence",
    "NmeaSentence",
    "RmcSentence",
    "nmea_checksum",
    "parse_sentence",
]

_GGA_QUALITY = {1: "fix", 2: "dgps", 3: "pps", 4: "rtk", 5: "float_rtk", 6: "estimated"}
_GGA_QUALITY |= {7: "manual", 8: "simulation"}
_RMC_MODE = {"A": "fix", "D": "dgps", "P": "pps", "R": "rtk", "F": "float_rtk"}
_RMC_MODE |= {"E": "estimated", "M": "manual", "S": "simulation"}
MAX_SENTENCE = 120  # NMEA allows 82 characters; some receivers go beyond, none this far


@dataclass(frozen=True, slots=True)
class GgaSentence:
    """Fix data: ``quality`` is a code from GpsFix's list, or None for "no fix"."""

    time: time
    lat: float | None
    lon: float | None
    quality: str | None
    satellites: int | None
    hdop: float | None
    altitude: float | None


@dataclass(frozen=True, slots=True)
class RmcSentence:
    """Recommended minimum data: ``valid`` is False for status V (receiver has no fix)."""

    time: time
    valid: bool
    lat: float | None
    lon: float | None
    speed_knots: float | None
    course: float | None
    date: date | None
    quality: str | None


@dataclass(frozen=True, slots=True)
class GsaSentence:
    """DOP and active satellites: ``fix_mode`` 1 = none, 2 = 2D, 3 = 3D."""

    fix_mode: int | None
    hdop: float | None


NmeaSentence = GgaSentence | RmcSentence | GsaSentence


def _malformed(line: str, why: str) -> InputError:
    return InputError(f"malformed NMEA sentence ({why}): {line[:40]!r}", code="nmea.malformed")


def nmea_checksum(body: str) -> int:
    """XOR of the characters between ``$`` and ``*``.

    >>> f"{nmea_checksum('GPGSA,A,1,,,,,,,,,,,,,0.0,0.0,0.0'):02X}"
    '30'
    """
    return reduce(lambda acc, char: acc ^ ord(char), body, 0)


def parse_sentence(line: str) -> NmeaSentence | None:
    """Read one line from a receiver; None for lines that carry nothing we use.

    Raises :class:`InputError` (``nmea.checksum`` or ``nmea.malformed``) for a damaged
    sentence of a type we read. A missing checksum is accepted (some apps omit it).
    """
    line = line.strip()
    if not line.startswith("$") or len(line) > MAX_SENTENCE:
        return None
    body, star, checksum = line[1:].partition("*")
    fields = body.split(",")
    kind = fields[0][-3:] if len(fields[0]) == 5 and not fields[0].startswith("P") else ""
    reader = _READERS.get(kind)
    if reader is None:
        return None
    if star and checksum.upper() != f"{nmea_checksum(body):02X}":
        raise InputError(f"NMEA checksum mismatch: {line[:40]!r}", code="nmea.checksum")
    try:
        return reader(fields)
    except (ValueError, IndexError) as exc:
        raise _malformed(line, str(exc)) from None


def _read_gga(f: list[str]) -> GgaSentence:
    quality_code = _int(f[6])
    return GgaSentence(
        time=_time(f[1]),
        lat=_coordinate(f[2], f[3], "NS", 90),
        lon=_coordinate(f[4], f[5], "EW", 180),
        quality=_GGA_QUALITY.get(quality_code) if quality_code else None,
        satellites=_int(f[7]),
        hdop=_float(f[8]),
        altitude=_float(f[9]),
    )


def _read_rmc(f: list[str]) -> RmcSentence:
    mode = f[12][:1] if len(f) > 12 else ""
    valid = f[2] == "A" and mode != "N"
    return RmcSentence(
        time=_time(f[1]),
        valid=valid,
        lat=_coordinate(f[3], f[4], "NS", 90),
        lon=_coordinate(f[5], f[6], "EW", 180),
        speed_knots=_float(f[7]),
        course=_float(f[8]),
        date=_date(f[9]),
        quality=_RMC_MODE.get(mode, "fix") if valid else None,
    )


def _read_gsa(f: list[str]) -> GsaSentence:
    return GsaSentence(fix_mode=_int(f[2]), hdop=_float(f[16]))


_READERS: dict[str, Callable[[list[str]], NmeaSentence]] = {
    "GGA": _read_gga,
    "RMC": _read_rmc,
    "GSA": _read_gsa,
}


def _int(text: str) -> int | None:
    return int(text) if text.strip() else None


def _float(text: str) -> float | None:
    if not text.strip():
        return None
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("not a finite number")
    return value


def _time(text: str) -> time:
    """``hhmmss`` with optional decimals."""
    if len(text) < 6 or not text[:6].isdigit():
        raise ValueError("bad time")
    fraction = float("0" + text[6:]) if len(text) > 6 else 0.0
    if not 0.0 <= fraction < 1.0:
        raise ValueError("bad time")
    micro = min(round(fraction * 1_000_000), 999_999)
    return time(int(text[:2]), int(text[2:4]), int(text[4:6]), micro)


def _date(text: str) -> date | None:
    """``ddmmyy``; two-digit years are read in the GPS era 1980–2079."""
    if not text.strip():
        return None
    if len(text) != 6 or not text.isdigit():
        raise ValueError("bad date")
    year = int(text[4:])
    return date(year + (1900 if year >= 80 else 2000), int(text[2:4]), int(text[:2]))


def _coordinate(text: str, hemisphere: str, letters: str, limit: int) -> float | None:
    """``(d)ddmm.mmmm`` and N/S or E/W to signed decimal degrees."""
    if not text.strip():
        return None
    if hemisphere not in letters or "." not in text or text.index(".") < 3:
        raise ValueError("bad coordinate")
    split = text.index(".") - 2
    if not text[:split].isdigit() or not text[split : split + 2].isdigit():
        raise ValueError("bad coordinate")
    degrees, minutes = int(text[:split]), float(text[split:])
    if minutes >= 60 or degrees + minutes / 60 > limit:
        raise ValueError("coordinate out of range")
    value = degrees + minutes / 60
    return -value if hemisphere == letters[1] else value
