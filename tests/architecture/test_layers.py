"""The dependency rules: core < formats < store < ops < ui, the CLI, and Qt only in the ui.

Layers import only the layers below them (the store reads a few formats, e.g. held_files);
the domain knows no database; only the ``gui`` command imports the ui; the layers import each
other without cycles; and the non-ui layers never load Qt, even indirectly.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import contrechamp
from tests.architecture.import_graph import (
    ImportEdge,
    forbidden_imports,
    imports_of,
    layer_cycles,
    layer_graph,
    ui_imports_outside_ui,
)

NON_UI = ("core", "formats", "store", "osmapi", "ops")
PACKAGE_DIR = Path(contrechamp.__file__).parent
_QT = ("PySide6", "shiboken6")
_ABOVE_FORMATS = ("contrechamp.store", "contrechamp.ops", "contrechamp.ui", "contrechamp.cli")
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "core": (
        *("contrechamp.formats", *_ABOVE_FORMATS),
        *("sqlalchemy", "alembic", "sqlite3", *_QT),
    ),
    "formats": (*_ABOVE_FORMATS, *_QT),
    "store": ("contrechamp.ops", "contrechamp.ui", "contrechamp.cli", *_QT),
    "ops": ("contrechamp.ui", "contrechamp.cli", *_QT),
    # The OSM API client stands on the domain and the file formats: no survey file, no Qt.
    "osmapi": (*_ABOVE_FORMATS, *_QT),
    "cli": _QT,
    # The log rules hold for every layer, so the log module stands below them all.
    "logs": ("contrechamp.core", "contrechamp.formats", *_ABOVE_FORMATS, *_QT),
    # The C allocator's setting is the process's, whatever layer then allocates.
    "allocator": ("contrechamp.core", "contrechamp.formats", *_ABOVE_FORMATS, *_QT),
}
# The window is loaded only when the gui command runs, so the batch commands never load Qt;
# ``sheets`` loads the ui's PDF painter (no window) only when it runs.
UI_ENTRY_POINTS = (("contrechamp.cli", "_cmd_gui"), ("contrechamp.cli_sheets", "_cmd_sheets"))


@pytest.fixture(scope="module")
def package_imports() -> list[ImportEdge]:
    """Every import written in the package, lazy and TYPE_CHECKING ones included."""
    edges = imports_of(PACKAGE_DIR)
    assert len({e.module for e in edges}) > 100  # the walk read the real package
    return edges


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_what_lies_below_it(
    package_imports: list[ImportEdge], layer: str
) -> None:
    layer_edges = [e for e in package_imports if e.module.split(".")[1:2] == [layer]]
    assert layer_edges
    assert forbidden_imports(layer_edges, FORBIDDEN) == []


def test_only_the_gui_command_imports_the_ui(package_imports: list[ImportEdge]) -> None:
    entries = {
        (e.module, e.function) for e in package_imports if e.target.startswith("contrechamp.ui.")
    }
    assert set(UI_ENTRY_POINTS) <= entries  # the lazy import inside _cmd_gui is seen
    assert ui_imports_outside_ui(package_imports, UI_ENTRY_POINTS) == []


def test_the_layers_import_each_other_without_cycles(package_imports: list[ImportEdge]) -> None:
    graph = layer_graph(package_imports)
    assert {"core", "formats", "store", "ops", "ui", "cli"} <= set(graph)
    assert graph["store"] >= {"core", "formats"}  # the graph holds real edges
    assert layer_cycles(graph) == []


def _write_package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "contrechamp" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "contrechamp"


def test_the_rules_catch_a_broken_layer(tmp_path: Path) -> None:
    package = _write_package(
        tmp_path,
        {
            "__init__.py": "",
            "core/__init__.py": "",
            "core/fov.py": "def f():\n    from ..store import survey\n",
            "formats/gpx.py": "import importlib\nimportlib.import_module('contrechamp.ops.x')\n",
            "store/survey.py": "from contrechamp import ui\nfrom contrechamp.core import fov\n",
            "ops/area.py": "from contrechamp.store import survey\n",
            "cli.py": "def _cmd_gui():\n    import contrechamp.ui.app\n",
        },
    )
    edges = imports_of(package)
    broken = forbidden_imports(edges, FORBIDDEN)
    assert [line.rsplit(": ", 1)[1] for line in broken] == [
        "core must not import contrechamp.store",
        "formats must not import contrechamp.ops",
        "store must not import contrechamp.ui",
    ]
    assert len(ui_imports_outside_ui(edges, UI_ENTRY_POINTS)) == 1  # the store's, not the cli's
    assert layer_cycles(layer_graph(edges)) == [
        ["core", "store", "core"],
        ["store", "core", "store"],
    ]


def _non_ui_modules() -> list[str]:
    names = ["contrechamp.cli", "contrechamp.logs"]
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
