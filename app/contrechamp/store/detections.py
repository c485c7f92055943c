"""What a detector found in each photo, kept by the photo's content (``detections``).

A cache under the blur regions: keyed by the photo's SHA-256 and the detector's name and
version, it survives a photo deleted and imported again, and travels with a merge, so that
no photo is scanned twice by the same detector. The file may come from someone else: every
row read is checked, a bad one refuses the file ("survey.corrupt").
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from contrechamp.core.blur import BlurRegion, Detection, RegionKind, RegionSource
from contrechamp.core.camera import utc_now
from contrechamp.core.errors import SurveyError
from contrechamp.store.base import SurveyBase
from contrechamp.store.rows import datetime_to_text
from contrechamp.store.schema import detections

__all__ = ["DetectionRecords", "regions_from_json", "regions_to_json"]

_KINDS = {kind.value: kind for kind in RegionKind}
_CHUNK = 500  # SQLite's limit on bound parameters, with room to spare


def regions_to_json(regions: Iterable[BlurRegion]) -> str:
    """The boxes as stored: ``[[x, y, w, h, kind], ...]``.

    >>> regions_to_json([BlurRegion(0.1, 0.2, 0.3, 0.4, RegionKind.FACE)])
    '[[0.1,0.2,0.3,0.4,"face"]]'
    """
    boxes = [[r.x, r.y, r.w, r.h, r.kind.value] for r in regions]
    return json.dumps(boxes, separators=(",", ":"))


def regions_from_json(text: object, model: str) -> tuple[BlurRegion, ...]:
    """The automatic regions of ``model`` a stored row holds; SurveyError "survey.corrupt"
    on anything but a list of finite boxes of a known kind.

    >>> regions_from_json('[[0.1,0.2,0.3,0.4,"face"]]', "m")[0].box
    (0.1, 0.2, 0.3, 0.4)
    """
    try:
        boxes = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        boxes = None
    if not isinstance(boxes, list):
        raise _corrupt()
    return tuple(_region(box, model) for box in boxes)


def _region(box: Any, model: str) -> BlurRegion:
    if not isinstance(box, list) or len(box) != 5:
        raise _corrupt()
    *numbers, kind = box
    ok = all(type(v) in (int, float) and math.isfinite(v) for v in numbers)
    if not ok or not isinstance(kind, str) or kind not in _KINDS:
        raise _corrupt()
    x, y, w, h = (float(v) for v in numbers)
    return BlurRegion(x, y, w, h, _KINDS[kind], RegionSource.AUTO, model)


def _corrupt() -> SurveyError:
    return SurveyError("Bad detection in the survey file.", "survey.corrupt")


class DetectionRecords(SurveyBase):
    """The detectors' findings, by photo content and detector."""

    def detections_of(
        self, sha256s: Iterable[str], model: str | None = None
    ) -> dict[tuple[str, str], Detection]:
        """What was found in the photos of these hashes, by (hash, model); only ``model``'s
        when given. Hashes never scanned are left out."""
        wanted = list(dict.fromkeys(sha256s))
        found: dict[tuple[str, str], Detection] = {}
        c = detections.c
        for start in range(0, len(wanted), _CHUNK):
            statement = select(c.sha256, c.model, c.regions).where(
                c.sha256.in_(wanted[start : start + _CHUNK])
            )
            if model is not None:
                statement = statement.where(c.model == model)
            for sha256, row_model, regions in self._all(statement):
                if not isinstance(sha256, str) or not isinstance(row_model, str):
                    raise _corrupt()
                kept = Detection(sha256, row_model, regions_from_json(regions, row_model))
                found[(sha256, row_model)] = kept
        return found

    def add_detections(self, found: Sequence[Detection]) -> None:
        """Keep what detectors found (a hash already scanned by that model keeps its first
        finding: a photo's bytes, hence what is in them, never change)."""
        if not found:
            return
        now = datetime_to_text(utc_now())
        rows = [
            {
                "sha256": one.sha256,
                "model": one.model,
                "regions": regions_to_json(one.regions),
                "detected_at": now,
            }
            for one in found
        ]
        with self._writing():
            self._db.conn.execute(insert(detections).on_conflict_do_nothing(), rows)
