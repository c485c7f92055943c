"""Run every benchmark row, write ``bench/results.json`` and print a table.

``python -m bench.run [--quick] [--only KEY ...]``; rows whose code is not built yet are
reported with a null value and a note, never with a made-up figure.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from bench.config import BENCH_DIR, DATA_VERSION, PROFILE_DIR, RESULTS_PATH, Sizes
from bench.datasets import BenchData
from bench.profiling import profile_text, write_profile
from bench.results import RowResult, format_table, markdown_table, write_results
from bench.targets import TARGETS, TITLES

__all__ = ["ROWS", "main"]

Measure = Callable[[BenchData], tuple[RowResult, Callable[[], object] | None]]

# (key, module, function), in the order of DESIGN.md's table.
ROWS: tuple[tuple[str, str, str], ...] = (
    ("map_pan", "bench.rows_map", "measure_pan"),
    ("map_all", "bench.rows_map", "measure_all_cameras"),
    ("photo_import", "bench.rows_photos", "measure_import"),
    ("photo_previews", "bench.rows_photos", "measure_previews"),
    ("blur_faces", "bench.rows_blur", "measure_blur"),
    ("merge", "bench.rows_merge", "measure_merge"),
    ("read_pbf", "bench.rows_files", "measure_read_pbf"),
    ("export_geojson", "bench.rows_files", "measure_export_geojson"),
    ("export_osm", "bench.rows_files", "measure_export_osm"),
    ("save_camera", "bench.rows_files", "measure_save"),
    ("cold_start", "bench.rows_app", "measure_cold_start"),
    ("memory", "bench.rows_app", "measure_memory"),
    ("coverage_area", "bench.rows_coverage", "measure_area"),
    ("coverage_update", "bench.rows_coverage", "measure_update"),
    ("coverage_city", "bench.rows_coverage", "measure_city"),
    ("list_sort", "bench.rows_list", "measure_list_sort"),
    ("campaign_push", "bench.rows_campaign", "measure_push"),
    ("campaign_pull", "bench.rows_campaign", "measure_pull"),
    ("campaign_bbox", "bench.rows_campaign", "measure_bbox_pull"),
    ("scale_open", "bench.rows_scale", "measure_scale_open"),
    ("scale_memory", "bench.rows_scale", "measure_scale_memory"),
    ("scale_pan", "bench.rows_scale", "measure_scale_pan"),
    ("scale_all", "bench.rows_scale", "measure_scale_all"),
    ("scale_list", "bench.rows_scale", "measure_scale_list"),
    ("scale_info", "bench.rows_scale", "measure_scale_info"),
    ("scale_export", "bench.rows_scale", "measure_scale_export"),
    ("scale_growth", "bench.rows_scale", "measure_scale_growth"),
)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small data, fewer runs (< 1 min)")
    parser.add_argument("--only", nargs="+", metavar="KEY", help="run only these rows")
    parser.add_argument(
        "--profile",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="profile rows that miss their target (default: on, off with --quick)",
    )
    return parser.parse_args(argv)


def _failed_row(key: str, error: BaseException) -> RowResult:
    """A row that could not be measured: null figures and the reason."""
    row = RowResult(key, TITLES[key], "", TARGETS[key])
    row.note = f"not measured: {type(error).__name__}: {error}"[:300]
    return row


def _measure(key: str, module: str, function: str, data: BenchData) -> tuple[RowResult, Any]:
    """Measure one row; an error becomes a null row with its reason, never a crash."""
    started = time.perf_counter()
    try:
        measure: Measure = getattr(importlib.import_module(module), function)
        row, profile = measure(data)
    except Exception as error:  # a row's failure must not lose the other rows
        traceback.print_exc(file=sys.stderr)
        return _failed_row(key, error), None
    row.details["seconds_spent"] = round(time.perf_counter() - started, 1)
    return row, profile


def _profile(row: RowResult, profile: Callable[[], object] | None) -> None:
    """Write the profile of a missed row; drop a stale one of a row that now meets its target."""
    path = PROFILE_DIR / f"{row.key}.txt"
    if row.met is not False or profile is None:
        if row.met is True:
            path.unlink(missing_ok=True)
        return
    title = f"{row.name}: {row.value:.4g} {row.unit}, target {row.goal.text} — not met"
    write_profile(PROFILE_DIR, row.key, profile_text(profile, title))
    row.details["profile"] = f"bench/profiles/{row.key}.txt"


def _context(sizes: Sizes, data: BenchData) -> dict[str, Any]:
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": sizes.label,
        "data_version": DATA_VERSION,
        "city": data.extract.name,
        "sizes": {"cameras": sizes.cameras, "photos": sizes.photos, "surveys": sizes.surveys},
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            # Other work on the machine makes the figures noisy: the load says how much.
            "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        },
    }


_README = BENCH_DIR / "README.md"
_START, _END = "<!-- results:start -->", "<!-- results:end -->"


def _update_readme(rows: list[RowResult], context: dict[str, Any]) -> None:
    """Put a full run's figures into bench/README.md, between the results markers."""
    if not _README.exists():
        return
    text = _README.read_text(encoding="utf-8")
    if _START not in text or _END not in text:
        return
    machine = context["machine"]
    stamp = (
        f"Run of {context['generated_at']} ({context['mode']}, {context['city']}, "
        f"{machine['cpus']} cores, Python {machine['python']}):"
    )
    head, rest = text.split(_START, 1)
    tail = rest.split(_END, 1)[1]
    body = f"{_START}\n{stamp}\n\n{markdown_table(rows)}\n{_END}"
    _README.write_text(head + body + tail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; return 0 (a missed target is a figure, not a failure)."""
    args = _parse(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sizes = Sizes.quick() if args.quick else Sizes.full()
    data = BenchData(sizes)
    rows = []
    for key, module, function in ROWS:
        if args.only and key not in args.only:
            continue
        print(f"bench: {key} …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        row, profile = _measure(key, module, function, data)
        if args.profile if args.profile is not None else not args.quick:
            _profile(row, profile)
        print(f"bench: {key} done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        rows.append(row)
    context = _context(sizes, data)
    write_results(RESULTS_PATH, rows, context, partial=bool(args.only))
    if not args.quick and not args.only:
        _update_readme(rows, context)
    print(format_table(rows))
    missed = [row for row in rows if row.met is False]
    if missed:
        print(f"\nTargets NOT met: {'; '.join(row.name for row in missed)}")
        for row in missed:
            if "profile" in row.details:
                print(f"  {row.key}: where the time goes → {row.details['profile']}")
    print(f"\nWrote {RESULTS_PATH.relative_to(RESULTS_PATH.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
