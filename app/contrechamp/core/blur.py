"""Regions of a photo to blur before it leaves the laptop: faces, number plates, the rest.

A region is a rectangle in fractions of the *upright* photo's width and height, so that it
holds whatever size the photo is decoded or shown at.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "BlurRegion",
    "Detection",
    "RegionKind",
    "RegionSource",
    "applied_regions",
    "pixel_box",
]


class RegionKind(StrEnum):
    """What a region hides."""

    FACE = "face"
    PLATE = "plate"
    OTHER = "other"


class RegionSource(StrEnum):
    """Who drew a region: a detector, or the user by hand."""

    AUTO = "auto"
    HAND = "hand"


@dataclass(frozen=True, slots=True)
class BlurRegion:
    """One rectangle to blur: left, top, width and height as fractions (0..1) of the upright
    photo. ``model`` names the detector (and its version) of an automatic region;
    ``removed`` is an automatic region the user took out (kept, so that running the detector
    again does not bring it back)."""

    x: float
    y: float
    w: float
    h: float
    kind: RegionKind = RegionKind.OTHER
    source: RegionSource = RegionSource.HAND
    model: str | None = None
    removed: bool = False
    id: int | None = None

    @property
    def empty(self) -> bool:
        """Whether the region covers nothing (the mark of a photo the detector found bare).

        >>> BlurRegion(0.5, 0.5, 0.0, 0.0).empty
        True
        """
        return self.w <= 0 or self.h <= 0

    def clamped(self) -> BlurRegion:
        """The same region cut to the photo (0..1 on both axes).

        >>> BlurRegion(-0.1, 0.9, 0.3, 0.3).clamped().box
        (0.0, 0.9, 0.2, 0.1)
        """
        left, top = max(0.0, self.x), max(0.0, self.y)
        right, bottom = min(1.0, self.x + self.w), min(1.0, self.y + self.h)
        return _replace_box(self, left, top, max(0.0, right - left), max(0.0, bottom - top))

    def grown(self, factor: float) -> BlurRegion:
        """The region scaled by ``factor`` about its centre, then cut to the photo.

        >>> BlurRegion(0.4, 0.4, 0.2, 0.2).grown(1.5).box
        (0.35, 0.35, 0.3, 0.3)
        """
        cx, cy = self.x + self.w / 2, self.y + self.h / 2
        w, h = self.w * factor, self.h * factor
        return _replace_box(self, cx - w / 2, cy - h / 2, w, h).clamped()

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(x, y, w, h), rounded to 6 decimals for reading."""
        return (round(self.x, 6), round(self.y, 6), round(self.w, 6), round(self.h, 6))


@dataclass(frozen=True, slots=True)
class Detection:
    """What one detector (``model``: its name, version and settings) found in the photo whose
    bytes hash to ``sha256``: its regions, none when the photo is bare. A photo's bytes never
    change, so this holds for every copy of it, in any survey."""

    sha256: str
    model: str
    regions: tuple[BlurRegion, ...] = ()


def _replace_box(region: BlurRegion, x: float, y: float, w: float, h: float) -> BlurRegion:
    return BlurRegion(x, y, w, h, region.kind, region.source, region.model, region.removed,
                      region.id)  # fmt: skip


def applied_regions(regions: Iterable[BlurRegion]) -> list[BlurRegion]:
    """The regions an export blurs: automatic and hand ones, less those removed and empty.

    >>> kept = BlurRegion(0.1, 0.1, 0.2, 0.2)
    >>> gone = BlurRegion(0.5, 0.5, 0.2, 0.2, source=RegionSource.AUTO, removed=True)
    >>> applied_regions([kept, gone, BlurRegion(0, 0, 0, 0)]) == [kept]
    True
    """
    return [r for r in regions if not r.removed and not r.empty]


def pixel_box(region: BlurRegion, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """The region in pixels of an image of ``size`` (left, top, right, bottom), rounded
    outwards so that nothing of it escapes; None when it covers no pixel.

    >>> pixel_box(BlurRegion(0.25, 0.5, 0.5, 0.25), (100, 40))
    (25, 20, 75, 30)
    >>> pixel_box(BlurRegion(0.2, 0.2, 0.0, 0.1), (100, 100)) is None
    True
    """
    width, height = size
    clamped = region.clamped()
    left = max(0, int(clamped.x * width))
    top = max(0, int(clamped.y * height))
    right = min(width, math.ceil((clamped.x + clamped.w) * width - 1e-9))
    bottom = min(height, math.ceil((clamped.y + clamped.h) * height - 1e-9))
    if right <= left or bottom <= top:
        return None
    return left, top, right, bottom
