"""A child process that holds a survey open the way the window does, for the lock-loss tests.

Usage: ``python window_child.py SURVEY``. Opens the survey as the window's session does, then
reads commands on stdin, one per line, and answers on stdout once each is done:

- ``save RUN COUNT``: saves COUNT cameras, printing ``camera ID`` after each save returned
  (each line is a promise that the save is durable);
- ``export OUT``: exports GeoJSON through the window's background job (``SurveyJobs``, which
  opens a connection of its own, as File → Export does), printing ``exported N``;
- ``read PATH``: tries every reader the window offers on PATH (import, photo, GPS track),
  printing ``refused CODE`` or ``read`` for each.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop

from contrechamp.core.camera import Camera
from contrechamp.core.errors import ContrechampError
from contrechamp.formats.gpx import read_gpx_track
from contrechamp.ops.exports import ExportFormat, export_survey
from contrechamp.ops.imports import import_files
from contrechamp.ops.photo_reading import read_photo
from contrechamp.store import SurveyFile
from contrechamp.ui.survey_jobs import SurveyJob, SurveyJobs


def _in_background(jobs: SurveyJobs, path: Path, out: Path) -> Any:
    loop = QEventLoop()
    outcome: list[object] = []

    def done(value: object) -> None:
        outcome.append(value)
        loop.quit()

    work = lambda survey, _stopping: export_survey(survey, ExportFormat.GEOJSON, out)  # noqa: E731
    jobs.run(SurveyJob(path, work, done, done, "export"))
    loop.exec()
    return outcome[0]


def _read_all(survey: SurveyFile, path: Path) -> list[str]:
    readers = (
        lambda: import_files(survey, [path]),
        lambda: read_photo(path),
        lambda: read_gpx_track(path),
    )
    answers = []
    for reader in readers:
        try:
            reader()
        except ContrechampError as error:
            answers.append(f"refused {error.code}")
        else:
            answers.append("read")
    return answers


def main() -> None:
    """Hold the survey open and obey the commands on stdin."""
    app = QCoreApplication([])
    path = Path(sys.argv[1])
    survey = SurveyFile.open(path)
    jobs = SurveyJobs(app)
    print("ready", flush=True)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "save":
            for index in range(int(args[1])):
                camera = Camera(43.73, 7.42, {"ref": f"{args[0]}-{index}"}, id=f"{args[0]}-{index}")
                survey.add_camera(camera)
                print(f"camera {camera.id}", flush=True)
        elif command == "export":
            print(f"exported {_in_background(jobs, path, Path(args[0]))}", flush=True)
        elif command == "read":
            print(" ".join(_read_all(survey, Path(args[0]))), flush=True)
        print("done", flush=True)


if __name__ == "__main__":
    main()
