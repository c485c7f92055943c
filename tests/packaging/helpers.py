"""Shared steps of the packaging tests: the headless walk through a survey, run as a user."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from pathlib import Path

__all__ = ["headless_walk", "run"]


def run(command: Sequence[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command to completion; return its output, or fail with what it printed."""
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def headless_walk(
    program: Sequence[str | Path], extract: Path, cwd: Path, env: dict[str, str] | None = None
) -> int:
    """A new survey, the extract as its area and as cameras, exported to GeoJSON;
    return the number of cameras exported."""
    survey, out = cwd / "walk.cartoparty", cwd / "walk.geojson"
    run([*program, "new", survey, "--title", "Monaco"], cwd, env)
    assert "Area loaded" in run([*program, "area", survey, extract], cwd, env)
    run([*program, "import", survey, extract], cwd, env)
    run([*program, "export", survey, "--format", "geojson", "-o", out], cwd, env)
    return len(json.loads(out.read_text(encoding="utf-8"))["features"])
