"""Where an export may write: never over a survey, its logs or another database."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from contrechamp.core.errors import InputError
from contrechamp.formats.held_files import SIDECARS, refuse_held
from contrechamp.store.survey import SurveyFile

__all__ = ["check_target"]


def check_target(survey: SurveyFile, out: Path, *, geopackage: bool = False) -> None:
    """Refuse an export target that is a folder, a survey (or one of its logs), a database,
    or something that is neither a file nor a device or pipe to write through. A GeoPackage
    export (``geopackage``) may replace a GeoPackage (an earlier export)."""
    refuse_held(out)  # the open survey or its logs: never opened outside SQLite
    target = Path(os.path.realpath(out))  # an export replaces the file a link points to
    if any(_is_survey_name(p.name) for p in (out, target)):
        raise InputError(f"{out.name}: would overwrite a survey file", "export.target")
    try:
        mode: int | None = os.stat(out).st_mode
    except FileNotFoundError:
        mode = None
    if mode is None:
        if not target.parent.is_dir():
            raise InputError(f"{target.parent}: no such folder", "export.target")
    elif stat.S_ISDIR(mode):
        raise InputError(f"{out}: is a folder, not a file name", "export.target")
    elif stat.S_ISREG(mode):
        _refuse_database(survey, out, geopackage)
    elif not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):  # a terminal, /dev/null, a pipe: ok
        raise InputError(f"{out.name}: not a regular file, a device or a pipe", "export.target")


def _is_survey_name(name: str) -> bool:
    """A survey file's name, or its write-ahead log, shared memory or journal."""
    return name.endswith((SurveyFile.SUFFIX, *(SurveyFile.SUFFIX + end for end in SIDECARS)))


def _refuse_database(survey: SurveyFile, out: Path, geopackage: bool) -> None:
    """Refuse to replace the survey itself or any SQLite database (but a GeoPackage, whose
    header says ``GPKG`` as its application id, when ``geopackage``)."""
    if out.resolve() == survey.path.resolve():
        raise InputError(f"{out.name}: would overwrite a survey file", "export.target")
    with out.open("rb") as handle:
        head = handle.read(72)
    if head[:16] == b"SQLite format 3\x00" and not (geopackage and head[68:72] == b"GPKG"):
        raise InputError(f"{out.name}: would overwrite a database", "export.target")
