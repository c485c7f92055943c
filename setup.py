"""The wheel's build step: ``resources/`` and the compiled translations go inside the package.

Everything else is declared in pyproject.toml. The ``.qm`` files are never committed: they are
compiled here from ``i18n/*.ts`` by Qt's ``lrelease`` (the one of PySide6, a build requirement,
or a system ``lrelease``; ``CONTRECHAMP_LRELEASE`` names another). ``contrechamp.resources``
finds them as ``contrechamp/resources/`` and ``contrechamp/i18n/`` in the installed package.
An editable install (``make run``) keeps using ``resources/`` and ``i18n/`` of the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
LRELEASE_NAMES = ("pyside6-lrelease", "lrelease", "lrelease-qt6", "lrelease6")


def find_lrelease() -> list[str]:
    """The command that compiles a ``.ts`` file, or SystemExit saying what to install."""
    named = os.environ.get("CONTRECHAMP_LRELEASE")
    if named:
        return [named]
    scripts = Path(sys.executable).parent
    for name in LRELEASE_NAMES:
        found = shutil.which(name, path=f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}")
        if found:
            return [found]
    raise SystemExit(
        "Building Contrechamp needs Qt's lrelease to compile the translations: install "
        "PySide6 (pip) or Qt's linguist tools, or set CONTRECHAMP_LRELEASE."
    )


def compile_translations(target: Path) -> list[Path]:
    """Compile every ``i18n/*.ts`` into ``target``; return the ``.qm`` files written."""
    target.mkdir(parents=True, exist_ok=True)
    lrelease = find_lrelease()
    written = []
    for source in sorted((ROOT / "i18n").glob("*.ts")):
        qm = target / f"{source.stem}.qm"
        subprocess.run([*lrelease, "-silent", str(source), "-qm", str(qm)], check=True)
        written.append(qm)
    if not written:
        raise SystemExit("no i18n/*.ts found: the source tree is incomplete")
    return written


class BuildWithResources(build_py):
    """``build_py``, then the resources and the compiled translations into the package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # the checkout's own folders are used (resources.py)
            return
        package = Path(self.build_lib) / "contrechamp"
        shutil.copytree(ROOT / "resources", package / "resources", dirs_exist_ok=True)
        compile_translations(package / "i18n")


setup(cmdclass={"build_py": BuildWithResources})
