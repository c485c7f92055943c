"""The wheel and sdist as a user gets them: built, installed into a fresh venv (not editable),
then the commands and the window run from there, with the resources and translations inside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.packaging.helpers import headless_walk, run

pytest.importorskip("build", reason="the build package is not installed (pip install build)")

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
SMOKE_WINDOW = ROOT / "packaging" / "smoke_window.py"
_PRINT_PACKAGE = "import contrechamp; print(contrechamp.__file__)"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from it (``python -m build``, offline: no isolation)."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT], out)
    return out


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("contrechamp-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel alone; the dependencies come from this venv's
    site-packages through a .pth line, added after the install so pip never sees them."""
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--without-pip", venv], venv)
    python = venv / "bin" / "python"
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", python, "install", "-q"]
    run([*pip, "--no-deps", "--no-index", _wheel(dist)], venv)
    site = run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], venv)
    # A plain path line: the .pth files there (this checkout's editable install) are not read.
    deps = Path(site.strip()) / "contrechamp_test_deps.pth"
    deps.write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return venv


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """A user's environment without the checkout: own home, offscreen Qt, no PYTHONPATH."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.update(
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def test_wheel_holds_the_resources_translations_and_entry_points(dist: Path) -> None:
    names = set(zipfile.ZipFile(_wheel(dist)).namelist())
    for name in (
        "contrechamp/i18n/contrechamp_fr.qm",
        "contrechamp/i18n/contrechamp_en.qm",
        "contrechamp/resources/demo/helsinki.osm.pbf",
        "contrechamp/resources/glossary/dome.svg",
        "contrechamp/resources/map/style.json",
        "contrechamp/resources/leaflet/leaflet.js",
        "contrechamp/store/migrations/env.py",
    ):
        assert name in names
    (entry_points,) = (name for name in names if name.endswith("entry_points.txt"))
    text = zipfile.ZipFile(_wheel(dist)).read(entry_points).decode()
    assert "[console_scripts]\ncontrechamp = contrechamp.cli:main" in text
    assert "[gui_scripts]\ncontrechamp-gui = contrechamp.cli:gui_main" in text


def test_window_entry_point_is_a_gui_script_so_windows_opens_no_console() -> None:
    # pip installs a gui-script through the pythonw launcher on Windows: no console window.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"] == {"contrechamp-gui": "contrechamp.cli:gui_main"}
    assert project["scripts"] == {"contrechamp": "contrechamp.cli:main"}


def test_sdist_holds_the_sources_of_the_built_files_only(dist: Path) -> None:
    (sdist,) = dist.glob("contrechamp-*.tar.gz")
    names = subprocess.run(
        ["tar", "tzf", sdist], capture_output=True, text=True, check=True
    ).stdout.split()
    base = sdist.name.removesuffix(".tar.gz")
    assert f"{base}/i18n/contrechamp_fr.ts" in names
    assert f"{base}/setup.py" in names
    assert f"{base}/packaging/build_backend/contrechamp_build.py" in names
    assert not [name for name in names if name.endswith(".qm")]  # built, never shipped


def test_installed_commands_run_from_the_venv(
    installed: Path, shared_data: Path, tmp_path: Path, user_env: dict[str, str]
) -> None:
    program = installed / "bin" / "contrechamp"
    assert (installed / "bin" / "contrechamp-gui").is_file()
    where = run([installed / "bin" / "python", "-c", _PRINT_PACKAGE], tmp_path, user_env)
    assert Path(where.strip()).is_relative_to(installed)  # not the checkout's editable install
    assert run([program, "--version"], tmp_path, user_env).strip() == "Contrechamp 0.1.0"
    extract = shared_data / "osm" / "monaco.osm.pbf"
    assert headless_walk([program], extract, tmp_path, user_env) == 16


def test_installed_window_finds_its_translations_and_paints_the_demo(
    installed: Path, tmp_path: Path, user_env: dict[str, str]
) -> None:
    output = run([installed / "bin" / "python", SMOKE_WINDOW], tmp_path, user_env)
    report = json.loads(output.strip().splitlines()[-1])
    package = Path(report["package"])
    assert package.is_relative_to(installed), report  # the installed copy, not the checkout
    assert Path(report["i18n"]) == package / "i18n"
    assert report["qm"] == ["contrechamp_en.qm", "contrechamp_fr.qm"]
    assert Path(report["style"]) == package / "resources" / "map" / "style.json"
    assert report["french"].startswith("Un problème est survenu")
    assert report["colours"] >= 5
