"""Atomic writes respect what sits at the path: a file keeps its mode, a link stays a link,
a device or a pipe is written through, never replaced."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from contrechamp.formats._atomic import atomic_text_writer, write_bytes_atomically


def test_a_new_file_is_readable_by_all(tmp_path: Path) -> None:
    path = tmp_path / "out.geojson"
    write_bytes_atomically(path, b"{}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "private.csv"
    path.write_text("old")
    path.chmod(0o600)
    write_bytes_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_symbolic_link_stays_and_its_target_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    target = tmp_path / "shared" / "cameras.geojson"
    target.write_text("old")
    link = tmp_path / "link.geojson"
    link.symlink_to(target)
    with atomic_text_writer(link) as out:
        out.write("new")
    assert link.is_symlink()
    assert target.read_text() == "new"
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == ["cameras.geojson"]


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "made.csv")
    write_bytes_atomically(link, b"x")
    assert link.is_symlink()
    assert (tmp_path / "made.csv").read_bytes() == b"x"


def test_a_named_pipe_is_written_through(tmp_path: Path) -> None:
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    with atomic_text_writer(pipe) as out:
        out.write("through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["out.fifo"]


def test_a_character_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    null = tmp_path / "null"
    try:  # a device node like /dev/null, made here: the real one is never touched
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here (needs root)")
    write_bytes_atomically(null, b"gone")
    assert stat.S_ISCHR(null.stat().st_mode)
    assert null.stat().st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_a_socket_or_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        write_bytes_atomically(folder, b"x")
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(OSError, match="not a regular file"):
            write_bytes_atomically(path, b"x")
    finally:
        server.close()
    assert stat.S_ISSOCK(path.stat().st_mode)
