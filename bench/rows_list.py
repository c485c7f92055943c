"""The camera list of the window: each sort and each filter by status, timed from the model.

Ours: ``ui.cameras_model.CameraFilter`` over a ``CamerasModel`` holding every camera of the
bench survey, sorted by each of its six columns in turn (both orders) and filtered by each
status, each step timed on its own (the worst step is reported too). The reference, in the
same run: Python's ``sorted`` of the same ``Camera`` objects by their logging time, the least
any sort of those rows costs in Python.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bench.datasets import BenchData
from bench.results import RowResult
from bench.targets import TARGETS
from bench.timing import Timing, time_calls
from contrechamp.core.camera import Camera, Status
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.cameras_model import CameraFilter, CamerasModel

__all__ = ["measure_list_sort", "opened_list", "time_list_steps"]

_ORDERS = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)


def _steps(proxy: CameraFilter) -> list[Callable[[], object]]:
    """Every sort (six columns, both orders) and every status filter, then all again."""
    sorts = [
        (lambda c=column, o=order: proxy.sort(c, o)) for column in range(6) for order in _ORDERS
    ]
    filters = [(lambda s=status: proxy.set_status(s)) for status in [*Status, None]]
    return [*sorts, *filters]


def _timed(steps: list[Callable[[], object]]) -> Timing:
    samples = []
    for step in steps:
        started = time.perf_counter()
        step()
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(tuple(samples))


def opened_list(cameras: list[Camera]) -> tuple[CameraFilter, float]:
    """The window's list holding ``cameras``, sorted by time as it opens; and how long that
    took (ms)."""
    model, proxy = CamerasModel(), CameraFilter()
    proxy.setSourceModel(model)
    started = time.perf_counter()
    model.set_cameras(cameras)
    proxy.sort(5, Qt.SortOrder.AscendingOrder)  # as the list opens: by logging time
    return proxy, (time.perf_counter() - started) * 1000


def time_list_steps(proxy: CameraFilter) -> Timing:
    """Every sort and status filter of the list, each timed on its own (ms)."""
    return _timed(_steps(proxy))


def measure_list_sort(data: BenchData) -> tuple[RowResult, Callable[[], object]]:
    """The camera list's sorts and filters on the bench survey, beside a plain ``sorted``."""
    if QApplication.instance() is None:
        QApplication([])
    with SurveyFile.open_untrusted_readonly(data.survey) as survey:
        cameras = survey.cameras()
    proxy, opened_ms = opened_list(cameras)
    ours = _timed(_steps(proxy))
    by_time: Callable[[Camera], object] = lambda c: c.created_at  # noqa: E731
    ref = time_calls(lambda: sorted(cameras, key=by_time), data.sizes.runs)
    ref = Timing(tuple(s * 1000 for s in ref.samples))
    name = f"camera list: sort or filter {len(cameras):,} cameras"
    row = RowResult.measured("list_sort", name, "ms", TARGETS["list_sort"], ours, ref)
    row.reference_tool = "sorted() of the same Camera objects by time"
    row.details = {
        "cameras": len(cameras),
        "steps": len(ours.samples),
        "worst_step_ms": round(ours.high, 1),
        "first_sort_with_the_rows_ms": round(opened_ms, 1),
    }
    return row, lambda: [step() for step in _steps(proxy)]
