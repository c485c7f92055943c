"""The scale rows: a survey of a million cameras in the window and headless, and how each cost
grows from 10,000 to 100,000 to 1,000,000 cameras.

The surveys are generated as the 100k one is (``gen_cameras``: cameras along the city's
streets, same seed), at the three sizes of ``Sizes.scale``. Window figures come from fresh
child processes (``bench.app_child``, offscreen), the first paint counted being one that
shows the survey's cameras; frames are painted by the app's ``MapFrame`` as in rows 1–2; the
list is the window's own model and sorted view; ``info`` and the GeoJSON export are what the
command line runs.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from bench.datasets import BenchData
from bench.results import RowResult
from bench.rows_app import _child
from bench.rows_files import _export, geojson_argv
from bench.rows_list import opened_list, time_list_steps
from bench.rows_map import all_in_view_views, live_frames, loaded_frame, pan_views, warm
from bench.targets import TARGETS
from bench.timing import Timing, time_calls, time_tool
from contrechamp.core.camera import Camera
from contrechamp.ops.exports import ExportFormat
from contrechamp.ops.info import survey_info
from contrechamp.store.survey import SurveyFile

__all__ = [
    "measure_scale_all",
    "measure_scale_export",
    "measure_scale_growth",
    "measure_scale_info",
    "measure_scale_list",
    "measure_scale_memory",
    "measure_scale_open",
    "measure_scale_pan",
]

_SETTLE_S = 2.0


def _label(count: int) -> str:
    return f"{count // 1_000_000}M" if count >= 1_000_000 else f"{count // 1000}k"


class _Opens(NamedTuple):
    """What opening one survey in fresh windows measured, one sample per window."""

    shown: Timing
    """Seconds from spawn to the first map painted with the survey's cameras (perhaps from a
    first look at the file, while it opens)."""
    opened: Timing
    """Seconds from spawn to the first map painted with the survey open (its list, its
    form: all of it usable)."""
    peaks: Timing
    """Peak RSS (MB) ``_SETTLE_S`` after the survey was open."""


@cache
def _opens(survey: Path, runs: int) -> _Opens:
    """Open ``survey`` in fresh windows ``runs`` times."""
    reports = [_child(["app", str(survey), "--with-cameras"], _SETTLE_S) for _ in range(runs)]
    return _Opens(
        Timing(tuple(s - r["painted_at"] + r["shown_at"] for s, r in reports)),
        Timing(tuple(seconds for seconds, _ in reports)),
        Timing(tuple(report["VmHWM"] / 1024 for _, report in reports)),
    )


@cache
def _bare_memory(runs: int) -> Timing:
    """Peak RSS (MB) of a bare PySide6 window, measured as ``_opens`` measures ours."""
    return Timing(tuple(_child(["bare"], _SETTLE_S)[1]["VmHWM"] / 1024 for _ in range(runs)))


def _large(data: BenchData) -> Path:
    return data.survey_of(data.sizes.scale[2])


def _small(data: BenchData) -> Path:
    return data.survey_of(data.sizes.scale[0])


def measure_scale_open(data: BenchData) -> tuple[RowResult, None]:
    """Open the million-camera survey in the window, beside the same at 10,000 cameras."""
    small, large = data.sizes.scale[0], data.sizes.scale[2]
    runs = data.sizes.heavy_runs
    ours, ref = _opens(_large(data), runs), _opens(_small(data), runs)
    name = f"open a survey of {large:,} cameras in the window, to the first painted map"
    row = RowResult.measured("scale_open", name, "s", TARGETS["scale_open"], ours.shown, ref.shown)
    row.reference_tool = f"the same, {small:,} cameras (the ratio is how the cost grows)"
    row.details = {
        "measure": "spawn → first paint of the map showing the cameras",
        "open_s": {  # spawn → first paint with the survey open: list and form usable
            _label(large): round(ours.opened.median, 2),
            _label(small): round(ref.opened.median, 2),
        },
    }
    return row, None


def measure_scale_memory(data: BenchData) -> tuple[RowResult, None]:
    """Peak RSS with the million-camera survey open, minus a bare window's."""
    runs = data.sizes.heavy_runs
    peaks = _opens(_large(data), runs).peaks
    bare = _bare_memory(runs)
    extra = Timing(tuple(peak - bare.median for peak in peaks.samples))
    name = f"memory with {data.sizes.scale[2]:,} cameras open"
    row = RowResult.measured("scale_memory", name, "MB", TARGETS["scale_memory"], extra)
    row.note = "value = our peak RSS minus a bare PySide6 window's, both in the same run"
    row.details = {"bare_rss_mb": round(bare.median, 1), "settle_s": _SETTLE_S}
    return row, None


def _frame_row(
    data: BenchData, key: str, views_of: Callable[[Any], list[Any]], what: str
) -> tuple[RowResult, None]:
    """Frames of the large survey's map, beside the same frames of the small survey's."""
    runs = data.sizes.runs
    figures = []
    for survey in (_large(data), _small(data)):
        frame = loaded_frame(survey)
        views = views_of(frame)
        warm(frame, views)
        figures.append(live_frames(frame, views, runs))
    name = f"map frame {what} ({data.sizes.scale[2]:,} cameras)"
    row = RowResult.measured(key, name, "ms", TARGETS[key], *figures)
    row.reference_tool = f"the same frames, {data.sizes.scale[0]:,} cameras"
    return row, None


def measure_scale_pan(data: BenchData) -> tuple[RowResult, None]:
    """A pan at street zoom over the million-camera survey (warm tiles), beside 10k's."""
    return _frame_row(
        data, "scale_pan", lambda frame: pan_views(frame, data.sizes.pan_frames), "panning at 17"
    )


def measure_scale_all(data: BenchData) -> tuple[RowResult, None]:
    """Every one of the million cameras in view, beside the same for 10k."""
    return _frame_row(data, "scale_all", all_in_view_views, "with every camera in view")


def _read_cameras(survey: Path) -> list[Camera]:
    with SurveyFile.open_untrusted_readonly(survey) as opened:
        return opened.cameras()


def measure_scale_list(data: BenchData) -> tuple[RowResult, None]:
    """The window's camera list over a million cameras: each sort and status filter."""
    cameras = _read_cameras(_large(data))
    proxy, opened_ms = opened_list(cameras)
    ours = time_list_steps(proxy)
    ref = time_calls(lambda: sorted(cameras, key=lambda c: c.created_at), data.sizes.runs)
    name = f"camera list: sort or filter {len(cameras):,} cameras"
    row = RowResult.measured(
        "scale_list", name, "ms", TARGETS["scale_list"], ours, ref.scaled(1000)
    )
    row.reference_tool = "sorted() of the same Camera objects by time"
    row.details = {"worst_step_ms": round(ours.high, 1), "first_sort_ms": round(opened_ms, 1)}
    return row, None


def _info(survey: Path) -> None:
    """What ``contrechamp info`` does: open (as someone else's file), summarise, close."""
    with SurveyFile.open_untrusted_readonly(survey) as opened:
        survey_info(opened)


def measure_scale_info(data: BenchData) -> tuple[RowResult, None]:
    """``info`` on the million-camera survey, beside ``ogrinfo`` summarising its CSV."""
    survey = _large(data)
    csv = data.cameras_csv_of(survey, data.folder / f"cameras-{data.sizes.scale[2]}.csv")
    runs = data.sizes.heavy_runs
    ours = time_calls(lambda: _info(survey), runs)
    ref = time_tool(["ogrinfo", "-ro", "-so", "-al", csv], runs)
    name = f"info on a survey of {data.sizes.scale[2]:,} cameras"
    row = RowResult.measured("scale_info", name, "s", TARGETS["scale_info"], ours, ref)
    row.reference_tool = "ogrinfo -so -al on the CSV of the same cameras (counts every row)"
    return row, None


@cache
def _export_figures(survey: Path, csv: Path, runs: int) -> tuple[Timing, Timing]:
    """Our GeoJSON export of ``survey`` and ogr2ogr's of the same cameras' CSV, in seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        ours_out, ref_out = Path(tmp) / "ours.geojson", Path(tmp) / "ref.geojson"
        ours = time_calls(
            lambda: _export(survey, ExportFormat.GEOJSON, ours_out),
            runs,
            lambda: ours_out.unlink(missing_ok=True),
        )
        ref = time_tool(geojson_argv(csv, ref_out), runs, lambda: ref_out.unlink(missing_ok=True))
    return ours, ref


def _csv(data: BenchData, count: int) -> Path:
    return data.cameras_csv_of(data.survey_of(count), data.folder / f"cameras-{count}.csv")


def measure_scale_export(data: BenchData) -> tuple[RowResult, None]:
    """A GeoJSON export of the million cameras, beside ogr2ogr on the same cameras."""
    large = data.sizes.scale[2]
    ours, ref = _export_figures(_large(data), _csv(data, large), data.sizes.heavy_runs)
    name = f"export {large:,} cameras to geojson"
    row = RowResult.measured("scale_export", name, "s", TARGETS["scale_export"], ours, ref)
    row.reference_tool = "ogr2ogr (CSV of the same cameras)"
    return row, None


def _exponent(small: float, large: float, small_n: int, large_n: int) -> float:
    """How the cost grows: c in cost ∝ n^c between two sizes (1: linear)."""
    return math.log(large / small) / math.log(large_n / small_n)


def measure_scale_growth(data: BenchData) -> tuple[RowResult, None]:
    """Open, pan and export at the three sizes in one run; value: the steepest growth."""
    sizes = data.sizes.scale
    runs = data.sizes.heavy_runs
    figures: dict[str, dict[str, float]] = {"open_s": {}, "pan_ms": {}, "export_s": {}}
    for count in sizes:
        survey = data.survey_of(count)
        label = _label(count)
        figures["open_s"][label] = _opens(survey, runs).opened.median  # the whole survey open
        frame = loaded_frame(survey)
        views = pan_views(frame, data.sizes.pan_frames)
        warm(frame, views)
        figures["pan_ms"][label] = live_frames(frame, views, data.sizes.runs).median
        figures["export_s"][label] = _export_figures(survey, _csv(data, count), runs)[0].median
    exponents = {
        name: round(_exponent(by[_label(sizes[0])], by[_label(sizes[2])], sizes[0], sizes[2]), 2)
        for name, by in figures.items()
    }
    steepest = Timing((max(exponents.values()),))
    name = f"how costs grow, {sizes[0]:,} → {sizes[2]:,} cameras (exponent, 1 = linear)"
    row = RowResult.measured("scale_growth", name, "", TARGETS["scale_growth"], steepest)
    row.note = "value = the largest exponent c of cost ∝ cameras^c among open, pan and export"
    row.details = {
        "figures": {k: {s: round(v, 4) for s, v in by.items()} for k, by in figures.items()},
        "exponents": exponents,
    }
    return row, None
