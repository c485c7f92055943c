"""Quitting the window cleanly: no object outlives its use, no Qt warning at the very end."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.glossary.dialog import GlossaryDialog
from contrechamp.ui.main_window import MainWindow

CHILD = Path(__file__).with_name("quit_child.py")
ROOT = Path(__file__).resolve().parents[2]


def _close_dialog() -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, GlossaryDialog)
    dialog.close()


def test_the_glossary_is_gone_once_closed(qtbot: QtBot, window: MainWindow) -> None:
    # exec() hands the dialog to Python: nothing may keep it alive (and parented to the
    # window) after its visit, or Qt's teardown at exit deletes it a second time.
    for _ in range(2):
        QTimer.singleShot(50, _close_dialog)
        window.commands.glossary.trigger()
    gc.collect()
    assert window.findChildren(GlossaryDialog) == []


def test_opening_another_survey_frees_the_cameras_of_the_first(
    qtbot: QtBot, window: MainWindow, survey_path: Path, tmp_path: Path
) -> None:
    # The cameras read to open a survey went through a background task that the thread
    # pool keeps for good: they must not stay in memory once another survey is open.
    with SurveyFile.open(survey_path) as survey:
        survey.add_cameras(Camera(43.733 + i * 1e-5, 7.425, notes="first") for i in range(50))
    assert window.open_survey(survey_path)
    assert window.session is not None
    assert window.session.camera_count() == 50
    assert _cameras_in_memory("first") >= 50
    other = tmp_path / "other.cartoparty"
    SurveyFile.create(other, title="Other").close()
    assert window.open_survey(other)
    qtbot.wait(20)  # deliveries queued meanwhile
    gc.collect()
    assert window.session is not None
    assert window.session.camera_count() == 0
    assert _cameras_in_memory("first") == 0


def _cameras_in_memory(notes: str) -> int:
    """How many Camera objects with these notes are alive (Cameras take no weak reference)."""
    return sum(type(o) is Camera and o.notes == notes for o in gc.get_objects())


def test_quitting_the_window_prints_no_qt_warning(survey_path: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"  # the child's settings, never the user's
    env = os.environ | {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, str(CHILD), str(survey_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "closed" in done.stdout.splitlines()
    warnings = [line for line in done.stderr.splitlines() if line.startswith("qt: QObject")]
    assert warnings == []
    assert "malformed" not in done.stderr
