"""The field window end to end: adding, moving, orienting, re-checking OSM cameras, reopening."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import PositionSource, Status
from contrechamp.core.geo import distance_m, offset
from contrechamp.core.gps_spec import parse_gps_spec
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.gps import GpsStatus
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.settings import FOLLOW_GPS
from contrechamp.ui.side_tabs import SideTab

from .conftest import OSM_CAMERAS


def _only_camera(window: MainWindow):  # type: ignore[no-untyped-def]
    assert window.session is not None
    cameras = window.session.cameras()
    assert len(cameras) == 1
    return cameras[0]


def _focus_map(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.canvas.setFocus()
    qtbot.waitUntil(lambda: window.canvas.hasFocus())


def test_a_then_click_on_the_map_adds_a_camera_there(qtbot: QtBot, window: MainWindow) -> None:
    _focus_map(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_A)
    assert window.commands.add_on_map.isChecked()
    x, y = window.canvas.pixel_of(43.7320, 7.4230)
    qtbot.mouseClick(
        window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y))
    )
    camera = _only_camera(window)
    assert distance_m(camera.lat, camera.lon, 43.7320, 7.4230) < 1.0
    assert camera.source == PositionSource.MAP
    assert window.form.camera_id == camera.id
    assert not window.commands.add_on_map.isChecked()


def test_a_click_without_a_does_not_add(qtbot: QtBot, window: MainWindow) -> None:
    window.canvas.map_clicked.emit(43.7320, 7.4230)
    assert window.session is not None
    assert window.session.cameras() == []


def test_n_without_gps_adds_at_the_map_centre_and_says_so(qtbot: QtBot, window: MainWindow) -> None:
    _focus_map(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_N)
    camera = _only_camera(window)
    lat, lon = window.canvas.view_center()
    assert distance_m(camera.lat, camera.lon, lat, lon) < 0.5
    assert window.form.warning.isVisible()
    assert "GPS" in window.form.warning.text()
    assert camera.tags["survey:date"] == date.today().isoformat()


def test_n_with_a_gps_fix_adds_at_the_fix(
    qtbot: QtBot, window: MainWindow, shared_data: Path
) -> None:
    log = shared_data / "nmea" / "paris-gpslim236.nmea"
    window.gps.start(parse_gps_spec(f"file:{log}"))
    qtbot.waitUntil(lambda: window.gps.status == GpsStatus.FIX, timeout=10000)
    fix = window.gps.last_fix
    assert fix is not None
    window.commands.new_here.trigger()
    camera = _only_camera(window)
    assert distance_m(camera.lat, camera.lon, fix.lat, fix.lon) < 50.0
    assert abs(camera.lat - 48.904) < 0.01
    assert camera.source == PositionSource.GPS


def test_dragging_a_camera_moves_it_in_the_file_and_undo_moves_it_back(
    qtbot: QtBot, window: MainWindow, survey_path: Path
) -> None:
    camera = window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    assert camera is not None
    window.canvas.camera_moved.emit(camera.id, 43.7322, 7.4233)
    with SurveyFile.open(survey_path) as survey:
        moved = survey.camera(camera.id)
    assert (moved.lat, moved.lon) == (43.7322, 7.4233)
    window.commands.undo.trigger()
    assert window.session is not None
    back = window.session.camera(camera.id)
    assert back is not None
    assert (back.lat, back.lon) == (43.7320, 7.4230)


def test_dragging_the_direction_handle_sets_camera_direction(
    qtbot: QtBot, window: MainWindow
) -> None:
    camera = window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    assert camera is not None
    window.canvas.camera_direction_dragged.emit(camera.id, 123.4)
    assert _only_camera(window).tags["camera:direction"] == "123"
    assert window.form.direction.text() == "123"
    window.canvas.camera_direction_dragged.emit(camera.id, 130.0)
    window.commands.undo.trigger()
    assert "camera:direction" not in _only_camera(window).tags


def test_i_saw_this_one_links_the_osm_node_and_dates_the_check(
    qtbot: QtBot, window: MainWindow
) -> None:
    node = OSM_CAMERAS[0]
    window.canvas.existing_camera_clicked.emit(node.osm_id)
    assert window.existing.node == node
    qtbot.keyClick(window.existing.seen_button, Qt.Key.Key_Return)
    camera = _only_camera(window)
    assert (camera.osm_id, camera.osm_version, camera.status) == (4242, 3, Status.CONFIRMED)
    assert camera.tags["check_date"] == date.today().isoformat()
    assert camera.tags["camera:type"] == "dome"
    window.canvas.existing_camera_clicked.emit(node.osm_id)
    assert window.form.camera_id == camera.id
    assert len(window.session.cameras()) == 1  # type: ignore[union-attr]


def test_a_camera_within_five_metres_warns_but_is_added(qtbot: QtBot, window: MainWindow) -> None:
    first = window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    assert first is not None
    lat, lon = offset(43.7320, 7.4230, 45.0, 3.0)
    second = window.sightings.add_camera_at(lat, lon, PositionSource.MAP, None)
    assert second is not None
    assert window.form.warning.isVisible()
    assert "3 m" in window.form.warning.text()
    assert len(window.session.cameras()) == 2  # type: ignore[union-attr]


def test_near_an_osm_camera_the_warning_offers_i_saw_this_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    node = OSM_CAMERAS[0]
    lat, lon = offset(node.lat, node.lon, 180.0, 2.0)
    window.sightings.add_camera_at(lat, lon, PositionSource.MAP, None)
    assert "I saw this one" in window.form.warning.text()


def test_far_from_others_there_is_no_warning(qtbot: QtBot, window: MainWindow) -> None:
    window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    lat, lon = offset(43.7320, 7.4230, 45.0, 8.0)
    window.sightings.add_camera_at(lat, lon, PositionSource.MAP, None)
    assert not window.form.warning.isVisible()


def test_keyboard_only_logging_sequence(qtbot: QtBot, window: MainWindow) -> None:
    """N, d, Tab, w, Tab, 90, Enter: a dome on a wall facing east, in eight keys."""
    _focus_map(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_N)
    for keys in ("d", "\t", "w", "\t", "90"):
        focused = window.focusWidget()
        assert focused is not None
        if keys == "\t":
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
        else:
            qtbot.keyClicks(focused, keys)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    camera = _only_camera(window)
    assert camera.tags["camera:type"] == "dome"
    assert camera.tags["camera:mount"] == "wall"
    assert camera.tags["camera:direction"] == "90"
    assert window.canvas.hasFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_N)
    assert len(window.session.cameras()) == 2  # type: ignore[union-attr]


def test_delete_and_undo_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    camera = window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    assert camera is not None
    window.commands.delete.trigger()
    assert window.session.cameras() == []  # type: ignore[union-attr]
    _focus_map(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _only_camera(window).id == camera.id


def test_everything_is_in_the_file_after_closing_and_reopening(
    qtbot: QtBot, window: MainWindow, survey_path: Path
) -> None:
    camera = window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    assert camera is not None
    form = window.form
    form.choices["camera:type"].setFocus()
    qtbot.keyClicks(form.choices["camera:type"].lineEdit(), "panning")
    form.height_field.setFocus()
    qtbot.keyClicks(form.height_field, "6")
    form.notes.setFocus()
    qtbot.keyClicks(form.notes, "blue box above the bakery")
    form.status.setFocus()
    form.status.setCurrentIndex(form.status.findData(Status.CONFIRMED))
    form.status.activated.emit(form.status.currentIndex())
    window.close()
    with SurveyFile.open(survey_path) as survey:
        saved = survey.camera(camera.id)
    assert saved.tags["camera:type"] == "panning"
    assert saved.tags["height"] == "6"
    assert saved.notes == "blue box above the bakery"
    assert saved.status == Status.CONFIRMED


def test_the_camera_list_selects_in_the_form(qtbot: QtBot, window: MainWindow) -> None:
    first = window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    window.sightings.add_camera_at(43.7330, 7.4230, PositionSource.MAP, None)
    assert first is not None
    window.tabs.show_panel(SideTab.LIST)
    table = window.camera_list.table
    table.selectRow(0)
    assert window.form.camera_id == first.id
    assert window.camera_list.proxy.rowCount() == 2


def test_pressing_a_twice_cancels_adding_on_the_map(qtbot: QtBot, window: MainWindow) -> None:
    _focus_map(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_A)
    qtbot.keyClick(window.canvas, Qt.Key.Key_A)
    assert not window.commands.add_on_map.isChecked()
    window.canvas.map_clicked.emit(43.7320, 7.4230)
    assert window.session is not None
    assert window.session.cameras() == []


def test_ctrl_l_then_arrows_and_enter_open_a_camera_from_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    first = window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    second = window.sightings.add_camera_at(43.7330, 7.4230, PositionSource.MAP, None)
    assert first is not None
    assert second is not None
    _focus_map(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    table = window.camera_list.table
    assert window.tabs.current_key() == SideTab.LIST
    assert table.hasFocus()
    assert window.form.camera_id == first.id
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.form.camera_id == second.id
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.tabs.current_key() == SideTab.CAMERA
    assert window.form.choices["camera:type"].lineEdit().hasFocus()


def test_undo_names_the_step_it_undoes(qtbot: QtBot, window: MainWindow) -> None:
    camera = window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    assert camera is not None
    window.canvas.camera_moved.emit(camera.id, 43.7322, 7.4233)
    assert window.commands.undo.toolTip() == "Move camera"
    window.commands.undo.trigger()
    assert window.commands.redo.toolTip() == "Move camera"


def test_follow_mode_keeps_the_map_on_the_fix_and_f_turns_it_off(
    qtbot: QtBot, window: MainWindow, shared_data: Path
) -> None:
    window.set_follow(True)
    log = shared_data / "nmea" / "paris-gpslim236.nmea"
    window.gps.start(parse_gps_spec(f"file:{log}"))
    qtbot.waitUntil(lambda: window.gps.status == GpsStatus.FIX, timeout=10000)
    # Saint-Denis is far from the survey's corner of Monaco: following waits to be asked
    qtbot.waitUntil(lambda: window.survey_view.notice.paused, timeout=5000)
    qtbot.mouseClick(window.survey_view.notice.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: abs(window.canvas.view_center()[0] - 48.904) < 0.01, timeout=5000)
    _focus_map(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F)
    assert not window.gps.follow
    assert window.settings.get(FOLLOW_GPS) is False
    window.gps.stop()


def test_a_then_a_click_on_an_osm_camera_offers_it_and_adds_nothing_later(
    window: MainWindow,
) -> None:
    window.commands.add_on_map.trigger()  # A: the next click adds a camera
    window.sightings.select_existing(4242)  # ... but it lands on a camera already in OSM
    assert not window.commands.add_on_map.isChecked()
    window.sightings.on_map_clicked(43.7320, 7.4230)  # a later click on empty map
    assert window.session is not None
    assert window.session.cameras() == []
