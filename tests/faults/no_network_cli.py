"""Runs every headless command once, in one process, for the no-network test.

``python no_network_cli.py WORKDIR EXTRACT PHOTOS_DIR`` creates surveys in WORKDIR, loads the
area from EXTRACT, exports every format and imports every file kind back, imports the photos,
and prints one JSON line: each command with its exit status (and stderr when it failed).
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

from contrechamp.cli import main as cli
from contrechamp.ops.exports import ExportFormat

# A minimal Overpass API answer (``out meta``) with one camera node.
_OVERPASS = {
    "version": 0.6,
    "elements": [
        {
            "type": "node",
            "id": 4242,
            "lat": 60.1701,
            "lon": 24.9402,
            "version": 3,
            "tags": {"man_made": "surveillance", "surveillance:type": "camera"},
        }
    ],
}


def _run(argv: list[str], log: list[dict[str, object]]) -> None:
    """Run one command, capturing its output; note its exit status."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = cli(argv)
    entry: dict[str, object] = {"argv": argv[:1] + [Path(a).name for a in argv[1:2]], "code": code}
    if code != 0:
        entry["stderr"] = err.getvalue()[-300:]
    log.append(entry)


def _export_targets(work: Path) -> list[tuple[str, Path]]:
    """One output per export format the CLI offers (a folder for photo exports)."""
    targets = []
    for fmt in ExportFormat:
        name = f"export-{fmt.value}" if fmt.value == "photos" else f"export.{fmt.value}"
        targets.append((fmt.value, work / name))
    return targets


def session(work: Path, extract: Path, photos: Path) -> list[dict[str, object]]:
    """The whole command sequence; returns the log."""
    log: list[dict[str, object]] = []
    survey, other = str(work / "walk.cartoparty"), str(work / "other.cartoparty")
    _run(["new", survey, "--title", "Walk", "--surveyor", "ana"], log)
    _run(["area", survey, str(extract)], log)
    dome = "--lat 60.17 --lon 24.94 --tag camera:type=dome --status confirmed"
    _run(["add", survey, *dome.split()], log)
    aimed = ["--lat", "60.171", "--lon", "24.941", "--tag", "camera:direction=90"]
    _run(["add", survey, *aimed], log)
    _run(["new", other, "--surveyor", "bo"], log)
    _run(["add", other, "--lat", "60.172", "--lon", "24.942", "--status", "confirmed"], log)
    _run(["import-photos", survey, str(photos)], log)
    exported = _export_targets(work)
    for fmt, target in exported:
        _run(["export", survey, "--format", fmt, "-o", str(target)], log)
    overpass = work / "overpass.json"
    overpass.write_text(json.dumps(_OVERPASS), encoding="utf-8")
    imports = [other, str(extract), str(overpass)]
    imports += [str(t) for fmt, t in exported if fmt in ("geojson", "csv", "osm", "osc")]
    for path in imports:
        _run(["import", survey, path], log)
    _run(["info", survey, "--json"], log)
    _run(["info", survey], log)
    return log


if __name__ == "__main__":
    work_dir, extract_path, photo_dir = map(Path, sys.argv[1:4])
    print(json.dumps(session(work_dir, extract_path, photo_dir)))
