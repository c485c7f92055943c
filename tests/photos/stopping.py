"""A progress that asks its job to stop after a given number of checks, for cancel tests."""

from __future__ import annotations

from dataclasses import dataclass

from contrechamp.ops.progress import Progress


@dataclass
class StopsAfterChecks(Progress):
    """Answers ``stopped`` False ``checks`` times, then True: the user pressing Stop midway."""

    checks: int = 0

    @property
    def stopped(self) -> bool:
        """False for the first ``checks`` questions, True from then on."""
        self.checks -= 1
        return self.checks < 0
