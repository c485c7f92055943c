"""Read a walk to measure from a GPX file: its track segments, else its routes, as lines.

A route planned on a map (``<rte>``) or a track drawn by hand has no times, and a route's
exposure needs none: every ``<trkpt>`` and ``<rtept>`` is kept in file order, with or
without a time. The file is untrusted, read as ``formats.gpx`` reads tracks (streamed, no
entity or DTD, bounded sizes).
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from contrechamp.core.errors import InputError
from contrechamp.formats._xml_stream import XmlBudget, feed_xml, hardened_parser
from contrechamp.formats.gpx import MAX_TRACK_POINTS
from contrechamp.formats.limits import MAX_XML_BYTES, checked_size
from contrechamp.formats.numbers import decimal_or_none

__all__ = ["read_gpx_lines"]

Line = list[tuple[float, float]]
_PARTS = {"trkseg": "track", "rte": "route"}
_POINTS = {"trkpt": "track", "rtept": "route"}


def read_gpx_lines(path: Path) -> list[Line]:
    """The lines of a GPX 1.0/1.1 file as lists of (lat, lon): each track segment, or each
    route when the file has no track point. Lines of one point are left out.

    Raises InputError: "file.missing", "file.unreadable", "file.too_large", "gpx.hostile",
    "gpx.invalid", "gpx.bad_point" (a point without a valid position), "gpx.too_large",
    "gpx.no_route" (no line of two points or more).
    """
    checked_size(path, MAX_XML_BYTES)
    collector = _LineCollector(path)
    parser = hardened_parser(collector.hostile, namespaces=True)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    try:
        with path.open("rb") as stream:
            feed_xml(parser, stream, XmlBudget(path, "gpx.hostile"))
    except (expat.ExpatError, LookupError, ValueError) as exc:
        raise InputError(f"{path.name} is not well-formed XML", "gpx.invalid") from exc
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read ({exc.strerror})", "file.unreadable") from exc
    lines = collector.lines["track"] or collector.lines["route"]
    lines = [line for line in lines if len(line) > 1]
    if not lines:
        raise InputError(f"{path.name} has no track or route of two points", "gpx.no_route")
    return lines


class _LineCollector:
    """Expat callbacks keeping the positions of track and route points, line by line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[str, list[Line]] = {"track": [], "route": []}
        self._depth = 0
        self._open: dict[str, bool] = {"track": False, "route": False}
        self._seen = 0

    def hostile(self, *_args: object) -> NoReturn:
        """Stop at a DOCTYPE or entity declaration."""
        raise InputError(f"{self.path.name} uses forbidden XML features", "gpx.hostile")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Check the root, open a line, or keep a point."""
        self._depth += 1
        local = name.rsplit("}", 1)[-1]
        if self._depth == 1 and local != "gpx":
            raise InputError(f"{self.path.name} is not a GPX file", "gpx.invalid")
        if local in _PARTS:
            self.lines[_PARTS[local]].append([])
            self._open[_PARTS[local]] = True
        elif local in _POINTS:
            self._keep(_POINTS[local], attrs)

    def end(self, name: str) -> None:
        """Close a line."""
        self._depth -= 1
        local = name.rsplit("}", 1)[-1]
        if local in _PARTS:
            self._open[_PARTS[local]] = False

    def _keep(self, kind: str, attrs: dict[str, str]) -> None:
        self._seen += 1
        if self._seen > MAX_TRACK_POINTS:
            raise InputError(f"{self.path.name} has too many points", "gpx.too_large")
        lat, lon = decimal_or_none(attrs.get("lat")), decimal_or_none(attrs.get("lon"))
        if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180:
            raise InputError(
                f"{self.path.name}: point {self._seen} has no valid position", "gpx.bad_point"
            )
        if not self._open[kind]:  # a point outside any segment (GPX 1.0 writers do it)
            self.lines[kind].append([])
            self._open[kind] = True
        self.lines[kind][-1].append((lat, lon))
