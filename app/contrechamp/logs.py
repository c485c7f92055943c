"""The log a user can attach to a bug report: what failed and where, never what was mapped.

The rule for every log call in the package: the message is a fixed text, and its arguments
are codes, types or counts (``_log.exception("base map tile failed (%s)", type(p).__name__)``),
never a position, a tile, a camera id, a tag value, a name, a file name or a path of the user's
data. What the handlers can enforce, they do:

- only the package's own loggers (``contrechamp.*``) are written: third-party libraries may log
  the data they read;
- an exception is written as its type and its traceback (file, line, function and source line
  of each frame), never its message, which may quote a value: a coordinate, a tag, a path.

The window writes the file (``log_to_file``, in a folder the ui chooses); the headless commands
only print warnings on stderr (``log_warnings_to_stderr``). No Qt here.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections import Counter
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

__all__ = [
    "LOG_FILE_NAME",
    "PACKAGE_LOGGER",
    "PrivateFormatter",
    "exception_lines",
    "log_exception",
    "log_to_file",
    "log_warnings_to_stderr",
    "stop_log_file",
]

PACKAGE_LOGGER = "contrechamp"
LOG_FILE_NAME = "contrechamp.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3  # contrechamp.log.1 … .3: at most 4 MB on disk
_FILE_HANDLER = "contrechamp.file"
_STDERR_HANDLER = "contrechamp.stderr"
_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"
_ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
REPEAT_EVERY = 100
_repeats: Counter[tuple[str, str, str, int]] = Counter()
_repeats_lock = threading.Lock()


def _frame_lines(trace: TracebackType | None) -> list[str]:
    lines = ["Traceback (most recent call last):\n"]
    for frame in traceback.extract_tb(trace):
        place = "/".join(Path(frame.filename).parts[-3:])  # no home folder, no user name
        lines.append(f'  File "{place}", line {frame.lineno}, in {frame.name}\n')
        if frame.line:
            lines.append(f"    {frame.line.strip()}\n")
    return lines


def exception_lines(error: BaseException) -> list[str]:
    """Return a traceback of ``error`` and of its causes, with the type of each, no message.

    >>> try:
    ...     raise ValueError("camera at 48.8566,2.3522")
    ... except ValueError as error:
    ...     print("".join(exception_lines(error)).splitlines()[-1])
    builtins.ValueError
    """
    lines: list[str] = []
    if error.__cause__ is not None:
        lines += [*exception_lines(error.__cause__), _CAUSE]
    elif error.__context__ is not None and not error.__suppress_context__:
        lines += [*exception_lines(error.__context__), _CONTEXT]
    kind = type(error)
    return [*lines, *_frame_lines(error.__traceback__), f"{kind.__module__}.{kind.__qualname__}\n"]


def _times_seen(logger: logging.Logger, message: str, error: BaseException) -> int:
    frames = traceback.extract_tb(error.__traceback__)
    place = (frames[-1].filename, frames[-1].lineno or 0) if frames else ("", 0)
    key = (f"{logger.name}:{message}", type(error).__qualname__, *place)
    with _repeats_lock:
        _repeats[key] += 1
        return _repeats[key]


def log_exception(logger: logging.Logger, message: str, *args: object) -> None:
    """Log the exception being handled, as ``logger.exception`` does, once per kind of failure.

    The same failure again (same message, exception type and raising line: a broken tile
    source fails on every tile) is only counted, one line every ``REPEAT_EVERY`` times, so
    that it never pushes the rest of the log out of the rotated files.
    """
    error = sys.exc_info()[1]
    if error is None:
        logger.error(message, *args, stacklevel=2)
        return
    seen = _times_seen(logger, message, error)
    if seen == 1:
        logger.exception(message, *args, stacklevel=2)
    elif seen % REPEAT_EVERY == 0:
        kind = type(error).__qualname__
        logger.error(message + " (%d times, %s)", *args, seen, kind, stacklevel=2)


class PrivateFormatter(logging.Formatter):
    """Writes exceptions as their type and traceback only (see the module's rule)."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        """The record's line, then its exception if any, formatted here and nowhere else."""
        cached = record.exc_text
        record.exc_text = None  # another formatter's text would hold the exception's message
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: _ExcInfo | tuple[None, None, None]) -> str:
        """The traceback and type of the exception, without its message."""
        _, error, _ = ei
        return "".join(exception_lines(error)).rstrip("\n") if error else ""


class _CurrentStderr(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is when a record comes (tests swap it)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


def _install(handler: logging.Handler, name: str, level: int) -> None:
    handler.set_name(name)
    handler.setFormatter(PrivateFormatter())
    handler.setLevel(level)
    logger = logging.getLogger(PACKAGE_LOGGER)
    _remove(name)
    logger.addHandler(handler)
    logger.setLevel(min(level, logger.level or logging.WARNING))


def _remove(name: str) -> None:
    logger = logging.getLogger(PACKAGE_LOGGER)
    for old in [h for h in logger.handlers if h.get_name() == name]:
        logger.removeHandler(old)
        old.close()


def log_to_file(folder: Path, level: int = logging.INFO) -> Path:
    """Write the package's records of ``level`` and above to ``folder``/contrechamp.log.

    The file is rotated at 1 MB, three old ones kept. Calling again replaces the file handler.
    Returns the log file's path.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    _install(handler, _FILE_HANDLER, level)
    return path


def stop_log_file() -> None:
    """Close the log file, if one is open (the records that follow are not written)."""
    _remove(_FILE_HANDLER)


def log_warnings_to_stderr() -> None:
    """Print the package's warnings and errors on stderr, formatted by the same rule."""
    _install(_CurrentStderr(), _STDERR_HANDLER, logging.WARNING)
