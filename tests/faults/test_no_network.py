"""The app makes no network connection unless the user asks for something online.

Each check runs real processes (the whole CLI, then a scripted window session) with a guard
on PYTHONPATH (``netguard/sitecustomize.py``) that records and refuses every non-Unix
connection attempt; the test fails on any recorded attempt. A positive control proves that
the guard is loaded and catches a plain ``urlopen``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from contrechamp.ops.demo import DEMO_EXTRACT, build_demo_survey
from contrechamp.store.survey import SurveyFile

HERE = Path(__file__).resolve().parent
GUARD = HERE / "netguard"


class Guarded:
    """Runs Python children under the network guard and reads what it recorded."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.log = root / "network-attempts.jsonl"
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(GUARD), os.environ.get("PYTHONPATH")])),
            "CONTRECHAMP_NETGUARD_LOG": str(self.log),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(root / "config"),
            "XDG_DATA_HOME": str(root / "data"),
            "XDG_CACHE_HOME": str(root / "cache"),
        }

    def run(self, *argv: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """Run ``python argv...`` under the guard."""
        return subprocess.run(
            [sys.executable, *map(str, argv)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def entries(self) -> list[dict[str, object]]:
        """Every line the guard wrote (``armed`` ones included)."""
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    def attempts(self) -> list[dict[str, object]]:
        """The recorded connection attempts."""
        return [e for e in self.entries() if e["call"] != "armed"]

    def armed_processes(self) -> int:
        """How many processes loaded the guard."""
        return sum(1 for e in self.entries() if e["call"] == "armed")


@pytest.fixture
def guarded(tmp_path: Path) -> Guarded:
    """A guard whose log lives in this test's folder."""
    return Guarded(tmp_path)


def _write_photo(path: Path, lat: float, lon: float, heading: float) -> None:
    """A small JPEG with EXIF position, heading and time, as a phone writes it."""
    exif = Image.Exif()
    exif[0x0110] = "FP5"
    exif.get_ifd(0x8769)[0x9003] = datetime(2026, 6, 13, 10, 0, tzinfo=UTC).strftime(
        "%Y:%m:%d %H:%M:%S"
    )
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: _dms(lat), 3: "E", 4: _dms(lon), 0x10: "T", 0x11: heading})
    Image.new("RGB", (640, 480), (90, 120, 150)).save(path, "JPEG", exif=exif.tobytes())


def _dms(value: float) -> tuple[float, float, float]:
    minutes, seconds = divmod(value * 3600, 60)
    degrees, minutes = divmod(minutes, 60)
    return float(degrees), float(minutes), round(seconds, 4)


def test_guard_catches_a_plain_connection_attempt(guarded: Guarded) -> None:
    done = guarded.run("-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9')")

    assert done.returncode != 0
    assert "blocked by the test guard" in done.stderr
    assert guarded.armed_processes() == 1
    assert [a["call"] for a in guarded.attempts()] == ["create_connection"]


def test_guard_catches_name_lookups_and_raw_sockets(guarded: Guarded) -> None:
    code = (
        "import socket\n"
        "try: socket.getaddrinfo('tile.openstreetmap.org', 443)\n"
        "except OSError: pass\n"
        "s = socket.socket(); print(s.connect_ex(('127.0.0.1', 9)))\n"
    )
    done = guarded.run("-c", code)

    assert done.returncode == 0, done.stderr
    assert [a["call"] for a in guarded.attempts()] == ["getaddrinfo", "connect_ex"]


def test_every_headless_command_works_offline(guarded: Guarded, tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    _write_photo(photos / "IMG_0001.jpg", 60.1705, 24.9415, 120.0)
    _write_photo(photos / "IMG_0002.jpg", 60.1712, 24.9433, 300.0)
    work = tmp_path / "work"
    work.mkdir()

    done = guarded.run(HERE / "no_network_cli.py", work, DEMO_EXTRACT, photos)

    assert done.returncode == 0, done.stderr[-2000:]
    log = json.loads(done.stdout.splitlines()[-1])
    assert [entry for entry in log if entry["code"] != 0] == []
    commands = {entry["argv"][0] for entry in log}
    assert commands == {"new", "add", "area", "import-photos", "export", "import", "info"}
    assert guarded.armed_processes() == 1
    assert guarded.attempts() == []


def test_window_session_works_offline(guarded: Guarded, tmp_path: Path) -> None:
    survey = tmp_path / "demo.cartoparty"
    build_demo_survey(survey)

    done = guarded.run(HERE / "no_network_window.py", survey, tmp_path / "settings.ini")

    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["tiles_rendered"] > 0
    with SurveyFile.open(survey) as reopened:
        saved = reopened.camera(str(report["camera_id"]))
        assert len(reopened.cameras()) == int(report["cameras_before"]) + 1
    assert saved.tags["camera:type"] == "dome"
    assert guarded.armed_processes() == 1
    assert guarded.attempts() == []
