"""Smoke test of the PyInstaller bundle (``make bundle-test``): run from a temporary folder with
a user's own home, the bundled program prints its version, creates a survey, loads the Monaco
extract as its area, imports its cameras, exports them headless to GeoJSON, and its window
starts offscreen and paints the demo in French (packaging/smoke_window.py). Prints the bundle's
size and start-up times; exit status 0 when every step holds.

Usage: python packaging/bundle_test.py dist/contrechamp [EXTRACT]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.packaging.helpers import headless_walk, run  # noqa: E402

MONACO = HERE.parent.parent / "shared" / "data" / "osm" / "monaco.osm.pbf"
MONACO_CAMERAS = 16


def _size_mb(folder: Path) -> float:
    """The bytes on disk of the folder's files (symbolic links counted once, as links)."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 1e6


def main(argv: list[str]) -> int:
    """Run every step against the bundle folder given; return the exit status."""
    bundle = Path(argv[0]).resolve()
    extract = Path(argv[1]).resolve() if len(argv) > 1 else MONACO
    program = bundle / ("contrechamp.exe" if os.name == "nt" else "contrechamp")
    if not program.is_file():
        print(f"no bundled program at {program}: run `make bundle` first", file=sys.stderr)
        return 1
    if not extract.is_file():
        print(f"the Monaco extract is not at {extract}: give an OSM extract", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="contrechamp-bundle-") as name:
        home = Path(name)
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), QT_QPA_PLATFORM="offscreen")
        env.update(XDG_CONFIG_HOME=str(home / "config"))
        starts = []
        for _ in range(3):
            started = time.monotonic()
            version = run([program, "--version"], home, env).strip()
            starts.append(time.monotonic() - started)
        assert version.startswith("Contrechamp "), version
        print(f"{version}: bundle {_size_mb(bundle):.0f} MB in {bundle}")
        print(f"--version: {min(starts) * 1000:.0f} ms (best of 3, {max(starts) * 1000:.0f} worst)")
        started = time.monotonic()
        exported = headless_walk([program], extract, home, env)
        print(f"new + area + import + export of {extract.name}: {time.monotonic() - started:.1f} s")
        assert exported == MONACO_CAMERAS, f"{exported} cameras exported, not {MONACO_CAMERAS}"
        started = time.monotonic()
        output = run([program, "--smoke-window"], home, env)
        report = json.loads(output.strip().splitlines()[-1])
        print(
            f"window: demo painted {report['painted_after_s']:.2f} s after the app started, "
            f"{time.monotonic() - started:.2f} s after launch; {report['colours']} colours"
        )
        assert report["frozen"], report
        assert Path(report["i18n"]).is_relative_to(bundle), report
        assert report["qm"] == ["contrechamp_en.qm", "contrechamp_fr.qm"], report
        assert report["french"].startswith("Un problème est survenu"), report
        assert report["demo"], report
        assert report["glossary"], report
    print("bundle smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
