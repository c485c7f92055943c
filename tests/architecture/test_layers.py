"""The dependency rule: the domain, formats, store, OSM client and CLI never load Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import contrechamp

NON_UI = ("core", "formats", "store", "osmapi", "ops")


def _non_ui_modules() -> list[str]:
    names = ["contrechamp.cli"]
    for layer in NON_UI:
        package = f"contrechamp.{layer}"
        module = __import__(package, fromlist=["__path__"])
        names.append(package)
        names += [
            f"{package}.{info.name}"
            for info in pkgutil.walk_packages(module.__path__)
            if not info.name.startswith("migrations")
        ]
    return names


def test_non_ui_layers_load_no_pyside6_module() -> None:
    modules = _non_ui_modules()
    assert len(modules) > 15, modules  # the walk found the real packages
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


def test_the_package_knows_its_version() -> None:
    assert contrechamp.GENERATOR.startswith("Contrechamp ")
