"""Turn SQLite failures into SurveyError codes the UI and CLI can explain."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from contrechamp.core.errors import SurveyError

__all__ = ["sqlite_failure", "translate_errors"]

# Primary SQLite result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26

_BY_CODE: dict[int, tuple[str, str]] = {
    _BUSY: ("survey.busy", "The survey file is in use by another program; try again."),
    _LOCKED: ("survey.busy", "The survey file is in use by another program; try again."),
    _READONLY: ("survey.readonly", "The survey file is read-only."),
    _IOERR: ("survey.io", "The survey file could not be read or written."),
    _CORRUPT: ("survey.corrupt", "The survey file is damaged."),
    _FULL: ("survey.full", "The disk is full: the last change was not saved."),
    _CANTOPEN: ("survey.io", "The survey file could not be opened."),
    _NOTADB: ("survey.corrupt", "This is not a survey file."),
}


def sqlite_failure(error: sqlite3.Error) -> SurveyError:
    """Return the SurveyError that explains a sqlite3 error to a user."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _BY_CODE:
        survey_code, detail = _BY_CODE[code & 0xFF]
        return SurveyError(detail, survey_code)
    if "locked" in str(error):
        return SurveyError(_BY_CODE[_BUSY][1], "survey.busy")
    return SurveyError(f"The survey file could not be used ({error}).", "survey.io")


@contextmanager
def translate_errors() -> Iterator[None]:
    """Raise SurveyError instead of sqlite3/SQLAlchemy/OS errors escaping from the block."""
    try:
        yield
    except sa_exc.DBAPIError as error:
        orig = error.orig
        if isinstance(orig, sqlite3.Error):
            raise sqlite_failure(orig) from error
        raise SurveyError("The survey file could not be used.", "survey.io") from error
    except sqlite3.Error as error:
        raise sqlite_failure(error) from error
    except OSError as error:
        raise SurveyError(
            f"The survey file could not be used ({error.strerror}).", "survey.io"
        ) from error
