"""The map stays on the survey: where it opens, G to go back, far GPS fixes, far photo drafts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from shapely.geometry import Point

from contrechamp.core.area_distance import distance_from_area_m
from contrechamp.core.camera import PositionSource, Status
from contrechamp.core.geo import offset
from contrechamp.core.gps_fix import GpsFix
from contrechamp.formats.basemap import Area, read_area
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.gps import GpsService
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.map.canvas import render_frame
from contrechamp.ui.map.style import load_style
from contrechamp.ui.settings import Settings
from tests.photos.photo_factory import T0, write_photo

from .conftest import AREA

SAINT_DENIS = (48.904, 2.333)  # the replayed gpsd log: 692 km from Monaco's area
WATER = load_style().color("water", "fill")


@pytest.fixture(scope="module")
def monaco(shared_data: Path) -> Area:
    """Monaco's base map and its 16 OSM cameras."""
    return read_area(shared_data / "osm" / "monaco.osm.pbf")


def _monaco_window(
    qtbot: QtBot, tmp_path: Path, monaco: Area, with_cameras: bool = True
) -> MainWindow:
    path = tmp_path / "monaco.cartoparty"
    with SurveyFile.create(path, title="Monaco") as survey:
        cameras = monaco.cameras if with_cameras else []
        survey.set_area(monaco.bbox, monaco.features, cameras, "monaco.osm.pbf")
    window = MainWindow(Settings(str(tmp_path / "settings.ini")), gps=GpsService())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_survey(path)
    return window


@pytest.fixture
def monaco_window(qtbot: QtBot, tmp_path: Path, monaco: Area) -> Iterator[MainWindow]:
    """The field window on a fresh Monaco survey (its area and cameras already in OSM)."""
    window = _monaco_window(qtbot, tmp_path, monaco)
    yield window
    window.close()


def _water_share(image: QImage) -> float:
    step = 8
    pixels = [
        image.pixelColor(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    return sum(_near(p, WATER) for p in pixels) / len(pixels)


def _near(a: QColor, b: QColor, tolerance: int = 10) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def _view(window: MainWindow) -> QImage:
    viewport = window.canvas.viewport()
    return render_frame(window.canvas, viewport.width(), viewport.height())


def _in_view(window: MainWindow, lat: float, lon: float) -> bool:
    x, y = window.canvas.pixel_of(lat, lon)
    viewport = window.canvas.viewport()
    return 0 <= x < viewport.width() and 0 <= y < viewport.height()


def _fix(lat: float, lon: float) -> GpsFix:
    return GpsFix(lat, lon, datetime.now(UTC), accuracy_m=6.0)


# --- where a survey opens ---------------------------------------------------------------


def test_monaco_opens_on_its_cameras_not_on_the_sea(
    monaco_window: MainWindow, monaco: Area
) -> None:
    assert all(_in_view(monaco_window, c.lat, c.lon) for c in monaco.cameras)
    assert 14.0 <= monaco_window.canvas.zoom <= 18.0
    assert _water_share(_view(monaco_window)) < 0.35


def test_without_cameras_monaco_opens_on_its_streets_showing_the_whole_town(
    qtbot: QtBot, tmp_path: Path, monaco: Area
) -> None:
    window = _monaco_window(qtbot, tmp_path, monaco, with_cameras=False)
    assert all(_in_view(window, c.lat, c.lon) for c in monaco.cameras)  # all over the town
    assert _in_view(window, 43.7247, 7.4130)  # Fontvieille, the south-west end of the town
    assert _in_view(window, 43.7490, 7.4390)  # Larvotto, its north-east end
    lat, lon = window.canvas.view_center()
    assert distance_from_area_m(monaco.bbox, lat, lon) == 0.0
    image = _view(window)
    middle = image.copy(image.width() // 2 - 60, image.height() // 2 - 60, 120, 120)
    assert _water_share(middle) < 0.25  # among the streets (the centre may be a pool)
    assert _water_share(image) < 0.5
    window.close()


def test_a_handout_opens_on_its_own_sector(qtbot: QtBot, tmp_path: Path, monaco: Area) -> None:
    from shapely.geometry import box

    from contrechamp.core.area import Sector

    path = tmp_path / "handout.cartoparty"
    fontvieille = box(7.4110, 43.7270, 7.4180, 43.7310)  # the south-west end, no OSM camera
    with SurveyFile.create(path, title="Monaco — Fontvieille") as survey:
        survey.set_area(monaco.bbox, monaco.features, monaco.cameras, "monaco.osm.pbf")
        survey.add_sector(Sector("Larvotto", box(7.432, 43.744, 7.440, 43.750).wkb, pair="A & B"))
        own = survey.add_sector(Sector("Fontvieille", fontvieille.wkb, pair="Zoé & Ana"))
        assert own.id is not None
        survey.set_own_sector(own.id)
    window = MainWindow(Settings(str(tmp_path / "settings.ini")), gps=GpsService())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_survey(path)
    lat, lon = window.canvas.view_center()
    assert fontvieille.buffer(0.002).contains(Point(lon, lat))  # on the pair's own streets
    assert not _in_view(window, 43.747, 7.436)  # the other sector is out of sight
    window.close()


# --- Go to the survey area (G) ----------------------------------------------------------


def test_g_brings_the_map_back_to_the_survey(
    qtbot: QtBot, monaco_window: MainWindow, monaco: Area
) -> None:
    opening = (monaco_window.canvas.view_center(), monaco_window.canvas.zoom)
    monaco_window.canvas.center_on(*SAINT_DENIS, 12.0)
    monaco_window.canvas.setFocus()
    qtbot.waitUntil(monaco_window.canvas.hasFocus)
    qtbot.keyClick(monaco_window.canvas, Qt.Key.Key_G)
    assert monaco_window.canvas.view_center() == pytest.approx(opening[0], abs=1e-9)
    assert monaco_window.canvas.zoom == opening[1]
    action = monaco_window.commands.go_to_area
    assert action.text() == "Go to the survey area (G)"
    assert action in monaco_window.commands.menus[2].actions()  # View


def test_g_is_no_other_key_of_the_window(monaco_window: MainWindow) -> None:
    keys = [a.shortcut().toString() for a in monaco_window.actions() if not a.shortcut().isEmpty()]
    assert keys.count("G") == 1
    assert len(keys) == len(set(keys))


def test_g_goes_to_the_cameras_logged_since_opening(qtbot: QtBot, window: MainWindow) -> None:
    assert window.session is not None
    lat, lon = 43.7310, 7.4220  # the fixture's small area, no camera of its own
    camera = window.sightings.add_camera_at(lat, lon, PositionSource.MAP, None)
    assert camera is not None
    window.canvas.center_on(*SAINT_DENIS, 12.0)
    window.commands.go_to_area.trigger()
    assert _in_view(window, lat, lon)
    for node in window.session.existing_cameras():
        assert _in_view(window, node.lat, node.lon)


# --- a GPS fix far from the area --------------------------------------------------------


def test_a_far_fix_is_not_followed_and_the_status_bar_says_how_far(
    qtbot: QtBot, monaco_window: MainWindow
) -> None:
    monaco_window.set_follow(True)
    before = monaco_window.canvas.view_center()
    monaco_window.gps.fix_changed.emit(_fix(*SAINT_DENIS))
    assert monaco_window.canvas.view_center() == before  # not the empty beige view
    notice = monaco_window.survey_view.notice
    assert notice.isVisible()
    assert notice.paused
    assert notice.label.text().startswith("You are 692 km")  # to the NW corner
    assert "km from the survey area" in notice.label.text()
    assert notice.label.text().endswith(" · following paused")
    assert notice.follow_button.isVisible()
    assert monaco_window.gps.follow  # paused, not turned off
    qtbot.mouseClick(notice.follow_button, Qt.MouseButton.LeftButton)
    assert monaco_window.canvas.view_center() == pytest.approx(SAINT_DENIS, abs=1e-6)
    assert not notice.paused
    assert notice.isVisible()
    monaco_window.gps.fix_changed.emit(_fix(SAINT_DENIS[0] + 0.001, SAINT_DENIS[1]))
    assert monaco_window.canvas.view_center() == pytest.approx(
        (SAINT_DENIS[0] + 0.001, SAINT_DENIS[1]), abs=1e-6
    )  # followed, as asked
    monaco_window.commands.go_to_area.trigger()  # back to the survey: asks again
    assert notice.paused
    assert (
        distance_from_area_m(
            monaco_window.session.survey.area_bbox(),  # type: ignore[arg-type, union-attr]
            *monaco_window.canvas.view_center(),
        )
        == 0.0
    )


def test_a_fix_near_the_area_is_followed_and_clears_the_notice(
    monaco_window: MainWindow, monaco: Area
) -> None:
    monaco_window.set_follow(True)
    monaco_window.gps.fix_changed.emit(_fix(*SAINT_DENIS))
    near = offset(monaco.bbox.north, 7.43, 0.0, 2500.0)  # 2.5 km beyond the bounds: near
    monaco_window.gps.fix_changed.emit(_fix(*near))
    assert monaco_window.canvas.view_center() == pytest.approx(near, abs=1e-6)
    assert not monaco_window.survey_view.notice.isVisible()
    far = offset(monaco.bbox.north, 7.43, 0.0, 3500.0)
    monaco_window.gps.fix_changed.emit(_fix(*far))
    assert monaco_window.canvas.view_center() == pytest.approx(near, abs=1e-6)
    assert monaco_window.survey_view.notice.label.text().startswith("You are 4 km")


def test_without_follow_a_far_fix_is_only_reported(monaco_window: MainWindow) -> None:
    monaco_window.set_follow(False)
    monaco_window.gps.fix_changed.emit(_fix(*SAINT_DENIS))
    notice = monaco_window.survey_view.notice
    assert notice.isVisible()
    assert not notice.paused
    assert not notice.follow_button.isVisible()
    monaco_window.set_follow(True)  # F while far: the map asks first
    assert notice.paused
    assert notice.follow_button.isVisible()
    monaco_window.gps.stop()
    monaco_window.gps.status_changed.emit("off")
    assert not notice.isVisible()


# --- photo drafts far from the area -----------------------------------------------------


def _holiday_and_walk(folder: Path) -> Path:
    """Two photos in the survey's small area, two taken on holiday (Madrid, Tuscany)."""
    folder.mkdir()
    shots = [
        ("walk_1.jpg", 43.7320, 7.4240),
        ("walk_2.jpg", 43.7340, 7.4260),
        ("madrid.jpg", 40.4469722, -3.7247528),
        ("tuscany.jpg", 43.4674483, 11.8851267),
    ]
    for i, (name, lat, lon) in enumerate(shots):
        taken = T0 + timedelta(minutes=10 * i)
        write_photo(folder, name, lat=lat, lon=lon, heading=90.0, taken_at=taken)
    return folder


def test_after_an_import_far_drafts_are_counted_and_rejected_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.commands.import_photos.trigger()
    dialog = window.photo_intake.dialog
    assert dialog is not None
    dialog.add_paths([_holiday_and_walk(tmp_path / "photos")])
    with qtbot.waitSignal(dialog.photos_imported, timeout=30_000):
        dialog.start_import()
    box = window.survey_view.far_drafts_box
    assert box is not None
    assert box.isVisible()
    assert box.text().startswith("2 new draft(s) lie more than 3 km outside the survey area")
    assert window.session is not None
    drafts = [c for c in window.session.cameras() if c.status is Status.DRAFT]
    assert len(drafts) == 4
    reject = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    reject.click()
    by_status = {c.id: c.status for c in window.session.cameras()}
    far = [c for c in window.session.cameras() if not AREA.contains(c.lat, c.lon)]
    assert [by_status[c.id] for c in far] == [Status.REJECTED, Status.REJECTED]
    assert sum(s is Status.DRAFT for s in by_status.values()) == 2
    path = window.session.survey.path

    def rejected_in_file() -> int:
        with SurveyFile.open_untrusted_readonly(path) as survey:
            return sum(c.status is Status.REJECTED for c in survey.cameras())

    # The photos' copy may still hold the file: the edit is then written after its turn.
    qtbot.waitUntil(lambda: rejected_in_file() == 2, timeout=30_000)
    assert window.commands.undo.toolTip() == "Reject drafts outside the area"
    window.commands.undo.trigger()  # one step brings both back
    assert all(c.status is Status.DRAFT for c in window.session.cameras())
    qtbot.waitUntil(lambda: not dialog.running(), timeout=30_000)
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=30_000)
    dialog.reject()


def test_an_import_inside_the_area_says_nothing_more(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "walk"
    folder.mkdir()
    write_photo(folder, "a.jpg", lat=43.7320, lon=7.4240, heading=90.0, taken_at=T0)
    window.commands.import_photos.trigger()
    dialog = window.photo_intake.dialog
    assert dialog is not None
    dialog.add_paths([folder])
    with qtbot.waitSignal(dialog.photos_imported, timeout=30_000):
        dialog.start_import()
    assert window.survey_view.far_drafts_box is None
    qtbot.waitUntil(lambda: not dialog.running(), timeout=30_000)
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=30_000)
    dialog.reject()


def test_typing_g_in_the_form_types_it_and_leaves_the_map(qtbot: QtBot, window: MainWindow) -> None:
    camera = window.sightings.add_camera_at(43.7310, 7.4220, PositionSource.MAP, None)
    assert camera is not None
    window.canvas.center_on(*SAINT_DENIS, 12.0)
    window.form.operator.setFocus()
    qtbot.waitUntil(window.form.operator.hasFocus)
    qtbot.keyClicks(window.form.operator, "garage")
    assert window.form.operator.text() == "garage"
    assert window.canvas.view_center() == pytest.approx(SAINT_DENIS, abs=1e-9)
