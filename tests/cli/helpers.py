"""What the command-line tests share: running a command in-process or as a real process, and
checking that a refusal is one clean sentence."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contrechamp.cli import main


def run(*args: str | Path) -> int:
    """Run one ``contrechamp`` command in this process; return its exit status."""
    return main([str(a) for a in args])


def run_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run one ``contrechamp`` command as its own process (offscreen), output captured."""
    return subprocess.run(
        [sys.executable, "-m", "contrechamp", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The one line on stderr: no traceback, no empty parentheses where a detail belongs."""
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    assert "()" not in err
    return err
