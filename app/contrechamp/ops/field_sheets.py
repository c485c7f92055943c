"""What goes on printed field sheets: the map pages, the numbered OSM cameras, the entry lines.

A plan is pure data (no Qt): the painter in ``ui/sheets`` only lays it out. Cameras already in
OSM are numbered page by page in reading order (north to south, then west to east), and the
blank entry lines go on numbering after them, so a number written on the map beside a new
camera never means two cameras.
"""

from __future__ import annotations

import math
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import shapely

from contrechamp.core.area import ROAD_KINDS, BBox, ExistingCamera, MapFeature, Sector
from contrechamp.core.errors import InputError, SurveyError
from contrechamp.core.sectors import sector_named
from contrechamp.core.tags import read_camera
from contrechamp.formats._atomic import write_bytes_atomically
from contrechamp.formats.held_files import SIDECARS, refuse_held
from contrechamp.ops.sheet_tiles import (
    PageFrame,
    Tiling,
    tile_region,
    to_world,
    world_of,
    world_per_metre,
)
from contrechamp.store.survey import SurveyFile

__all__ = [
    "FieldSheetPlan",
    "MapPage",
    "NumberedCamera",
    "SheetLayout",
    "check_sheets_target",
    "plan_field_sheets",
    "write_sheets",
]

NEAR_SECTOR_M = 15.0  # a camera on the sector's edge street (one pavement across) is theirs
_MARGIN = 0.02  # of the region, on each side: the outline never touches the frame
_BANDS = 6  # reading order: each page is read in this many bands, north to south
_ROADS = frozenset(ROAD_KINDS)


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """The paper: A4 portrait, sizes in millimetres, and how many lines a table page holds."""

    page_mm: tuple[float, float] = (210.0, 297.0)
    margin_mm: float = 12.0
    header_mm: float = 24.0
    footer_mm: float = 11.0
    map_frame_mm: tuple[float, float] = (186.0, 224.0)
    osm_rows_per_page: int = 20
    entry_rows_per_page: int = 15


@dataclass(frozen=True, slots=True)
class NumberedCamera:
    """A camera already in OSM with its number on the sheets and its tags in short."""

    number: int
    osm_id: int
    lat: float
    lon: float
    x: float
    y: float
    kind: str | None
    camera_type: str | None
    mount: str | None
    direction: str | None
    bearings: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class MapPage:
    """One map page: its frame, the cameras drawn on it, and its neighbours' map numbers."""

    number: int  # 1-based among the map pages
    frame: PageFrame
    cameras: tuple[int, ...]
    neighbours: dict[str, int] = field(default_factory=dict)  # "N", "E", "S", "W"


@dataclass(frozen=True, slots=True)
class FieldSheetPlan:
    """Everything the sheets show, in the order they are printed."""

    title: str
    sector: Sector | None
    outline: shapely.Geometry | None  # the sector in world units
    scale: int
    world_per_mm: float
    map_pages: tuple[MapPage, ...]
    cameras: tuple[NumberedCamera, ...]
    entry_numbers: tuple[int, ...]
    layout: SheetLayout

    @property
    def osm_pages(self) -> int:
        """Pages of the list of cameras already in OSM (none when there are none)."""
        return math.ceil(len(self.cameras) / self.layout.osm_rows_per_page)

    @property
    def entry_pages(self) -> int:
        """Pages of blank entry lines."""
        return math.ceil(len(self.entry_numbers) / self.layout.entry_rows_per_page)

    @property
    def page_count(self) -> int:
        """Pages of the whole document."""
        return len(self.map_pages) + self.osm_pages + self.entry_pages


def plan_field_sheets(
    survey: SurveyFile,
    sector_name: str | None = None,
    entry_pages: int = 2,
    layout: SheetLayout | None = None,
) -> FieldSheetPlan:
    """Plan the sheets of a sector (or of the whole area when ``sector_name`` is None).

    InputError "sheets.no_area" when the survey has no map area, "sheets.sector" when it has
    no sector of that name.
    """
    layout = layout or SheetLayout()
    bbox = survey.area_bbox()
    if bbox is None:
        raise InputError(
            "the survey has no map area: load one with `contrechamp area` first", "sheets.no_area"
        )
    sector = (
        sector_named(survey.sectors(), sector_name, "sheets.sector")
        if sector_name is not None
        else None
    )
    outline = None if sector is None else _sector_outline(sector)
    features = survey.map_features()
    region, keep = _region(bbox, outline, features)
    lat = (bbox.south + bbox.north) / 2
    tiling = tile_region(region, layout.map_frame_mm, lat, keep)
    chosen = _cameras_within(survey.existing_cameras(), bbox, outline)
    cameras = _numbered(chosen, tiling.frames)
    pages = _pages(tiling, cameras)
    rows = layout.entry_rows_per_page
    first = len(cameras) + 1
    return FieldSheetPlan(
        title=survey.title.strip() or survey.path.stem,
        sector=sector,
        outline=outline,
        scale=tiling.scale,
        world_per_mm=tiling.world_per_mm,
        map_pages=pages,
        cameras=tuple(cameras),
        entry_numbers=tuple(range(first, first + max(1, entry_pages) * rows)),
        layout=layout,
    )


def _sector_outline(sector: Sector) -> shapely.Geometry:
    """The sector's polygon in world units; SurveyError "survey.corrupt" if it is none."""
    try:
        shape = shapely.from_wkb(sector.wkb)
    except shapely.errors.ShapelyError:
        shape = None
    if shape is None or shape.is_empty or shape.geom_type not in ("Polygon", "MultiPolygon"):
        raise SurveyError(f"the sector {sector.name!r} has no usable outline", "survey.corrupt")
    return shapely.make_valid(to_world(shape))


def _region(
    bbox: BBox, outline: shapely.Geometry | None, features: Sequence[MapFeature]
) -> tuple[tuple[float, float, float, float], list[shapely.Geometry]]:
    """The world rectangle to print, with what a page must meet to be kept.

    A sector is printed around its outline; the whole area around its streets within the
    box (an extract's box often holds sea or fields that need no page).
    """
    if outline is not None:
        return _grown(outline.bounds), [outline]
    x0, y1 = world_of(bbox.south, bbox.west)
    x1, y0 = world_of(bbox.north, bbox.east)
    box = shapely.box(x0, y0, x1, y1)
    streets = [
        shapely.clip_by_rect(to_world(shapely.from_wkb(f.wkb)), x0, y0, x1, y1)
        for f in features
        if f.kind in _ROADS
    ]
    streets = [s for s in streets if not s.is_empty]
    if not streets:
        return _grown(box.bounds), [box]
    return _grown(shapely.GeometryCollection(streets).bounds), streets


def _grown(bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """A world rectangle grown by a margin on each side."""
    x0, y0, x1, y1 = bounds
    dx, dy = (x1 - x0) * _MARGIN, (y1 - y0) * _MARGIN
    return x0 - dx, y0 - dy, x1 + dx, y1 + dy


def _cameras_within(
    cameras: Sequence[ExistingCamera], bbox: BBox, outline: shapely.Geometry | None
) -> list[tuple[ExistingCamera, float, float]]:
    """The OSM cameras of the sector (within 15 m of it) or of the area, in world units."""
    lat = (bbox.south + bbox.north) / 2
    near = None if outline is None else outline.buffer(NEAR_SECTOR_M * world_per_metre(lat))
    chosen = []
    for camera in cameras:
        x, y = world_of(camera.lat, camera.lon)
        inside = (
            bbox.contains(camera.lat, camera.lon)
            if near is None
            else near.covers(shapely.Point(x, y))
        )
        if inside:
            chosen.append((camera, x, y))
    return chosen


def _numbered(
    chosen: Sequence[tuple[ExistingCamera, float, float]], frames: Sequence[PageFrame]
) -> list[NumberedCamera]:
    """Number the cameras page by page, each page read in bands north to south, west to east."""

    def order(item: tuple[ExistingCamera, float, float]) -> tuple[int, int, float, int]:
        _, x, y = item
        page = next((i for i, f in enumerate(frames) if f.contains(x, y)), len(frames))
        frame = frames[min(page, len(frames) - 1)]
        band = int((y - frame.y0) / (frame.y1 - frame.y0) * _BANDS)
        return page, band, x, item[0].osm_id

    return [_numbered_camera(n, *item) for n, item in enumerate(sorted(chosen, key=order), 1)]


def _numbered_camera(number: int, camera: ExistingCamera, x: float, y: float) -> NumberedCamera:
    """A camera's number and its tags read tolerantly (raw text kept when not documented)."""
    reading = read_camera(camera.tags)
    direction = reading.direction.value
    bearings = () if direction is None else tuple(b.degrees for b in direction.bearings)
    return NumberedCamera(
        number=number,
        osm_id=camera.osm_id,
        lat=camera.lat,
        lon=camera.lon,
        x=x,
        y=y,
        kind=reading.kind.value or reading.kind.raw,
        camera_type=reading.camera_type.value or reading.camera_type.raw,
        mount=reading.mount.value or reading.mount.raw,
        direction=reading.direction.raw,
        bearings=bearings,
    )


def _pages(tiling: Tiling, cameras: Sequence[NumberedCamera]) -> tuple[MapPage, ...]:
    """The map pages with the cameras each shows and the numbers of the pages around it."""
    at = {(f.row, f.column): i + 1 for i, f in enumerate(tiling.frames)}
    steps = {"N": (-1, 0), "E": (0, 1), "S": (1, 0), "W": (0, -1)}
    pages = []
    for i, frame in enumerate(tiling.frames):
        shown = tuple(c.number for c in cameras if frame.contains(c.x, c.y))
        around = {
            side: at[(frame.row + dr, frame.column + dc)]
            for side, (dr, dc) in steps.items()
            if (frame.row + dr, frame.column + dc) in at
        }
        pages.append(MapPage(i + 1, frame, shown, around))
    return tuple(pages)


def check_sheets_target(survey: SurveyFile, out: Path) -> None:
    """Refuse an output that is a folder, in no folder, a survey or a database, or not a
    regular file (InputError "sheets.target"); nothing is written."""
    refuse_held(out)
    target = Path(os.path.realpath(out))
    suffixes = (SurveyFile.SUFFIX, *(SurveyFile.SUFFIX + end for end in SIDECARS))
    if any(p.name.endswith(suffixes) for p in (out, target)) or target == survey.path.resolve():
        raise InputError(f"{out.name}: would overwrite a survey file", "sheets.target")
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise InputError(f"{target.parent}: no such folder", "sheets.target") from None
        return
    if stat.S_ISDIR(mode):
        raise InputError(f"{out}: is a folder, not a file name", "sheets.target")
    if not stat.S_ISREG(mode):
        raise InputError(f"{out.name}: not a regular file", "sheets.target")
    with target.open("rb") as handle:
        if handle.read(16) == b"SQLite format 3\x00":
            raise InputError(f"{out.name}: would overwrite a database", "sheets.target")


def write_sheets(survey: SurveyFile, out: Path, pdf: bytes) -> None:
    """Write the PDF at ``out`` all at once (InputError "sheets.target" or "export.write")."""
    check_sheets_target(survey, out)
    try:
        write_bytes_atomically(out, pdf)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise InputError(f"cannot write {out.name}: {reason}", "export.write") from None
