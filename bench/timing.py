"""Repeat a measurement and keep its median, min and max; run reference tools."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Timing", "run_tool", "time_calls", "time_each", "time_tool"]


@dataclass(frozen=True)
class Timing:
    """Several runs of one measurement, in the unit they were taken in."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median over runs: the figure reported."""
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        """The smallest run."""
        return min(self.samples)

    @property
    def high(self) -> float:
        """The largest run."""
        return max(self.samples)

    @property
    def runs(self) -> int:
        """How many runs were taken."""
        return len(self.samples)

    def scaled(self, factor: float) -> Timing:
        """The same runs multiplied by ``factor`` (seconds to ms, total to per item)."""
        return Timing(tuple(s * factor for s in self.samples))


def time_calls(
    action: Callable[[], object], runs: int, setup: Callable[[], object] | None = None
) -> Timing:
    """Time ``action`` ``runs`` times in seconds, calling ``setup`` untimed before each run."""
    samples = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return Timing(tuple(samples))


def time_alternating(
    ours: Callable[[], object],
    reference: Callable[[], object],
    runs: int,
    setups: tuple[Callable[[], object], Callable[[], object]] | None = None,
) -> tuple[Timing, Timing]:
    """Time ``ours`` and ``reference`` ``runs`` times each, in turn (ours, reference, ours…),
    in seconds, each one's ``setups`` called untimed before it: load that comes and goes on a
    shared machine falls on both alike."""
    mine: list[float] = []
    theirs: list[float] = []
    before = setups or (_nothing, _nothing)
    for _ in range(runs):
        for action, setup, samples in ((ours, before[0], mine), (reference, before[1], theirs)):
            setup()
            start = time.perf_counter()
            action()
            samples.append(time.perf_counter() - start)
    return Timing(tuple(mine)), Timing(tuple(theirs))


def _nothing() -> None:
    """No setup."""


def time_each(actions: Sequence[Callable[[], object]]) -> Timing:
    """Time each action once, in seconds (e.g. one save per camera)."""
    samples = []
    for action in actions:
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return Timing(tuple(samples))


def run_tool(argv: Sequence[str | Path], cwd: Path | None = None) -> None:
    """Run a reference tool; raise RuntimeError with its message when it fails."""
    done = subprocess.run(
        [str(a) for a in argv], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {done.stderr.strip()[:500]}")


def time_tool(
    argv: Sequence[str | Path], runs: int, setup: Callable[[], object] | None = None
) -> Timing:
    """Time a reference tool's whole process ``runs`` times, in seconds."""
    return time_calls(lambda: run_tool(argv), runs, setup)
