"""Simulated cartoparty walks over real camera positions, for the merge tests.

The cameras stand where OSM has them (a real extract). Each pair of walkers walks some of the
streets, on one pavement, and logs the cameras it notices there from where it stands: the
pavement point nearest the camera, plus GPS noise of ``sigma_m`` per axis. Cameras a few
metres apart become poles carrying two or three cameras that look different ways. Walkers
estimate directions and heights roughly, and now and then get a value wrong.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import shapely

from contrechamp.core.area import ExistingCamera, FeatureKind
from contrechamp.core.dedup import Group, Sighting
from contrechamp.formats.basemap import Area, read_area

__all__ = ["TrueCamera", "Walks", "pair_counts", "pair_scores", "simulate_walks"]

_STREETS = frozenset(
    {
        FeatureKind.PRIMARY,
        FeatureKind.SECONDARY,
        FeatureKind.TERTIARY,
        FeatureKind.RESIDENTIAL,
        FeatureKind.SERVICE,
        FeatureKind.PATH,
    }
)
_M_PER_DEG = 111_320.0
_POLE_M = 3.0  # real cameras closer than this share a pole
_MOUNTS = ("wall", "wall", "pole", "ceiling", "street_lamp", "building")
_ZONES = ("town", "traffic", "shop", "entrance", "parking")
_FROM_OSM = frozenset({"surveillance:type", "surveillance", "camera:type", "camera:mount"})


@dataclass(frozen=True)
class TrueCamera:
    """One physical camera: where it is, which street side, and its real tags."""

    lat: float
    lon: float
    street: int
    foot: tuple[float, float]  # nearest point of the street centreline, local metres
    normal: tuple[float, float]  # unit vector from the centreline towards the camera
    half_width: float
    tags: dict[str, str]
    osm: ExistingCamera | None = None


@dataclass
class Walks:
    """The cameras, the sightings the pairs logged and, per sighting, its true camera."""

    cameras: list[TrueCamera]
    sightings: list[Sighting] = field(default_factory=list)
    truth: list[int] = field(default_factory=list)


class _Frame:
    """Local metres around a point (plenty for a simulated city centre)."""

    def __init__(self, lat0: float, lon0: float) -> None:
        self.lat0, self.lon0 = lat0, lon0
        self.kx = _M_PER_DEG * math.cos(math.radians(lat0))

    def metres(self, lat: float, lon: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.kx, (lat - self.lat0) * _M_PER_DEG

    def degrees(self, x: float, y: float) -> tuple[float, float]:
        return self.lat0 + y / _M_PER_DEG, self.lon0 + x / self.kx


def _true_tags(rng: np.random.Generator, direction: float | None) -> dict[str, str]:
    kind = "fixed" if direction is not None else str(rng.choice(["dome", "dome", "panning"]))
    tags = {
        "man_made": "surveillance",
        "surveillance:type": "ALPR" if rng.random() < 0.05 else "camera",
        "surveillance": "public" if rng.random() < 0.8 else "outdoor",
        "camera:type": kind,
        "camera:mount": str(rng.choice(_MOUNTS)),
        "height": f"{rng.uniform(2.5, 6.0):.1f}",
        "surveillance:zone": str(rng.choice(_ZONES)),
    }
    if direction is not None:
        tags["camera:direction"] = str(round(direction) % 360)
    if rng.random() < 0.2:
        tags["operator"] = str(rng.choice(["Ville", "RATP", "Monoprix"]))
    return tags


def _with_osm_tags(tags: dict[str, str], osm: ExistingCamera | None) -> dict[str, str]:
    """The camera as OSM knows it, where OSM says: its kind, type, mount and direction."""
    if osm is None:
        return tags
    known = {k: v for k, v in osm.tags.items() if k in _FROM_OSM}
    if known.get("camera:type") in ("dome", "panning"):
        tags.pop("camera:direction", None)
    direction = next(
        (osm.tags[k] for k in ("camera:direction", "direction") if k in osm.tags), None
    )
    if direction is not None and direction.isdigit() and known.get("camera:type") != "dome":
        tags["camera:direction"] = direction
        tags.setdefault("camera:type", "fixed")
    return tags | known


def _poles(frame: _Frame, nodes: Sequence[ExistingCamera]) -> list[list[int]]:
    """Real cameras grouped by pole: those within _POLE_M of each other."""
    points = [frame.metres(n.lat, n.lon) for n in nodes]
    poles: list[list[int]] = []
    for i, (x, y) in enumerate(points):
        for pole in poles:
            px, py = points[pole[0]]
            if math.hypot(x - px, y - py) < _POLE_M:
                pole.append(i)
                break
        else:
            poles.append([i])
    return poles


@cache
def _area(extract: Path) -> Area:
    return read_area(extract)


def _cameras(
    extract: Path, rng: np.random.Generator, extra_pole_share: float
) -> tuple[_Frame, list[TrueCamera]]:
    area = _area(extract)
    frame = _Frame((area.bbox.south + area.bbox.north) / 2, (area.bbox.west + area.bbox.east) / 2)
    lines = [shapely.from_wkb(f.wkb) for f in area.features if f.kind in _STREETS]
    lines = [line for line in lines if line.geom_type == "LineString"]
    metric = [shapely.LineString([frame.metres(lat, lon) for lon, lat in g.coords]) for g in lines]
    tree = shapely.STRtree(metric)
    cameras: list[TrueCamera] = []
    for pole in _poles(frame, area.cameras):
        count = len(pole)
        if count == 1 and rng.random() < extra_pole_share:
            count = int(rng.choice([2, 3]))
        node = area.cameras[pole[0]]
        x, y = frame.metres(node.lat, node.lon)
        street = int(tree.nearest(shapely.Point(x, y)))
        line = metric[street]
        foot = line.interpolate(line.project(shapely.Point(x, y)))
        nx, ny = x - foot.x, y - foot.y
        norm = math.hypot(nx, ny) or 1.0
        start = rng.uniform(0.0, 360.0)
        half_width = rng.uniform(3.0, 7.0)
        for k in range(count):
            fixed = count > 1 or rng.random() < 0.6
            direction = (start + k * 360.0 / count + rng.normal(0, 10)) if fixed else None
            osm = area.cameras[pole[k]] if k < len(pole) else None
            cameras.append(
                TrueCamera(
                    *frame.degrees(x, y),
                    street=street,
                    foot=(foot.x, foot.y),
                    normal=(nx / norm, ny / norm),
                    half_width=half_width,
                    tags=_with_osm_tags(_true_tags(rng, direction), osm),
                    osm=osm,
                )
            )
    return frame, cameras


def _logged_tags(rng: np.random.Generator, truth: dict[str, str], wrong: float) -> dict[str, str]:
    """What a walker writes down: rough direction and height, sometimes a wrong value."""
    tags = dict(truth)
    if "camera:direction" in tags:
        tags["camera:direction"] = str(
            round(float(tags["camera:direction"]) + rng.normal(0, 10)) % 360
        )
    tags["height"] = f"{max(2.0, float(truth['height']) + rng.normal(0, 0.5)):.1f}"
    if rng.random() < 0.1:
        tags["surveillance:zone"] = str(rng.choice(_ZONES))
    if rng.random() < wrong:
        slip = rng.integers(0, 3)
        if slip == 0:
            tags["camera:type"] = "dome" if tags["camera:type"] != "dome" else "fixed"
        elif slip == 1:
            tags["camera:mount"] = "pole" if tags["camera:mount"] != "pole" else "wall"
        else:
            tags["surveillance:type"] = "camera"
    return tags


def simulate_walks(
    extract: Path,
    *,
    pairs: int = 6,
    seed: int = 20261204,
    sigma_m: float = 5.0,
    walked_share: float = 0.6,
    noticed: float = 0.85,
    wrong: float = 0.05,
    extra_pole_share: float = 0.1,
) -> Walks:
    """Walks of ``pairs`` pairs over the cameras of ``extract``: each pair walks a share of
    the streets (one pavement each, chosen at random) and notices most cameras there."""
    rng = np.random.default_rng(seed)
    frame, cameras = _cameras(extract, rng, extra_pole_share)
    walks = Walks(cameras)
    streets = sorted({c.street for c in cameras})
    for pair in range(pairs):
        walked = {s: float(rng.choice([-1.0, 1.0])) for s in streets if rng.random() < walked_share}
        for index, camera in enumerate(cameras):
            side = walked.get(camera.street)
            if side is None or rng.random() > noticed:
                continue
            fx, fy = camera.foot
            nx, ny = camera.normal
            x = fx + side * camera.half_width * nx + rng.normal(0, sigma_m)
            y = fy + side * camera.half_width * ny + rng.normal(0, sigma_m)
            lat, lon = frame.degrees(x, y)
            tags = _logged_tags(rng, camera.tags, wrong)
            accuracy = float(rng.uniform(3.0, 8.0))
            record = f"pair{pair}-{index}"
            walks.sightings.append(
                Sighting(lat, lon, tags, f"survey{pair}", record, f"pair{pair}", accuracy)
            )
            walks.truth.append(index)
    return walks


def pair_counts(groups: Sequence[Group], truth: Sequence[int]) -> tuple[int, int, int]:
    """Pairs of sightings put in one group, those among them that are one camera, and the
    pairs that are one camera."""
    grouped = together = 0
    for group in groups:
        size = len(group.members)
        grouped += size * (size - 1) // 2
        counts = np.bincount([truth[m] for m in group.members])
        together += int((counts * (counts - 1) // 2).sum())
    counts = np.bincount(truth)
    return grouped, together, int((counts * (counts - 1) // 2).sum())


def pair_scores(groups: Sequence[Group], truth: Sequence[int]) -> tuple[float, float]:
    """Pairwise precision and recall of a grouping: of the pairs of sightings put in one
    group, the share that are one camera; of the pairs that are one camera, the share put
    in one group."""
    grouped, together, same = pair_counts(groups, truth)
    return (together / grouped if grouped else 1.0), (together / same if same else 1.0)
