"""GPX files: read a walk's GPS track, write cameras and tracks for GPS tools."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

from contrechamp import GENERATOR
from contrechamp.core.errors import InputError
from contrechamp.core.track import TrackPoint
from contrechamp.formats._atomic import atomic_text_writer
from contrechamp.formats.limits import MAX_XML_BYTES, checked_size

__all__ = ["MAX_TRACK_POINTS", "GpxWaypoint", "read_gpx_track", "write_gpx"]

MAX_TRACK_POINTS = 2_000_000
_GPX_11 = "http://www.topografix.com/GPX/1/1"


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

    The file is untrusted: entities and DTDs are refused, size and point count are bounded.
    Points without a time are skipped (they cannot be matched to photos). Raises InputError:
    "file.missing", "file.unreadable", "file.too_large", "gpx.too_large" (too many points),
    "gpx.hostile", "gpx.invalid", "gpx.bad_point", "gpx.no_track".
    """
    checked_size(path, MAX_XML_BYTES)
    points: list[TrackPoint] = []
    for number, element in enumerate(_track_points(path), start=1):
        point = _track_point(element, number)
        if point is not None:
            points.append(point)
    if not points:
        raise InputError(f"{path.name} has no track point with a time", "gpx.no_track")
    points.sort(key=lambda point: point.time)
    return points


def _track_points(path: Path) -> Iterator[ET.Element]:
    """Stream the <trkpt> elements, checking the root is <gpx>; each one is detached from
    the tree once read, so memory stays flat whatever the file's length."""
    open_elements: list[ET.Element] = []
    seen = 0
    try:
        events = DefusedET.iterparse(str(path), events=("start", "end"), forbid_dtd=True)
        for event, element in events:
            if event == "start":
                if not open_elements and _local(element.tag) != "gpx":
                    raise InputError(f"{path.name} is not a GPX file", "gpx.invalid")
                open_elements.append(element)
                continue
            open_elements.pop()
            if _local(element.tag) == "trkpt" and open_elements:
                seen += 1
                if seen > MAX_TRACK_POINTS:
                    raise InputError(f"{path.name} has too many points", "gpx.too_large")
                yield element
                open_elements[-1].remove(element)
    except DefusedXmlException as exc:
        raise InputError(f"{path.name} uses forbidden XML features", "gpx.hostile") from exc
    except (ET.ParseError, LookupError) as exc:
        # LookupError: an unknown encoding in the XML declaration.
        raise InputError(f"{path.name} is not well-formed XML", "gpx.invalid") from exc
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read ({exc.strerror})", "file.unreadable") from exc


def _local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def _track_point(element: ET.Element, number: int) -> TrackPoint | None:
    """One <trkpt> as a TrackPoint; None when it has no time."""
    lat, lon = _degrees(element.get("lat"), 90), _degrees(element.get("lon"), 180)
    if lat is None or lon is None:
        raise InputError(f"track point {number} has no valid position", "gpx.bad_point")
    children = {_local(child.tag): (child.text or "").strip() for child in element}
    time = _parse_time(children.get("time", ""))
    if time is None:
        return None
    return TrackPoint(time=time, lat=lat, lon=lon, altitude=_metres(children.get("ele")))


def _degrees(text: str | None, limit: float) -> float | None:
    """A coordinate within ±limit."""
    value = _metres(text)
    return value if value is not None and abs(value) <= limit else None


def _metres(text: str | None) -> float | None:
    """A finite number, or None."""
    try:
        value = float(text) if text else math.nan
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _parse_time(text: str) -> datetime | None:
    """An ISO 8601 time in UTC ('Z', an offset, or none meaning UTC)."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


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
