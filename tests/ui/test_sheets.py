"""Printing field sheets from the window, and the numbers' rings kept clear of each other."""

from __future__ import annotations

import math
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from contrechamp.core.messages import ERRORS
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.sheets import print_dialog
from contrechamp.ui.sheets.camera_marks import place_rings
from tests.ops.sheet_surveys import monaco_survey


@pytest.fixture(scope="module")
def monaco(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    return monaco_survey(tmp_path_factory.mktemp("sheets"), shared_data)


class _Answers:
    """What the walker answers in the dialogs, and the messages shown."""

    def __init__(self, sector: str | None, out: Path | None) -> None:
        self.sector, self.out = sector, out
        self.offered: list[str] = []
        self.messages: list[tuple[str, str]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def get_item(
            parent: QWidget, title: str, label: str, items: list[str], current: int, editable: bool
        ) -> tuple[str, bool]:
            self.offered = list(items)
            chosen = next((i for i in items if self.sector and i.startswith(self.sector)), None)
            return (chosen or items[0], self.sector is not None)

        def save_name(*args: object) -> tuple[str, str]:
            return ("" if self.out is None else str(self.out), "")

        monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
        for kind in ("information", "warning"):
            monkeypatch.setattr(
                QMessageBox,
                kind,
                staticmethod(lambda parent, title, text, k=kind: self.messages.append((k, text))),
            )


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils missing")
def test_the_window_prints_the_chosen_sector(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, monaco: Path, tmp_path: Path
) -> None:
    answers = _Answers("Condamine", tmp_path / "condamine")  # .pdf is added
    answers.install(monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    with SurveyFile.open_untrusted_readonly(monaco) as survey:
        print_dialog.print_field_sheets(parent, survey)
    assert answers.offered == [
        "The whole area",
        "Condamine (Alex & Sam)",
        "Casino",
        "Town (Lou & Max)",
    ]
    out = tmp_path / "condamine.pdf"
    assert _pages(out) == 4
    assert answers.messages == [("information", f"4 pages written to {out.name}.")]


def test_cancelling_writes_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, monaco: Path, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    for answers in (_Answers(None, tmp_path / "a.pdf"), _Answers("Casino", None)):
        answers.install(monkeypatch)
        with SurveyFile.open_untrusted_readonly(monaco) as survey:
            print_dialog.print_field_sheets(parent, survey)
        assert answers.messages == []
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_one_sentence(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, monaco: Path, tmp_path: Path
) -> None:
    answers = _Answers("Casino", tmp_path / "gone" / "casino.pdf")
    answers.install(monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    with SurveyFile.open_untrusted_readonly(monaco) as survey:
        print_dialog.print_field_sheets(parent, survey)
    assert answers.messages == [("warning", ERRORS["sheets.target"])]
    assert list(tmp_path.iterdir()) == []


def test_a_survey_without_sectors_asks_only_for_the_file(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, survey_path: Path, tmp_path: Path
) -> None:
    answers = _Answers(None, tmp_path / "walk.pdf")
    answers.install(monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    with SurveyFile.open_untrusted_readonly(survey_path) as survey:
        print_dialog.print_field_sheets(parent, survey)
    assert answers.offered == []  # no sector question
    assert (tmp_path / "walk.pdf").read_bytes().startswith(b"%PDF")


def test_rings_of_a_cluster_of_cameras_do_not_overlap() -> None:
    frame = QRectF(0, 0, 700, 800)
    dots = [QPointF(350 + dx, 400 + dy) for dx, dy in ((0, 0), (4, 3), (-3, 5), (6, -4), (1, 9))]
    radius = 13.0
    rings = place_rings(dots, frame, radius, 25.0)
    for i, ring in enumerate(rings):
        assert frame.contains(ring)
        for other in rings[i + 1 :]:
            assert math.hypot(ring.x() - other.x(), ring.y() - other.y()) >= 2 * radius
        for dot in dots:
            assert math.hypot(ring.x() - dot.x(), ring.y() - dot.y()) > radius


def test_a_camera_at_the_frame_edge_keeps_its_ring_inside() -> None:
    frame = QRectF(0, 0, 700, 800)
    rings = place_rings([QPointF(698, 2)], frame, 13.0, 25.0)
    assert frame.adjusted(13, 13, -13, -13).contains(rings[0])


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils missing")
def test_file_print_field_sheets_in_the_window_writes_the_open_surveys_sheets(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, monaco: Path, tmp_path: Path
) -> None:
    from contrechamp.ui.main_window import MainWindow
    from contrechamp.ui.settings import Settings

    answers = _Answers("Casino", tmp_path / "casino.pdf")
    answers.install(monkeypatch)
    window = MainWindow(Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    assert not window.commands.print_sheets.isEnabled()  # no survey open yet
    assert window.open_survey(monaco)
    assert window.commands.print_sheets.isEnabled()
    window.commands.print_sheets.trigger()
    assert _pages(tmp_path / "casino.pdf") >= 2  # its map and its entry lines
    window.close()
