"""Where the GPS position comes from, as one short text: ``system``, ``tcp:HOST:PORT``…

The same text is used on the command line (``contrechamp gui --gps …``) and in the settings:

==========================  ==========================================================
``none``                    no GPS
``system``                  the system's positioning service
``serial:PORT[:BAUD]``      an NMEA receiver on a serial port (``/dev/ttyUSB0``, ``COM3``)
``tcp:HOST:PORT``           NMEA over TCP, e.g. a phone app sharing its GPS
``file:PATH``               replay of a recorded NMEA log
==========================  ==========================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from contrechamp.core.errors import InputError

__all__ = [
    "BAUD_RATES",
    "DEFAULT_BAUD",
    "GpsKind",
    "GpsSpec",
    "format_gps_spec",
    "parse_gps_spec",
]

GpsKind = Literal["system", "serial", "tcp", "file", "none"]
KINDS: tuple[str, ...] = get_args(GpsKind)

#: Speeds NMEA receivers use; 4800 is the NMEA 0183 standard, most USB receivers use 9600.
BAUD_RATES: tuple[int, ...] = (4800, 9600, 19200, 38400, 57600, 115200)
DEFAULT_BAUD = 4800

_HOST = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.\-_]*[A-Za-z0-9])?$")
_IPV6 = re.compile(r"^[0-9A-Fa-f:.]+$")
_BAUD_SUFFIX = re.compile(r"^(?P<name>.+):(?P<baud>\d+)$")
_USAGE = "use none, system, serial:PORT[:BAUD], tcp:HOST:PORT or file:PATH"


def _bad(detail: str) -> InputError:
    return InputError(detail, code="gps.spec")


@dataclass(frozen=True, slots=True)
class GpsSpec:
    """A GPS source: its kind, its target (port name, host or file path) and a number.

    ``port`` is the TCP port for ``tcp`` and the baud rate for ``serial`` (None means
    the receiver's usual 4800). Invalid combinations raise :class:`InputError`
    (code ``gps.spec``) so a spec that exists is always usable and round-trips as text.
    """

    kind: GpsKind
    target: str = ""
    port: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise _bad(f"unknown GPS source {self.kind!r}: {_USAGE}")
        _CHECKS[self.kind](self)

    @property
    def baud(self) -> int:
        """The serial speed to open the port with (only meaningful for ``serial``)."""
        return self.port if self.port is not None else DEFAULT_BAUD


def _check_plain(spec: GpsSpec) -> None:
    if spec.target or spec.port is not None:
        raise _bad(f"the {spec.kind} GPS source takes no port or path")


def _check_serial(spec: GpsSpec) -> None:
    name = spec.target
    if not name or name != name.strip() or any(c in name for c in "\n\r\t"):
        raise _bad("a serial GPS needs a port name, e.g. serial:/dev/ttyUSB0")
    if spec.port is not None and spec.port not in BAUD_RATES:
        raise _bad(f"serial speed {spec.port} is not one of {', '.join(map(str, BAUD_RATES))}")
    suffix = _BAUD_SUFFIX.match(name)
    if suffix and int(suffix["baud"]) in BAUD_RATES:
        raise _bad(f"serial port name {name!r} ends like a speed; it cannot be told apart")


def _check_tcp(spec: GpsSpec) -> None:
    host = spec.target
    if not (_HOST.match(host) or (":" in host and _IPV6.match(host))):
        raise _bad(f"{host!r} is not a host name or address, e.g. tcp:192.168.1.20:10110")
    if spec.port is None or not 1 <= spec.port <= 65535:
        raise _bad("a TCP GPS needs a port between 1 and 65535, e.g. tcp:192.168.1.20:10110")


def _check_file(spec: GpsSpec) -> None:
    if not spec.target or spec.target != spec.target.strip() or spec.port is not None:
        raise _bad("an NMEA replay needs a file path, e.g. file:walk.nmea")
    if any(c in spec.target for c in "\n\r\0"):
        raise _bad("the NMEA file path contains a line break or a NUL character")


_CHECKS = {
    "none": _check_plain,
    "system": _check_plain,
    "serial": _check_serial,
    "tcp": _check_tcp,
    "file": _check_file,
}


def parse_gps_spec(text: str) -> GpsSpec:
    """Read a GPS source from its text form; raise :class:`InputError` ``gps.spec`` if bad.

    >>> parse_gps_spec("tcp:192.168.1.20:10110")
    GpsSpec(kind='tcp', target='192.168.1.20', port=10110)
    >>> parse_gps_spec("serial:/dev/ttyUSB0:9600").baud
    9600
    """
    kind, sep, rest = text.strip().partition(":")
    kind = kind.lower()
    if kind in ("none", "system"):
        if sep:
            raise _bad(f"the {kind} GPS source takes no port or path")
        return GpsSpec(kind)  # type: ignore[arg-type]
    if kind == "serial" and sep:
        return _parse_serial(rest)
    if kind == "tcp" and sep:
        return _parse_tcp(rest)
    if kind == "file" and sep:
        return GpsSpec("file", rest.strip())
    raise _bad(f"{text.strip()!r} is not a GPS source: {_USAGE}")


def _parse_serial(rest: str) -> GpsSpec:
    rest = rest.strip()
    suffix = _BAUD_SUFFIX.match(rest)
    if suffix and int(suffix["baud"]) in BAUD_RATES:
        return GpsSpec("serial", suffix["name"], int(suffix["baud"]))
    return GpsSpec("serial", rest)


def _parse_tcp(rest: str) -> GpsSpec:
    if rest.startswith("["):
        host, bracket, port_text = rest[1:].partition("]:")
        if not bracket:
            raise _bad(f"{rest!r}: write an IPv6 address as tcp:[ADDRESS]:PORT")
    else:
        host, _, port_text = rest.rpartition(":")
        if ":" in host:
            raise _bad(f"{rest!r}: write an IPv6 address as tcp:[ADDRESS]:PORT")
    if not port_text.isascii() or not port_text.isdigit():
        raise _bad(f"{rest!r}: a TCP GPS needs HOST:PORT, e.g. tcp:192.168.1.20:10110")
    return GpsSpec("tcp", host, int(port_text))


def format_gps_spec(spec: GpsSpec) -> str:
    """Write a GPS source as text; ``parse_gps_spec(format_gps_spec(s)) == s``.

    >>> format_gps_spec(GpsSpec("tcp", "::1", 10110))
    'tcp:[::1]:10110'
    """
    if spec.kind in ("none", "system"):
        return spec.kind
    if spec.kind == "tcp":
        host = f"[{spec.target}]" if ":" in spec.target else spec.target
        return f"tcp:{host}:{spec.port}"
    if spec.kind == "serial" and spec.port is not None:
        return f"serial:{spec.target}:{spec.port}"
    return f"{spec.kind}:{spec.target}"
