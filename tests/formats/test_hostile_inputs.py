"""Inputs that once crashed a reader or were misread: each is refused with a coded InputError
naming the file, or read exactly as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contrechamp.core.errors import InputError
from contrechamp.formats.csv_io import read_csv
from contrechamp.formats.geojson import read_geojson
from contrechamp.formats.gpx import read_gpx_track
from contrechamp.formats.osm_read import read_camera_nodes
from contrechamp.formats.overpass import read_overpass_json
from contrechamp.ops.camera_records import camera_from_record

CAMERA = '<tag k="man_made" v="surveillance"/>'
HUGE = "1" + "0" * 400  # a JSON integer no float can hold


def refused(read: object, path: Path) -> InputError:
    """The InputError ``read(path)`` raises; it must name the file."""
    with pytest.raises(InputError) as caught:
        read(path)  # type: ignore[operator]
    assert path.name in caught.value.detail
    return caught.value


def feature_collection(coordinates: str = "[7.4, 43.7]", properties: str = "{}") -> str:
    return (
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":'
        f'{{"type":"Point","coordinates":{coordinates}}},"properties":{properties}}}]}}'
    )


def test_geojson_coordinates_of_400_digits_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.geojson"
    path.write_text(feature_collection(f"[{HUGE}, 1]"))
    assert refused(read_geojson, path).code == "geojson.coordinates"


def test_overpass_latitude_of_400_digits_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    tags = '{"man_made": "surveillance"}'
    element = f'{{"type":"node","id":1,"version":1,"lat":{HUGE},"lon":1,"tags":{tags}}}'
    path.write_text(f'{{"elements":[{element}]}}')
    assert refused(read_overpass_json, path).code == "osm.coordinates"


@pytest.mark.parametrize("crs", ['{"properties": "x"}', '{"properties": null}', '"EPSG:3857"'])
def test_a_malformed_crs_is_refused(tmp_path: Path, crs: str) -> None:
    path = tmp_path / "crs.geojson"
    path.write_text(f'{{"type":"FeatureCollection","crs":{crs},"features":[]}}')
    assert refused(read_geojson, path).code == "geojson.crs"


def test_a_property_of_1e400_is_refused_not_made_infinite(tmp_path: Path) -> None:
    path = tmp_path / "inf.geojson"
    path.write_text(feature_collection(properties='{"height": 1e400}'))
    error = refused(read_geojson, path)
    assert error.code == "geojson.json"
    assert "1e400" in error.detail


def test_an_overpass_error_without_elements_says_what_the_server_said(tmp_path: Path) -> None:
    remark = "runtime error: Query run out of memory using about 2048 MB of RAM."
    document = {"version": 0.6, "remark": remark}
    path = tmp_path / "answer.json"
    path.write_text(json.dumps(document))
    error = refused(read_overpass_json, path)
    assert error.code == "overpass.incomplete"
    assert "out of memory" in error.detail


OVERPASS_HTML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>OSM3S Response</title></head>
<body>
<p>The data included in this document is from www.openstreetmap.org.</p>
<p><strong style="color:#FF0000">Error</strong>: runtime error: open64: 0 Success
/osm3s_osm_base Dispatcher_Client::request_read_and_idx::timeout. The server is probably too
busy to handle your request. </p>
</body>
</html>
"""


@pytest.mark.parametrize("read", [read_overpass_json, read_geojson])
def test_an_overpass_error_page_saved_as_json_says_what_the_server_said(
    tmp_path: Path, read: object
) -> None:
    path = tmp_path / "answer.json"
    path.write_text(OVERPASS_HTML)
    error = refused(read, path)
    assert error.code.endswith(".json")
    assert "too busy to handle your request" in error.detail
    assert "Expecting value" not in error.detail


def test_an_html_page_without_an_overpass_error_gives_its_title(tmp_path: Path) -> None:
    path = tmp_path / "answer.json"
    path.write_text("<html><head><title>429 Too Many Requests</title></head></html>")
    assert "429 Too Many Requests" in refused(read_overpass_json, path).detail


def test_osm_xml_coordinates_with_underscores_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "cameras.osm"
    path.write_text(f'<osm version="0.6"><node id="-1" lat="1_0" lon="2">{CAMERA}</node></osm>')
    assert refused(read_camera_nodes, path).code == "osm.corrupt"


def test_osm_xml_ids_in_other_digits_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "cameras.osm"
    path.write_text(
        f'<osm version="0.6"><node id="١" version="1" lat="1" lon="2">{CAMERA}</node></osm>'
    )
    assert refused(read_camera_nodes, path).code == "osm.corrupt"


def test_a_node_inside_a_node_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nested.osm"
    path.write_text(
        '<osm version="0.6"><node id="-1" lat="1" lon="2">'
        f'<node id="-2" lat="3" lon="4">{CAMERA}</node>{CAMERA}</node></osm>'
    )
    error = refused(read_camera_nodes, path)
    assert error.code == "osm.corrupt"
    assert "inside another" in error.detail


def test_csv_coordinates_with_underscores_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "cameras.csv"
    path.write_text("lat,lon\n1_0,2\n")
    assert refused(read_csv, path).code == "csv.number"


@pytest.mark.parametrize("column", ["osm_version", "osm_id"])
def test_csv_osm_numbers_in_superscript_are_refused(tmp_path: Path, column: str) -> None:
    path = tmp_path / "cameras.csv"
    other = "osm_id" if column == "osm_version" else "osm_version"
    path.write_text(f"lat,lon,{column},{other}\n1,2,²,5\n")
    (record,) = read_csv(path)
    with pytest.raises(InputError) as caught:
        camera_from_record(record, None, path.name)
    assert caught.value.code == "record.value"
    assert path.name in caught.value.detail


def test_overpass_turbo_version_in_superscript_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "turbo.geojson"
    path.write_text(feature_collection(properties='{"@id": "node/5", "@version": "²"}'))
    (record,) = read_geojson(path)
    with pytest.raises(InputError) as caught:
        camera_from_record(record, None, path.name)
    assert caught.value.code == "record.value"


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
def test_csv_creation_times_outside_utc_are_dropped(tmp_path: Path, moment: str) -> None:
    path = tmp_path / "cameras.csv"
    path.write_text(f"lat,lon,created_at\n1,2,{moment}\n")
    (record,) = read_csv(path)
    camera = camera_from_record(record, None, path.name)
    assert camera.created_at.year not in (1, 9999)
    assert camera.created_at.utcoffset() is not None


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
def test_gpx_times_outside_utc_are_skipped_like_untimed_points(tmp_path: Path, moment: str) -> None:
    path = tmp_path / "walk.gpx"
    path.write_text(
        "<gpx><trk><trkseg>"
        f'<trkpt lat="1" lon="1"><time>{moment}</time></trkpt>'
        '<trkpt lat="1" lon="2"><time>2024-05-01T10:00:00Z</time></trkpt>'
        "</trkseg></trk></gpx>"
    )
    assert [p.lon for p in read_gpx_track(path)] == [2.0]


def test_gpx_coordinates_with_underscores_are_a_bad_point(tmp_path: Path) -> None:
    path = tmp_path / "walk.gpx"
    path.write_text(
        '<gpx><trk><trkseg><trkpt lat="1_0" lon="1"><time>2024-05-01T10:00:00Z</time>'
        "</trkpt></trkseg></trk></gpx>"
    )
    with pytest.raises(InputError) as caught:
        read_gpx_track(path)
    assert caught.value.code == "gpx.bad_point"
