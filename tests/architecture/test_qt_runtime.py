"""Regression: PySide6 6.12.0 on Python 3.11 aborted after ~5,000 void Qt calls (DESIGN.md)."""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QImage, QPainter, QColor
app = QCoreApplication([])
obj, timer = QObject(), QTimer()
image = QImage(8, 8, QImage.Format.Format_ARGB32)
for i in range(20_000):
    obj.setObjectName("x")      # void
    timer.setInterval(i % 100)  # void
    image.fill(QColor(i % 255, 0, 0))  # void
painter = QPainter(image)
for i in range(20_000):
    painter.setOpacity(0.5)     # void
painter.end()
print("ok")
"""


def test_twenty_thousand_void_qt_calls_do_not_abort_the_process() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_pyside6_below_6_12_on_python_3_11() -> None:
    import PySide6

    if sys.version_info < (3, 12):
        assert tuple(int(p) for p in PySide6.__version__.split(".")[:2]) < (6, 12)
