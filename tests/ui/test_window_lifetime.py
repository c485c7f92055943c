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
