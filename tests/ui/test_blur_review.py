"""The review grid: each photo's regions outlined, drag to add, Space and Delete to take one
out, arrows and pages with the keyboard, every change undone with the window's Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from contrechamp.core.blur import BlurRegion, RegionKind, RegionSource
from contrechamp.core.photo import PhotoInfo
from contrechamp.formats.photo_files import preview_jpeg
from contrechamp.ui.photos.blur_review import PAGE_COLUMNS, BlurReviewDialog
from contrechamp.ui.session import SurveySession
from tests.photos.face_photos import encoded, facade

FACE = BlurRegion(0.4, 0.3, 0.2, 0.25, RegionKind.FACE, RegionSource.AUTO)


def _photos(session: SurveySession, count: int) -> list[int]:
    ids = []
    for n in range(count):
        data = encoded(facade((400 + n, 300)))
        info = PhotoInfo(None, None, "", f"{n}.jpg", "image/jpeg")
        stored = session.writer.survey.add_photo(info, data, preview_jpeg(data))
        assert stored.id is not None
        ids.append(stored.id)
    return ids


def _dialog(qtbot: QtBot, session: SurveySession, ids: list[int]) -> BlurReviewDialog:
    dialog = BlurReviewDialog(session, ids)
    qtbot.addWidget(dialog)
    dialog.resize(1200, 760)
    dialog.show()
    dialog.activateWindow()  # keys and shortcuts go to the active window
    qtbot.waitUntil(lambda: bool(dialog.tiles) and dialog.tiles[0].hasFocus())
    return dialog


def test_each_photo_shows_its_preview_and_the_regions_to_blur(
    qtbot: QtBot, session: SurveySession
) -> None:
    ids = _photos(session, 2)
    session.writer.survey.record_detection(ids[0], "model", [FACE])
    session.writer.survey.record_detection(ids[1], "model", [])  # seen, bare: nothing shown
    dialog = _dialog(qtbot, session, ids)
    first, second = dialog.tiles
    assert [r.box for r in first.regions()] == [FACE.box]
    assert second.regions() == []
    assert not first.image().isNull()
    assert first.image().size().width() == 320  # the stored preview, not a grey square
    assert dialog.page_label.text() == "Photos 1–2 of 2"


def test_dragging_on_a_photo_blurs_a_region_and_ctrl_z_in_the_review_undoes_it(
    qtbot: QtBot, session: SurveySession
) -> None:
    (photo,) = _photos(session, 1)
    dialog = _dialog(qtbot, session, [photo])
    tile = dialog.tiles[0]
    rect = tile.photo_rect()
    start = rect.topLeft().toPoint() + QPoint(int(rect.width() / 10), int(rect.height() / 2))
    end = start + QPoint(int(rect.width() / 5), int(rect.height() / 10))
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(tile, end)
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=end)
    (drawn,) = session.survey.blur_regions(photo)
    assert drawn.source is RegionSource.HAND
    assert abs(drawn.x - 0.1) < 0.03
    assert abs(drawn.w - 0.2) < 0.03
    assert tile.regions() == [drawn]
    assert session.undo_stack.undoText() == "Blur a region"
    qtbot.keyClick(tile, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.survey.blur_regions(photo) == []
    assert tile.regions() == []


def test_space_then_delete_takes_a_found_face_out_of_the_blur_undoably(
    qtbot: QtBot, session: SurveySession
) -> None:
    (photo,) = _photos(session, 1)
    session.writer.survey.record_detection(photo, "model", [FACE])
    dialog = _dialog(qtbot, session, [photo])
    tile = dialog.tiles[0]
    assert tile.hasFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Space)
    assert tile.selected() is not None
    qtbot.keyClick(tile, Qt.Key.Key_Delete)
    assert [r.removed for r in session.survey.blur_regions(photo)] == [True]
    assert tile.regions() == []
    session.undo_stack.undo()
    assert [r.removed for r in session.survey.blur_regions(photo)] == [False]
    assert len(tile.regions()) == 1


def test_arrows_move_between_photos_and_turn_the_page(qtbot: QtBot, session: SurveySession) -> None:
    ids = _photos(session, 13)  # one page of 12, and one more
    dialog = _dialog(qtbot, session, ids)
    assert dialog.page_count() == 2
    tiles = dialog.tiles
    qtbot.keyClick(tiles[0], Qt.Key.Key_Right)
    assert tiles[1].hasFocus()
    qtbot.keyClick(tiles[1], Qt.Key.Key_Down)
    assert tiles[1 + PAGE_COLUMNS].hasFocus()
    qtbot.keyClick(dialog.tiles[-1], Qt.Key.Key_Right)  # past the last: the next page
    assert dialog.page() == 1
    assert [tile.photo_id for tile in dialog.tiles] == ids[12:]
    assert dialog.page_label.text() == "Photos 13–13 of 13"
    assert not dialog.next_button.isEnabled()
    qtbot.keyClick(dialog.tiles[0], Qt.Key.Key_Left)  # before the first: back a page
    assert dialog.page() == 0
    assert dialog.tiles[-1].hasFocus()


def test_a_photo_without_a_preview_is_shown_grey_not_skipped(
    qtbot: QtBot, session: SurveySession
) -> None:
    data = encoded(facade((400, 300)))
    stored = session.writer.survey.add_photo(PhotoInfo(None, None, "", "a.jpg", "image/jpeg"), data)
    assert stored.id is not None
    dialog = _dialog(qtbot, session, [stored.id])
    assert dialog.tiles[0].image().pixelColor(10, 10) == QColor(Qt.GlobalColor.gray)
