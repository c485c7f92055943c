"""The upload dialog: check, then upload, off the GUI thread, against the stand-in."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from contrechamp.osmapi.tokens import TOKEN_VARIABLE
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.upload_dialog import UploadDialog
from tests.osmapi.api_server import FakeOsm
from tests.osmapi.conftest import TOKEN, camera_at


def test_the_dialog_shows_the_plan_then_uploads(
    qtbot: QtBot, osm: FakeOsm, survey: SurveyFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)
    survey.add_cameras([camera_at(i) for i in range(2)])
    dialog = UploadDialog(survey)
    qtbot.addWidget(dialog)
    dialog.server_box.setCurrentIndex(dialog.server_box.findData("custom"))
    dialog.url_edit.setText(osm.url)
    assert not dialog.prepare_button.isEnabled()  # a comment first
    dialog.comment_edit.setText("Caméras de la rue de Test")

    dialog.prepare_button.click()
    qtbot.waitUntil(dialog.upload_button.isEnabled, timeout=10_000)
    assert "ana" in dialog.summary_label.text()
    assert "2 new" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.sig_uploaded, timeout=10_000) as uploaded:
        dialog.upload_button.click()

    assert uploaded.args[0].outcome.created == 2
    assert all(c.osm_id is not None for c in survey.cameras())
    assert len(osm.current()) == 2
    assert not dialog.upload_button.isEnabled()  # nothing left to send


def test_a_failure_is_one_sentence_in_the_dialog(
    qtbot: QtBot, osm: FakeOsm, survey: SurveyFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TOKEN_VARIABLE, "revoked")
    dialog = UploadDialog(survey)
    qtbot.addWidget(dialog)
    dialog.server_box.setCurrentIndex(dialog.server_box.findData("custom"))
    dialog.url_edit.setText(osm.url)
    dialog.comment_edit.setText("x")

    dialog.prepare_button.click()
    qtbot.waitUntil(lambda: "log in again" in dialog.summary_label.text(), timeout=10_000)
    assert dialog.prepare_button.isEnabled()


def test_uploading_from_the_window_links_its_cameras_and_no_undo_can_unlink_them(
    qtbot: QtBot, osm: FakeOsm, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from contrechamp.ui.main_window import MainWindow
    from contrechamp.ui.settings import Settings

    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)
    folder = Path(str(tmp_path))
    path = folder / "walk.cartoparty"
    SurveyFile.create(path, title="Walk").close()
    window = MainWindow(Settings(str(folder / "settings.ini")))
    qtbot.addWidget(window)
    assert window.open_survey(path)
    session = window.session
    assert session is not None
    for i in range(2):
        session.add_camera(camera_at(i), "Add camera")
    assert session.undo_stack.canUndo()
    window.commands.upload.trigger()
    dialog = window.upload_dialog
    dialog.server_box.setCurrentIndex(dialog.server_box.findData("custom"))
    dialog.url_edit.setText(osm.url)
    dialog.comment_edit.setText("Caméras de la rue de Test")
    dialog.prepare_button.click()
    qtbot.waitUntil(dialog.upload_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(dialog.sig_uploaded, timeout=10_000):
        dialog.upload_button.click()
    assert all(c.osm_id is not None for c in session.cameras())  # the window shows the links
    assert not session.undo_stack.canUndo()  # undoing an add would orphan an OSM node
    assert len(osm.current()) == 2
    window.close()
