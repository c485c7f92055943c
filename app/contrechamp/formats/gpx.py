"""GPX files: read a walk's GPS track, write cameras and tracks for GPS tools."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn
from xml.etree import ElementTree as ET
from xml.parsers import expat

from contrechamp import GENERATOR
from contrechamp.core.errors import InputError
from contrechamp.core.track import TrackPoint
from contrechamp.formats._atomic import atomic_text_writer
from contrechamp.formats._xml_stream import XmlBudget, feed_xml, hardened_parser
from contrechamp.formats.limits import MAX_XML_BYTES, checked_size
from contrechamp.formats.numbers import decimal_or_none

__all__ = ["MAX_TRACK_POINTS", "GpxWaypoint", "read_gpx_track", "write_gpx"]

MAX_TRACK_POINTS = 2_000_000
_GPX_11 = "http://www.topografix.com/GPX/1/1"
_FIELDS = frozenset({"time", "ele"})
_MAX_FIELD_CHARS = 256  # an ISO 8601 time or a height is a few dozen characters


@dataclass(frozen=True, slots=True)
class GpxWaypoint:
    """A named point of a GPX file (a camera, when exporting a survey)."""

    lat: float
    lon: float
    name: str = ""
    description: str = ""
    time: datetime | None = None
    symbol: str = ""


def read_gpx_track(path: Path) -> list[TrackPoint]:
    """Every timed track point of a GPX 1.0/1.1 file, sorted by time (times in UTC).

    The file is untrusted: entities and DTDs are refused, size, point count and the length
    of any tag or text are bounded, and it is streamed (only track points are kept, so memory
    stays flat whatever else it holds). Points without a usable time are skipped (they cannot
    be matched to photos). Raises InputError: "file.missing", "file.unreadable",
    "file.too_large", "gpx.too_large" (too many points), "gpx.hostile", "gpx.invalid",
    "gpx.bad_point", "gpx.no_track".
    """
    checked_size(path, MAX_XML_BYTES)
    collector = _TrackCollector(path)
    parser = hardened_parser(collector.hostile, namespaces=True)
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.text
    parser.buffer_text = True  # one call per text, not one per line or entity
    try:
        with path.open("rb") as stream:
            feed_xml(parser, stream, XmlBudget(path, "gpx.hostile"))
    except (expat.ExpatError, LookupError, ValueError) as exc:
        # LookupError: an unknown encoding in the XML declaration.
        raise InputError(f"{path.name} is not well-formed XML", "gpx.invalid") from exc
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read ({exc.strerror})", "file.unreadable") from exc
    if not collector.points:
        raise InputError(f"{path.name} has no track point with a time", "gpx.no_track")
    collector.points.sort(key=lambda point: point.time)
    return collector.points


def _local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


class _TrackCollector:
    """Expat callbacks keeping each ``<trkpt>`` as a TrackPoint: its position, and the text
    of its ``<time>`` and ``<ele>`` children; everything else is passed over, never stored."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.points: list[TrackPoint] = []
        self.seen = 0
        self._depth = 0
        self._point: dict[str, str] | None = None  # the open <trkpt>'s attributes
        self._point_depth = 0
        self._fields: dict[str, str] = {}
        self._field: str | None = None  # the <time> or <ele> whose text is being read
        self._text: list[str] = []
        self._text_length = 0

    def hostile(self, *_args: object) -> NoReturn:
        """Stop at a DOCTYPE or entity declaration."""
        raise InputError(f"{self.path.name} uses forbidden XML features", "gpx.hostile")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Open the root (checked), a track point, or one of its fields."""
        self._depth += 1
        local = _local(name)
        if self._depth == 1:
            if local != "gpx":
                raise InputError(f"{self.path.name} is not a GPX file", "gpx.invalid")
        elif local == "trkpt":
            if self._point is not None:
                raise InputError(f"{self.path.name}: a track point inside another", "gpx.invalid")
            self._point, self._point_depth, self._fields = attrs, self._depth, {}
        elif self._point is not None and self._depth == self._point_depth + 1:
            self._field = local if local in _FIELDS else None
            self._text, self._text_length = [], 0
        else:
            self._field = None  # a field's text ends at its first child element

    def text(self, data: str) -> None:
        """Collect a field's text, up to ``_MAX_FIELD_CHARS`` (more is no time or height)."""
        if self._field is not None:
            self._text_length += len(data)
            if self._text_length <= _MAX_FIELD_CHARS:
                self._text.append(data)

    def end(self, name: str) -> None:
        """Close a field (keeping its text) or a track point (keeping the point)."""
        if self._point is not None and self._depth == self._point_depth + 1:
            local = _local(name)
            if local in _FIELDS:  # the last <time> wins, as it would in a tree
                too_long = self._text_length > _MAX_FIELD_CHARS
                self._fields[local] = "" if too_long else "".join(self._text).strip()
            self._field = None
        elif self._point is not None and self._depth == self._point_depth:
            self._keep(self._point)
            self._point = None
        self._depth -= 1

    def _keep(self, attrs: dict[str, str]) -> None:
        """Count a track point and keep it when it has a time."""
        self.seen += 1
        if self.seen > MAX_TRACK_POINTS:
            raise InputError(f"{self.path.name} has too many points", "gpx.too_large")
        point = _track_point(attrs, self._fields, self.seen, self.path.name)
        if point is not None:
            self.points.append(point)


def _track_point(
    attrs: dict[str, str], fields: dict[str, str], number: int, where: str
) -> TrackPoint | None:
    """One <trkpt> (the ``number``-th of the file ``where``) as a TrackPoint; None when it has
    no usable time."""
    lat, lon = _degrees(attrs.get("lat"), 90), _degrees(attrs.get("lon"), 180)
    if lat is None or lon is None:
        raise InputError(f"{where}: track point {number} has no valid position", "gpx.bad_point")
    time = _parse_time(fields.get("time", ""))
    if time is None:
        return None
    return TrackPoint(time=time, lat=lat, lon=lon, altitude=decimal_or_none(fields.get("ele")))


def _degrees(text: str | None, limit: float) -> float | None:
    """A coordinate within ±limit."""
    value = decimal_or_none(text)
    return value if value is not None and abs(value) <= limit else None


def _parse_time(text: str) -> datetime | None:
    """An ISO 8601 time in UTC ('Z', an offset, or none meaning UTC); None when it is not
    one, or names no moment in UTC (year 1 at UTC+5)."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def write_gpx(
    path: Path,
    tracks: Sequence[Sequence[TrackPoint]] = (),
    waypoints: Sequence[GpxWaypoint] = (),
) -> None:
    """Write a GPX 1.1 file with waypoints and one <trk> per track, atomically."""
    root = ET.Element("gpx", {"version": "1.1", "creator": GENERATOR, "xmlns": _GPX_11})
    for waypoint in waypoints:
        _add_waypoint(root, waypoint)
    for track in tracks:
        segment = ET.SubElement(ET.SubElement(root, "trk"), "trkseg")
        for point in track:
            _add_point(segment, "trkpt", point.lat, point.lon, point.altitude, point.time)
    ET.indent(root)
    with atomic_text_writer(path) as out:
        out.write(ET.tostring(root, encoding="unicode", xml_declaration=True))
        out.write("\n")


def _add_waypoint(root: ET.Element, waypoint: GpxWaypoint) -> None:
    """Append one <wpt> with its optional children in GPX schema order."""
    element = _add_point(root, "wpt", waypoint.lat, waypoint.lon, None, waypoint.time)
    for tag, text in (("name", waypoint.name), ("desc", waypoint.description)):
        if text:
            ET.SubElement(element, tag).text = text
    if waypoint.symbol:
        ET.SubElement(element, "sym").text = waypoint.symbol


def _add_point(
    parent: ET.Element,
    tag: str,
    lat: float,
    lon: float,
    altitude: float | None,
    time: datetime | None,
) -> ET.Element:
    """Append a point element: lat/lon attributes, then <ele> and <time>."""
    element = ET.SubElement(parent, tag, {"lat": f"{lat:.7f}", "lon": f"{lon:.7f}"})
    if altitude is not None:
        ET.SubElement(element, "ele").text = f"{altitude:.1f}"
    if time is not None:
        ET.SubElement(element, "time").text = _format_time(time)
    return element


def _format_time(moment: datetime) -> str:
    """UTC time as 'YYYY-MM-DDTHH:MM:SSZ' (naive times are taken as UTC)."""
    utc = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")
