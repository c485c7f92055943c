"""GeoJSON: RFC 7946 export (streamed, tags as properties) and a tolerant but strict reader."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from tempfile import TemporaryDirectory

import pyogrio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrechamp.core.errors import InputError
from contrechamp.formats.geojson import (
    PointRecord,
    read_geojson,
    read_geojson_content,
    write_geojson,
)

CAMERA = {"man_made": "surveillance", "surveillance:type": "camera", "camera:direction": "90;270"}
any_text = st.text(alphabet=st.characters(codec="utf-8"))
positions = st.tuples(st.floats(-90, 90), st.floats(-180, 180))


def write_json(path: Path, document: object) -> Path:
    """Write a JSON document and return its path."""
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def point(
    lon: object, lat: object, properties: object = None, **extra: object
) -> dict[str, object]:
    """A GeoJSON Point Feature."""
    geometry = {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "geometry": geometry, "properties": properties, **extra}


def collection(*features: object) -> dict[str, object]:
    """A GeoJSON FeatureCollection."""
    return {"type": "FeatureCollection", "features": list(features)}


def error_code(path: Path) -> str:
    """Read a file that must fail; return the InputError code."""
    with pytest.raises(InputError) as caught:
        read_geojson(path)
    assert path.name in caught.value.detail
    return caught.value.code


def test_export_is_rfc7946_with_tags_as_properties_and_id_as_feature_id(tmp_path: Path) -> None:
    out = tmp_path / "cameras.geojson"
    record = PointRecord(43.7332957, 7.4155145, CAMERA, {"id": "abc123", "status": "confirmed"})
    assert write_geojson(out, [record]) == 1
    document = json.loads(out.read_text(encoding="utf-8"))
    assert set(document) == {"type", "features"}
    [feature] = document["features"]
    assert feature == {
        "type": "Feature",
        "id": "abc123",
        "geometry": {"type": "Point", "coordinates": [7.4155145, 43.7332957]},
        "properties": CAMERA,
    }


def test_gdal_reads_the_export(tmp_path: Path) -> None:
    out = tmp_path / "cameras.geojson"
    write_geojson(out, [PointRecord(48.85 + i / 1000, 2.35, CAMERA) for i in range(20)])
    frame = pyogrio.read_dataframe(out)
    assert len(frame) == 20
    assert frame.crs.to_epsg() == 4326
    assert set(frame["camera:direction"]) == {"90;270"}
    assert frame.geometry.y.min() == pytest.approx(48.85)


def test_empty_export_is_a_valid_collection(tmp_path: Path) -> None:
    out = tmp_path / "none.geojson"
    assert write_geojson(out, []) == 0
    assert json.loads(out.read_text()) == collection()
    assert read_geojson(out) == []


def test_export_refuses_a_position_out_of_range_and_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="out of range"):
        write_geojson(tmp_path / "x.geojson", [PointRecord(10, 10, {}), PointRecord(95, 0, {})])
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(positions, st.dictionaries(any_text, any_text, max_size=6), st.none() | any_text),
        max_size=5,
    )
)
def test_any_tags_round_trip(
    rows: list[tuple[tuple[float, float], dict[str, str], str | None]],
) -> None:
    records = [
        PointRecord(lat, lon, tags, {} if ident is None else {"id": ident})
        for (lat, lon), tags, ident in rows
    ]
    with TemporaryDirectory() as folder:
        out = Path(folder) / "any.geojson"
        write_geojson(out, records)
        again = read_geojson(out)
    assert [(r.tags, r.meta) for r in again] == [(dict(r.tags), dict(r.meta)) for r in records]
    for before, after in zip(records, again, strict=True):
        assert after.lat == pytest.approx(before.lat, abs=1e-7)
        assert after.lon == pytest.approx(before.lon, abs=1e-7)


def test_a_single_feature_is_accepted(tmp_path: Path) -> None:
    path = write_json(tmp_path / "one.geojson", point(7.4, 43.7, CAMERA, id=17))
    assert read_geojson(path) == [PointRecord(43.7, 7.4, CAMERA, {"id": "17"})]


def test_property_values_become_tag_text(tmp_path: Path) -> None:
    values = [(5.0, "5"), (15.5, "15.5"), (12, "12"), (True, "yes"), (False, "no"), ("", ""),
              ([1, "a"], '[1,"a"]'), ({"k": "é"}, '{"k":"é"}')]  # fmt: skip
    properties: dict[str, object] = {f"k{i}": given for i, (given, _) in enumerate(values)}
    properties["note"] = None
    [record] = read_geojson(write_json(tmp_path / "values.geojson", point(2, 48, properties)))
    assert record.tags == {f"k{i}": text for i, (_, text) in enumerate(values)}


def test_other_geometries_are_skipped_and_counted(tmp_path: Path) -> None:
    line = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
    }
    nothing: dict[str, object] = {"type": "Feature", "properties": {}, "geometry": None}
    path = write_json(
        tmp_path / "mixed.geojson", collection(point(1, 2, CAMERA), line, line, nothing)
    )
    content = read_geojson_content(path)
    assert [r.tags for r in content.records] == [CAMERA]
    assert content.skipped == {"LineString": 2, "null": 1}


def test_a_third_coordinate_is_ignored(tmp_path: Path) -> None:
    feature = point(7.4, 43.7, {})
    feature["geometry"] = {"type": "Point", "coordinates": [7.4, 43.7, 35.0]}
    assert read_geojson(write_json(tmp_path / "z.geojson", feature))[0].lat == 43.7


@pytest.mark.parametrize(("lon", "lat"), [(181, 0), (-180.01, 0), (0, 90.5), (0, -91)])
def test_coordinates_out_of_range_are_refused(tmp_path: Path, lon: float, lat: float) -> None:
    path = write_json(tmp_path / "far.geojson", collection(point(1, 1), point(lon, lat)))
    assert error_code(path) == "geojson.coordinates"


def test_lat_lon_swapped_paris_is_refused(tmp_path: Path) -> None:
    # [48.85, 2.35] is a valid position (in the Indian Ocean), but [2.35, 100] is not.
    path = write_json(tmp_path / "swapped.geojson", point(2.35, 100.0))
    assert error_code(path) == "geojson.coordinates"


@pytest.mark.parametrize(
    "text",
    ["", "not json", '{"type": "FeatureCollection", "features": [', "\xff\xfe{}",
     '{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN, 1]},"properties":{}}',
     '{"type":"Feature","geometry":{"type":"Point","coordinates":[Infinity, 1]}}',
     "1" * 5000],
    ids=["empty", "words", "truncated", "not-utf8", "nan", "infinity", "huge-int"],
)  # fmt: skip
def test_not_json_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.geojson"
    path.write_bytes(text.encode("latin-1"))
    assert error_code(path) == "geojson.json"


@pytest.mark.parametrize("depth", [100_000, 2_000_000])
def test_huge_nesting_is_refused(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.geojson"
    path.write_text("[" * depth + "]" * depth)
    assert error_code(path) in {"geojson.json", "geojson.shape"}


def test_nested_property_becomes_compact_json_text(tmp_path: Path) -> None:
    deep = "[" * 50 + "]" * 50
    text = (
        '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,1]},"properties":{"a":'
        + deep
        + "}}"
    )
    path = tmp_path / "deep.geojson"
    path.write_text(text)
    [record] = read_geojson(path)
    assert record.tags["a"] == deep


ONE_COORDINATE = {"type": "Point", "coordinates": [1]}
LAMBERT_93 = {"type": "name", "properties": {"name": "EPSG:2154"}}


@pytest.mark.parametrize(
    ("document", "code"),
    [
        ([point(1, 1)], "geojson.shape"),
        ({"type": "FeatureCollection"}, "geojson.shape"),
        ({"type": "FeatureCollection", "features": {}}, "geojson.shape"),
        ({"type": "Point", "coordinates": [1, 1]}, "geojson.shape"),
        (collection({"type": "Point", "coordinates": [1, 1]}), "geojson.shape"),
        (collection(point(1, 1, properties=[1])), "geojson.shape"),
        (collection({"type": "Feature", "geometry": "POINT(1 1)"}), "geojson.geometry"),
        (collection(point("1", 1)), "geojson.geometry"),
        (collection(point(True, 1)), "geojson.geometry"),
        (collection(point(1, 1) | {"geometry": ONE_COORDINATE}), "geojson.geometry"),
        (collection(point(700000, 6600000)) | {"crs": LAMBERT_93}, "geojson.crs"),
    ],
    ids=["list", "no-features", "features-object", "bare-geometry", "geometry-as-feature",
         "list-properties", "wkt-geometry", "string-coordinate", "bool-coordinate",
         "one-coordinate", "lambert93"],
)  # fmt: skip
def test_wrong_shapes_are_refused_with_their_code(
    tmp_path: Path, document: object, code: str
) -> None:
    assert error_code(write_json(tmp_path / "shape.geojson", document)) == code


def test_wgs84_crs_member_is_tolerated(tmp_path: Path) -> None:
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    path = write_json(tmp_path / "old.geojson", {**collection(point(2, 48, CAMERA)), "crs": crs})
    assert len(read_geojson(path)) == 1


def test_missing_file_is_reported(tmp_path: Path) -> None:
    assert error_code(tmp_path / "absent.geojson") == "file.missing"


def test_file_over_the_cap_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contrechamp.formats import _json_input

    monkeypatch.setattr(_json_input, "MAX_JSON_BYTES", 100)
    path = write_json(tmp_path / "big.geojson", collection(*[point(1, 1, CAMERA)] * 5))
    assert error_code(path) == "file.too_large"


VALID = json.dumps(
    collection(point(7.4, 43.7, CAMERA, id="a"), point(2.3, 48.8, {"n": 1}))
).encode()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_random_bytes_give_input_error_only(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.geojson"
    path.write_bytes(data)
    with pytest.raises(InputError):
        read_geojson(path)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(0, len(VALID)), cut=st.integers(0, 3), insert=st.binary(max_size=8))
def test_mutated_valid_file_gives_records_or_input_error(
    tmp_path: Path, position: int, cut: int, insert: bytes
) -> None:
    path = tmp_path / "mutated.geojson"
    path.write_bytes(VALID[:position] + insert + VALID[position + cut :])
    try:
        records = read_geojson(path)
    except InputError:
        return
    assert all(isinstance(r, PointRecord) for r in records)
    assert all(isinstance(v, str) for r in records for v in r.tags.values())


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=12,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=json_values)
def test_any_json_document_gives_records_or_input_error(tmp_path: Path, document: object) -> None:
    path = write_json(tmp_path / "any.geojson", document)
    with contextlib.suppress(InputError):
        read_geojson(path)


@pytest.mark.parametrize("count", [0, 1, 999, 1000, 1001, 2000, 2345])
def test_export_layout_is_one_feature_per_line_whatever_the_count(
    tmp_path: Path, count: int
) -> None:
    out = tmp_path / "many.geojson"
    records = [PointRecord(1.0, i * 1e-5, {"n": str(i)}, {"id": f"c{i}"}) for i in range(count)]
    assert write_geojson(out, records) == count
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[0] == '{"type":"FeatureCollection","features":['
    assert lines[-2:] == ["]}", ""]
    features = lines[1:-2]
    assert len(features) == count
    assert all(line.endswith(",") for line in features[:-1])
    assert [json.loads(line.rstrip(","))["id"] for line in features] == [
        f"c{i}" for i in range(count)
    ]


@given(tags=st.dictionaries(any_text, any_text, max_size=6))
def test_tags_json_given_with_a_record_is_copied_as_the_encoder_would_write_it(
    tags: dict[str, str],
) -> None:
    text = json.dumps(tags, ensure_ascii=False, separators=(",", ":"))
    with TemporaryDirectory() as tmp:
        encoded, copied = Path(tmp) / "encoded.geojson", Path(tmp) / "copied.geojson"
        write_geojson(encoded, [PointRecord(1.0, 2.0, tags, {"id": "a"})])
        write_geojson(copied, [PointRecord(1.0, 2.0, tags, {"id": "a"}, tags_json=text)])
        assert copied.read_bytes() == encoded.read_bytes()
        assert read_geojson(copied)[0].tags == tags
