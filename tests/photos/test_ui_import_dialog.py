"""The photo import dialog: runs the import off the GUI thread, reports, cancels, fails well."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from contrechamp.core.errors import InputError
from contrechamp.ops import photo_copy, photo_import
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.photos import import_dialog
from contrechamp.ui.photos.import_dialog import PhotoImportDialog
from contrechamp.ui.session import SurveySession
from tests.photos.photo_factory import write_walk


@pytest.fixture
def survey_path(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    SurveyFile.create(path, surveyor="ana").close()
    return path


@pytest.fixture
def dialog(qtbot: QtBot, survey_path: Path) -> Iterator[PhotoImportDialog]:
    pool = QThreadPool()
    shown = PhotoImportDialog(survey_path, "ana", pool=pool)
    qtbot.addWidget(shown)
    yield shown
    pool.waitForDone(10_000)


def test_import_runs_in_the_background_and_reports(
    qtbot: QtBot, dialog: PhotoImportDialog, survey_path: Path, tmp_path: Path
) -> None:
    session = SurveySession(SurveyFile.open(survey_path))  # the window's own connection
    try:
        dialog.add_paths([write_walk(tmp_path / "walk")])
        assert dialog.import_button.isEnabled()
        with qtbot.waitSignal(dialog.photos_imported, timeout=20_000) as imported:
            dialog.start_import()
            assert dialog.running()
            assert not dialog.import_button.isEnabled()
        summary = imported.args[0]
        assert (summary.drafts_created, summary.photos_added) == (2, 4)
        text = dialog.summary.text()
        assert "2 camera(s) to review" in text
        assert "notes.txt is not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP photo" in text
        session.adopt_cameras(summary.camera_ids)  # the drafts show before the copy ends
        assert {c.id for c in session.cameras()} == set(summary.camera_ids)
        assert dialog.running()  # copying the photos into the survey
        assert dialog.stage.text() == "Copying photos into the survey…"
        with qtbot.waitSignal(dialog.photos_copied, timeout=20_000) as copied:
            pass
        assert (copied.args[0].copied, copied.args[0].left) == (4, [])
        assert dialog.stage.text() == "All photos are inside the survey."
        assert dialog.progress.value() == dialog.progress.maximum()
        assert dialog.cancel_button.text() == "&Close"
        assert session.survey.pending_count() == 0
    finally:
        session.close()


def test_stop_leaves_a_consistent_survey(
    qtbot: QtBot,
    dialog: PhotoImportDialog,
    survey_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started, proceed = threading.Event(), threading.Event()

    def gated(*args: object, **kwargs: object) -> photo_import.ImportSummary:
        started.set()
        proceed.wait(10)
        return photo_import.import_photos(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(import_dialog, "import_photos", gated)
    dialog.add_paths([write_walk(tmp_path / "walk")])
    with qtbot.waitSignal(dialog.photos_imported, timeout=20_000) as imported:
        dialog.start_import()
        assert started.wait(10)
        dialog.cancel_button.click()  # "Stop"
        proceed.set()
    assert imported.args[0].cancelled
    assert "Import stopped" in dialog.summary.text()
    with SurveyFile.open(survey_path) as survey:
        assert survey.cameras() == []
        assert survey.photos() == []


def test_stopping_the_copy_keeps_the_drafts_and_a_later_copy_resumes(
    qtbot: QtBot,
    dialog: PhotoImportDialog,
    survey_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started, proceed = threading.Event(), threading.Event()

    def gated(*args: object, **kwargs: object) -> photo_copy.CopySummary:
        started.set()
        proceed.wait(10)
        return photo_copy.copy_pending_photos(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(import_dialog, "copy_pending_photos", gated)
    dialog.add_paths([write_walk(tmp_path / "walk")])
    with qtbot.waitSignal(dialog.photos_copied, timeout=20_000) as copied:
        dialog.start_import()
        qtbot.waitUntil(started.is_set, timeout=10_000)  # the drafts are in, the copy began
        dialog.cancel_button.click()  # "Stop" while copying
        proceed.set()
    assert copied.args[0].cancelled
    assert "Copy stopped" in dialog.stage.text()
    with SurveyFile.open(survey_path) as survey:
        assert len(survey.cameras()) == 2
        assert survey.pending_count() == 4
    with qtbot.waitSignal(dialog.photos_copied, timeout=20_000) as resumed:
        dialog.copy_pending()
    assert resumed.args[0].copied == 4
    with SurveyFile.open(survey_path) as survey:
        assert survey.pending_count() == 0


def test_a_copy_with_originals_gone_says_so(
    qtbot: QtBot, dialog: PhotoImportDialog, survey_path: Path, tmp_path: Path
) -> None:
    folder = write_walk(tmp_path / "walk")
    with SurveyFile.open(survey_path) as survey:
        photo_import.import_photos(survey, [folder])
    (folder / "IMG_1.jpg").unlink()
    with qtbot.waitSignal(dialog.photos_copied, timeout=20_000):
        dialog.copy_pending()
    assert dialog.stage.text() == "1 photo(s) not copied: the original file is missing or changed."


def test_a_bad_track_fails_with_a_message_and_changes_nothing(
    qtbot: QtBot, dialog: PhotoImportDialog, survey_path: Path, tmp_path: Path
) -> None:
    track = tmp_path / "track.gpx"
    track.write_text("<kml/>", encoding="utf-8")
    dialog.add_paths([write_walk(tmp_path / "walk")])
    dialog.set_track(track)
    assert dialog.track_label.text() == "track.gpx"
    with qtbot.waitSignal(dialog.import_failed, timeout=20_000) as failed:
        dialog.start_import()
    assert isinstance(failed.args[0], InputError)
    assert dialog.summary.text()
    assert not dialog.running()
    with SurveyFile.open(survey_path) as survey:
        assert survey.cameras() == []


def test_nothing_to_import_keeps_the_import_button_off(dialog: PhotoImportDialog) -> None:
    assert not dialog.import_button.isEnabled()
    dialog.start_import()
    assert not dialog.running()
