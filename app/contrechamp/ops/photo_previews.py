"""Photo previews: 320-px upright thumbnails rendered on all cores, saved to the survey."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from contrechamp.core.errors import InputError, SurveyError
from contrechamp.formats.photo_files import PREVIEW_SIZE, preview_jpeg
from contrechamp.ops.progress import Progress, quiet
from contrechamp.store.survey import SurveyFile

__all__ = ["render_previews"]

# A photo deleted meanwhile, or pending with its original gone: no preview, the rest goes on.
_PHOTO_GONE = frozenset({"photo.missing", "photo.pending"})
# Threads waiting on the GIL (Pillow's Python parts) or on the calling thread's reads leave
# a core idle with one thread per core, and lose their share of a busy machine: 120 photos
# on 2 cores with 2 CPU hogs took 8.1 s on 2 threads, 5.8 s on 4 (vipsthumbnail: 7.2 s).
_THREADS_PER_CORE = 2


def render_previews(
    survey: SurveyFile,
    photo_ids: Sequence[int],
    *,
    size: int = PREVIEW_SIZE,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[tuple[int, str]]:
    """Render upright ``size``-px previews of photos on all cores and store them as their
    thumbnails. The survey is only touched from the calling thread, which reads the next
    photos while the pool decodes (Pillow releases the GIL while decoding; ``workers``
    defaults to two threads per core); previews are saved a window at a time in one
    transaction (they are a cache: one commit, not one per photo). A pending photo is read
    from its original. Returns (photo id, error code) for the photos that could not be
    rendered (e.g. "photo.pending": its original is gone).
    ``progress`` advances by (photos read, photos asked for); stopping it renders no more."""
    progress = progress or quiet()
    count = workers or _THREADS_PER_CORE * (os.cpu_count() or 1)
    failures: list[tuple[int, str]] = []
    done: list[tuple[int, bytes]] = []
    with ThreadPoolExecutor(max_workers=count) as pool:
        running: deque[tuple[int, Future[bytes | InputError]]] = deque()
        for index, photo_id in enumerate(photo_ids):
            if progress.stopped:
                break
            progress.advance(index + 1, len(photo_ids))
            data = _photo_bytes(survey, photo_id, failures)
            if data is None:
                continue
            running.append((photo_id, pool.submit(_preview_or_error, data, size)))
            if len(running) > 2 * count:
                _collect(running.popleft(), done, failures)
            if len(done) >= 4 * count:
                _save_previews(survey, done)
        while running:
            _collect(running.popleft(), done, failures)
    _save_previews(survey, done)
    return failures


def _photo_bytes(
    survey: SurveyFile, photo_id: int, failures: list[tuple[int, str]]
) -> bytes | None:
    """A photo's bytes; None (its failure noted) when it is gone or pending without original."""
    try:
        return survey.photo_data(photo_id)
    except SurveyError as error:
        if error.code not in _PHOTO_GONE:
            raise
        failures.append((photo_id, error.code))
        return None


def _collect(
    job: tuple[int, Future[bytes | InputError]],
    done: list[tuple[int, bytes]],
    failures: list[tuple[int, str]],
) -> None:
    """Wait for one preview and sort it into the rendered or the failed."""
    photo_id, future = job
    result = future.result()
    if isinstance(result, bytes):
        done.append((photo_id, result))
    else:
        failures.append((photo_id, result.code))


def _save_previews(survey: SurveyFile, done: list[tuple[int, bytes]]) -> None:
    """Store rendered previews in one transaction and empty the list."""
    with survey.transaction():
        for photo_id, preview in done:
            survey.set_thumbnail(photo_id, preview)
    done.clear()


def _preview_or_error(data: bytes, size: int) -> bytes | InputError:
    """A preview, or the error that prevented it (returned, to cross the thread pool)."""
    try:
        return preview_jpeg(data, size)
    except InputError as error:
        return error
