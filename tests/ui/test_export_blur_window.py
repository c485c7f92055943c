"""Photos exported from the window: faces looked for in the background (progress, Cancel),
the review the first time, the dialog's blur choice obeyed and said."""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from contrechamp.core.blur import BlurRegion
from contrechamp.core.camera import Camera
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.ops import blur as blur_module
from contrechamp.ops.blur_review import REVIEWED_SETTING
from contrechamp.ops.exports import ExportFormat, ExportOptions
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.export_dialog import CameraExport, PhotoExportChoice
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.photos.blur_review import BlurReviewDialog
from tests.photos.face_photos import astronaut, encoded, street_photo

STOPPED = "The export was stopped: nothing was written."


def _wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.files.jobs.busy(), timeout=60_000)


def _camera_with_photos(window: MainWindow, photos: list[bytes]) -> list[int]:
    session = window.session
    assert session is not None
    camera = Camera(43.7331, 7.4251, {"man_made": "surveillance"})
    session.add_camera(camera, "Add camera")
    ids = []
    for n, data in enumerate(photos):
        info = PhotoInfo(None, camera.id, "", f"IMG_{n}.jpg", "image/jpeg", PhotoRole.CLOSE_UP)
        stored = session.writer.survey.add_photo(info, data)
        assert stored.id is not None
        ids.append(stored.id)
    return ids


def _review(qtbot: QtBot, window: MainWindow) -> BlurReviewDialog:
    qtbot.waitUntil(lambda: window.files.blurring.dialog is not None, timeout=60_000)
    dialog = window.files.blurring.dialog
    assert isinstance(dialog, BlurReviewDialog)
    return dialog


def _head_change(data: bytes) -> float:
    shared = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), float)
    return float(np.abs(shared - np.asarray(astronaut(), float))[30:190, 160:290].mean())


def _count_detections(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = blur_module.detect_faces

    def counting(data: bytes, threads: int = 1) -> list[BlurRegion]:
        calls.append(threading.get_ident())
        return real(data, threads)

    monkeypatch.setattr(blur_module, "detect_faces", counting)
    return calls


def test_the_first_photo_export_is_reviewed_then_blurred_and_the_next_is_not_scanned_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count_detections(monkeypatch)
    (photo,) = _camera_with_photos(window, [encoded(astronaut())])
    folder = tmp_path / "shared"
    assert window.files.export_photos(PhotoExportChoice(folder, False, False))
    dialog = _review(qtbot, window)
    assert not folder.exists()  # nothing is written before the review is accepted
    assert [tile.photo_id for tile in dialog.tiles] == [photo]
    assert len(dialog.tiles[0].regions()) == 1  # the face found, outlined
    assert len(calls) == 1
    assert threading.main_thread().ident not in calls  # found off the GUI thread
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    _wait_idle(qtbot, window)
    [written] = list(folder.iterdir())
    assert _head_change(written.read_bytes()) > 20
    assert window.statusBar().currentMessage() == "Wrote 1 photo(s) to shared."
    assert window.session is not None
    assert window.session.survey.setting(REVIEWED_SETTING) is not None
    again = tmp_path / "again"
    assert window.files.export_photos(PhotoExportChoice(again, False, False))
    _wait_idle(qtbot, window)
    assert window.files.blurring.dialog is None  # reviewed once: not asked again
    assert len(calls) == 1  # what was found is kept in the survey
    assert _head_change(next(again.iterdir()).read_bytes()) > 20


def test_the_dialogs_choice_not_to_blur_is_obeyed_and_said(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _camera_with_photos(window, [encoded(astronaut())])
    folder = tmp_path / "plain"
    assert window.files.export_photos(PhotoExportChoice(folder, False, False, blur=False))
    _wait_idle(qtbot, window)
    assert window.files.blurring.dialog is None
    assert _head_change(next(folder.iterdir()).read_bytes()) < 3
    assert window.statusBar().currentMessage() == "Wrote 1 photo(s) to plain. Photos not blurred."
    out = tmp_path / "plain.zip"
    options = ExportOptions(blur=False)
    assert window.files.export_cameras(CameraExport(ExportFormat.PHOTOS, out, options))
    _wait_idle(qtbot, window)
    with zipfile.ZipFile(out) as bundle:
        assert _head_change(bundle.read(bundle.namelist()[0])) < 3
    assert window.statusBar().currentMessage().endswith(" Photos not blurred.")


def test_a_zip_of_photos_from_the_export_dialog_is_blurred_after_the_review(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _camera_with_photos(window, [encoded(astronaut())])
    out = tmp_path / "photos.zip"
    assert window.files.export_cameras(CameraExport(ExportFormat.PHOTOS, out, ExportOptions()))
    _review(qtbot, window).accept()
    _wait_idle(qtbot, window)
    with zipfile.ZipFile(out) as bundle:
        assert _head_change(bundle.read(bundle.namelist()[0])) > 20
    assert "Photos not blurred" not in window.statusBar().currentMessage()


def test_cancel_stops_the_look_for_faces_quietly_while_the_window_keeps_running(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()

    def held(data: bytes, threads: int = 1) -> list[BlurRegion]:
        started.set()
        release.wait(30)
        return []

    monkeypatch.setattr(blur_module, "detect_faces", held)
    photos = [encoded(street_photo([(100, 100, 150 + n)])) for n in range(4)]
    _camera_with_photos(window, photos)
    folder = tmp_path / "never"
    assert window.files.export_photos(PhotoExportChoice(folder, False, False))
    qtbot.waitUntil(started.is_set, timeout=30_000)
    busy = window.files.busy
    qtbot.waitUntil(lambda: busy.bar.maximum() == 4, timeout=10_000)  # 0 of 4: said
    assert busy.label.text() == "Looking for faces…"
    assert busy.cancel_button.isVisibleTo(window)  # the event loop turns: no freeze
    busy.cancel_button.click()
    release.set()
    _wait_idle(qtbot, window)
    assert window.message_box is None  # the user's own choice: no error box
    assert window.statusBar().currentMessage() == STOPPED
    assert not folder.exists()
    assert not busy.cancel_button.isVisibleTo(window)


def test_cancelling_the_review_writes_nothing_and_asks_again_next_time(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _camera_with_photos(window, [encoded(astronaut())])
    folder = tmp_path / "shared"
    assert window.files.export_photos(PhotoExportChoice(folder, False, False))
    _review(qtbot, window).reject()
    _wait_idle(qtbot, window)
    assert not folder.exists()
    assert window.statusBar().currentMessage() == STOPPED
    assert window.message_box is None
    assert window.files.export_photos(PhotoExportChoice(folder, False, False))
    _review(qtbot, window).reject()


def test_the_menu_opens_the_review_of_every_photo_any_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    ids = _camera_with_photos(window, [encoded(astronaut()), encoded(street_photo([]))])
    assert window.commands.review_blur.isEnabled()
    window.commands.review_blur.trigger()
    dialog = _review(qtbot, window)
    assert [tile.photo_id for tile in dialog.tiles] == ids
    assert [len(tile.regions()) for tile in dialog.tiles] == [1, 0]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "&Close"
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isVisible()
    ok.click()
    _wait_idle(qtbot, window)
    assert window.session is not None
    with SurveyFile.open_untrusted_readonly(window.session.survey.path) as survey:
        assert survey.setting(REVIEWED_SETTING) is not None
