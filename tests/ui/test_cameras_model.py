"""The camera list model: row-level updates and filters by status and by problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.core.stored_tags import StoredTags
from contrechamp.core.validation import check_tags
from contrechamp.formats.osm_fast import TagsTextProver
from contrechamp.formats.tags_text import tags_to_json
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


def _expected(model: CamerasModel, column: int, descending: bool, status: Status | None) -> list:
    """The cameras the list should show: filtered, by sort value, ties in source order."""
    rows = [
        r for r in range(model.rowCount()) if status is None or model.camera_at(r).status == status
    ]
    if column >= 0:
        values = [model._sort_value(r, column) for r in range(model.rowCount())]
        rows.sort(key=lambda r: (values[r], r))
    if descending:
        rows.reverse()
    return [model.camera_at(r).id for r in rows]


def test_the_list_stays_filtered_and_sorted_through_random_edits_additions_and_removals(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    import random

    chance = random.Random(7)
    model, proxy = CamerasModel(), CameraFilter()
    proxy.setSourceModel(model)
    mounts, kinds = ["wall", "pole", "", "ceiling"], ["dome", "fixed", "panning", ""]
    statuses = list(Status)

    def camera() -> Camera:
        tags = {"man_made": "surveillance", "camera:mount": chance.choice(mounts)}
        tags["camera:type"] = chance.choice(kinds)
        tags["camera:direction"] = str(chance.randrange(0, 360, 45))
        day = datetime(2026, 11, 1 + chance.randrange(20), chance.randrange(24), tzinfo=UTC)
        return Camera(43.7, 7.4, tags, status=chance.choice(statuses), created_at=day)

    model.set_cameras([camera() for _ in range(60)])
    qtmodeltester.check(proxy)
    column, descending, status = TIME_COLUMN, False, None
    for step in range(300):
        action = chance.random()
        ids = [model.camera_at(r).id for r in range(model.rowCount())]
        if action < 0.3:
            model.upsert(camera())
        elif action < 0.55 and ids:
            changed = camera()
            model.upsert(replace(changed, id=chance.choice(ids)))
        elif action < 0.75 and ids:
            model.remove(chance.choice(ids))
        elif action < 0.9:
            column, descending = chance.randrange(-1, 6), chance.random() < 0.5
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            proxy.sort(column, order)
        else:
            status = chance.choice([None, *statuses])
            proxy.set_status(status)
        shown = [c.id for c in _shown(proxy)]
        assert shown == _expected(model, column, descending, status), f"step {step}"
        for row in range(proxy.rowCount()):
            source = proxy.mapToSource(proxy.index(row, 2))
            assert proxy.mapFromSource(source).row() == row


def test_a_sort_keeps_the_chosen_camera_chosen(qtbot: QtBot) -> None:
    from contrechamp.ui.camera_list import CameraList

    model = CamerasModel()
    listing = CameraList(model)
    qtbot.addWidget(listing)
    cameras = _cameras()
    model.set_cameras(cameras)
    listing.table.selectRow(0)
    chosen = listing.proxy.data(listing.table.currentIndex(), CAMERA_ROLE)
    listing.proxy.sort(TIME_COLUMN, Qt.SortOrder.DescendingOrder)
    [row] = {i.row() for i in listing.table.selectionModel().selectedRows()}
    assert listing.proxy.data(listing.proxy.index(row, 0), CAMERA_ROLE) == chosen


def test_a_new_filter_chooses_the_same_camera_again_without_showing_it_again(
    qtbot: QtBot,
) -> None:
    from contrechamp.ui.camera_list import CameraList

    model = CamerasModel()
    listing = CameraList(model)
    qtbot.addWidget(listing)
    cameras = _cameras()
    model.set_cameras(cameras)
    row = listing.proxy.mapFromSource(model.index(1, 0)).row()
    with qtbot.waitSignal(listing.camera_chosen):
        listing.table.selectRow(row)
    with qtbot.assertNotEmitted(listing.camera_chosen):
        listing.proxy.set_status(Status.DRAFT)
    [shown] = listing.table.selectionModel().selectedRows()
    assert listing.proxy.data(shown, CAMERA_ROLE) == cameras[1]


def _mixed_cameras(count: int) -> list[Camera]:
    """Cameras with many equal cells (ties) in every text column, and a few problems."""
    mounts = ("wall", "pole", "", "ceiling")
    kinds = ("fixed", "dome", "panning")
    return [
        Camera(
            43.73 + n * 1e-5,
            7.42,
            {
                **CLEAN,
                "camera:type": kinds[n % 3],
                "camera:mount": mounts[n % 4],
                "camera:direction": str((n * 37) % 5 * 90),
                **({"height": "high"} if n % 7 == 0 else {}),
            },
            id=f"cam{n:03d}",
            status=(Status.DRAFT, Status.CONFIRMED, Status.REJECTED)[n % 3],
        )
        for n in range(count)
    ]


def test_each_sort_orders_by_the_cell_then_the_row_after_edits_and_removals(
    qtbot: QtBot,
) -> None:
    model, proxy = CamerasModel(), CameraFilter()
    proxy.setSourceModel(model)
    cameras = _mixed_cameras(60)
    model.set_cameras(cameras)
    model.upsert(replace(cameras[5], tags={**CLEAN, "camera:mount": "pole"}))
    model.remove(cameras[9].id)
    model.upsert(_mixed_cameras(61)[60])
    for column in range(model.columnCount()):
        values = model.sort_values(column)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            ascending = sorted(range(model.rowCount()), key=lambda row: (values[row], row))
            expected = ascending[::-1] if order == Qt.SortOrder.DescendingOrder else ascending
            _assert_sorted(model, proxy, column, order, expected)


def _assert_sorted(
    model: CamerasModel, proxy: CameraFilter, column: int, order: Qt.SortOrder, expected: list[int]
) -> None:
    """A sort by ``column`` shows the source rows ``expected``, and only the confirmed ones
    of them, in that order, once filtered."""
    proxy.sort(column, order)
    shown = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    assert shown == expected, (column, order)
    proxy.set_status(Status.CONFIRMED)
    kept = [row for row in expected if model.camera_at(row).status is Status.CONFIRMED]
    shown = [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]
    assert shown == kept, (column, order, "confirmed")
    proxy.set_status(None)


def _stored_cameras(count: int) -> list[Camera]:
    """Cameras as a survey reads them: tags kept as their stored text, some with problems."""
    texts = [tags_to_json({**CLEAN, "height": "6.0" if n % 3 else "6"}) for n in range(count)]
    prover = TagsTextProver()
    assert prover.batch(texts).careful == []
    return [Camera(43.7 + n / 1e4, 7.42, StoredTags(t)) for n, t in enumerate(texts)]


@pytest.fixture
def ahead(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], CamerasModel]:
    """A model that checks ``rows`` rows ahead per idle turn, from the first turn on."""

    def model(rows: int) -> CamerasModel:
        monkeypatch.setattr(CamerasModel, "AHEAD_ROWS", rows)
        monkeypatch.setattr(CamerasModel, "AHEAD_AFTER_MS", 0)
        return CamerasModel()

    return model


def test_idle_time_checks_every_row_ahead_a_slice_per_turn_without_decoding_for_good(
    qtbot: QtBot, ahead: Callable[[int], CamerasModel]
) -> None:
    model, cameras = ahead(4), _stored_cameras(10)
    checked: list[int] = []
    check = model._check  # counted: how many rows each turn of the event loop checks
    model._check = lambda tags: checked.append(1) or check(tags)  # type: ignore[method-assign]
    turns: list[int] = []
    model._ahead.timeout.connect(lambda: turns.append(len(checked)))
    model.set_cameras(cameras)
    assert checked == []  # nothing while the rows are being set
    qtbot.waitUntil(lambda: len(checked) == len(cameras))
    qtbot.wait(20)
    assert len(checked) == len(cameras)  # each row once, and then the checks stop
    assert max(b - a for a, b in zip([0, *turns], turns, strict=False)) <= 4
    counts = [model.data(model.index(r, 0), PROBLEM_COUNT_ROLE) for r in range(10)]
    assert len(checked) == len(cameras)  # asked for: nothing checked again
    assert all(c.tags._tags is None for c in cameras)  # type: ignore[attr-defined]
    assert counts == [len(check_tags(dict(c.tags))) for c in cameras]


def test_rows_edited_added_or_removed_while_checked_ahead_are_all_checked_ahead_too(
    qtbot: QtBot, ahead: Callable[[int], CamerasModel]
) -> None:
    model, cameras = ahead(3), _stored_cameras(8)
    model.set_cameras(cameras)
    model._check_ahead()  # the first turn: rows 0-2 checked, the cursor at row 3
    assert [p is not None for p in model._problems] == [True] * 3 + [False] * 5
    model.remove(cameras[0].id)  # every row after it moves up one, the cursor with them
    model._check_ahead()  # the next turn: rows 2-4, the first of them unchecked until now
    assert [p is not None for p in model._problems] == [True] * 5 + [False] * 2
    fixed = replace(cameras[1], tags={**CLEAN, "height": "6.0"})
    model.upsert(fixed)  # a row the checks passed: to check again
    model.upsert(Camera(43.8, 7.42, {**CLEAN, "height": "x"}))  # a new row at the end
    qtbot.waitUntil(lambda: not model._ahead.isActive())
    assert None not in model._problems  # every row checked ahead, none asked for yet
    model.upsert(Camera(43.9, 7.42, {**CLEAN, "height": "y"}))  # once all were checked
    qtbot.waitUntil(lambda: not model._ahead.isActive())
    assert None not in model._problems
    rows = [model.camera_at(r) for r in range(model.rowCount())]
    counts = [model.data(model.index(r, 0), PROBLEM_COUNT_ROLE) for r in range(len(rows))]
    assert counts == [len(check_tags(dict(c.tags))) for c in rows]


def test_a_time_sort_orders_cameras_logged_at_the_same_moment_by_row_through_edits(
    qtbot: QtBot,
) -> None:
    model, proxy = CamerasModel(), CameraFilter()
    proxy.setSourceModel(model)
    moments = [datetime(2026, 11, 4, 10, n % 5, tzinfo=UTC) for n in range(40)]  # many ties
    cameras = [
        replace(camera, created_at=moment, status=(Status.DRAFT, Status.CONFIRMED)[n % 2])
        for n, (camera, moment) in enumerate(zip(_mixed_cameras(40), moments, strict=True))
    ]
    model.set_cameras(cameras)
    for _ in range(3):  # as opened, then after each edit
        times = [model.camera_at(row).created_at for row in range(model.rowCount())]
        ascending = sorted(range(model.rowCount()), key=lambda row: (times[row], row))
        for order, expected in (
            (Qt.SortOrder.AscendingOrder, ascending),
            (Qt.SortOrder.DescendingOrder, ascending[::-1]),
        ):
            _assert_sorted(model, proxy, TIME_COLUMN, order, expected)
        earliest = datetime(2026, 11, 4, 9, tzinfo=UTC)
        model.upsert(replace(model.camera_at(7), created_at=earliest))  # a time edited
        model.remove(model.camera_at(3).id)


def test_cameras_listed_in_time_order_with_ties_sort_by_time_then_row(qtbot: QtBot) -> None:
    model, proxy = CamerasModel(), CameraFilter()
    proxy.setSourceModel(model)
    moments = [datetime(2026, 11, 4, 10, n // 3, tzinfo=UTC) for n in range(30)]  # in order
    cameras = [
        replace(camera, created_at=moment, status=(Status.DRAFT, Status.CONFIRMED)[n % 2])
        for n, (camera, moment) in enumerate(zip(_mixed_cameras(30), moments, strict=True))
    ]
    model.set_cameras(cameras)
    for order, expected in (
        (Qt.SortOrder.AscendingOrder, list(range(30))),
        (Qt.SortOrder.DescendingOrder, list(range(29, -1, -1))),
    ):
        _assert_sorted(model, proxy, TIME_COLUMN, order, expected)
    model.upsert(replace(model.camera_at(20), created_at=moments[0]))  # out of order now
    ascending = [0, 1, 2, 20, *range(3, 20), *range(21, 30)]
    _assert_sorted(model, proxy, TIME_COLUMN, Qt.SortOrder.AscendingOrder, ascending)
