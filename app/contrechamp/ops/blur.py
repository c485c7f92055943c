"""Blur faces, number plates and hand-drawn regions in the copies of photos that leave the
laptop; the survey keeps its photos untouched, so a wrong blur can be redone.

Each region is pixelated to a few cells of flat colour and then smoothed: what was there
cannot be brought back from the copy. Faces are found by ``ops.face_detection`` on all cores,
once per photo content and detector version: the regions found are stored with the photo (in
``blur_regions``, where the user may take one out) and by the photo's SHA-256 (``detections``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from PIL import Image, ImageFilter

from contrechamp.core.blur import BlurRegion, Detection, applied_regions, pixel_box
from contrechamp.core.errors import ContrechampError, InputError
from contrechamp.formats.photo_files import edited_copy, strip_metadata
from contrechamp.ops.face_detection import detect_faces, face_model
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
    has not seen yet, on all cores (``workers`` threads). What it finds is stored in the
    survey (when it is open for writing): the regions in ``blur_regions``, what was found by
    the photo's content hash in ``detections``, so that the next export does not look again,
    nor an export of the same photo under another id (merged, imported again).

    ``progress`` advances by (photos scanned, photos to scan). Raises BlurCancelledError when it
    is stopped (what was found so far stays stored), DetectorUnavailable when the detector
    cannot run: photos are never shared unblurred by accident.
    """
    wanted = list(dict.fromkeys(photo_ids))
    model = face_model()
    seen = survey.photos_detected_by(model)
    todo = [photo_id for photo_id in wanted if photo_id not in seen]
    scan = PhotoScan()
    hashes = _content_hashes(survey, todo)
    found = _found_before(survey, hashes, model, scan)
    rest = [photo_id for photo_id in todo if photo_id not in found]
    found |= _detect_all(survey, rest, hashes, model, progress or quiet(), workers, scan)
    stored = survey.blur_regions_of(wanted)
    for photo_id in wanted:
        hand_and_cached = stored.get(photo_id, [])
        if photo_id in found and survey.readonly:  # nowhere to cache: keep them for now
            hand_and_cached = [*hand_and_cached, *found[photo_id]]
        scan.regions[photo_id] = hand_and_cached
    return scan


def _content_hashes(survey: SurveyFile, photo_ids: Sequence[int]) -> dict[int, str]:
    """The SHA-256 of each photo's bytes (a photo not copied in yet has none: left out)."""
    wanted = set(photo_ids)
    pending = {p.photo_id for p in survey.pending_photos()} if wanted else set()
    return {
        p.id: p.sha256
        for p in survey.photos()
        if p.id is not None and p.id in wanted and p.id not in pending
    }


def _found_before(
    survey: SurveyFile, hashes: Mapping[int, str], model: str, scan: PhotoScan
) -> dict[int, list[BlurRegion]]:
    """The faces ``model`` found before in photos of the same bytes, kept as this survey's
    regions of these photos without looking again."""
    cached = survey.detections_of(hashes.values(), model)
    found: dict[int, list[BlurRegion]] = {}
    for photo_id, sha256 in hashes.items():
        detection = cached.get((sha256, model))
        if detection is not None:
            _keep(survey, photo_id, None, model, list(detection.regions), found, scan)
    return found


def _detect_all(
    survey: SurveyFile,
    todo: Sequence[int],
    hashes: Mapping[int, str],
    model: str,
    progress: Progress,
    workers: int | None,
    scan: PhotoScan,
) -> dict[int, list[BlurRegion]]:
    """Look for faces in ``todo`` on ``workers`` threads (all cores by default), storing each
    result as it comes in; the survey is read and written on the calling thread only.

    Threads sharing one onnxruntime session (one intra-op thread each) rather than worker
    processes: onnxruntime and Pillow's decoder release the GIL, so threads use every core.
    Measured on the 2-core machine, 8 photos of 12 MP, 6 runs each (median, range; other work
    was running beside): 2 threads 1.52 s per photo (1.08–2.23), 2 worker processes 2.14 s
    (1.44–4.32, their start-up and the copies of each photo to them included), one session
    of 2 intra-op threads 2.14 s (1.71–3.60), one thread 2.00 s (1.86–2.47). Threads also
    load the model once, start at once and stop at the next photo.
    """
    found: dict[int, list[BlurRegion]] = {}
    if not todo:
        return found
    count = max(1, workers or os.cpu_count() or 1)
    progress.advance(0, len(todo))
    running: deque[tuple[int, Future[list[BlurRegion] | str]]] = deque()
    with ThreadPoolExecutor(count, thread_name_prefix="faces") as pool:
        try:
            for photo_id in todo:
                _stop_if_asked(progress)
                data = _photo_bytes(survey, photo_id, scan)
                if data is None:
                    progress.advance(progress.done + 1)
                    continue
                running.append((photo_id, pool.submit(_faces_or_code, data)))
                while len(running) > count or (running and running[0][1].done()):
                    _collect(survey, running.popleft(), hashes, model, found, scan, progress)
            while running:
                _stop_if_asked(progress)
                _collect(survey, running.popleft(), hashes, model, found, scan, progress)
        finally:
            for _, future in running:  # stopped: the photos not started are not scanned
                future.cancel()
    return found


def _stop_if_asked(progress: Progress) -> None:
    if progress.stopped:
        raise BlurCancelledError("The export was stopped.")


def _faces_or_code(data: bytes) -> list[BlurRegion] | str:
    """The faces of a photo, or the error code of a photo that cannot be decoded."""
    try:
        return detect_faces(data)
    except InputError as error:
        return error.code


def _collect(
    survey: SurveyFile,
    job: tuple[int, Future[list[BlurRegion] | str]],
    hashes: Mapping[int, str],
    model: str,
    found: dict[int, list[BlurRegion]],
    scan: PhotoScan,
    progress: Progress,
) -> None:
    """Wait for one photo's faces and keep them."""
    photo_id, future = job
    _keep(survey, photo_id, hashes.get(photo_id), model, future.result(), found, scan)
    progress.advance(progress.done + 1)


def _keep(
    survey: SurveyFile,
    photo_id: int,
    sha256: str | None,
    model: str,
    faces: list[BlurRegion] | str,
    found: dict[int, list[BlurRegion]],
    scan: PhotoScan,
) -> None:
    """Store the faces found in one photo as its regions, and by its content hash when
    ``sha256`` is given (or note why it could not be scanned)."""
    if isinstance(faces, str):
        scan.failed.append((photo_id, faces))
        return
    found[photo_id] = faces
    if survey.readonly:
        return
    with survey.transaction():
        survey.record_detection(photo_id, model, faces)
        if sha256 is not None:
            survey.add_detections([Detection(sha256, model, tuple(faces))])


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
