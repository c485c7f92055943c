"""Child process of the cold-start and memory rows: one window, timed to its first paint.

``python -m bench.app_child bare`` shows a bare PySide6 window; ``python -m bench.app_child
app SURVEY`` starts Contrechamp's window as ``run_gui`` does and opens SURVEY; the first paint
counted is the first whose base map of SURVEY's area was whole (every tile painted), and with
``--with-cameras`` one where SURVEY is open in the window, its cameras on the map. Either prints
one JSON line: when the window (the map, for the app) was first painted (``time.monotonic``,
comparable with the parent's clock), when a paint first showed the survey's cameras (perhaps
from a first look at the file, before it is open: ``shown_at``) and the process's memory after
``--settle`` seconds.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["main"]


def _memory_kb() -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) of this process, in kB."""
    wanted = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            wanted[key] = int(value.split()[0])
    return wanted


class FirstPaint(QObject):
    """Notes the end of the first paint of a widget (once ``ready`` says it shows content)."""

    def __init__(
        self,
        widget: QWidget,
        settle_s: float,
        ready: Callable[[], bool] | None = None,
        shown: Callable[[], bool] | None = None,
    ) -> None:
        """``shown``: what an earlier paint may show first (its time is ``shown_at``)."""
        super().__init__()
        self._ready = ready
        self._shown = shown
        self._settle_ms = int(settle_s * 1000)
        self.painted_at: float | None = None
        self.shown_at: float | None = None
        self.reported = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After each paint, look at what it showed (never eats the event)."""
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            # Runs once the paint event has been handled: the frame is painted.
            QTimer.singleShot(0, self._painted)
        return False

    def _is_ready(self) -> bool:
        return self._ready is None or bool(self._ready())

    def _painted(self) -> None:
        """Note the first painted frame that showed the content (``ready`` asks the frame)."""
        if self.shown_at is None and self._shown is not None and self._shown():
            self.shown_at = time.monotonic()
        if self.painted_at is None and self._is_ready():
            self.painted_at = time.monotonic()
            QTimer.singleShot(self._settle_ms, self._report)

    def _report(self) -> None:
        report: dict[str, object] = {
            "painted_at": self.painted_at,
            "shown_at": self.shown_at or self.painted_at,
            **_memory_kb(),
        }
        if tracemalloc.is_tracing():
            report["top_allocations"] = _top_allocations(15)
        print(json.dumps(report), flush=True)
        self.reported = True  # quit() is ignored before exec(): the caller checks this
        QApplication.quit()


def _top_allocations(count: int) -> str:
    """The Python allocation sites holding the most memory now (needs -X tracemalloc)."""
    stats = tracemalloc.take_snapshot().statistics("lineno")
    total = sum(stat.size for stat in stats)
    lines = [f"Python heap traced by tracemalloc: {total / 2**20:.1f} MiB; top {count} sites:"]
    lines += [str(stat) for stat in stats[:count]]
    return "\n".join(lines) + "\n"


def _bare(settle_s: float) -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1280, 800)
    probe = FirstPaint(window, settle_s)
    window.show()
    code = app.exec()
    del probe  # kept alive until the event loop is done
    return code


def _contrechamp(survey: Path, settle_s: float, with_cameras: bool = False) -> int:
    from PySide6.QtGui import QIcon

    from contrechamp.resources import resource_path
    from contrechamp.ui.app import FieldApp
    from contrechamp.ui.settings import Settings
    from contrechamp.ui.style import FIELD_STYLE
    from contrechamp.ui.translations import Translations

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Contrechamp")
    app.setOrganizationName("Contrechamp")
    app.setWindowIcon(QIcon(str(resource_path("icons", "contrechamp.svg"))))
    app.setStyleSheet(FIELD_STYLE)
    field = FieldApp(Settings(), Translations(), "none")
    canvas = field.window.canvas
    frame = canvas.frame

    def cameras_shown() -> bool:
        """The last frame showed the survey's base map and its cameras whole (every tile of
        both painted), from a first look at the file or once it is open."""
        if not frame.layers_built:  # no camera is shown before they exist (asking builds them)
            return False
        whole = frame.tiles.last_complete and frame.camera_tiles.last_complete
        return whole and len(frame.basemap) > 0 and len(frame.survey) > 0

    def ready() -> bool:
        """The last frame showed the survey's base map whole (every tile painted) and, with
        ``with_cameras``, the survey open in the window with its cameras on the map."""
        if not with_cameras:
            return len(frame.basemap) > 0 and frame.tiles.last_complete
        return cameras_shown() and field.window.session is not None

    probe = FirstPaint(canvas.viewport(), settle_s, ready, cameras_shown)
    field.window.show()
    field.open_first(survey, False, None)  # the map may be painted while the survey opens
    code = 0 if probe.reported else app.exec()
    del probe
    return code


def main(argv: list[str]) -> int:
    """Run the child named by ``argv``."""
    settle = float(argv[argv.index("--settle") + 1]) if "--settle" in argv else 0.0
    if argv[0] == "bare":
        return _bare(settle)
    return _contrechamp(Path(argv[1]), settle, "--with-cameras" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
