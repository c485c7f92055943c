"""Errors the non-UI layers raise; each carries a code the UI and CLI turn into a message."""

from __future__ import annotations

__all__ = ["ContrechampError", "InputError", "SurveyError"]


class ContrechampError(Exception):
    """Base of every expected error: a user mistake or bad input, never a bug.

    ``code`` is stable (the UI translates it); ``detail`` is a short English sentence
    for the command line and logs; ``subject`` names the one file to blame when there are
    several (the window leads its translated sentence with it).
    """

    code = "error"

    def __init__(self, detail: str, code: str | None = None, subject: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.subject = subject
        if code is not None:
            self.code = code


class InputError(ContrechampError):
    """A file or value given to us is malformed, hostile or unsupported."""

    code = "input.invalid"


class SurveyError(ContrechampError):
    """The survey file cannot be opened or written (busy, newer schema, corrupt, disk full)."""

    code = "survey.invalid"
