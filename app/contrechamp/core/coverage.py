"""How much of the street is filmed: every street segment of the area against every camera's
visible area (its field of view clipped by the buildings, ``core.visibility``).

The streets are the area's highways (``ROAD_KINDS``: roads, service roads, footpaths and
pedestrian streets; tunnels are not in the base map), cut into their straight segments in
the area's local frame. For each segment the model keeps the stretches inside each camera's
view, and from them the metres filmed by at least one camera and by two or more. A camera
added, moved, turned or deleted changes only the segments its old and new views meet: only
those are counted again (``set_camera`` and ``remove_camera`` return the streets touched).

Which cameras count: those whose ``surveillance:type`` is a camera (or not given). A camera
tagged ``surveillance=indoor`` films no street; a fixed camera without a direction cannot be
drawn: both are counted apart and draw no view, and the second still counts in cameras per
kilometre (it is on the street, looking somewhere).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely import Geometry

from contrechamp.core._segments import Segments, Stretches, pieces
from contrechamp.core.area import ROAD_KINDS, FeatureKind, MapFeature
from contrechamp.core.fov import FieldOfView, FovKind, field_of_view
from contrechamp.core.local_frame import LocalFrame
from contrechamp.core.tags import read_camera
from contrechamp.core.visibility import Obstacles, visible_from

__all__ = ["CoverageCamera", "StreetCoverage", "ViewKind", "view_kind"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
_FILMING_KINDS = frozenset({None, "camera", "ALPR"})
_NOTHING = shapely.Polygon()


class ViewKind(StrEnum):
    """What a camera's tags let the coverage draw."""

    DRAWN = "drawn"  # a field of view, clipped by the buildings
    NO_DIRECTION = "no_direction"  # a fixed camera whose direction nobody noted
    INDOOR = "indoor"  # films inside: no street
    NOT_A_CAMERA = "not_a_camera"  # a guard, a gunshot detector


def view_kind(tags: Mapping[str, str], fov: FieldOfView | None = None) -> ViewKind:
    """What the coverage makes of a camera's tags (``fov``: their field of view, when it is
    already read).

    >>> view_kind({"camera:type": "dome"}), view_kind({"camera:type": "fixed"})
    (<ViewKind.DRAWN: 'drawn'>, <ViewKind.NO_DIRECTION: 'no_direction'>)
    >>> view_kind({"surveillance": "indoor", "camera:type": "dome"}).value
    'indoor'
    """
    reading = read_camera(tags)
    if reading.kind.value not in _FILMING_KINDS:
        return ViewKind.NOT_A_CAMERA
    if reading.placement.value == "indoor":
        return ViewKind.INDOOR
    if (fov or field_of_view(tags)).sectors == ():
        return ViewKind.NO_DIRECTION
    return ViewKind.DRAWN


@dataclass(frozen=True, slots=True)
class CoverageCamera:
    """A camera as the coverage sees it: an id (a survey camera's, or ``node/<id>`` for one
    only in OSM), its position and its tags."""

    id: str
    lat: float
    lon: float
    tags: Mapping[str, str] = field(default_factory=dict)
    osm_id: int | None = None


@dataclass(frozen=True)
class PlacedCamera:
    """A camera in the local frame, with what it films there (empty when nothing) and, for
    one without a direction, the circle it could film (empty for the others)."""

    camera: CoverageCamera
    slot: int
    x: float
    y: float
    kind: ViewKind
    view: Geometry
    reach: Geometry
    eye: tuple[float, float] | None  # where it looks from (out of its wall); None: indoors


class StreetCoverage:
    """The streets and buildings of an area, the cameras over them, and what they film.

    Besides the metres filmed, the model keeps the metres *within reach*: filmed, or inside
    the circle (clipped by the buildings) that a camera without a direction could turn to.
    Much of OSM's data says where a camera is and nothing more: the share filmed is then a
    floor, the share within reach a ceiling.

    >>> from contrechamp.core.area import FeatureKind, MapFeature
    >>> frame = LocalFrame(43.73, 7.42)
    >>> street = shapely.LineString([(7.4195, 43.73), (7.4205, 43.73)])  # 80 m west-east
    >>> cover = StreetCoverage(frame, [MapFeature(FeatureKind.RESIDENTIAL, street.wkb, "Rue")])
    >>> cover.set_camera(CoverageCamera("a", 43.7301, 7.42, {"camera:type": "dome"}))
    [0]
    >>> round(float(cover.filmed_m()[0] / cover.street_length_m()[0]), 2)  # ≈ 2√(35² − 11²) / 80
    0.82
    """

    def __init__(self, frame: LocalFrame, features: Sequence[MapFeature]) -> None:
        self.frame = frame
        self.streets = [f for f in features if f.kind in ROAD_KINDS]
        buildings = [f.wkb for f in features if f.kind is FeatureKind.BUILDING]
        lines = frame.forward(shapely.from_wkb([f.wkb for f in self.streets]))
        self.segments = Segments.of_lines(lines)
        self.obstacles = Obstacles(list(frame.forward(shapely.from_wkb(buildings))))
        self._filmed = np.zeros(len(self.segments))
        self._twice = np.zeros(len(self.segments))
        self._reached = np.zeros(len(self.segments))
        self._placed: dict[str, PlacedCamera] = {}
        self._slots: list[str | None] = []
        self._rows = Stretches.empty()  # inside the views
        self._maybe = Stretches.empty()  # inside the reach of cameras without a direction

    @property
    def cameras(self) -> Mapping[str, PlacedCamera]:
        """The cameras placed so far, by id."""
        return self._placed

    @property
    def rows(self) -> Stretches:
        """Every stretch of street inside a camera's view (``owner``: the camera's slot)."""
        return self._rows

    @property
    def reach_rows(self) -> Stretches:
        """Every stretch of street within reach of a camera without a direction."""
        return self._maybe

    def set_cameras(self, cameras: Iterable[CoverageCamera]) -> None:
        """Place many cameras at once (replacing any of the same id), counting every street
        once at the end."""
        unique = list({c.id: c for c in cameras}.values())
        xs, ys = self.frame.metres(
            np.array([c.lat for c in unique]), np.array([c.lon for c in unique])
        )
        placed = [
            self._place(c, (x, y)) for c, x, y in zip(unique, xs.tolist(), ys.tolist(), strict=True)
        ]
        for item in placed:
            self._forget(item.camera.id)
            self._keep(item)
        self._add_stretches(placed)
        self._count(None)

    def set_camera(self, camera: CoverageCamera) -> list[int]:
        """Add, move or turn one camera; return the streets whose figures changed."""
        old = self._forget(camera.id)
        placed = self._place(camera)
        self._keep(placed)
        self._add_stretches([placed])
        mine = [rows.segment[rows.owner == placed.slot] for rows in (self._rows, self._maybe)]
        return self._recount(np.concatenate([old, *mine]))

    def remove_camera(self, camera_id: str) -> list[int]:
        """Take one camera away; return the streets whose figures changed."""
        return self._recount(self._forget(camera_id))

    def _place(self, camera: CoverageCamera, at: tuple[float, float] | None = None) -> PlacedCamera:
        """The camera in the frame (at ``at`` when already projected), with its view or its
        reach, not yet kept."""
        if at is None:
            xs, ys = self.frame.metres(np.array([camera.lat]), np.array([camera.lon]))
            at = float(xs[0]), float(ys[0])
        fov = field_of_view(camera.tags)
        kind = view_kind(camera.tags, fov)
        view = reach = _NOTHING
        eye = self.obstacles.placement(*at)
        if eye is not None and kind is ViewKind.DRAWN:
            view = visible_from(self.obstacles, eye, fov)
        elif eye is not None and kind is ViewKind.NO_DIRECTION:
            reach = visible_from(self.obstacles, eye, FieldOfView(FovKind.CIRCLE, (), fov.radius_m))
        self._slots.append(None)
        return PlacedCamera(camera, len(self._slots) - 1, *at, kind, view, reach, eye)

    def _keep(self, placed: PlacedCamera) -> None:
        self._placed[placed.camera.id] = placed
        self._slots[placed.slot] = placed.camera.id

    def _forget(self, camera_id: str) -> IntArray:
        """Drop a camera and its stretches; return the segments they were on."""
        placed = self._placed.pop(camera_id, None)
        if placed is None:
            return np.zeros(0, dtype=np.int64)
        self._slots[placed.slot] = None
        mine, maybe = self._rows.owner == placed.slot, self._maybe.owner == placed.slot
        was = np.concatenate([self._rows.segment[mine], self._maybe.segment[maybe]])
        self._rows, self._maybe = self._rows.where(~mine), self._maybe.where(~maybe)
        return was

    def _add_stretches(self, placed: Sequence[PlacedCamera]) -> None:
        """Add the stretches of street inside the views and reaches of ``placed``."""
        self._rows = self._rows.plus(self._inside([(p.slot, p.view) for p in placed]))
        self._maybe = self._maybe.plus(self._inside([(p.slot, p.reach) for p in placed]))

    def _inside(self, areas: Sequence[tuple[int, Geometry]]) -> Stretches:
        drawn = [(slot, area) for slot, area in areas if not area.is_empty]
        if not drawn:
            return Stretches.empty()
        found = self.segments.stretches(np.array([a for _, a in drawn], dtype=object))
        slots = np.array([slot for slot, _ in drawn], dtype=np.int64)
        return Stretches(slots[found.owner], found.segment, found.t0, found.t1)

    def _recount(self, segments: IntArray) -> list[int]:
        touched = np.unique(segments)
        self._count(touched)
        return sorted({int(s) for s in self.segments.line[touched]})

    def _count(self, touched: IntArray | None) -> None:
        """Count again the metres of the ``touched`` segments (None: all of them)."""
        rows, maybe = self._rows, self._maybe
        if touched is None:
            self._filmed[:] = self._twice[:] = self._reached[:] = 0.0
        else:
            rows, maybe = (
                rows.where(np.isin(rows.segment, touched)),
                maybe.where(np.isin(maybe.segment, touched)),
            )
            self._filmed[touched] = self._twice[touched] = self._reached[touched] = 0.0
        if len(rows.segment) + len(maybe.segment) == 0:
            return
        cut = pieces([rows, maybe])
        metres = (cut.t1 - cut.t0) * self.segments.length[cut.segment]
        for total, counted in (
            (self._filmed, cut.counts[:, 0] >= 1),
            (self._twice, cut.counts[:, 0] >= 2),
            (self._reached, cut.counts.sum(axis=1) >= 1),
        ):
            np.add.at(total, cut.segment[counted], metres[counted])

    def camera_id(self, slot: int) -> str:
        """The id of the camera in a slot of :attr:`rows`."""
        camera_id = self._slots[slot]
        if camera_id is None:
            raise KeyError(slot)
        return camera_id

    def segment_metres(self) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Per segment, the metres filmed by one camera or more, by two or more, and within
        reach."""
        return self._filmed, self._twice, self._reached

    def street_length_m(self) -> FloatArray:
        """Per street (in :attr:`streets` order), its length in metres."""
        return self._per_street(self.segments.length)

    def filmed_m(self) -> FloatArray:
        """Per street, the metres inside at least one camera's view."""
        return self._per_street(self._filmed)

    def filmed_twice_m(self) -> FloatArray:
        """Per street, the metres inside the views of two cameras or more."""
        return self._per_street(self._twice)

    def within_reach_m(self) -> FloatArray:
        """Per street, the metres filmed or within reach of a camera without a direction."""
        return self._per_street(self._reached)

    def cameras_per_street(self) -> IntArray:
        """Per street, how many cameras film some of it."""
        line = self.segments.line[self._rows.segment]
        pairs = np.unique(np.column_stack([line, self._rows.owner]), axis=0)
        if len(pairs) == 0:
            return np.zeros(len(self.streets), dtype=np.int64)
        return np.bincount(pairs[:, 0], minlength=len(self.streets))

    def _per_street(self, values: FloatArray) -> FloatArray:
        return np.bincount(self.segments.line, values, minlength=len(self.streets))

    def filmed_pieces(self) -> tuple[FloatArray, IntArray]:
        """The pieces of street inside one view or more, as rows (x0, y0, x1, y1) in the
        frame, with how many cameras film each (for the map)."""
        if len(self._rows.segment) == 0:
            return np.zeros((0, 4)), np.zeros(0, dtype=np.int64)
        cut = pieces([self._rows])
        start = self.segments.ends[cut.segment, 0:2]
        delta = self.segments.ends[cut.segment, 2:4] - start
        ends = np.hstack([start + delta * cut.t0[:, None], start + delta * cut.t1[:, None]])
        return ends, cut.counts[:, 0]

    def views(self) -> list[PlacedCamera]:
        """The cameras that film something, in the order they were placed."""
        seen = (p for p in self._placed.values() if not p.view.is_empty)
        return sorted(seen, key=lambda p: p.slot)
