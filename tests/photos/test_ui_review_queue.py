"""The review queue of photo drafts: keyboard-driven confirm, reject, split, show on map."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Status
from contrechamp.core.photo import PhotoRole
from contrechamp.ops.photo_import import import_photos
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.photos.review_queue import DraftReviewQueue
from contrechamp.ui.session import SurveySession
from tests.photos.photo_factory import T0, write_photo, write_walk


@pytest.fixture
def session(tmp_path: Path) -> Iterator[SurveySession]:
    path = tmp_path / "walk.cartoparty"
    with SurveyFile.create(path, surveyor="ana") as survey:
        summary = import_photos(survey, [write_walk(tmp_path / "walk")])
        assert summary.drafts_created == 2
    opened = SurveySession(SurveyFile.open(path))
    yield opened
    opened.close()


@pytest.fixture
def queue(qtbot: QtBot, session: SurveySession) -> Iterator[DraftReviewQueue]:
    widget = DraftReviewQueue(session)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.queue.setFocus()
    yield widget
    widget.set_session(None)  # before the session's survey closes
    widget.deleteLater()


def _status(session: SurveySession, camera_id: str) -> Status:
    camera = session.camera(camera_id)
    assert camera is not None
    return camera.status


def test_model_is_a_sound_qt_model(qtmodeltester: ModelTester, queue: DraftReviewQueue) -> None:
    qtmodeltester.check(queue.model)
    assert queue.model.rowCount() == 2
    assert "2 photo(s)" in queue.model.index(0).data()
    assert "(to check)" in queue.model.index(0).data()


def test_c_confirms_and_moves_to_the_next_draft(
    qtbot: QtBot, queue: DraftReviewQueue, session: SurveySession
) -> None:
    first = queue.current_camera_id()
    assert first is not None
    assert "check it" in queue.details.text()
    assert queue.photo_model.rowCount() == 2
    qtbot.keyClick(queue.queue, Qt.Key.Key_C)
    assert _status(session, first) is Status.CONFIRMED
    assert queue.model.rowCount() == 1
    assert queue.current_camera_id() not in (None, first)
    session.undo_stack.undo()
    assert _status(session, first) is Status.DRAFT
    assert queue.model.camera_id(0) == first  # back in its place in the walk


def test_delete_rejects_and_an_empty_queue_says_so(
    qtbot: QtBot, queue: DraftReviewQueue, session: SurveySession
) -> None:
    ids = [queue.model.camera_id(row) for row in range(2)]
    qtbot.keyClick(queue.queue, Qt.Key.Key_Delete)
    qtbot.keyClick(queue.queue, Qt.Key.Key_R)
    assert [_status(session, i) for i in ids if i] == [Status.REJECTED, Status.REJECTED]
    assert queue.model.rowCount() == 0
    assert queue.empty.isVisible()
    assert not queue.confirm_button.isEnabled()


def test_s_splits_a_pair_into_two_drafts_as_one_undo_step(
    qtbot: QtBot, queue: DraftReviewQueue, session: SurveySession
) -> None:
    pair = queue.current_camera_id()
    assert pair is not None
    assert queue.split_button.isEnabled()
    qtbot.keyClick(queue.queue, Qt.Key.Key_S)
    assert queue.model.rowCount() == 3
    assert len(session.survey.photos(pair)) == 1
    new_id = queue.model.camera_id(2)
    assert new_id not in (pair, queue.model.camera_id(1))
    assert new_id is not None
    (moved,) = session.survey.photos(new_id)
    assert moved.filename == "IMG_1.jpg"  # the wide shot leaves, the close-up stays
    session.undo_stack.undo()
    assert queue.model.rowCount() == 2
    roles = {p.filename: p.role for p in session.survey.photos(pair)}
    assert roles == {"IMG_1.jpg": PhotoRole.WIDE, "IMG_2.jpg": PhotoRole.CLOSE_UP}
    session.undo_stack.redo()
    assert queue.model.rowCount() == 3
    assert len(session.survey.photos(pair)) == 1


def test_m_asks_the_window_to_show_the_draft(qtbot: QtBot, queue: DraftReviewQueue) -> None:
    with qtbot.waitSignal(queue.camera_chosen) as chosen:
        qtbot.keyClick(queue.queue, Qt.Key.Key_M)
    assert chosen.args == [queue.current_camera_id()]


def test_drafts_imported_by_another_connection_join_the_queue(
    queue: DraftReviewQueue, session: SurveySession, tmp_path: Path
) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    write_photo(folder, "new.jpg", lat=48.86, lon=2.36, heading=45.0, taken_at=T0)
    with SurveyFile.open(session.survey.path) as other:  # as the import dialog's worker does
        summary = import_photos(other, [folder])
    assert summary.drafts_created == 1
    session.adopt_cameras(summary.camera_ids)
    assert queue.model.rowCount() == 3
    assert queue.model.camera_id(2) == summary.camera_ids[0]
    assert "looks 225°" in queue.model.index(2).data()
