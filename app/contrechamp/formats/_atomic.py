"""Write a file all at once: a temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_text_writer"]


@contextmanager
def atomic_text_writer(
    path: Path, *, newline: str | None = None, encoding: str = "utf-8"
) -> Iterator[TextIO]:
    """Yield a text stream whose content replaces ``path`` only if the block succeeds.

    On any exception the temporary file is removed and ``path`` is left untouched.
    """
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temp = Path(temp_name)
    try:
        with open(fd, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)  # mkstemp makes it 0600; an export is meant to be shared
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
