"""The sheet line in the camera form: typed, saved at once, each save one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, PositionSource
from contrechamp.core.errors import ContrechampError
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.form.camera_form import CameraForm
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.session import SurveySession


@pytest.fixture
def form(qtbot: QtBot, session: SurveySession) -> CameraForm:
    """A form editing one new camera of a real survey."""
    widget = CameraForm(session)
    qtbot.addWidget(widget)
    camera = Camera(43.7320, 7.4230, {"man_made": "surveillance"})
    session.add_camera(camera, "Add")
    widget.show_camera(camera.id)
    widget.show()
    return widget


def _type_line(qtbot: QtBot, form: CameraForm, text: str, then: Qt.Key = Qt.Key.Key_Tab) -> None:
    field = form.sheet_line
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, then)


def _on_disk(session: SurveySession, camera_id: str) -> str | None:
    with SurveyFile.open(session.survey.path) as survey:
        return survey.sheet_line(camera_id)


def _camera_id(form: CameraForm) -> str:
    assert form.camera_id is not None
    return form.camera_id


def test_a_typed_sheet_line_is_saved_at_once(
    qtbot: QtBot, form: CameraForm, session: SurveySession
) -> None:
    _type_line(qtbot, form, " a-3 ")
    assert session.sheet_line(_camera_id(form)) == "a-3"
    assert _on_disk(session, _camera_id(form)) == "a-3"
    assert form.sheet_line.text() == "a-3"


def test_ctrl_z_in_the_window_gives_the_sheet_line_back(qtbot: QtBot, window: MainWindow) -> None:
    camera = window.sightings.add_camera_at(43.7320, 7.4230, PositionSource.MAP, None)
    assert camera is not None
    assert window.session is not None
    window.form.show_camera(camera.id)
    _type_line(qtbot, window.form, "12", Qt.Key.Key_Return)  # saved for good: a step
    _type_line(qtbot, window.form, "14", Qt.Key.Key_Return)

    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert window.form.sheet_line.text() == "12"
    assert _on_disk(window.session, camera.id) == "12"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.form.sheet_line.text() == ""
    assert window.session.sheet_line(camera.id) is None
    assert window.session.camera(camera.id) is not None  # the camera stays: its own step


def test_edits_of_the_line_in_a_row_merge_into_one_undo_step(
    qtbot: QtBot, form: CameraForm, session: SurveySession
) -> None:
    steps = session.undo_stack.count()
    _type_line(qtbot, form, "1")
    _type_line(qtbot, form, "12")
    assert session.undo_stack.count() == steps + 1
    session.undo_stack.undo()
    assert form.sheet_line.text() == ""
    session.undo_stack.redo()
    assert form.sheet_line.text() == "12"
    assert _on_disk(session, _camera_id(form)) == "12"


def test_a_text_that_is_not_a_sheet_line_is_refused_and_nothing_moves(
    qtbot: QtBot, form: CameraForm, session: SurveySession
) -> None:
    _type_line(qtbot, form, "7", Qt.Key.Key_Return)
    steps, index = session.undo_stack.count(), session.undo_stack.index()
    with qtbot.waitSignal(form.failed) as refusal:
        _type_line(qtbot, form, "7; 8")
    assert isinstance(refusal.args[0], ContrechampError)
    assert refusal.args[0].code == "sheet_line.invalid"
    assert (session.undo_stack.count(), session.undo_stack.index()) == (steps, index)
    assert form.sheet_line.text() == "7"
    assert _on_disk(session, _camera_id(form)) == "7"


def test_a_failed_write_raises_and_does_not_move_the_undo_stack(
    session: SurveySession, monkeypatch: pytest.MonkeyPatch
) -> None:
    camera = Camera(43.7320, 7.4230, {"man_made": "surveillance"})
    session.add_camera(camera, "Add")
    steps = session.undo_stack.count()

    def full_disk(camera_id: str, line: str | None) -> None:
        raise ContrechampError("disk full", "survey.full")

    monkeypatch.setattr(session.writer.survey, "set_sheet_line", full_disk)
    with pytest.raises(ContrechampError):
        session.set_sheet_line(camera.id, "12", "Change sheet line")
    assert session.undo_stack.count() == steps
    assert session.sheet_line(camera.id) is None


def test_undoing_a_delete_brings_the_camera_back_with_its_sheet_line(
    qtbot: QtBot, form: CameraForm, session: SurveySession
) -> None:
    camera_id = _camera_id(form)
    _type_line(qtbot, form, "B-7", Qt.Key.Key_Return)
    session.delete_camera(camera_id, "Delete")
    assert _on_disk(session, camera_id) is None  # gone with the camera

    session.undo_stack.undo()
    assert session.camera(camera_id) is not None
    assert session.sheet_line(camera_id) == "B-7"
    assert _on_disk(session, camera_id) == "B-7"
    session.undo_stack.redo()
    assert session.camera(camera_id) is None
    assert _on_disk(session, camera_id) is None


def test_another_camera_shows_its_own_line(qtbot: QtBot, form: CameraForm) -> None:
    first = _camera_id(form)
    _type_line(qtbot, form, "3")
    other = Camera(43.7321, 7.4231, {"man_made": "surveillance"})
    assert form._session is not None
    form._session.add_camera(other, "Add")
    form.show_camera(other.id)
    assert form.sheet_line.text() == ""
    form.show_camera(first)
    assert form.sheet_line.text() == "3"
