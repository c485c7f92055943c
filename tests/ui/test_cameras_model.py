"""The camera list model: row-level updates and filters by status and by problem."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.ui.cameras_model import (
    CAMERA_ROLE,
    PROBLEM_COUNT_ROLE,
    TIME_COLUMN,
    CameraFilter,
    CamerasModel,
)

CLEAN = {"man_made": "surveillance", "surveillance": "public", "camera:type": "dome"}


def _cameras() -> list[Camera]:
    return [
        Camera(43.73, 7.42, CLEAN, status=Status.CONFIRMED),
        Camera(43.74, 7.42, {**CLEAN, "camera:angle": "15°"}, status=Status.DRAFT),
        Camera(43.75, 7.42, CLEAN, status=Status.DRAFT),
        Camera(43.76, 7.42, {"man_made": "surveillance"}, status=Status.REJECTED),
    ]


def _shown(proxy: CameraFilter) -> list[Camera]:
    return [proxy.data(proxy.index(r, 0), CAMERA_ROLE) for r in range(proxy.rowCount())]


def test_model_and_filter_pass_qt_model_checks(qtmodeltester: ModelTester) -> None:
    model = CamerasModel()
    model.set_cameras(_cameras())
    qtmodeltester.check(model)
    proxy = CameraFilter()
    proxy.setSourceModel(model)
    proxy.set_status(Status.DRAFT)
    qtmodeltester.check(proxy)


def test_filter_by_status(qtbot: QtBot) -> None:
    model, proxy = CamerasModel(), CameraFilter()
    proxy.setSourceModel(model)
    cameras = _cameras()
    model.set_cameras(cameras)
    proxy.set_status(Status.DRAFT)
    assert _shown(proxy) == cameras[1:3]
    proxy.set_status(None)
    assert _shown(proxy) == cameras


def test_filter_by_problem_and_status_together(qtbot: QtBot) -> None:
    model, proxy = CamerasModel(), CameraFilter()
    proxy.setSourceModel(model)
    cameras = _cameras()
    model.set_cameras(cameras)
    proxy.set_problems_only(True)
    assert _shown(proxy) == [cameras[1], cameras[3]]
    proxy.set_status(Status.DRAFT)
    assert _shown(proxy) == [cameras[1]]


def test_an_edit_emits_data_changed_for_its_row_only(qtbot: QtBot) -> None:
    model = CamerasModel()
    cameras = _cameras()
    model.set_cameras(cameras)
    edited = cameras[2].with_tag("camera:angle", "junk")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as sig:
        model.upsert(edited)
    top, bottom = sig.args[0], sig.args[1]
    assert (top.row(), bottom.row()) == (2, 2)
    assert model.data(model.index(2, 0), PROBLEM_COUNT_ROLE) == 1


def test_a_fixed_camera_leaves_the_problem_filter(qtbot: QtBot) -> None:
    model, proxy = CamerasModel(), CameraFilter()
    proxy.setSourceModel(model)
    cameras = _cameras()
    model.set_cameras(cameras)
    proxy.set_problems_only(True)
    model.upsert(cameras[1].with_tag("camera:angle", "15"))
    assert _shown(proxy) == [cameras[3]]


def test_insert_and_remove_single_rows(qtbot: QtBot) -> None:
    model = CamerasModel()
    cameras = _cameras()
    model.set_cameras(cameras[:2])
    with qtbot.waitSignal(model.rowsInserted):
        model.upsert(cameras[2])
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove(cameras[0].id)
    assert [model.data(model.index(r, 0), CAMERA_ROLE) for r in range(2)] == cameras[1:3]
    assert model.row_of(cameras[2].id) == 1


def test_problems_show_as_sentences_in_the_tooltip(qtbot: QtBot) -> None:
    model = CamerasModel()
    model.set_cameras(_cameras())
    tip = model.data(model.index(1, 1), 3)  # Qt.ToolTipRole
    assert "15°" in tip
    assert "{" not in tip


def test_sorting_by_time_and_by_problem_count(qtbot: QtBot) -> None:
    model, proxy = CamerasModel(), CameraFilter()
    proxy.setSourceModel(model)
    cameras = _cameras()
    days = [datetime(2026, 11, d, 23 - d, tzinfo=UTC) for d in (4, 3, 2, 1)]
    model.set_cameras([replace(c, created_at=t) for c, t in zip(cameras, days, strict=True)])
    proxy.sort(TIME_COLUMN, Qt.SortOrder.AscendingOrder)
    assert [c.id for c in _shown(proxy)] == [c.id for c in reversed(cameras)]
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert _shown(proxy)[0].id in (cameras[1].id, cameras[3].id)
    assert proxy.data(proxy.index(3, 1), PROBLEM_COUNT_ROLE) == 0


def test_problems_read_before_an_edit_or_a_removal_follow_their_camera(qtbot: QtBot) -> None:
    model = CamerasModel()
    cameras = _cameras()
    model.set_cameras(cameras)
    before = [model.data(model.index(r, 0), PROBLEM_COUNT_ROLE) for r in range(4)]
    assert before[1] > before[2]
    model.remove(cameras[0].id)
    after = [model.data(model.index(r, 0), PROBLEM_COUNT_ROLE) for r in range(3)]
    assert after == before[1:]
    model.upsert(replace(cameras[1], tags=CLEAN))
    assert model.data(model.index(0, 0), PROBLEM_COUNT_ROLE) == before[2]
