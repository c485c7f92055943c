"""export_to: every format read back by an independent reader; one selection for them all."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import gpxpy
import osmium
import pyogrio
import pytest
from PIL import Image

from contrechamp.core.camera import Status
from contrechamp.core.errors import InputError
from contrechamp.ops.exports import ExportFormat, ExportOptions, export_to
from contrechamp.store.survey import SurveyFile
from tests.ops.export_samples import BIG_ID, PSEUDONYM, XMP, Sample, build_sample


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build_sample(tmp_path / "walk.cartoparty")


def _export(sample: Sample, fmt: ExportFormat, out: Path, **options: object) -> Path:
    with SurveyFile.open_untrusted_readonly(sample.path) as survey:
        export_to(survey, fmt, out, ExportOptions(**options))  # type: ignore[arg-type]
    return out


def _ids(fmt: ExportFormat, out: Path) -> set[str]:
    """The camera ids a file holds, read by a reader that is not ours."""
    if fmt is ExportFormat.GEOJSON:
        return {f["id"] for f in json.loads(out.read_text())["features"]}
    if fmt is ExportFormat.CSV:
        return {row["id"] for row in csv.DictReader(out.open(encoding="utf-8-sig"))}
    if fmt is ExportFormat.GPKG:
        return set(pyogrio.read_dataframe(out, layer="cameras")["id"])
    raise AssertionError(fmt)


def test_the_geopackage_has_cameras_and_fields_of_view_in_wgs84(
    sample: Sample, tmp_path: Path
) -> None:
    out = _export(sample, ExportFormat.GPKG, tmp_path / "out.gpkg")
    assert [tuple(layer) for layer in pyogrio.list_layers(out)] == [
        ("cameras", "Point"),
        ("fields_of_view", "MultiPolygon"),
    ]
    info = pyogrio.read_info(out, layer="cameras")
    assert info["crs"] == "EPSG:4326"
    assert info["features"] == 4  # rejected left out
    assert dict(zip(info["fields"], info["ogr_types"], strict=True))["osm_id"] == "OFTInteger64"
    cameras = pyogrio.read_dataframe(out, layer="cameras").set_index("id")
    fixed = cameras.loc[sample.fixed.id]
    assert (fixed["status"], fixed["camera:direction"], fixed["note"]) == (
        "confirmed",
        "90",
        sample.fixed.tags["note"],
    )
    assert (fixed.geometry.x, fixed.geometry.y) == (7.4251, 43.7331)
    assert int(cameras.loc[sample.linked.id, "osm_id"]) == BIG_ID
    assert int(cameras.loc[sample.linked.id, "osm_version"]) == 4
    assert "surveyor" not in cameras.columns
    fields = pyogrio.read_dataframe(out, layer="fields_of_view").set_index("camera_id")
    assert pyogrio.read_info(out, layer="fields_of_view")["crs"] == "EPSG:4326"
    assert set(fields.index) == {sample.fixed.id, sample.dome.id}  # those with a field
    wedge = fields.loc[sample.fixed.id]
    assert wedge["kind"] == "wedges"
    west, _south, east, _north = wedge.geometry.bounds
    assert west == pytest.approx(7.4251)
    assert east > 7.4251
    assert fields.loc[sample.dome.id, "kind"] == "circle"


def test_the_geopackage_names_the_pair_only_when_asked(sample: Sample, tmp_path: Path) -> None:
    out = _export(sample, ExportFormat.GPKG, tmp_path / "out.gpkg", include_names=True)
    cameras = pyogrio.read_dataframe(out, layer="cameras").set_index("id")
    assert cameras.loc[sample.fixed.id, "surveyor"] == PSEUDONYM


@pytest.mark.parametrize("fmt", [ExportFormat.GEOJSON, ExportFormat.CSV, ExportFormat.GPKG])
def test_status_and_sector_choose_the_cameras_of_every_format(
    sample: Sample, tmp_path: Path, fmt: ExportFormat
) -> None:
    out = tmp_path / f"out{fmt.suffix}"
    everything = {sample.fixed.id, sample.dome.id, sample.unversioned.id, sample.linked.id}
    assert _ids(fmt, _export(sample, fmt, out)) == everything
    drafts = _export(sample, fmt, out, statuses=frozenset({Status.DRAFT}))
    assert _ids(fmt, drafts) == {sample.dome.id}
    assert _ids(fmt, _export(sample, fmt, out, sector="South")) == {sample.dome.id}
    north = _export(sample, fmt, out, sector="North", confirmed_only=True)
    assert _ids(fmt, north) == {sample.fixed.id, sample.unversioned.id, sample.linked.id}
    rejected = _export(sample, fmt, out, statuses=frozenset({Status.REJECTED}))
    assert _ids(fmt, rejected) == set()  # never exported, even when asked


def test_the_gpx_export_takes_the_same_selection(sample: Sample, tmp_path: Path) -> None:
    out = _export(sample, ExportFormat.GPX, tmp_path / "out.gpx", sector="South")
    gpx = gpxpy.parse(out.read_text())
    assert [(w.latitude, w.longitude) for w in gpx.waypoints] == [(43.7301, 7.4201)]


def test_an_unknown_sector_is_refused_and_nothing_is_written(
    sample: Sample, tmp_path: Path
) -> None:
    out = tmp_path / "out.csv"
    out.write_text("before")
    with pytest.raises(InputError) as caught:
        _export(sample, ExportFormat.CSV, out, sector="West")
    assert caught.value.code == "export.sector"
    assert "West" in caught.value.detail
    assert "North" in caught.value.detail
    assert out.read_text() == "before"
    assert not list(tmp_path.glob(".out.csv.*"))


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_no_format_names_a_participant_unless_asked(
    sample: Sample, tmp_path: Path, fmt: ExportFormat
) -> None:
    out = _export(sample, fmt, tmp_path / f"out{fmt.suffix}", with_photos=True)
    assert PSEUDONYM.encode() not in out.read_bytes()
    if fmt is ExportFormat.PHOTOS:
        with zipfile.ZipFile(out) as bundle:
            assert not any(PSEUDONYM in name for name in bundle.namelist())
            assert all(PSEUDONYM.encode() not in bundle.read(n) for n in bundle.namelist())


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.GPKG, ExportFormat.HTML])
def test_the_formats_with_names_carry_them_when_asked(
    sample: Sample, tmp_path: Path, fmt: ExportFormat
) -> None:
    out = _export(sample, fmt, tmp_path / f"out{fmt.suffix}", include_names=True)
    assert PSEUDONYM.encode() in out.read_bytes()


def _metadata(data: bytes) -> tuple[dict[int, object], bytes | None]:
    """The EXIF tags and the XMP packet Pillow finds in an image."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return dict(image.getexif()), image.info.get("xmp")


def test_the_photo_zip_names_photos_after_their_camera_and_strips_them(
    sample: Sample, tmp_path: Path
) -> None:
    out = _export(sample, ExportFormat.PHOTOS, tmp_path / "photos.zip")
    with zipfile.ZipFile(out) as bundle:
        assert bundle.testzip() is None
        names = bundle.namelist()
        assert names == [f"{sample.fixed.id}-1.jpg", f"{sample.fixed.id}-2.jpg"]  # no rejected
        for name in names:
            exif, xmp = _metadata(bundle.read(name))
            assert exif == {}
            assert xmp is None
            assert b"Walker Name" not in bundle.read(name)
            assert bundle.getinfo(name).date_time == (1980, 1, 1, 0, 0, 0)


def test_the_photo_zip_keeps_the_metadata_when_asked(sample: Sample, tmp_path: Path) -> None:
    out = _export(sample, ExportFormat.PHOTOS, tmp_path / "photos.zip", keep_exif=True)
    with zipfile.ZipFile(out) as bundle:
        exif, xmp = _metadata(bundle.read(bundle.namelist()[0]))
    assert exif
    assert xmp is not None
    assert XMP in xmp


def _nodes(path: Path) -> dict[int, int]:
    return {n.id: n.version for n in osmium.FileProcessor(str(path), osmium.osm.NODE)}


def test_osm_files_never_carry_a_node_without_its_version(sample: Sample, tmp_path: Path) -> None:
    with SurveyFile.open_untrusted_readonly(sample.path) as survey:
        josm = export_to(survey, ExportFormat.OSM, tmp_path / "out.osm")
        change = export_to(survey, ExportFormat.OSC, tmp_path / "out.osc")
    nodes = _nodes(tmp_path / "out.osm")
    assert sample.unversioned.osm_id not in nodes
    assert nodes[BIG_ID] == 4
    assert (josm.cameras, josm.unversioned) == (len(nodes), 1)
    text = (tmp_path / "out.osc").read_text()
    assert str(sample.unversioned.osm_id) not in text
    assert "<modify>" not in text  # the linked camera's original is unknown: left out too
    assert (change.unversioned, change.unknown_original) == (1, 1)


@pytest.mark.parametrize("fmt", [ExportFormat.GEOJSON, ExportFormat.CSV, ExportFormat.OSM])
def test_an_export_reports_how_far_it_is_for_the_progress_bar(
    tmp_path: Path, fmt: ExportFormat
) -> None:
    from contrechamp.core.camera import Camera
    from contrechamp.ops.progress import Progress

    with SurveyFile.create(tmp_path / "many.cartoparty") as survey:
        survey.add_cameras(
            Camera(43.73 + i * 1e-5, 7.42, {"man_made": "surveillance"}) for i in range(1200)
        )
        seen: list[tuple[int, int]] = []
        progress = Progress(listener=lambda done, total: seen.append((done, total)))
        result = export_to(survey, fmt, tmp_path / f"out.{fmt.value}", progress=progress)
    assert result.cameras == 1200
    assert seen == [(500, 1200), (1000, 1200)]
