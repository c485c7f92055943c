"""A scripted window session for the no-network test (offscreen).

``python no_network_window.py SURVEY`` opens SURVEY in Contrechamp's main window as the app
does, adds a camera and edits it, pans and zooms the map until its tiles are painted, closes
the window, and prints one JSON line with what it checked. Qt's own sockets bypass Python's,
so ``QAbstractSocket.connectToHost`` is guarded here too, into the same log.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtNetwork import QAbstractSocket
from PySide6.QtWidgets import QApplication

_LOG = os.environ.get("CONTRECHAMP_NETGUARD_LOG", "")


def _guarded_connect_to_host(self: QAbstractSocket, *args: object) -> None:
    if _LOG:
        entry = {"call": "QAbstractSocket.connectToHost", "target": repr(args), "pid": os.getpid()}
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")


QAbstractSocket.connectToHost = _guarded_connect_to_host  # type: ignore[method-assign,assignment]


def _pump(app: QApplication, seconds: float, done: object = None) -> None:
    """Process events for ``seconds`` or until ``done()`` is true."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if done is not None and done():  # type: ignore[operator]
            return
        time.sleep(0.01)


def session(survey: Path, settings_file: Path) -> dict[str, object]:
    """Open, add, edit, pan, zoom, close; return counts the test checks."""
    from contrechamp.core.camera import Camera
    from contrechamp.ui.app import FieldApp
    from contrechamp.ui.settings import Settings
    from contrechamp.ui.translations import Translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    field = FieldApp(Settings(str(settings_file)), Translations(), "none")
    window = field.window
    window.show()
    field.open_first(survey, False, None)
    session = window.session
    assert session is not None, "the survey did not open"
    before = len(session.cameras())
    camera = Camera(60.1702, 24.9411, {"man_made": "surveillance", "surveillance:type": "camera"})
    session.add_camera(camera, "Add camera")
    session.edit_camera(camera.with_tag("camera:type", "dome"), "Edit camera", "camera:type")
    window.select_camera(camera.id)
    canvas = window.canvas
    tiles = canvas.frame.tiles
    for step in range(6):
        canvas.pan_by(40.0, -25.0)
        canvas.zoom_by(1 if step % 2 else -1)
        canvas.viewport().repaint()
        _pump(app, 3.0, lambda: tiles.pending() == 0)
    painted = tiles.rendered
    window.close()
    _pump(app, 0.2)
    return {"cameras_before": before, "camera_id": camera.id, "tiles_rendered": painted}


if __name__ == "__main__":
    print(json.dumps(session(Path(sys.argv[1]), Path(sys.argv[2]))))
