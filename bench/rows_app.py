"""Rows 9–10: cold start to the first painted map, and memory with the cameras open.

Each figure comes from a fresh subprocess (``bench.app_child``) with the offscreen platform,
private settings, data and cache folders and no network; the reference is a bare PySide6
window measured the same way in the same run. The cold starts share one cache folder, so that
each start after the first finds the base map tiles the first one kept, as a user's second
start does; the first start, with an empty cache, is reported beside them.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from bench.config import REPO_DIR
from bench.datasets import BenchData
from bench.results import RowResult
from bench.targets import TARGETS
from bench.timing import Timing

__all__ = ["measure_cold_start", "measure_memory"]

_MEMORY_SETTLE_S = 2.0


@cache
def _bytecode_compiled() -> None:
    """Compile the app's modules, as installing it does (pip compiles a wheel's): a child
    must not compile them again at each start, the more so with PYTHONDONTWRITEBYTECODE set,
    while PySide6, the reference's, comes compiled."""
    compileall.compile_dir(REPO_DIR / "app" / "contrechamp", quiet=1)
    compileall.compile_dir(REPO_DIR / "bench", quiet=1)


def _child(
    args: list[str],
    settle_s: float = 0.0,
    profile: Path | None = None,
    trace: bool = False,
    cache: Path | None = None,
) -> tuple[float, dict[str, Any]]:
    """Run one child; return (seconds from spawn to first paint, its memory report).

    With ``profile`` the child runs under cProfile and dumps its profile there; with
    ``trace`` it runs under tracemalloc and reports its top allocation sites. ``cache``: the
    cache folder it shares with other children (else a new, empty one).
    """
    _bytecode_compiled()
    with tempfile.TemporaryDirectory(prefix="contrechamp-bench-") as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
            "XDG_DATA_HOME": str(Path(home) / "data"),
            "XDG_CACHE_HOME": str(cache or Path(home) / "cache"),
            "PYTHONPATH": str(REPO_DIR),
        }
        tracing = [] if profile is None else ["-m", "cProfile", "-o", str(profile)]
        if trace:
            tracing = ["-X", "tracemalloc=1", *tracing]
        argv = [sys.executable, *tracing, "-m", "bench.app_child", *args, "--settle", str(settle_s)]
        spawned = time.monotonic()
        done = subprocess.run(
            argv, env=env, cwd=REPO_DIR, capture_output=True, text=True, timeout=300, check=False
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"window child {args[0]} failed: {done.stderr.strip()[-400:]}")
    report = json.loads(lines[-1])
    return report["painted_at"] - spawned, report


def _cold_starts(args: list[str], runs: int, cache: Path | None = None) -> Timing:
    return Timing(tuple(_child(args, cache=cache)[0] * 1000 for _ in range(runs)))


def measure_cold_start(data: BenchData) -> tuple[RowResult, Callable[[], object] | None]:
    """Row 9: spawn → first painted map of the demo-like survey, against a bare window."""
    survey = data.demo_survey
    runs = data.sizes.runs
    _child(["bare"])  # warm the disk cache for both
    cache = Path(tempfile.mkdtemp(prefix="contrechamp-bench-cache-"))
    try:
        first = _child(["app", str(survey)], cache=cache)[0] * 1000  # keeps the tiles
        ours = _cold_starts(["app", str(survey)], runs, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    ref = _cold_starts(["bare"], runs)
    goal = TARGETS["cold_start"]
    row = RowResult.measured("cold_start", "cold start to first painted map", "ms", goal, ours, ref)
    row.reference_tool = "bare PySide6 QWidget, spawn → first paint"
    row.note = "value = a start that finds the map's tiles kept by an earlier one"
    row.details = {"survey": survey.name, "first_start_empty_cache_ms": round(first, 1)}
    return row, lambda: _profile_child(survey)


def _profile_child(survey: Path) -> Path:
    """Profile one cold start in its child process (imports included); return the dump."""
    dump = Path(tempfile.gettempdir()) / f"contrechamp-bench-{os.getpid()}.prof"
    cache = Path(tempfile.mkdtemp(prefix="contrechamp-bench-cache-"))
    try:
        _child(["app", str(survey)], cache=cache)  # the tiles kept, as in the row
        _child(["app", str(survey)], profile=dump, cache=cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return dump


def measure_memory(data: BenchData) -> tuple[RowResult, Callable[[], object] | None]:
    """Row 10: peak RSS with the benchmark survey open in the window, minus a bare window's."""
    survey = data.survey
    runs = data.sizes.heavy_runs
    opened = ["app", str(survey), "--with-cameras"]  # the survey open, its cameras shown
    ours = [_child(opened, _MEMORY_SETTLE_S)[1] for _ in range(runs)]
    bare = [_child(["bare"], _MEMORY_SETTLE_S)[1] for _ in range(runs)]
    bare_mb = Timing(tuple(r["VmHWM"] / 1024 for r in bare))
    extra = Timing(tuple(r["VmHWM"] / 1024 - bare_mb.median for r in ours))
    goal = TARGETS["memory"]
    name = f"memory with {data.sizes.cameras:,} cameras open"
    row = RowResult.measured("memory", name, "MB", goal, extra)
    row.note = "value = our peak RSS minus a bare PySide6 window's, both in the same run"
    row.details = {
        "measure": f"VmHWM (peak RSS) {_MEMORY_SETTLE_S:g} s after the first painted map",
        "rss_after_load_mb": round(sorted(r["VmRSS"] for r in ours)[len(ours) // 2] / 1024, 1),
        "bare_rss_mb": round(bare_mb.median, 1),
    }
    return row, lambda: _memory_profile(survey)


def _memory_profile(survey: Path) -> str:
    """Where the Python heap goes with the survey open (native Qt/numpy memory not shown)."""
    report = _child(["app", str(survey), "--with-cameras"], _MEMORY_SETTLE_S, trace=True)[1]
    peak = report["VmHWM"] / 1024
    return f"Peak RSS under tracemalloc: {peak:.0f} MiB.\n{report['top_allocations']}"
