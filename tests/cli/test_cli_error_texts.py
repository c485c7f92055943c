"""An error line names the file it concerns and says what is wrong; no code reaches the user.

The command line prints an error's ``detail`` (the window shows the registry's sentence of its
code, translated): each detail must name the file, since the command may be given several.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contrechamp.cli import main
from contrechamp.core.messages import ERRORS, FAMILIES, SKIPPED

_FAMILY_NAMES = sorted({code.split(".", 1)[0] for code in [*ERRORS, *SKIPPED]} | set(FAMILIES))
_CODE = re.compile(rf"(?<![.\w])(?:{'|'.join(_FAMILY_NAMES)})\.[a-z_]+\b")
"""Any code of the registry's families (``photo.unsupported``, ``csv.row``…)."""

_GPX_POINT = (
    '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
    '<trk><trkseg><trkpt lat="{lat}" lon="24.9"><time>2024-05-01T10:00:00Z</time></trkpt>'
    "</trkseg></trk></gpx>"
)


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The one line on stderr, with no code in it."""
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert _CODE.search(err) is None, err
    return err


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    assert run("new", path) == 0
    return path


def test_a_photo_whose_image_cannot_be_decoded_is_named(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "IMG_0042.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"not the rest of a JPEG")
    capsys.readouterr()
    assert run("add", survey, "--lat", "60.17", "--lon", "24.94", "--photo", broken) == 1
    assert error_line(capsys) == "contrechamp: IMG_0042.jpg: the image cannot be decoded"


def test_a_track_point_without_a_position_names_the_track(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    track = tmp_path / "walk.gpx"
    track.write_text(_GPX_POINT.format(lat="999"), encoding="utf-8")
    capsys.readouterr()
    assert run("import-photos", survey, tmp_path, "--track", track) == 1
    assert error_line(capsys) == "contrechamp: walk.gpx: track point 1 has no valid position"


@pytest.mark.parametrize(
    ("name", "content", "command", "said"),
    [
        ("cams.csv", "a,b\n1,2\n", "import", "cams.csv: no lat and lon columns"),
        ("cams.geojson", "{", "import", "cams.geojson: not valid JSON"),
        ("area.csv", "a,b\n", "area", "area.csv: not an OSM file"),
        ("cams.txt", "hello", "import", "cams.txt: not a file Contrechamp can import"),
    ],
)
def test_a_bad_file_is_named_with_what_is_wrong_and_no_code(
    survey: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str,
    command: str,
    said: str,
) -> None:
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    capsys.readouterr()
    assert run(command, survey, bad) == 1
    assert said in error_line(capsys)


def test_an_export_into_a_folder_names_it_without_a_code(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run("export", survey, "--format", "geojson", "-o", tmp_path) == 1
    assert error_line(capsys) == f"contrechamp: {tmp_path}: is a folder, not a file name"
