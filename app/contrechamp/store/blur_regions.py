"""The regions of each photo to blur in the copies that leave the laptop (``blur_regions``).

Automatic regions are a cache of the detector's findings, kept per photo with the model
that found them (a photo's bytes never change: its id stands for its SHA-256). A photo the
detector saw and found bare is marked by one empty automatic region of that model, so that
the next export does not scan it again. The survey's photos themselves are never changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, insert, select, update

from contrechamp.core.blur import BlurRegion, RegionKind, RegionSource
from contrechamp.core.errors import SurveyError
from contrechamp.store.base import SurveyBase
from contrechamp.store.schema import blur_regions, photos

__all__ = ["BlurRecords"]

_KINDS = {kind.value: kind for kind in RegionKind}
_SOURCES = {source.value: source for source in RegionSource}
_COLUMNS = (
    blur_regions.c.id,
    blur_regions.c.photo_id,
    blur_regions.c.x,
    blur_regions.c.y,
    blur_regions.c.w,
    blur_regions.c.h,
    blur_regions.c.kind,
    blur_regions.c.source,
    blur_regions.c.model,
    blur_regions.c.removed,
)


def _region(row: Sequence[Any]) -> BlurRegion:
    """A row as a BlurRegion; SurveyError "survey.corrupt" on a bad one (the file may come
    from someone else)."""
    region_id, _, x, y, w, h, kind, source, model, removed = row
    numbers_ok = all(type(v) in (float, int) for v in (x, y, w, h))
    kind_ok, source_ok = _KINDS.get(kind) if type(kind) is str else None, None
    if type(source) is str:
        source_ok = _SOURCES.get(source)
    if not numbers_ok or kind_ok is None or source_ok is None or removed not in (0, 1):
        raise SurveyError("Bad blur region in the survey file.", "survey.corrupt")
    model_text = model if type(model) is str else None
    return BlurRegion(float(x), float(y), float(w), float(h), kind_ok, source_ok, model_text,
                      bool(removed), region_id)  # fmt: skip


def _values(photo_id: int, region: BlurRegion) -> dict[str, Any]:
    values: dict[str, Any] = {
        "photo_id": photo_id,
        "x": region.x,
        "y": region.y,
        "w": region.w,
        "h": region.h,
        "kind": region.kind.value,
        "source": region.source.value,
        "model": region.model,
        "removed": int(region.removed),
    }
    if region.id is not None:
        values["id"] = region.id
    return values


class BlurRecords(SurveyBase):
    """Blur regions of the survey's photos: the detector's (cached) and the user's."""

    def blur_regions(self, photo_id: int) -> list[BlurRegion]:
        """Every region of a photo, removed ones and the detector's empty marks included,
        in the order they were added."""
        return self.blur_regions_of([photo_id]).get(photo_id, [])

    def blur_regions_of(self, photo_ids: Iterable[int]) -> dict[int, list[BlurRegion]]:
        """The regions of several photos, by photo id (photos without any left out)."""
        wanted = list(photo_ids)
        found: dict[int, list[BlurRegion]] = {}
        for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
            chunk = wanted[start : start + 500]
            statement = (
                select(*_COLUMNS)
                .where(blur_regions.c.photo_id.in_(chunk))
                .order_by(blur_regions.c.id)
            )
            for row in self._all(statement):
                found.setdefault(int(row[1]), []).append(_region(row))
        return found

    def add_blur_region(self, photo_id: int, region: BlurRegion) -> BlurRegion:
        """Store a region of a photo (with its own id when it has one: an undone delete comes
        back as it was) and return it with its id. SurveyError("photo.missing")."""
        with self._writing():
            self._check_photo(photo_id)
            result = self._db.conn.execute(insert(blur_regions).values(_values(photo_id, region)))
            new_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        return replace(region, id=new_id)

    def delete_blur_region(self, region_id: int) -> None:
        """Delete a region for good (a hand region taken out); SurveyError("blur.missing")."""
        with self._writing():
            statement = delete(blur_regions).where(blur_regions.c.id == region_id)
            if self._db.conn.execute(statement).rowcount == 0:
                raise _region_missing(region_id)

    def set_blur_region_removed(self, region_id: int, removed: bool) -> None:
        """Take an automatic region out of the blur (or put it back); it stays stored so
        that the detector does not bring it back. SurveyError("blur.missing")."""
        with self._writing():
            statement = (
                update(blur_regions)
                .where(blur_regions.c.id == region_id)
                .values(removed=int(removed))
            )
            if self._db.conn.execute(statement).rowcount == 0:
                raise _region_missing(region_id)

    def photos_detected_by(self, model: str) -> set[int]:
        """The photos whose automatic regions ``model`` already found (or found none)."""
        statement = (
            select(blur_regions.c.photo_id)
            .where(blur_regions.c.source == RegionSource.AUTO.value)
            .where(blur_regions.c.model == model)
            .distinct()
        )
        return {int(row[0]) for row in self._all(statement)}

    def record_detection(self, photo_id: int, model: str, found: Sequence[BlurRegion]) -> None:
        """Keep what ``model`` found in a photo in place of what other models found (an
        empty mark when it found nothing); hand regions stay. Nothing is done when this model
        already saw the photo. SurveyError("photo.missing")."""
        with self._writing():
            self._check_photo(photo_id)
            c = blur_regions.c
            auto = (c.photo_id == photo_id) & (c.source == RegionSource.AUTO.value)
            seen = select(c.id).where(auto & (c.model == model)).limit(1)
            if self._db.conn.execute(seen).first() is not None:
                return
            self._db.conn.execute(delete(blur_regions).where(auto))
            marks = list(found) or [BlurRegion(0.0, 0.0, 0.0, 0.0, RegionKind.FACE)]
            auto_marks = [replace(r, source=RegionSource.AUTO, model=model) for r in marks]
            rows = [_values(photo_id, region) for region in auto_marks]
            self._db.conn.execute(insert(blur_regions), rows)

    def _check_photo(self, photo_id: int) -> None:
        statement = select(photos.c.id).where(photos.c.id == photo_id)
        if self._db.conn.execute(statement).first() is None:
            raise SurveyError(f"No photo {photo_id} in this survey.", "photo.missing")


def _region_missing(region_id: int) -> SurveyError:
    return SurveyError(f"No blur region {region_id} in this survey.", "blur.missing")
