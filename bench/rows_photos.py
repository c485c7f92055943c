"""Rows 3–4: walk photos to camera drafts, and 320-px previews on all cores."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.datasets import BenchData
from bench.results import RowResult
from bench.targets import TARGETS
from bench.timing import Timing, time_alternating, time_calls, time_tool
from contrechamp.ops.photo_copy import copy_pending_photos
from contrechamp.ops.photo_import import import_photos
from contrechamp.ops.photo_previews import render_previews
from contrechamp.store.survey import SurveyFile

__all__ = ["measure_import", "measure_previews"]

# Where the time goes shows on a fifth of the photos; a profile of all of them takes minutes.
_PROFILED = 200


def _import_into_new_survey(folder: Path, photos: Sequence[Path]) -> int:
    """Create a survey in ``folder`` and import the photos (phase 1: drafts, photos pending);
    return the drafts created."""
    path = folder / "photos.cartoparty"
    with SurveyFile.create(path, surveyor="bench") as survey:
        summary = import_photos(survey, list(photos), surveyor="bench")
    if summary.skipped:
        raise RuntimeError(f"photo import skipped {len(summary.skipped)}: {summary.skipped[:3]}")
    return summary.drafts_created


def _copy_into_survey(folder: Path) -> int:
    """Phase 2: copy the imported photos' bytes into the survey; return how many."""
    with SurveyFile.open(folder / "photos.cartoparty") as survey:
        summary = copy_pending_photos(survey)
        if summary.left or survey.pending_count():
            raise RuntimeError(f"{len(summary.left)} photos not copied: {summary.left[:3]}")
    return summary.copied


def _clear(folder: Path) -> None:
    for path in folder.glob("photos.cartoparty*"):
        path.unlink()


def _warm_up(folder: Path, photos: Sequence[Path]) -> None:
    """Untimed, before both sides: read every photo once (the page cache then holds them for
    ours and exiftool alike) and import one photo (the modules a running app has loaded)."""
    for path in photos:
        path.read_bytes()
    _import_into_new_survey(folder, photos[:1])
    _clear(folder)


def measure_import(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """Row 3: ``import_photos`` into a fresh survey against ``exiftool -n -json`` (wall time),
    both after one untimed warm-up."""
    photos = data.photos
    runs = data.sizes.heavy_runs
    folder = Path(tempfile.mkdtemp(prefix="contrechamp-bench-"))
    drafts: list[int] = []
    try:
        _warm_up(folder, photos)
        ours = time_calls(
            lambda: drafts.append(_import_into_new_survey(folder, photos)),
            runs,
            lambda: _clear(folder),
        )
        copied: list[int] = []  # phase 2, once, on the last run's survey
        copy = time_calls(lambda: copied.append(_copy_into_survey(folder)), 1)
        ref = time_tool(["exiftool", "-n", "-json", *photos], runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    goal = TARGETS["photo_import"]
    name = f"{len(photos):,} phone photos → drafts"
    row = RowResult.measured("photo_import", name, "s", goal, ours, ref)
    row.reference_tool = "exiftool -n -json (reads metadata only, stores nothing)"
    row.details = {
        "photos": len(photos),
        "drafts": drafts[-1] if drafts else None,
        "copy_phase_s": round(copy.median, 3),
        "copy_phase_ms_per_photo": round(1000 * copy.median / max(len(photos), 1), 2),
        "photos_copied": copied[-1] if copied else None,
        "warm_up": "photos read once and one photo imported, untimed, before both sides",
    }
    return row, lambda: _profile_import(photos[:_PROFILED])


def _profile_import(photos: Sequence[Path]) -> None:
    """The timed phase only (drafts); the copy phase is reported apart in the row's details."""
    folder = Path(tempfile.mkdtemp(prefix="contrechamp-bench-"))
    try:
        _import_into_new_survey(folder, photos)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _vips_all_cores(photos: Sequence[Path], out: Path) -> None:
    """vipsthumbnail -s 320 over the photos, one process per core on an equal share."""
    cores = os.cpu_count() or 1
    shares = [photos[i::cores] for i in range(cores)]
    pattern = str(out / "%s.jpg")
    procs = [
        subprocess.Popen(["vipsthumbnail", "-s", "320", "-o", pattern, *map(str, share)])
        for share in shares
        if share
    ]
    if any(proc.wait() != 0 for proc in procs):
        raise RuntimeError("vipsthumbnail failed")


def measure_previews(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """Row 4: ``render_previews`` (the app's background runner) against vipsthumbnail, per photo."""
    photos = data.photos
    runs = data.sizes.heavy_runs
    folder = Path(tempfile.mkdtemp(prefix="contrechamp-bench-"))
    # Kept for the profile of a miss, removed at exit in any case.
    atexit.register(shutil.rmtree, folder, True)
    try:
        _import_into_new_survey(folder, photos)
        _copy_into_survey(folder)
        thumbs = folder / "vips"
        thumbs.mkdir()
        with SurveyFile.open(folder / "photos.cartoparty") as survey:
            ids = [p.id for p in survey.photos() if p.id is not None]
            ours, ref = time_alternating(
                lambda: _render(survey, ids), lambda: _vips_all_cores(photos, thumbs), runs
            )
        row = _previews_row(ours, ref, len(ids))
        profile_survey = folder / "photos.cartoparty"
        return row, lambda: _profile_previews(profile_survey, ids[:_PROFILED], folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _render(survey: SurveyFile, ids: list[int]) -> None:
    failures = render_previews(survey, ids)
    if failures:
        raise RuntimeError(f"{len(failures)} previews failed: {failures[:3]}")


def _previews_row(ours: Timing, ref: Timing, count: int) -> RowResult:
    per_photo = 1000 / count
    goal = TARGETS["photo_previews"]
    row = RowResult.measured(
        "photo_previews",
        "preview thumbnails (320 px) of 12-MP JPEGs, all cores",
        "ms/photo",
        goal,
        ours.scaled(per_photo),
        ref.scaled(per_photo),
    )
    row.reference_tool = f"vipsthumbnail -s 320, {os.cpu_count()} processes"
    row.details = {"photos": count, "cores": os.cpu_count()}
    return row


def _profile_previews(survey_path: Path, ids: list[int], folder: Path) -> None:
    try:
        with SurveyFile.open(survey_path) as survey:
            _render(survey, ids)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
