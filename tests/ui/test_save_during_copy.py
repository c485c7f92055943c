"""A save from the form while 200 photos are copied into the survey: at once and durable.

The copy is a background job of the window writing in turns on the survey's one connection;
the save never waits for the copy's turn on the window's thread and never fails as "busy".
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from contrechamp.ops import photo_copy
from contrechamp.ops.photo_import import import_photos
from contrechamp.store.pending import PendingPhoto, PendingState, read_original
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.main_window import MainWindow
from tests.photos.photo_factory import T0, write_photo

PHOTOS = 200
SAVE_MS = 50.0  # a bound on behaviour, not a benchmark: a save never waits for the copy
FRAME_MS = 100.0  # the event loop keeps turning (a frame repainting the edited camera's map
# tiles takes up to ~40 ms on a loaded 2-core machine; waiting for a copy's turn took seconds)


def _walk_of_200_photos(folder: Path) -> Path:
    folder.mkdir()
    for index in range(PHOTOS):
        photo = write_photo(
            folder, f"IMG_{index:03d}.jpg", lat=43.7320 + index * 1e-5, lon=7.4240, taken_at=T0
        )
        with photo.open("ab") as stream:  # ~250 KB each: the copy takes several turns
            stream.write(os.urandom(250_000))
    return folder


@pytest.fixture
def card_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Originals read as from an SD card (10 ms each): the copy lasts about 2 s."""

    def slow(photo: PendingPhoto) -> bytes | PendingState:
        time.sleep(0.01)
        return read_original(photo)

    monkeypatch.setattr(photo_copy, "read_original", slow)


class GuiThreadWatch:
    """The longest time the window's thread went without running its event loop."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now


def test_saving_from_the_form_during_a_photo_copy_never_blocks_nor_fails(
    qtbot: QtBot, window: MainWindow, survey_path: Path, tmp_path: Path, card_reader: None
) -> None:
    with SurveyFile.open(survey_path) as survey:
        summary = import_photos(survey, [_walk_of_200_photos(tmp_path / "walk")])
        assert survey.pending_count() >= PHOTOS  # drafts made, bytes not copied in yet
    assert window.open_survey(survey_path)  # starts copying the photos in the background
    assert window.files.jobs.busy()
    saved = [_save_a_new_camera(qtbot, window)]  # the form's first showing is not measured
    watch = GuiThreadWatch()
    saves: list[float] = []
    while window.files.jobs.busy() and len(saves) < 20:
        started = time.perf_counter()
        saved.append(_save_a_new_camera(qtbot, window))
        saves.append((time.perf_counter() - started) * 1000)
        qtbot.wait(20)
    copying = window.files.jobs.busy()
    watch.timer.stop()  # what the window does once the copy is over is not measured
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=120_000)
    assert copying, "the copy ended before the saves: make it longer"
    assert len(saves) == 20
    assert max(saves) < SAVE_MS, saves
    assert watch.longest_ms < FRAME_MS, watch.longest_ms
    assert window.session is not None
    window.session.writer.close()  # the queued saves are written before the file is read
    with SurveyFile.open_untrusted_readonly(survey_path) as survey:
        stored = {c.id for c in survey.cameras()}
        assert survey.pending_count() == 0
    assert set(saved) - {""} <= stored
    assert len(stored) == summary.drafts_created + len(saved)


def _save_a_new_camera(qtbot: QtBot, window: MainWindow) -> str:
    """N (a new camera at the map centre), then Enter in the form: saved for good."""
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_N)
    camera_id = window.edited_camera_id() or ""
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    return camera_id
