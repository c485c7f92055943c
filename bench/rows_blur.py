"""Row: faces found and blurred in 12-MP photos (a photo export) beside ``deface`` on the same
files in the same run, and the same export again with what was found kept in the survey."""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from bench.datasets import BenchData
from bench.gen_photos import PHOTO_SIZE, base_jpeg
from bench.results import RowResult
from bench.targets import TARGETS
from bench.timing import time_calls, time_tool
from contrechamp.core.camera import Camera
from contrechamp.core.photo import PhotoInfo
from contrechamp.ops.face_detection import DETECTION_SIDE
from contrechamp.ops.photo_export import export_photos
from contrechamp.store.survey import SurveyFile

__all__ = ["face_photos", "measure_blur"]

_PHOTOS = {"full": 8, "quick": 3}
_HEADS = ((300, 700, 420), (1500, 900, 260), (2500, 1200, 160), (3300, 600, 90))
"""(left, top, height) of the astronaut's head pasted on each photo: near to far."""


def face_photos(folder: Path, count: int) -> list[Path]:
    """``count`` 12-MP JPEGs, each the bench's photo texture with four heads on it (from
    scikit-image's astronaut, which ``deface`` pulls in), every file unique."""
    from skimage import data

    folder.mkdir(parents=True, exist_ok=True)
    head = Image.fromarray(data.astronaut()).crop((160, 30, 290, 190))
    paths = []
    for n in range(count):
        body, _ = base_jpeg(n % 4, PHOTO_SIZE)
        photo = Image.open(io.BytesIO(body)).convert("RGB")
        for left, top, height in _HEADS:
            width = round(height * head.width / head.height)
            photo.paste(head.resize((width, height)), (left + 37 * n, top))
        path = folder / f"street-{n:02d}.jpg"
        photo.save(path, "JPEG", quality=90)
        paths.append(path)
    return paths


def _survey(path: Path, photos: list[Path]) -> None:
    with SurveyFile.create(path, surveyor="bench") as survey:
        camera = Camera(43.7331, 7.4251, {"man_made": "surveillance"}, id="cam")
        survey.add_camera(camera)
        for photo in photos:
            info = PhotoInfo(None, "cam", "", photo.name, "image/jpeg")
            survey.add_photo(info, photo.read_bytes())


def _export(survey: Path, out: Path, expected: int) -> int:
    """Export the photos blurred; return the faces blurred (checked against what is pasted)."""
    with SurveyFile.open(survey) as opened:
        written = export_photos(opened, out, blur=True)
        if len(written.written) != expected or written.failed:
            raise RuntimeError(f"blurred export wrote {len(written.written)} of {expected}")
        ids = [p.id for p in opened.photos() if p.id is not None]
        return sum(len([r for r in regions if not r.empty])
                   for regions in opened.blur_regions_of(ids).values())  # fmt: skip


def _fresh(survey: Path, photos: list[Path], out: Path) -> None:
    """Untimed, before a first export: the survey made again (nothing found kept), no copies."""
    shutil.rmtree(out, ignore_errors=True)
    SurveyFile.discard(survey)
    _survey(survey, photos)


def _clear_deface(folder: Path) -> None:
    for done in folder.glob("*_anonymized*"):
        done.unlink()


def measure_blur(data: BenchData) -> tuple[RowResult, Callable[[], object] | None]:
    """Seconds per 12-MP photo to find and blur the faces (a first photo export, in this
    process: the model loaded once before) against the ``deface`` command on the same files
    (its whole process, at full resolution); the export again, faces kept, in the details."""
    count = _PHOTOS.get(data.sizes.label, 8)
    runs = data.sizes.heavy_runs
    folder = Path(tempfile.mkdtemp(prefix="contrechamp-bench-blur-"))
    try:
        photos = face_photos(folder / "photos", count)
        survey, out = folder / "blur.cartoparty", folder / "out"
        _survey(survey, photos)
        faces: list[int] = []
        _export(survey, out, count)  # untimed: the model loaded, as in a running app
        first = time_calls(
            lambda: faces.append(_export(survey, out, count)),
            runs,
            lambda: _fresh(survey, photos, out),
        )
        again = time_calls(lambda: _export(survey, out, count), runs)
        deface = Path(sys.executable).with_name("deface")
        ref = time_tool([deface, *photos], runs, lambda: _clear_deface(photos[0].parent))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    per_photo = 1 / count
    goal = TARGETS["blur_faces"]
    name = f"find and blur faces, {count} 12-MP photos"
    row = RowResult.measured(
        "blur_faces", name, "s/photo", goal, first.scaled(per_photo), ref.scaled(per_photo)
    )
    row.reference_tool = "deface (CenterFace, the same model; its whole process, full resolution)"
    row.details = {
        "photos": count,
        "faces_pasted": count * len(_HEADS),
        "faces_blurred": faces[-1] if faces else None,
        "scanned_at_px": DETECTION_SIDE,
        "cores": os.cpu_count(),
        "second_export_s_per_photo": round(again.median * per_photo, 3),
        "second_export": "the same export again: faces kept in the survey, not looked for",
    }
    return row, None  # where the time goes: ops.blur's docstring, measured by hand
