"""A child process for the durability and concurrency tests: writes to a survey until killed.

Usage: ``python writer_child.py SURVEY MODE RUN [COUNT]``. Prints ``ready`` once the survey is
open, then one line per write *after* the write returned (so each printed line is a promise
that the write is durable). MODE is ``camera`` (one camera per save), ``photo`` (a camera, a
photo, then attaching it), or ``batch`` (an import: 200 cameras and their import record in one
transaction). Stops after COUNT writes when given (default: run until killed).
MODE ``hold`` instead saves one camera inside a transaction kept open for COUNT seconds,
printing ``holding`` once it has the write lock.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

from contrechamp.core.camera import Camera
from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.store import SurveyFile

BATCH = 200


def write_camera(survey: SurveyFile, name: str) -> str:
    """Save one camera; return the line to print."""
    survey.add_camera(Camera(48.85, 2.35, {"ref": name}, id=name))
    return f"camera {name}"


def write_photo(survey: SurveyFile, name: str) -> str:
    """Save a camera and a photo, then attach the photo; return the line to print."""
    survey.add_camera(Camera(48.85, 2.35, {"ref": name}, id=name))
    data = os.urandom(random.randint(5_000, 60_000))
    photo = survey.add_photo(PhotoInfo(None, None, "", f"{name}.jpg", "image/jpeg"), data)
    assert photo.id is not None
    survey.attach_photo(photo.id, name, PhotoRole.CLOSE_UP)
    return f"photo {name} {photo.sha256}"


def write_batch(survey: SurveyFile, name: str) -> str:
    """Import BATCH cameras with their provenance record, all or nothing; return the line."""
    cameras = [Camera(48.85, 2.35, {"ref": name}, id=f"{name}-{k}") for k in range(BATCH)]
    with survey.transaction():
        survey.add_cameras(cameras)
        survey.record_import(name, "test", BATCH)
    return f"batch {name} {BATCH}"


def hold_lock(survey: SurveyFile, name: str, seconds: float) -> None:
    """Keep the survey's write lock for ``seconds`` inside one transaction, then commit."""
    with survey.transaction():
        survey.add_camera(Camera(48.85, 2.35, {"ref": name}, id=name))
        print("holding", flush=True)
        time.sleep(seconds)
    print(f"camera {name}", flush=True)


WRITERS = {"camera": write_camera, "photo": write_photo, "batch": write_batch}


def main() -> None:
    """Open the survey and write until killed (or COUNT writes done)."""
    path, mode, run = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else None
    survey = SurveyFile.open(path)
    print("ready", flush=True)
    if mode == "hold":
        hold_lock(survey, run, float(count or 0))
        survey.close()
        return
    writer = WRITERS[mode]
    index = 0
    while count is None or index < count:
        index += 1
        try:
            line = writer(survey, f"{run}-{index}")
        except SurveyError as error:
            print(f"error {error.code}", flush=True)
            continue
        print(line, flush=True)
    survey.close()


if __name__ == "__main__":
    main()
