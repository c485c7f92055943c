"""Linux desktop integration (packaging/linux): the menu entry, the AppStream metadata and the
survey's MIME type pass their validators, and install.sh puts them where the desktop reads
them. The validators come from desktop-file-utils, appstream and shared-mime-info (.ci/run
installs them); without them these tests are skipped and say which package is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.contrechamp.Contrechamp"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
MIME_TYPE = "application/x-contrechamp-survey"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install {package})")
    return path


def _check(command: list[str | Path]) -> str:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def test_desktop_entry_passes_desktop_file_validate() -> None:
    output = _check([_tool("desktop-file-validate", "desktop-file-utils"), DESKTOP])
    assert "error" not in output.lower(), output
    assert "warning" not in output.lower(), output


def test_desktop_entry_opens_surveys_with_the_window_program() -> None:
    lines = dict(
        line.split("=", 1)
        for line in DESKTOP.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert lines["Exec"] == "contrechamp-gui %f"  # %f: a double-clicked survey is opened
    assert lines["MimeType"] == f"{MIME_TYPE};"
    assert lines["Icon"] == APP_ID
    assert lines["Name"] == "Contrechamp"
    assert "Comment[fr]" in lines
    assert "GenericName[fr]" in lines


def test_metainfo_passes_appstreamcli_validate() -> None:
    output = _check([_tool("appstreamcli", "appstream"), "validate", "--no-net", METAINFO])
    assert "Validation was successful" in output, output
    # Warnings and errors fail the command; infos (tags newer than this appstream) may remain.
    assert "\nW:" not in output, output
    assert "\nE:" not in output, output


def test_metainfo_has_what_software_centres_show() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").split()[:3] == [
        "GNU",
        "GENERAL",
        "PUBLIC",
    ]
    assert root.find("content_rating[@type='oars-1.1']") is not None
    assert root.find("releases/release[@version]") is not None
    release = root.find("releases/release")
    assert release is not None
    assert f'version = "{release.get("version")}"' in (ROOT / "pyproject.toml").read_text(
        encoding="utf-8"
    )  # the newest release is the version being built
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) >= 2
    for image in images:  # each screenshot is one the screenshot script makes
        assert (ROOT / "docs" / "screenshots" / image.rsplit("/", 1)[-1]).is_file(), image
    assert root.findtext("launchable") == DESKTOP.name


def test_mime_type_recognises_a_survey_by_its_name(tmp_path: Path) -> None:
    update = _tool("update-mime-database", "shared-mime-info")
    share = tmp_path / "share"
    env = {**os.environ, "CONTRECHAMP_NO_CACHES": "1"}
    subprocess.run(["sh", LINUX / "install.sh", tmp_path], check=True, env=env, capture_output=True)
    packages = share / "mime" / "packages"
    assert (packages / f"{APP_ID}.xml").read_bytes() == MIME.read_bytes()
    _check([update, share / "mime"])
    globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{MIME_TYPE}:*.cartoparty" in globs
    described = (share / "mime" / "application" / "x-contrechamp-survey.xml").read_text(
        encoding="utf-8"
    )
    assert "Relevé Contrechamp" in described
    magic = (share / "mime" / "magic").read_bytes()
    assert b"SQLite format 3\x00" in magic


def test_install_puts_every_file_where_the_desktop_reads_it(tmp_path: Path) -> None:
    env = {**os.environ, "CONTRECHAMP_NO_CACHES": "1"}
    subprocess.run(["sh", LINUX / "install.sh", tmp_path], check=True, env=env, capture_output=True)
    share = tmp_path / "share"
    assert (share / "applications" / DESKTOP.name).is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()
    icons = share / "icons" / "hicolor"
    svg = icons / "scalable" / "apps" / f"{APP_ID}.svg"
    assert ET.parse(svg).getroot().tag.endswith("svg")
    for size in (48, 64, 128, 256):
        png = (icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert (width, height) == (size, size)
