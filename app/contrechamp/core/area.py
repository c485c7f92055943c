"""The survey's area: base map features and the cameras already in OpenStreetMap."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["ROAD_KINDS", "BBox", "ExistingCamera", "FeatureKind", "MapFeature", "Sector"]


class FeatureKind(StrEnum):
    """What a base map feature is, as far as drawing it goes."""

    MOTORWAY = "motorway"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    TERTIARY = "tertiary"
    RESIDENTIAL = "residential"
    SERVICE = "service"
    PATH = "path"
    RAILWAY = "railway"
    BUILDING = "building"
    WATER = "water"
    GREEN = "green"


ROAD_KINDS = (
    FeatureKind.MOTORWAY,
    FeatureKind.PRIMARY,
    FeatureKind.SECONDARY,
    FeatureKind.TERTIARY,
    FeatureKind.RESIDENTIAL,
    FeatureKind.SERVICE,
    FeatureKind.PATH,
)
"""The kinds of feature that are ways to walk or drive along, biggest first."""


@dataclass(frozen=True, slots=True)
class BBox:
    """A WGS 84 bounding box in degrees."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, lat: float, lon: float) -> bool:
        """Tell whether a point lies inside the box (edges included)."""
        return self.south <= lat <= self.north and self.west <= lon <= self.east


@dataclass(frozen=True, slots=True)
class MapFeature:
    """One drawable feature of the base map: its kind, name and geometry as WKB in WGS 84."""

    kind: FeatureKind
    wkb: bytes
    name: str = ""
    osm_id: int | None = None


@dataclass(frozen=True, slots=True)
class ExistingCamera:
    """A camera node already in OpenStreetMap, with the version later edits must carry.

    ``version`` is None when the file it came from did not say (Overpass Turbo's default
    ``out body;``): the node is still known by its id, but no ``<modify>`` can be written for
    it until its version is read again.
    """

    osm_id: int
    version: int | None
    lat: float
    lon: float
    tags: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sector:
    """A named part of the area handed to a pair of walkers (a polygon as WKB in WGS 84)."""

    name: str
    wkb: bytes
    id: int | None = None
    pair: str | None = None  # the pseudonyms of the pair it is handed to
