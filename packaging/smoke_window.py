"""Smoke test of an installed or bundled Contrechamp: the window paints the demo, in French.

Run by tests/packaging (with the python of a venv the wheel was installed into, from a
temporary folder) and by the PyInstaller bundle (``contrechamp --smoke-window``, see
packaging/pyinstaller/entry.py). It starts the window as ``run_gui`` does, offscreen, on the
demo survey, waits for the first paint of the base map and prints one JSON line: where the
package, its resources and its translations were found, the French text of a message, and how
many colours the painted map has. Exit status 0 when all of that holds, 1 otherwise.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

TIMEOUT_S = 60.0
_PROBE = "Something went wrong. Your saved cameras are safe."


def _locations() -> dict[str, Any]:
    """Where the package found its resources and translations (and whether they are there)."""
    import contrechamp
    from contrechamp.resources import resource_path, translations_dir
    from contrechamp.ui.map.style import style_path
    from contrechamp.ui.translations import i18n_dir

    return {
        "package": str(Path(contrechamp.__file__).parent),
        "version": contrechamp.__version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "i18n": str(i18n_dir()),
        "qm": sorted(path.name for path in translations_dir().glob("*.qm")),
        "style": str(style_path()),
        "demo": resource_path("demo", "helsinki.osm.pbf").is_file(),
        "glossary": resource_path("glossary", "dome.svg").is_file(),
    }


def _colours(image: Any) -> int:
    """How many distinct colours a grid of 40×25 samples of the image has."""
    samples = {
        image.pixel(x * image.width() // 40, y * image.height() // 25)
        for x in range(40)
        for y in range(25)
    }
    return len(samples)


def main() -> int:
    """Start the window on the demo, wait for the painted map, print the report."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from contrechamp.ui.app import FieldApp
    from contrechamp.ui.settings import Settings
    from contrechamp.ui.translations import Translations

    started = time.monotonic()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Contrechamp")
    app.setOrganizationName("Contrechamp")
    translations = Translations()
    field = FieldApp(Settings(), translations, "none")
    language = translations.apply("fr")
    report: dict[str, Any] = {**_locations(), "language": language}
    report["french"] = QCoreApplication.translate("Messages", _PROBE)
    canvas = field.window.canvas

    def check() -> None:
        if len(canvas.frame.basemap) > 0:
            app.processEvents()
            report["colours"] = _colours(canvas.viewport().grab().toImage())
            report["painted_after_s"] = round(time.monotonic() - started, 2)
            app.quit()
        elif time.monotonic() - started > TIMEOUT_S:
            report["error"] = "the demo map was not painted in time"
            app.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(100)
    field.window.show()
    field.open_first(None, True, None)
    app.exec()
    translations.clear()
    print(json.dumps(report), flush=True)
    good = report.get("colours", 0) >= 5 and report["french"] != _PROBE and report["demo"]
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
