"""A walker's review of real photos: new survey, the photos folder imported, keys only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Status
from contrechamp.ui.main_window import MainWindow
from contrechamp.ui.side_tabs import SideTab


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _statuses(window: MainWindow) -> list[Status]:
    assert window.session is not None
    return [c.status for c in window.session.cameras()]


def test_real_photos_reviewed_with_the_keys(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shared_data: Path
) -> None:
    assert window.create_survey(tmp_path / "new-walk.cartoparty")
    window.commands.import_photos.trigger()
    dialog = window.photo_intake.dialog
    assert dialog is not None
    dialog.add_paths([shared_data / "photos"])
    with qtbot.waitSignal(dialog.photos_imported, timeout=60_000):
        dialog.start_import()
    queue = window.review.queue
    # The dialog still has the keyboard (it copies the photos), yet the first draft is
    # already current and shown on the map.
    assert window.tabs.current_key() == SideTab.REVIEW
    assert queue.model.rowCount() == 4  # the 4 photos with a position
    first = queue.current_camera_id()
    assert first is not None
    assert window.canvas.frame.selected == first
    assert window.review.unplaced.photo_model.rowCount() == 7
    qtbot.waitUntil(lambda: not dialog.running(), timeout=60_000)
    dialog.reject()
    window.activateWindow()
    qtbot.waitUntil(queue.queue.hasFocus)
    qtbot.keyClick(_focused(), Qt.Key.Key_C)
    qtbot.keyClick(_focused(), Qt.Key.Key_R)
    assert sorted(_statuses(window)) == sorted(
        [Status.CONFIRMED, Status.REJECTED, Status.DRAFT, Status.DRAFT]
    )
    assert window.tabs.tabText(window.tabs.index_of(SideTab.REVIEW)) == "Drafts to review (2)"
    qtbot.keyClick(_focused(), Qt.Key.Key_M)
    assert _focused() is queue.queue
    qtbot.keyClick(_focused(), Qt.Key.Key_P)
    assert window.review.unplaced.placing()
    qtbot.keyClick(_focused(), Qt.Key.Key_P)
    qtbot.keyClick(_focused(), Qt.Key.Key_C)
    qtbot.keyClick(_focused(), Qt.Key.Key_C)
    assert window.tabs.tabText(window.tabs.index_of(SideTab.REVIEW)) == "Drafts to review"
    assert queue.empty.isVisible()
    assert _statuses(window).count(Status.CONFIRMED) == 3
