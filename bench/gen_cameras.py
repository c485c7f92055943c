"""Generated cameras placed along the real streets of a city extract, and surveys holding them."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import shapely
from numpy.typing import NDArray

from bench.config import scratch_path
from contrechamp.core.area import FeatureKind, MapFeature
from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.formats.basemap import Area, read_area
from contrechamp.store.survey import SurveyFile

__all__ = ["StreetCameras", "road_lines", "write_survey", "write_surveys"]

_ROADS = frozenset(
    {
        FeatureKind.PRIMARY,
        FeatureKind.SECONDARY,
        FeatureKind.TERTIARY,
        FeatureKind.RESIDENTIAL,
        FeatureKind.SERVICE,
        FeatureKind.PATH,
    }
)
_METRES_PER_DEGREE = 111_320.0
_MOUNTS = ("wall", "wall", "wall", "pole", "pole", "ceiling", "street_lamp", "building")
_TYPES = ("fixed", "fixed", "fixed", "dome", "dome", "panning")
_PLACES = ("public", "public", "outdoor", "indoor")
_ZONES = ("town", "traffic", "parking", "shop", "bank", "building", "entrance")
_OPERATORS = ("Ville", "RATP", "Carrefour", "Banque Populaire", "")
_START = datetime(2026, 6, 13, 9, 0, tzinfo=UTC)


def road_lines(features: Sequence[MapFeature]) -> NDArray[np.object_]:
    """The street and footpath lines of an area's base map, in WGS 84."""
    wkbs = [f.wkb for f in features if f.kind in _ROADS]
    geoms: NDArray[np.object_] = shapely.from_wkb(wkbs)
    lines: NDArray[np.object_] = geoms[shapely.get_type_id(geoms) == 1]
    return lines


class StreetCameras:
    """Random but reproducible camera positions along an area's streets, a few metres aside."""

    def __init__(self, area: Area, seed: int = 20261122) -> None:
        self._lines = road_lines(area.features)
        self._lat0 = (area.bbox.south + area.bbox.north) / 2
        self._lon0 = (area.bbox.west + area.bbox.east) / 2
        self._kx = _METRES_PER_DEGREE * math.cos(math.radians(self._lat0))
        self._metric = shapely.transform(self._lines, self._to_metres)
        self._rng = np.random.default_rng(seed)

    @classmethod
    def of_extract(cls, extract: Path) -> StreetCameras:
        """Cameras along the streets of an OSM extract."""
        return cls(read_area(extract))

    def _to_metres(self, lon_lat: NDArray[np.float64]) -> NDArray[np.float64]:
        x = (lon_lat[:, 0] - self._lon0) * self._kx
        y = (lon_lat[:, 1] - self._lat0) * _METRES_PER_DEGREE
        return np.column_stack([x, y])

    def positions(self, count: int) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """``count`` (lat, lon) arrays spread evenly by street length, 2–8 m off the centreline."""
        lengths = shapely.length(self._metric)
        pick = self._rng.choice(len(lengths), size=count, p=lengths / lengths.sum())
        along = self._rng.uniform(0.0, 1.0, count) * lengths[pick]
        here = shapely.get_coordinates(shapely.line_interpolate_point(self._metric[pick], along))
        ahead = shapely.line_interpolate_point(
            self._metric[pick], np.minimum(along + 1, lengths[pick])
        )
        delta = shapely.get_coordinates(ahead) - here
        norm = np.hypot(delta[:, 0], delta[:, 1])
        norm[norm == 0] = 1.0
        side = self._rng.choice((-1.0, 1.0), count) * self._rng.uniform(2.0, 8.0, count)
        x = here[:, 0] - delta[:, 1] / norm * side
        y = here[:, 1] + delta[:, 0] / norm * side
        return self._lat0 + y / _METRES_PER_DEGREE, self._lon0 + x / self._kx

    def jitter_degrees(self, sigma_m: float) -> tuple[float, float]:
        """A random (lat, lon) offset in degrees, normal with ``sigma_m`` metres per axis."""
        north, east = self._rng.normal(0.0, sigma_m, 2)
        return float(north) / _METRES_PER_DEGREE, float(east) / self._kx

    def cameras(self, count: int, surveyors: Sequence[str]) -> Iterator[Camera]:
        """``count`` cameras with realistic tags, statuses and surveyors."""
        lats, lons = self.positions(count)
        rng = self._rng
        picks = rng.integers(0, 1 << 30, size=(count, 8))
        for i in range(count):
            yield _camera(float(lats[i]), float(lons[i]), picks[i], surveyors, i)


def _camera(lat: float, lon: float, pick: NDArray[np.int64], who: Sequence[str], i: int) -> Camera:
    """One camera whose tags and bookkeeping come from eight random draws."""
    kind = _TYPES[pick[0] % len(_TYPES)]
    tags = {
        "man_made": "surveillance",
        "surveillance:type": "ALPR" if pick[7] % 40 == 0 else "camera",
        "surveillance": _PLACES[pick[1] % len(_PLACES)],
        "camera:type": kind,
        "camera:mount": _MOUNTS[pick[2] % len(_MOUNTS)],
        "height": str(2.5 + (pick[3] % 12) / 2),
        "surveillance:zone": _ZONES[pick[4] % len(_ZONES)],
    }
    if kind != "dome":
        tags["camera:direction"] = str(pick[5] % 360)
    operator = _OPERATORS[pick[6] % len(_OPERATORS)]
    if operator:
        tags["operator"] = operator
    status = (Status.CONFIRMED, Status.CONFIRMED, Status.DRAFT, Status.REJECTED)[pick[7] % 4]
    when = _START + timedelta(seconds=i * 7)
    source = (PositionSource.GPS, PositionSource.MAP, PositionSource.PHOTO)[pick[6] % 3]
    return Camera(
        lat,
        lon,
        tags,
        status=status,
        source=source,
        accuracy_m=float(3 + pick[3] % 6),
        surveyor=who[i % len(who)],
        created_at=when,
        updated_at=when,
    )


def write_survey(path: Path, area: Area, source: str, cameras: Iterator[Camera]) -> int:
    """Write a new survey file with the area's base map and the given cameras; return the count."""
    partial = scratch_path(path)
    with SurveyFile.create(partial, title=f"Benchmark — {source}", surveyor="bench") as survey:
        survey.set_area(area.bbox, area.features, area.cameras, source)
        count = survey.add_cameras(cameras)
    partial.replace(path)
    return count


def write_surveys(folder: Path, area: Area, source: str, total: int, surveys: int) -> list[Path]:
    """Write ``surveys`` participants' surveys sharing ``total`` sightings, with double
    sightings: a third of each participant's cameras were also seen by the next one."""
    folder.mkdir(parents=True, exist_ok=True)
    per_survey = total // surveys
    walkers = [f"walker{n:02d}" for n in range(surveys)]
    street = StreetCameras(area, seed=7)
    seen = list(street.cameras(per_survey * surveys, walkers))
    paths = []
    for n, walker in enumerate(walkers):
        mine = seen[n * per_survey : (n + 1) * per_survey]
        shared = seen[((n + 1) % surveys) * per_survey :][: per_survey // 3]
        doubles = [_seen_again(c, walker, street) for c in shared]
        path = folder / f"{walker}.cartoparty"
        if not path.exists():
            write_survey(path, area, source, iter(mine[: per_survey - len(doubles)] + doubles))
        paths.append(path)
    return paths


def _seen_again(camera: Camera, walker: str, street: StreetCameras) -> Camera:
    """The same camera logged by another walker: a new sighting a few metres off."""
    d_lat, d_lon = street.jitter_degrees(3.0)
    return Camera(
        camera.lat + d_lat,
        camera.lon + d_lon,
        dict(camera.tags),
        status=Status.DRAFT,
        source=PositionSource.GPS,
        accuracy_m=5.0,
        surveyor=walker,
    )
