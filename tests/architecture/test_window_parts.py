"""The window is a frame: its parts take the open survey, a status sink and a few widgets.

No ui module but the window itself and the application that makes it imports the window (a
``TYPE_CHECKING`` import counts), so every part can be built, tested and replaced alone, and a
new panel plugs in without touching the others.
"""

from __future__ import annotations

from pathlib import Path

import contrechamp
from tests.architecture.import_graph import imports_of

PACKAGE_DIR = Path(contrechamp.__file__).parent
_WINDOW = "contrechamp.ui.main_window"
_MAY_IMPORT_THE_WINDOW = {_WINDOW, "contrechamp.ui.app"}


def test_no_part_of_the_window_imports_the_window() -> None:
    reaching = [
        str(edge)
        for edge in imports_of(PACKAGE_DIR)
        if edge.target.startswith(_WINDOW) and edge.module not in _MAY_IMPORT_THE_WINDOW
    ]
    assert reaching == []


def test_tabs_are_named_by_key_never_by_index() -> None:
    from contrechamp.ui.side_tabs import SideTab

    source = (PACKAGE_DIR / "ui" / "main_window.py").read_text(encoding="utf-8")
    assert "tabs.setCurrentIndex(" not in source
    assert {tab.value for tab in SideTab} == {"camera", "list", "review", "layers"}
