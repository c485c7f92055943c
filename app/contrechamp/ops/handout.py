"""Hand a workshop out: one survey per pair, with the area and every sector, its own marked.

A handout holds a copy of the workshop's area (base map and the cameras already in OSM) and
all its sectors, so a pair sees where the others walk; its own sector is the survey's
``own_sector`` setting, which the map opens on. Its surveyor is the pair's pseudonyms and its
title ``<workshop title> — <sector>``. The workshop's cameras, photos and track are never
copied. Every handout is built beside its target first, and all are renamed into place only
once all are built: a failure leaves the folder as it was.
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from contrechamp.core.area import BBox, ExistingCamera, MapFeature, Sector
from contrechamp.core.errors import InputError
from contrechamp.ops.names import display_name
from contrechamp.store.survey import SurveyFile

__all__ = ["Handout", "hand_out", "handout_name"]

_MAX_STEM = 60
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


@dataclass(frozen=True)
class Handout:
    """One survey handed to a pair."""

    path: Path
    sector: str
    pair: str


def handout_name(number: int, sector: Sector) -> str:
    """A file name safe on every system (ASCII, no reserved word), from the sector and pair.

    >>> handout_name(3, Sector("Vieille ville", b"", 1, "Zoé & Ana"))
    '03-vieille-ville-zoe-ana.cartoparty'
    >>> handout_name(12, Sector("../..", b"", 2, "CON"))
    '12-con.cartoparty'
    """
    plain = unicodedata.normalize("NFKD", f"{sector.name} {sector.pair or ''}")
    ascii_text = plain.encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE.sub("-", ascii_text).strip("-").lower()[:_MAX_STEM].strip("-")
    return f"{number:02d}{'-' if stem else ''}{stem}{SurveyFile.SUFFIX}"


def hand_out(workshop: Path, folder: Path, *, force: bool = False) -> list[Handout]:
    """Write one survey per sector that has a pair into ``folder``; return them.

    Refuses (``InputError``, nothing written) when no sector has a pair, when ``folder`` is
    not a folder, when a handout's file exists already (unless ``force``, which replaces
    it), and always when a handout would replace the workshop itself.
    """
    with SurveyFile.open_untrusted_readonly(workshop) as source:
        sectors = source.sectors()
        handed = [s for s in sectors if s.pair]
        if not handed:
            raise InputError(
                f"{display_name(workshop)}: no sector is handed to a pair "
                "(give each sector a pair in the sectors file)",
                "handout.no_pairs",
            )
        targets = _targets(workshop, folder, handed, force)
        area = _WorkshopArea.of(source)
        with _built(targets) as works:
            for sector, work in zip(handed, works, strict=True):
                _write_handout(area, work, sectors, sector)
    return [
        Handout(path, sector.name, sector.pair or "")
        for path, sector in zip(targets, handed, strict=True)
    ]


def _targets(workshop: Path, folder: Path, handed: Sequence[Sector], force: bool) -> list[Path]:
    """The handouts' paths in ``folder``, checked against existing files and the workshop."""
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as error:
            raise InputError(
                f"{display_name(folder)}: cannot make the folder ({error.strerror})",
                "handout.target",
            ) from None
    if not folder.is_dir():
        raise InputError(f"{display_name(folder)} is not a folder", "handout.target")
    targets = [folder / handout_name(n, s) for n, s in enumerate(handed, start=1)]
    for target in targets:
        if target.exists() and os.path.samefile(target, workshop):
            raise InputError(
                f"{target.name} would replace the workshop itself: choose another folder",
                "handout.target",
            )
    existing = [t.name for t in targets if t.exists() or t.is_symlink()]
    if existing and not force:
        raise InputError(
            f"{display_name(folder)} already holds {', '.join(existing[:3])}"
            f"{' and others' if len(existing) > 3 else ''}: "
            "give another folder, or --force to replace them",
            "handout.exists",
        )
    return targets


@contextmanager
def _built(targets: Sequence[Path]) -> Iterator[list[Path]]:
    """Work files beside the targets; renamed onto them when the block succeeds, else
    deleted."""
    tag = uuid.uuid4().hex[:8]
    works = [t.with_name(f".{t.name}.handout-{tag}") for t in targets]
    try:
        yield works
        for work, target in zip(works, targets, strict=True):
            SurveyFile.install(work, target)
    finally:
        for work in works:
            SurveyFile.discard(work)


@dataclass(frozen=True)
class _WorkshopArea:
    """What every handout copies from the workshop: its title and its area."""

    title: str
    bbox: BBox | None
    features: list[MapFeature]
    existing: list[ExistingCamera]
    source: str

    @classmethod
    def of(cls, workshop: SurveyFile) -> _WorkshopArea:
        return cls(
            workshop.title,
            workshop.area_bbox(),
            workshop.map_features(),
            workshop.existing_cameras(),
            workshop.area_source() or "",
        )


def _write_handout(area: _WorkshopArea, work: Path, sectors: Sequence[Sector], own: Sector) -> None:
    """One pair's survey: the area, every sector, its own marked; no camera, photo or track."""
    title = f"{area.title} — {own.name}" if area.title else own.name
    with SurveyFile.create(work, title=title, surveyor=own.pair) as survey, survey.transaction():
        if area.bbox is not None:
            survey.set_area(area.bbox, area.features, area.existing, area.source)
        for sector in sectors:
            saved = survey.add_sector(replace(sector, id=None))
            if sector.id == own.id and saved.id is not None:
                survey.set_own_sector(saved.id)
