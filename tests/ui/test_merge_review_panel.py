"""The merge review tab: shown for a merged survey, driven by the keyboard, every decision
undone by Ctrl+Z (real merged walks of Monaco)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contrechamp.formats.basemap import read_area
from contrechamp.ops.merge import merge_surveys
from contrechamp.ops.merge_queue import ReviewKind
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.merge_review_panel import MERGE_TAB
from tests.core.walk_simulation import simulate_walks
from tests.ops.walk_surveys import write_pair_surveys


@pytest.fixture
def merged(tmp_path: Path, shared_data: Path) -> Path:
    extract = shared_data / "osm" / "monaco.osm.pbf"
    walks = simulate_walks(extract, seed=5, pairs=4)
    pairs = write_pair_surveys(tmp_path, walks, area=read_area(extract), photos_every=2)
    out = tmp_path / "merged.cartoparty"
    merge_surveys(out, pairs)
    return out


@pytest.fixture
def reviewing(window: MainWindow, merged: Path) -> MainWindow:
    assert window.open_survey(merged)
    window.tabs.show_panel(MERGE_TAB)
    window.merge_review.focus_queue()
    return window


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.merge_review.queue, key)


def test_the_tab_shows_only_for_a_merged_survey_with_its_count(
    window: MainWindow, merged: Path
) -> None:
    index = window.tabs.index_of(MERGE_TAB)
    assert not window.tabs.isTabVisible(index)  # a walker's own survey: nothing to merge
    assert window.open_survey(merged)
    assert window.tabs.isTabVisible(index)
    waiting = window.merge_review.queue.count()
    assert waiting > 0
    assert window.tabs.tabText(index) == f"Merge ({waiting})"


def test_c_accepts_and_ctrl_z_brings_the_camera_back_to_the_queue(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    panel = reviewing.merge_review
    first, waiting = panel.current_camera_id(), panel.queue.count()
    _press(qtbot, reviewing, Qt.Key.Key_C)
    assert panel.queue.count() == waiting - 1
    assert first not in [
        panel.queue.item(n).data(Qt.ItemDataRole.UserRole + 1) for n in range(panel.queue.count())
    ]
    qtbot.keyClick(panel.queue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.queue.count() == waiting
    assert panel.current_camera_id() == first


def test_a_digit_picks_a_value_of_the_open_conflict(qtbot: QtBot, reviewing: MainWindow) -> None:
    panel, session = reviewing.merge_review, reviewing.session
    assert session is not None
    assert panel._items[0].kind is ReviewKind.CONFLICT  # conflicts come first
    camera_id, key = panel.current_camera_id(), panel._items[0].open_conflicts[0]
    assert camera_id is not None
    before = session.survey.camera(camera_id).tags.get(key)
    conflict = next(c for c in session.survey.merge_conflicts(camera_id) if c.key == key)
    second = conflict.choices[1][0]
    _press(qtbot, reviewing, Qt.Key.Key_2)
    assert session.camera(camera_id).tags[key] == second  # type: ignore[union-attr]
    assert session.survey.camera(camera_id).tags[key] == second  # written at once
    reviewing.commands.undo.trigger()
    assert session.survey.camera(camera_id).tags.get(key) == before
    assert not next(c for c in session.survey.merge_conflicts(camera_id) if c.key == key).decided


def test_s_splits_a_sighting_off_and_ctrl_z_puts_it_back(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    panel, session = reviewing.merge_review, reviewing.session
    assert session is not None
    group = next(n for n, item in enumerate(panel._items) if item.sightings > 1)
    panel.queue.setCurrentRow(group)
    camera_id, count = panel.current_camera_id(), session.camera_count()
    assert camera_id is not None
    sightings = len(session.survey.merged_sightings(camera_id))
    panel.sightings.setCurrentRow(1)
    _press(qtbot, reviewing, Qt.Key.Key_S)
    assert session.camera_count() == count + 1
    assert len(session.survey.merged_sightings(camera_id)) == sightings - 1
    reviewing.commands.undo.trigger()
    assert session.camera_count() == count
    assert len(session.survey.merged_sightings(camera_id)) == sightings


def test_j_joins_the_nearest_other_camera_and_ctrl_z_brings_it_back(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    panel, session = reviewing.merge_review, reviewing.session
    assert session is not None
    count = session.camera_count()
    for row in range(panel.queue.count()):  # a camera with another one close by
        panel.queue.setCurrentRow(row)
        camera = session.camera(panel.current_camera_id() or "")
        assert camera is not None
        near = session.nearby(camera.lat, camera.lon, 30.0, exclude=camera.id)
        if any(n.camera is not None for n in near):
            break
    else:
        pytest.skip("no two merged cameras within 30 m in this walk")
    _press(qtbot, reviewing, Qt.Key.Key_J)
    assert session.camera_count() == count - 1
    reviewing.commands.undo.trigger()
    assert session.camera_count() == count
    reviewing.commands.redo.trigger()
    assert session.camera_count() == count - 1
