"""One benchmark figure per row of DESIGN.md's table, and how it is written and printed."""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from bench.timing import Timing

__all__ = ["Goal", "RowResult", "format_table", "markdown_table", "write_results"]

Target = Literal["value", "ratio", "speedup"]


@dataclass(frozen=True)
class Goal:
    """A row's target: ``value`` ≤ limit, ``ratio`` (ours ÷ reference) ≤ limit, or
    ``speedup`` (reference ÷ ours) ≥ limit."""

    on: Target
    limit: float
    text: str

    def met_by(self, value: float, ratio: float | None) -> bool | None:
        """Tell whether the figures meet the goal (None when a needed figure is missing)."""
        if self.on == "value":
            return value <= self.limit
        if ratio is None:
            return None
        if self.on == "ratio":
            return ratio <= self.limit
        return ratio > 0 and 1 / ratio >= self.limit


@dataclass
class RowResult:
    """The figures of one row; ``value`` None means the row could not be measured yet."""

    key: str
    name: str
    unit: str
    goal: Goal
    value: float | None = None
    low: float | None = None
    high: float | None = None
    runs: int = 0
    reference: float | None = None
    reference_low: float | None = None
    reference_high: float | None = None
    reference_tool: str | None = None
    note: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def measured(
        cls, key: str, name: str, unit: str, goal: Goal, ours: Timing, ref: Timing | None = None
    ) -> RowResult:
        """A row from our runs and, when the row has one, the reference's runs."""
        row = cls(key, name, unit, goal, ours.median, ours.low, ours.high, ours.runs)
        if ref is not None:
            row.reference, row.reference_low, row.reference_high = ref.median, ref.low, ref.high
        return row

    @property
    def ratio(self) -> float | None:
        """Ours ÷ reference (below 1 means faster or smaller than the reference)."""
        if self.value is None or self.reference is None or self.reference == 0:
            return None
        return self.value / self.reference

    @property
    def met(self) -> bool | None:
        """Whether the target is met; None when the row was not measured."""
        if self.value is None:
            return None
        return self.goal.met_by(self.value, self.ratio)

    def as_json(self) -> dict[str, Any]:
        """The row as written to results.json."""
        ratio = self.ratio
        data: dict[str, Any] = {
            "key": self.key,
            "name": self.name,
            "value": _rounded(self.value),
            "unit": self.unit,
            "reference": _rounded(self.reference),
            "reference_tool": self.reference_tool,
            "ratio": _rounded(ratio),
            "target": _rounded(self.goal.limit),
            "target_on": self.goal.on,
            "target_text": self.goal.text,
            "met": self.met,
            "min": _rounded(self.low),
            "max": _rounded(self.high),
            "runs": self.runs,
        }
        if self.reference is not None:
            data["reference_min"] = _rounded(self.reference_low)
            data["reference_max"] = _rounded(self.reference_high)
        if self.goal.on == "speedup" and ratio:
            data["speedup"] = _rounded(1 / ratio)
        if self.note:
            data["note"] = self.note
        if self.details:
            data["details"] = self.details
        return data


def _rounded(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(f"{value:.4g}")


def write_results(
    path: Path, rows: list[RowResult], context: dict[str, Any], *, partial: bool = False
) -> None:
    """Write results.json: the run's context and one entry per row.

    A ``partial`` run (some rows only) replaces those rows in an existing file of the same
    mode and keeps the others, so the file always holds every row measured last.
    """
    entries = [row.as_json() for row in rows]
    if partial and path.exists():
        previous = json.loads(path.read_text(encoding="utf-8"))
        if previous.get("mode") == context.get("mode"):
            fresh = {entry["key"]: entry for entry in entries}
            kept = [fresh.pop(e["key"], e) for e in previous.get("rows", [])]
            entries = kept + list(fresh.values())
    document = {**context, "rows": entries}
    # Written aside and renamed: another run reading the file never sees half of it.
    scratch = path.with_name(f".{path.name}.{os.getpid()}")
    scratch.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    scratch.replace(path)


def format_table(rows: list[RowResult]) -> str:
    """A readable table of every row: figure, noise, reference, ratio, target, verdict."""
    head = ("row", "value", "min–max", "reference", "ratio", "target", "met")
    lines = [head]
    for row in rows:
        lines.append(
            (
                row.name,
                _figure(row.value, row.unit),
                _spread(row),
                _figure(row.reference, row.unit),
                "—" if row.ratio is None else f"{row.ratio:.2f}×",
                row.goal.text,
                {True: "yes", False: "NO", None: "n/a"}[row.met],
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    text = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) for line in lines
    ]
    text.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(text)


def _figure(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:.4g} {unit}"


def _spread(row: RowResult) -> str:
    if row.low is None or row.high is None:
        return "—"
    return f"{row.low:.4g}–{row.high:.4g}"


def markdown_table(rows: list[RowResult]) -> str:
    """The same figures as a Markdown table (for bench/README.md)."""
    lines = [
        "| row | value | min–max | reference | ratio | target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        verdict = {True: "yes", False: "**no**", None: "—"}[row.met]
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}×"
        note = f" ({row.note})" if row.value is None and row.note else ""
        cells = (
            row.name + note,
            _figure(row.value, row.unit),
            _spread(row),
            _figure(row.reference, row.unit),
            ratio,
            row.goal.text,
            verdict,
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
