"""The photo viewer's blur regions: drag to add, select + Delete to take out, all undoable."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from contrechamp.core.blur import BlurRegion, RegionKind, RegionSource
from contrechamp.core.photo import PhotoInfo
from contrechamp.formats.photo_files import preview_jpeg
from contrechamp.ui.form.photos import PhotoViewer
from contrechamp.ui.session import SurveySession
from tests.photos.face_photos import encoded, facade


def _viewer(qtbot: QtBot, session: SurveySession) -> tuple[PhotoViewer, int]:
    data = encoded(facade((800, 600)))
    info = session.writer.survey.add_photo(
        PhotoInfo(None, None, "", "wall.jpg", "image/jpeg"), data
    )
    assert info.id is not None
    viewer = PhotoViewer(preview_jpeg(data, 800), "wall", session=session, photo_id=info.id)
    qtbot.addWidget(viewer)
    viewer.resize(900, 800)
    viewer.show()
    qtbot.waitExposed(viewer)
    return viewer, info.id


def _drag(qtbot: QtBot, viewer: PhotoViewer, start: QPoint, end: QPoint) -> None:
    editor = viewer.editor
    qtbot.mousePress(editor, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(editor, end)
    qtbot.mouseRelease(editor, Qt.MouseButton.LeftButton, pos=end)


def test_dragging_a_rectangle_stores_a_hand_region_undoably(
    qtbot: QtBot, session: SurveySession
) -> None:
    viewer, photo = _viewer(qtbot, session)
    rect = viewer.editor.photo_rect()
    start = rect.topLeft().toPoint() + QPoint(int(rect.width() / 4), int(rect.height() / 2))
    end = start + QPoint(int(rect.width() / 4), int(rect.height() / 8))
    _drag(qtbot, viewer, start, end)
    (region,) = session.survey.blur_regions(photo)
    assert region.source is RegionSource.HAND
    assert abs(region.x - 0.25) < 0.02
    assert abs(region.w - 0.25) < 0.02
    assert viewer.editor.regions() == [region]
    session.undo_stack.undo()
    assert session.survey.blur_regions(photo) == []
    assert viewer.editor.regions() == []
    session.undo_stack.redo()
    assert session.survey.blur_regions(photo) == [region]


def test_delete_takes_a_detected_face_out_and_undo_puts_it_back(
    qtbot: QtBot, session: SurveySession
) -> None:
    viewer, photo = _viewer(qtbot, session)
    face = BlurRegion(0.4, 0.4, 0.2, 0.2, RegionKind.FACE, RegionSource.AUTO)
    session.writer.survey.record_detection(photo, "model", [face])
    viewer._show_regions()
    centre = viewer.editor.region_rect(viewer.editor.regions()[0]).center().toPoint()
    qtbot.mouseClick(viewer.editor, Qt.MouseButton.LeftButton, pos=centre)
    assert viewer.editor.selected() is not None
    qtbot.keyClick(viewer.editor, Qt.Key.Key_Delete)
    assert [r.removed for r in session.survey.blur_regions(photo)] == [True]  # kept, out
    assert viewer.editor.regions() == []
    session.undo_stack.undo()
    assert [r.removed for r in session.survey.blur_regions(photo)] == [False]
    assert len(viewer.editor.regions()) == 1


def test_delete_removes_a_hand_region_for_good(qtbot: QtBot, session: SurveySession) -> None:
    viewer, photo = _viewer(qtbot, session)
    session.add_blur_region(photo, BlurRegion(0.1, 0.1, 0.2, 0.2), "add")
    viewer.editor.select(viewer.editor.regions()[0])
    qtbot.keyClick(viewer.editor, Qt.Key.Key_Delete)
    assert session.survey.blur_regions(photo) == []
