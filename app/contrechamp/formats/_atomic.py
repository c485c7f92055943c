"""Write a file all at once: a temporary file in the same folder, then an atomic rename.

What already sits at the path decides how: a regular file (or a symbolic link to one) is
replaced by the rename and keeps its permissions; a symbolic link stays a link and its target
is replaced; a terminal, ``/dev/null`` or a named pipe is written directly, since renaming over
it would replace the device or the pipe itself. Anything else (a folder, a socket, a block
device) is refused with ``OSError``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

__all__ = ["atomic_bytes_writer", "atomic_file", "atomic_text_writer", "write_bytes_atomically"]

_NEW_FILE_MODE = 0o644  # an export is meant to be shared


@contextmanager
def atomic_bytes_writer(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary stream whose content replaces ``path`` only if the block succeeds."""
    if _is_stream_target(path):
        with open(path, "wb") as stream:
            yield stream
        return
    with _atomic_replace(path) as temp, temp.open("wb") as stream:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once (durably, never half-written)."""
    with atomic_bytes_writer(path) as stream:
        stream.write(data)


@contextmanager
def atomic_text_writer(
    path: Path, *, newline: str | None = None, encoding: str = "utf-8"
) -> Iterator[TextIO]:
    """Yield a text stream whose content replaces ``path`` only if the block succeeds.

    On any exception the temporary file is removed and ``path`` is left untouched (a device
    or a pipe, written directly, has then received part of the text).
    """
    if _is_stream_target(path):
        with open(path, "w", encoding=encoding, newline=newline) as stream:
            yield stream
        return
    with (
        _atomic_replace(path) as temp,
        temp.open("w", encoding=encoding, newline=newline) as stream,
    ):
        yield stream
        stream.flush()
        os.fsync(stream.fileno())


@contextmanager
def atomic_file(path: Path, suffix: str = "") -> Iterator[Path]:
    """Yield a file name ending in ``suffix`` that does not exist yet, for writers that need
    a name rather than a stream (GDAL's GeoPackage driver, which also wants its ``.gpkg``);
    what the block writes there then replaces ``path`` as above, or is copied through when
    ``path`` is a device or a pipe. Nothing is left behind if the block fails."""
    if _is_stream_target(path):
        with tempfile.TemporaryDirectory(prefix="contrechamp-") as folder:
            temp = Path(folder) / f"export{suffix}"
            yield temp
            with temp.open("rb") as source, open(path, "wb") as stream:
                shutil.copyfileobj(source, stream)
        return
    with _atomic_replace(path) as temp:
        named = temp.with_name(temp.name + suffix)  # beside the temporary file: ours too
        temp.unlink()
        try:
            yield named
            fd = os.open(named, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(named, temp)
        finally:
            named.unlink(missing_ok=True)


def _is_stream_target(path: Path) -> bool:
    """True when ``path`` is (or links to) a character device or a named pipe; ``OSError``
    when it is something that can be neither replaced nor written to."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return False


@contextmanager
def _atomic_replace(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside the file ``path`` names (through any symbolic link);
    it replaces that file, with its permissions, if the block succeeds."""
    target = Path(os.path.realpath(path))
    try:
        before: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        before = None
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        _take_permissions(temp, before)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _take_permissions(temp: Path, before: os.stat_result | None) -> None:
    """Give the new file the mode (and, when allowed, the owner) of the file it replaces."""
    if before is None:
        os.chmod(temp, _NEW_FILE_MODE)  # mkstemp makes it 0600
        return
    if os.name == "posix" and (before.st_uid, before.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):  # only root may give a file away
            os.chown(temp, before.st_uid, before.st_gid)
    os.chmod(temp, stat.S_IMODE(before.st_mode))
