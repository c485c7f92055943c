"""Blur regions travel with their photos into another survey (a merge, an import of a survey).

Photos are matched by content (their SHA-256), since their ids differ from one survey to the
next. A photo that has no region yet in the survey receiving it takes them all as they were:
the detector's findings, those the walker took out, the hand-drawn ones. A photo that has
some already gains the hand-drawn regions it lacks and nothing else (more blur is never less
safe; a face taken out in one survey stays blurred in the other). What the detector found
is copied too, so that the photo is not scanned again there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from contrechamp.core.blur import BlurRegion, Detection, RegionSource
from contrechamp.core.photo import PhotoInfo
from contrechamp.store.survey import SurveyFile

__all__ = ["PhotoBlur", "blur_of_photos", "carry_blur"]


@dataclass
class PhotoBlur:
    """The blur regions of some photos (by their SHA-256) and what detectors found in them."""

    regions: dict[str, list[BlurRegion]] = field(default_factory=dict)
    detections: list[Detection] = field(default_factory=list)


def blur_of_photos(source: SurveyFile, photos: Sequence[PhotoInfo]) -> PhotoBlur:
    """Read the blur regions and detections of ``photos`` in ``source`` (their survey)."""
    by_id = {p.id: p.sha256 for p in photos if p.id is not None}
    stored = source.blur_regions_of(by_id)
    regions = {by_id[photo_id]: found for photo_id, found in stored.items()}
    detections = list(source.detections_of(by_id.values()).values())
    return PhotoBlur(regions, detections)


def carry_blur(target: SurveyFile, blur: PhotoBlur) -> int:
    """Give ``target``'s photos the regions they had elsewhere, in one transaction; return
    how many regions were added (photos ``target`` does not hold are skipped)."""
    added = 0
    with target.transaction():
        target.add_detections(blur.detections)
        for sha256, regions in blur.regions.items():
            photo = target.photo_by_hash(sha256)
            if photo is None or photo.id is None:
                continue
            for region in _missing(target.blur_regions(photo.id), regions):
                target.add_blur_region(photo.id, replace(region, id=None))
                added += 1
    return added


def _missing(present: Sequence[BlurRegion], brought: Sequence[BlurRegion]) -> list[BlurRegion]:
    """The regions of ``brought`` to add beside ``present``: all of them when there is none,
    else the hand-drawn ones not there yet (the same box and kind).

    >>> plate = BlurRegion(0.1, 0.1, 0.2, 0.1)
    >>> face = BlurRegion(0.5, 0.5, 0.1, 0.1, source=RegionSource.AUTO, model="m")
    >>> _missing([], [plate, face]) == [plate, face]
    True
    >>> _missing([face], [plate, face]) == [plate]
    True
    >>> _missing([plate, face], [plate]) == []
    True
    """
    if not present:
        return list(brought)
    known = {(r.box, r.kind) for r in present if r.source is RegionSource.HAND}
    return [r for r in brought if r.source is RegionSource.HAND and (r.box, r.kind) not in known]
