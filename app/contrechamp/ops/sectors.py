"""A workshop's sectors: importing them from GeoJSON, listing them, and how far each is walked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from shapely.errors import ShapelyError

from contrechamp.core.area import Sector
from contrechamp.core.camera import Status
from contrechamp.core.errors import SurveyError
from contrechamp.core.sectors import sector_hectares, sectors_outside
from contrechamp.core.walk_progress import SectorProgress, walk_progress
from contrechamp.formats.sectors_geojson import read_sectors_geojson
from contrechamp.ops.names import display_name
from contrechamp.store.survey import SurveyFile

__all__ = [
    "SectorLine",
    "SectorsImported",
    "import_sectors",
    "sector_lines",
    "sector_progress",
]


@dataclass(frozen=True)
class SectorsImported:
    """What an import of sectors did, and what the organiser should look at."""

    added: int
    replaced: int  # sectors of the same name, replaced
    removed: int  # the other sectors, removed by ``replace_all``
    skipped: int  # features of the file that are not polygons
    repaired: list[str]  # sectors whose polygon crossed itself
    outside: list[str]  # sectors wholly outside the survey's area


@dataclass(frozen=True)
class SectorLine:
    """One sector as ``contrechamp sectors --list`` prints it."""

    name: str
    pair: str | None
    hectares: float


def import_sectors(survey: SurveyFile, path: Path, *, replace_all: bool = False) -> SectorsImported:
    """Read every sector of ``path`` first, then save them in one transaction.

    A sector of the same name as one in the survey replaces it (keeping its id); the others
    stay, unless ``replace_all``. A bad file raises ``InputError`` and changes nothing.
    """
    read = read_sectors_geojson(path)
    before = survey.sectors()
    names = {s.name for s in read.sectors}
    replaced = sum(1 for s in before if s.name in names)
    survey.replace_sectors(read.sectors, keep_others=not replace_all)
    return SectorsImported(
        added=len(read.sectors) - replaced,
        replaced=replaced,
        removed=0 if not replace_all else len(before) - replaced,
        skipped=read.skipped,
        repaired=read.repaired,
        outside=sectors_outside(read.sectors, survey.area_bbox()),
    )


def sector_lines(survey: SurveyFile) -> list[SectorLine]:
    """The survey's sectors with their pairs and sizes, in the order they were added."""
    with _readable_shapes(survey):
        return [SectorLine(s.name, s.pair, sector_hectares(s)) for s in survey.sectors()]


def sector_progress(
    survey: SurveyFile, sectors: list[Sector] | None = None
) -> list[SectorProgress]:
    """How far each sector's streets are walked, from the survey's cameras (rejected ones
    left out) and its track, with the cameras logged in each and the walked pieces."""
    sectors = survey.sectors() if sectors is None else sectors
    if not sectors:
        return []
    cameras = [(c.lat, c.lon) for c in survey.cameras() if c.status is not Status.REJECTED]
    with _readable_shapes(survey):
        return walk_progress(sectors, survey.map_features(), cameras, survey.track())


@contextmanager
def _readable_shapes(survey: SurveyFile) -> Iterator[None]:
    """A shape stored in the survey that is not WKB (a damaged or forged file) is the
    survey's fault, said in one sentence: SurveyError "survey.corrupt"."""
    try:
        yield
    except ShapelyError:
        raise SurveyError(
            f"{display_name(survey.path)}: a sector or map shape is damaged", "survey.corrupt"
        ) from None
