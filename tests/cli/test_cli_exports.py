"""``contrechamp export``: the publishing formats and the options every format takes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import osmium
import pyogrio
import pytest

from contrechamp.core.camera import PositionSource
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import digest, one_error_line, run
from tests.ops.export_samples import Sample, build_sample


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build_sample(tmp_path / "walk.cartoparty")


def test_export_writes_a_geopackage_with_both_layers(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.gpkg"
    assert run("export", sample.path, "--format", "gpkg", "-o", out, "--sector", "North") == 0
    assert "3 cameras written" in capsys.readouterr().out
    assert pyogrio.read_info(out, layer="cameras")["features"] == 3
    assert pyogrio.read_info(out, layer="fields_of_view")["features"] == 1
    assert run("export", sample.path, "--format", "gpkg", "-o", out, "--status", "draft") == 0
    assert pyogrio.read_info(out, layer="cameras")["features"] == 1  # an earlier one replaced


def test_export_writes_the_photos_in_a_zip(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "photos.zip"
    assert run("export", sample.path, "--format", "photos", "-o", out) == 0
    assert "2 photos of 4 cameras written" in capsys.readouterr().out
    with zipfile.ZipFile(out) as bundle:
        assert len(bundle.namelist()) == 2


def test_export_html_with_photos(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.html"
    assert run("export", sample.path, "--format", "html", "-o", out, "--with-photos") == 0
    assert out.read_text().count("data:image/jpeg;base64,/9j/") == 2


def test_an_unknown_sector_is_one_sentence_and_changes_nothing(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.geojson"
    out.write_text("kept")
    before = digest(sample.path)
    assert run("export", sample.path, "--format", "geojson", "-o", out, "--sector", "Nowhere") == 1
    line = one_error_line(capsys)
    assert "no sector named 'Nowhere'" in line
    assert "'North'" in line
    assert out.read_text() == "kept"
    assert digest(sample.path) == before


def test_a_rejected_status_is_a_usage_error(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        run(
            "export",
            sample.path,
            "--format",
            "csv",
            "-o",
            tmp_path / "x.csv",
            "--status",
            "rejected",
        )
    assert caught.value.code == 2


def test_the_osc_export_says_what_it_left_out(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("export", sample.path, "--format", "osc", "-o", tmp_path / "out.osc") == 0
    said = capsys.readouterr().out
    assert "1 cameras linked to OSM were left out: their original is unknown" in said
    assert "1 cameras linked to OSM without a known version were left out" in said


def test_existing_extract_still_gives_modify_with_real_ids_and_versions(
    tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    survey = tmp_path / "walk.cartoparty"
    assert run("new", survey) == 0
    assert run("import", survey, shared_data / "osm" / "monaco_cameras.osm") == 0
    with SurveyFile.open(survey) as s:
        camera = s.cameras()[0]
        s.update_camera(camera.moved_to(camera.lat + 0.0001, camera.lon, PositionSource.MAP))
    osc = tmp_path / "out.osc"
    extract = shared_data / "osm" / "monaco.osm.pbf"
    assert run("export", survey, "--format", "osc", "-o", osc, "--existing", extract) == 0
    nodes = [(n.id, n.version) for n in osmium.FileProcessor(str(osc), osmium.osm.NODE)]
    assert nodes == [(camera.osm_id, camera.osm_version)]
    assert camera.osm_id is not None
    assert camera.osm_id > 2**32
    assert camera.osm_version is not None
    assert camera.osm_version > 0
    assert "<modify>" in osc.read_text()
