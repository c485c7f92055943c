"""Entry point of the PyInstaller bundle (packaging/contrechamp.spec).

``contrechamp`` runs the commands and the window as the installed program does;
``contrechamp-gui`` (built without a console on Windows and macOS) always opens the window.
``contrechamp --smoke-window`` runs packaging/smoke_window.py inside the bundle, for
``make bundle-test``.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path


def main() -> int:
    """Run what the program's name and first word ask for; return the exit status."""
    multiprocessing.freeze_support()  # a spawned child must not start the app again
    if sys.argv[1:2] == ["--smoke-window"]:
        import smoke_window

        return smoke_window.main()
    from contrechamp.cli import gui_main
    from contrechamp.cli import main as command_main

    if Path(sys.executable).stem.lower().endswith("-gui"):
        return gui_main()
    return command_main()


if __name__ == "__main__":
    sys.exit(main())
