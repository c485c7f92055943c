"""Where the time goes in a row that misses its target: a cProfile summary as text."""

from __future__ import annotations

import cProfile
import io
import pstats
from collections.abc import Callable
from pathlib import Path

__all__ = ["profile_text", "write_profile"]


def profile_text(action: Callable[[], object], title: str, top: int = 15) -> str:
    """Run ``action`` once under cProfile; return the ``top`` entries by cumulative time.

    When the work happens in a child process, ``action`` returns the path of the child's
    cProfile dump (``python -m cProfile -o``) and that profile is reported instead; an action
    that returns text (a memory report) has that text reported as it is.
    """
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        result = action()
    finally:
        profiler.disable()
    if isinstance(result, str):
        return f"{title}\n\n{result}"
    out = io.StringIO()
    if isinstance(result, Path):
        stats = pstats.Stats(str(result), stream=out)
        result.unlink(missing_ok=True)
    else:
        stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats(pstats.SortKey.CUMULATIVE).print_stats(top)
    return f"{title}\n\n{_trimmed(out.getvalue())}"


def _trimmed(report: str) -> str:
    """The report without pstats' leading blank lines and trailing spaces."""
    lines = [line.rstrip() for line in report.strip("\n").splitlines()]
    return "\n".join(lines) + "\n"


def write_profile(folder: Path, key: str, text: str) -> Path:
    """Write a row's profile to ``folder/<key>.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}.txt"
    path.write_text(text, encoding="utf-8")
    return path
