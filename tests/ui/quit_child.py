"""A child process that runs the field window as ``contrechamp gui`` does, then quits.

Usage: ``python quit_child.py SURVEY``. Every Qt message goes to stderr as ``qt: TEXT``,
including those printed while Python and Qt tear down after the window closed (which a test
inside pytest's own process can never see). The window opens the survey, the walker opens
the glossary a few times (F1) and the drafts (Ctrl+R), then closes the window; the child
prints ``closed`` once ``run_gui`` returned.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from contrechamp.ui.app import run_gui
from contrechamp.ui.main_window import MainWindow

_GLOSSARY_VISITS = 4


def _to_stderr(_kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
    print(f"qt: {text}", file=sys.stderr, flush=True)


def _window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def _walk() -> None:
    window = _window()
    for _ in range(_GLOSSARY_VISITS):
        QTimer.singleShot(50, _close_dialog)
        window.commands.glossary.trigger()
    window.commands.show_review.trigger()
    window.close()


def _close_dialog() -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        dialog.close()


def main() -> int:
    qInstallMessageHandler(_to_stderr)
    app = QApplication(sys.argv[:1])
    assert app is not None
    QTimer.singleShot(300, _walk)
    status = run_gui(Path(sys.argv[1]))
    print("closed", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
