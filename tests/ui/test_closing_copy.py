"""Closing the window while photos are still being copied into the survey: it says so."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contrechamp.ops import photo_copy
from contrechamp.ops.photo_import import import_photos
from contrechamp.store.pending import PendingPhoto, PendingState, read_original
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.photos.closing_copy import FinishingCopyDialog
from tests.photos.photo_factory import write_walk

PHOTOS = 4  # the generated walk: 3 photos with a position, 1 without
SLOW_S = 0.5  # each photo after the first takes this long to read: a slow card reader


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy reads the first photo at once, then each other one slowly."""
    read: list[int] = []

    def slow(photo: PendingPhoto) -> bytes | PendingState:
        if read:
            time.sleep(SLOW_S)
        read.append(photo.photo_id)
        return read_original(photo)

    monkeypatch.setattr(photo_copy, "read_original", slow)


def _import_with_the_dialog(qtbot: QtBot, window: MainWindow, folder: Path) -> None:
    """File → Import photos, then close the dialog: the copy goes on behind it."""
    window.commands.import_photos.trigger()
    dialog = window.photo_intake.dialog
    assert dialog is not None
    dialog.add_paths([write_walk(folder)])
    with qtbot.waitSignal(dialog.photos_imported, timeout=30_000):
        dialog.start_import()
    assert dialog.copying()
    dialog.reject()


def _waiting(qtbot: QtBot, window: MainWindow) -> FinishingCopyDialog:
    shown = window.closing_copy.dialog
    assert shown is not None
    qtbot.waitUntil(shown.isVisible)
    return shown


def _pending(path: Path) -> int:
    with SurveyFile.open(path) as survey:
        return survey.pending_count()


def test_closing_during_the_copy_shows_it_then_closes_once_it_is_done(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, slow_disk: None
) -> None:
    survey = tmp_path / "new.cartoparty"
    assert window.create_survey(survey)
    _import_with_the_dialog(qtbot, window, tmp_path / "walk")
    assert not window.close()  # held: the copy is under way
    assert window.isVisible()
    waiting = _waiting(qtbot, window)
    qtbot.waitUntil(lambda: "of 4" in waiting.label.text(), timeout=10_000)
    assert waiting.label.text().startswith("Finishing copying photos into the survey…")
    assert waiting.bar.maximum() == PHOTOS
    assert waiting.stop_button.text() == "&Stop the copy now"
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)  # closed by itself
    assert window.session is None
    assert _pending(survey) == 0


def test_stop_the_copy_now_closes_at_once_and_the_copy_resumes_next_time(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, slow_disk: None
) -> None:
    survey = tmp_path / "new.cartoparty"
    assert window.create_survey(survey)
    _import_with_the_dialog(qtbot, window, tmp_path / "walk")
    window.close()
    waiting = _waiting(qtbot, window)
    qtbot.waitUntil(lambda: " of 4" in waiting.label.text(), timeout=10_000)
    qtbot.mouseClick(waiting.stop_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert window.session is None
    assert 0 < _pending(survey) < PHOTOS  # what was copied stays copied
    window.show()
    assert window.open_survey(survey)  # the copy resumes
    qtbot.waitUntil(lambda: not window.closing_copy.copying(), timeout=30_000)
    assert _pending(survey) == 0


def test_closing_while_the_copy_resumes_on_opening_shows_it_too(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, slow_disk: None
) -> None:
    survey = tmp_path / "resumed.cartoparty"
    with SurveyFile.create(survey, title="Walk") as made:
        import_photos(made, [write_walk(tmp_path / "walk")])  # drafts, photos still outside
    assert window.open_survey(survey)
    assert window.closing_copy.copying()
    assert not window.close()
    waiting = _waiting(qtbot, window)
    qtbot.waitUntil(lambda: " of 4" in waiting.label.text(), timeout=10_000)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert _pending(survey) == 0


def test_escape_keeps_the_window_open_and_the_copy_going(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, slow_disk: None
) -> None:
    survey = tmp_path / "new.cartoparty"
    assert window.create_survey(survey)
    _import_with_the_dialog(qtbot, window, tmp_path / "walk")
    window.close()
    waiting = _waiting(qtbot, window)
    qtbot.keyClick(waiting, Qt.Key.Key_Escape)
    assert window.closing_copy.dialog is None
    qtbot.waitUntil(lambda: not window.closing_copy.copying(), timeout=30_000)
    assert window.isVisible()  # the walker changed their mind: still open
    assert window.session is not None
    assert window.close()  # nothing to wait for now: closes at once
    assert _pending(survey) == 0


def test_closing_without_a_copy_shows_nothing(qtbot: QtBot, window: MainWindow) -> None:
    assert window.close()
    assert window.closing_copy.dialog is None
    assert not window.isVisible()
