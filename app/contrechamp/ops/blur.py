"""Blur faces, number plates and hand-drawn regions in the copies of photos that leave the
laptop; the survey keeps its photos untouched, so a wrong blur can be redone.

Each region is pixelated to a few cells of flat colour and then smoothed: what was there
cannot be brought back from the copy. Faces are found by ``ops.face_detection`` on all cores,
once per photo and detector version (the regions found are stored in the survey as a cache).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from PIL import Image, ImageFilter

from contrechamp.core.blur import BlurRegion, applied_regions, pixel_box
from contrechamp.core.errors import ContrechampError, InputError
from contrechamp.formats.photo_files import edited_copy, strip_metadata
from contrechamp.ops.face_detection import DetectorUnavailableError, detect_faces, face_model
from contrechamp.ops.progress import Progress, quiet
from contrechamp.store.survey import SurveyFile

__all__ = [
    "BLUR_CELLS",
    "BlurCancelledError",
    "PhotoScan",
    "blur_image",
    "blurred_copy",
    "scan_photos",
]

BLUR_CELLS = 8
"""Cells of flat colour left along the long side of a blurred region."""


class BlurCancelledError(ContrechampError):
    """The user stopped the export while faces were being looked for."""

    code = "export.cancelled"


@dataclass
class PhotoScan:
    """The regions to blur in each photo (hand ones, and the faces found), and the photos
    that could not be scanned (photo id, error code)."""

    regions: dict[int, list[BlurRegion]] = field(default_factory=dict)
    failed: list[tuple[int, str]] = field(default_factory=list)

    def missed(self, photo_id: int) -> bool:
        """Whether faces could not be looked for in a photo: its copy must not go out."""
        return any(failed_id == photo_id for failed_id, _ in self.failed)

    def of(self, photo_id: int) -> list[BlurRegion]:
        """The regions an export blurs in one photo (removed ones left out)."""
        return applied_regions(self.regions.get(photo_id, ()))


def blur_image(image: Image.Image, regions: Iterable[BlurRegion]) -> Image.Image:
    """Pixelate then smooth each region of an upright image, in place; the pixels outside
    the regions are left exactly as they were. Returns the image."""
    for region in regions:
        box = pixel_box(region, image.size)
        if box is None:
            continue
        patch = image.crop(box)
        width, height = patch.size
        side = max(width, height)
        cells = (
            max(1, round(BLUR_CELLS * width / side)),
            max(1, round(BLUR_CELLS * height / side)),
        )
        flat = patch.resize(cells, Image.Resampling.BOX).resize(
            patch.size, Image.Resampling.NEAREST
        )
        image.paste(flat.filter(ImageFilter.GaussianBlur(side / BLUR_CELLS / 2)), box[:2])
    return image


def blurred_copy(
    data: bytes, regions: Sequence[BlurRegion], *, keep_metadata: bool = False
) -> bytes:
    """The copy of a photo that is shared: its regions blurred (and then, re-encoded, with
    no metadata whatever ``keep_metadata`` says), or when none, stripped of its metadata
    unless ``keep_metadata``. Raises InputError ("photo.unreadable", "photo.too_large")."""
    applied = applied_regions(regions)
    if not applied:
        return data if keep_metadata else strip_metadata(data)
    return edited_copy(data, lambda image: blur_image(image, applied))


def scan_photos(
    survey: SurveyFile,
    photo_ids: Iterable[int],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> PhotoScan:
    """The regions to blur in each photo, looking for faces in those the current detector
    has not seen yet, on all cores. What it finds is stored in the survey (when it is open
    for writing) so that the next export does not look again.

    ``progress`` advances by (photos scanned, photos to scan). Raises BlurCancelledError when it
    is stopped (what was found so far stays stored), DetectorUnavailable when the detector
    cannot run: photos are never shared unblurred by accident.
    """
    wanted = list(dict.fromkeys(photo_ids))
    model = face_model()
    seen = survey.photos_detected_by(model)
    todo = [photo_id for photo_id in wanted if photo_id not in seen]
    scan = PhotoScan()
    found = _detect_all(survey, todo, model, progress or quiet(), workers, scan)
    stored = survey.blur_regions_of(wanted)
    for photo_id in wanted:
        hand_and_cached = stored.get(photo_id, [])
        if photo_id in found and survey.readonly:  # nowhere to cache: keep them for now
            hand_and_cached = [*hand_and_cached, *found[photo_id]]
        scan.regions[photo_id] = hand_and_cached
    return scan


def _detect_all(
    survey: SurveyFile,
    todo: Sequence[int],
    model: str,
    progress: Progress,
    workers: int | None,
    scan: PhotoScan,
) -> dict[int, list[BlurRegion]]:
    """Look for faces in ``todo``, storing each result as it comes in."""
    count = workers or os.cpu_count() or 1
    found: dict[int, list[BlurRegion]] = {}
    if not todo:
        return found
    progress.advance(0, len(todo))
    # Starting worker processes costs about a second: worth it from two photos per core.
    pool = _detector_pool(count) if count > 1 and len(todo) >= 2 * count else None
    running: deque[tuple[int, Future[list[BlurRegion] | str]]] = deque()
    try:
        for photo_id in todo:
            if progress.stopped:
                raise BlurCancelledError("The export was stopped.")
            data = _photo_bytes(survey, photo_id, scan)
            if data is None:
                continue
            if pool is None:
                _keep(survey, photo_id, model, _faces_or_code(data, count), found, scan)
                progress.advance(progress.done + 1)
                continue
            running.append((photo_id, pool.submit(_faces_or_code, data)))
            while len(running) > 2 * count or (running and running[0][1].done()):
                _collect(survey, running.popleft(), model, found, scan, progress)
        while running:
            if progress.stopped:
                raise BlurCancelledError("The export was stopped.")
            _collect(survey, running.popleft(), model, found, scan, progress)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return found


def _detector_pool(count: int) -> Executor:
    """Worker processes started afresh (not forked from a process holding Qt or SQLite)."""
    return ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("spawn"))


def _faces_or_code(data: bytes, threads: int = 1) -> list[BlurRegion] | str:
    """The faces of a photo, or the error code of a photo that cannot be decoded (a plain
    value: it crosses from a worker process)."""
    try:
        return detect_faces(data, threads)
    except InputError as error:
        return error.code


def _collect(
    survey: SurveyFile,
    job: tuple[int, Future[list[BlurRegion] | str]],
    model: str,
    found: dict[int, list[BlurRegion]],
    scan: PhotoScan,
    progress: Progress,
) -> None:
    """Wait for one photo's faces and keep them."""
    photo_id, future = job
    try:
        faces = future.result()
    except BrokenProcessPool as error:  # a worker killed (out of memory): say so, share nothing
        raise DetectorUnavailableError("The face detector stopped unexpectedly.") from error
    _keep(survey, photo_id, model, faces, found, scan)
    progress.advance(progress.done + 1)


def _keep(
    survey: SurveyFile,
    photo_id: int,
    model: str,
    faces: list[BlurRegion] | str,
    found: dict[int, list[BlurRegion]],
    scan: PhotoScan,
) -> None:
    """Store the faces found in one photo (or note why it could not be scanned)."""
    if isinstance(faces, str):
        scan.failed.append((photo_id, faces))
        return
    found[photo_id] = faces
    if not survey.readonly:
        survey.record_detection(photo_id, model, faces)


def _photo_bytes(survey: SurveyFile, photo_id: int, scan: PhotoScan) -> bytes | None:
    """A photo's bytes; None (noted) when it cannot be read (not copied in yet, deleted)."""
    try:
        return survey.photo_data(photo_id)
    except ContrechampError as error:
        scan.failed.append((photo_id, error.code))
        return None


def regions_by_photo(scan: PhotoScan | None) -> Mapping[int, list[BlurRegion]]:
    """The applied regions of each scanned photo (nothing when blurring is off)."""
    if scan is None:
        return {}
    return {photo_id: scan.of(photo_id) for photo_id in scan.regions}
