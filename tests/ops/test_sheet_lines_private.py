"""Sheet lines never leave the survey: no export format and no upload carries them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from contrechamp.ops.exports import ExportFormat, ExportOptions, export_to
from contrechamp.osmapi.tokens import TOKEN_VARIABLE
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import run
from tests.ops.export_samples import Sample, build_sample
from tests.osmapi.api_server import FakeOsm
from tests.osmapi.conftest import TOKEN, camera_at

LINE = "ZZ-917"  # found nowhere else in a survey


def _with_sheet_lines(path: Path) -> Path:
    """Give every camera of the survey at ``path`` the sheet line LINE."""
    with SurveyFile.open(path) as survey:
        for camera in survey.cameras():
            survey.set_sheet_line(camera.id, LINE)
        assert set(survey.sheet_lines().values()) == {LINE}
    return path


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    sample = build_sample(tmp_path / "walk.cartoparty")
    _with_sheet_lines(sample.path)
    return sample


def _written_bytes(out: Path) -> list[bytes]:
    """The file's bytes, and those of every member of a zip file (stored compressed)."""
    found = [out.read_bytes()]
    if zipfile.is_zipfile(out):
        with zipfile.ZipFile(out) as bundle:
            found += [name.encode() for name in bundle.namelist()]
            found += [bundle.read(name) for name in bundle.namelist()]
    return found


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_no_export_format_carries_a_sheet_line(
    sample: Sample, tmp_path: Path, fmt: ExportFormat
) -> None:
    out = tmp_path / f"out{fmt.suffix}"
    everything = ExportOptions(include_names=True, include_track=True, with_photos=True)
    with SurveyFile.open_untrusted_readonly(sample.path) as survey:
        result = export_to(survey, fmt, out, everything)

    assert result.cameras > 0 or result.photos > 0  # the export did write cameras
    assert all(LINE.encode() not in data for data in _written_bytes(out))
    assert all(LINE.encode("utf-16-le") not in data for data in _written_bytes(out))


def test_the_upload_never_sends_a_sheet_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)
    walk = tmp_path / "walk.cartoparty"
    with SurveyFile.create(walk) as survey:
        survey.add_cameras([camera_at(i) for i in range(3)])
    _with_sheet_lines(walk)
    written = tmp_path / "upload.osc"
    with FakeOsm() as osm:
        osm.add_user(TOKEN, 1, "ana")
        assert (
            run("upload", walk, "--comment", "x", "--api", osm.url, "--dry-run", "-o", written) == 0
        )
        assert run("upload", walk, "--comment", "x", "--api", osm.url) == 0
        nodes, changesets = osm.current(), list(osm.changesets.values())

    assert b"<create>" in written.read_bytes()
    assert LINE.encode() not in written.read_bytes()
    assert len(nodes) == 3
    assert all(LINE not in repr(node.tags) for node in nodes)
    assert changesets
    assert all(LINE not in repr(c.tags) for c in changesets)
