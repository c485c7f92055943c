"""Write a file all at once: a temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

__all__ = ["atomic_bytes_writer", "atomic_text_writer", "write_bytes_atomically"]


@contextmanager
def atomic_bytes_writer(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary stream whose content replaces ``path`` only if the block succeeds."""
    with _atomic_replace(path) as temp, temp.open("wb") as stream:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once (durably, never half-written)."""
    with atomic_bytes_writer(path) as stream:
        stream.write(data)


@contextmanager
def _atomic_replace(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it replaces ``path`` if the block succeeds."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, 0o644)  # mkstemp makes it 0600; an export is meant to be shared
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text_writer(
    path: Path, *, newline: str | None = None, encoding: str = "utf-8"
) -> Iterator[TextIO]:
    """Yield a text stream whose content replaces ``path`` only if the block succeeds.

    On any exception the temporary file is removed and ``path`` is left untouched.
    """
    with (
        _atomic_replace(path) as temp,
        temp.open("w", encoding=encoding, newline=newline) as stream,
    ):
        yield stream
        stream.flush()
        os.fsync(stream.fileno())
