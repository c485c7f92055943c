"""A workshop on Monaco's real area, for the sectors and handout tests: sectors files drawn as
an organiser would, and a workshop survey that also holds cameras, a photo and a track."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from contrechamp.core.camera import Camera
from contrechamp.core.track import TrackPoint
from contrechamp.ops.area import load_area
from contrechamp.ops.photo_attach import attach_photo_files
from contrechamp.ops.sectors import import_sectors
from contrechamp.store.survey import SurveyFile

__all__ = ["MONACO_SECTORS", "SectorRow", "sectors_file", "workshop"]

SectorRow = tuple[str, str | None, float, float, float, float]  # name, pair, box

# Three neighbourhoods of Monaco, as (name, pair, west, south, east, north).
MONACO_SECTORS: list[SectorRow] = [
    ("Monaco-Ville", "Zoé & Ana", 7.415, 43.728, 7.428, 43.735),
    ("La Condamine", "Léo & Sam", 7.418, 43.735, 7.43, 43.74),
    ("Monte-Carlo", None, 7.425, 43.738, 7.44, 43.748),
]


def _square(west: float, south: float, east: float, north: float) -> list[list[list[float]]]:
    return [[[west, south], [east, south], [east, north], [west, north], [west, south]]]


def sectors_file(folder: Path, sectors: Sequence[SectorRow]) -> Path:
    """A GeoJSON FeatureCollection of the sectors, with French property names (uMap's)."""
    features = [
        {
            "type": "Feature",
            "properties": {"nom": name, **({"binôme": pair} if pair else {})},
            "geometry": {"type": "Polygon", "coordinates": _square(*box)},
        }
        for name, pair, *box in sectors
    ]
    path = folder / f"sectors-{len(list(folder.glob('sectors-*')))}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


def workshop(folder: Path, data: Path) -> Path:
    """The organiser's survey: Monaco's area, the three sectors, and what a workshop may
    have logged itself (a camera with a photo, a track), which handouts must never carry."""
    path = folder / "atelier.cartoparty"
    with SurveyFile.create(path, title="Atelier Monaco", surveyor="orga") as survey:
        load_area(survey, data / "osm" / "monaco.osm.pbf")
        import_sectors(survey, sectors_file(folder, MONACO_SECTORS))
        camera = Camera(lat=43.7305, lon=7.42, tags={"man_made": "surveillance"})
        survey.add_camera(camera)
        attach_photo_files(survey, camera.id, [data / "photos" / "jpg_gps_DSCN0010.jpg"])
        start = datetime(2026, 5, 16, 14, 0, tzinfo=UTC)
        survey.append_track(
            TrackPoint(start + timedelta(seconds=i), 43.7305, 7.42 + i * 1e-5) for i in range(10)
        )
    return path
