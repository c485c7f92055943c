"""A child process for the copy tests: copies a survey's pending photos, killing itself midway.

Usage: ``python copy_child.py SURVEY KILL_AT BATCH_BYTES``. Copies with batches of
BATCH_BYTES and sends itself SIGKILL once KILL_AT photos have been read (so some batches are
committed and one is half-read), the way a dead battery or a killed app would stop it.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from contrechamp.ops import photo_copy
from contrechamp.ops.progress import Progress
from contrechamp.store import SurveyFile


def main(survey_path: Path, kill_at: int, batch_bytes: int) -> None:
    """Copy until ``kill_at`` photos are read, then die without any cleanup."""
    photo_copy.BATCH_BYTES = batch_bytes

    def progress(done: int, _total: int) -> None:
        if done >= kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    with SurveyFile.open(survey_path) as survey:
        photo_copy.copy_pending_photos(survey, Progress(listener=progress))
    print("finished without being killed", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
