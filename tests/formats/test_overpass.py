"""read_overpass_json: cameras of an Overpass answer, refused when malformed or cut short."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrechamp.core.errors import InputError
from contrechamp.formats.osm_read import read_camera_nodes
from contrechamp.formats.overpass import read_overpass_json


def answer(*elements: object, **extra: object) -> dict[str, object]:
    """An Overpass API JSON answer, as `[out:json]; node[...](bbox); out meta;` returns it."""
    head = {"version": 0.6, "generator": "Overpass API 0.7.62", "osm3s": {"copyright": "ODbL"}}
    return {**head, **extra, "elements": list(elements)}


def camera(node_id: int = 1, **fields: object) -> dict[str, object]:
    """One node element with meta fields and camera tags."""
    element = {"type": "node", "id": node_id, "lat": 43.73, "lon": 7.41, "version": 4,
               "timestamp": "2024-01-01T00:00:00Z", "changeset": 5, "user": "x", "uid": 1,
               "tags": {"man_made": "surveillance", "camera:type": "dome"}}  # fmt: skip
    return {**element, **fields}


def write_json(path: Path, document: object) -> Path:
    """Write a JSON document and return its path."""
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def error_code(path: Path) -> str:
    """Read a file that must fail; return the InputError code."""
    with pytest.raises(InputError) as caught:
        read_overpass_json(path)
    assert path.name in caught.value.detail
    return caught.value.code


def test_monaco_cameras_as_overpass_answer_read_like_the_osm_file(
    shared_data: Path, tmp_path: Path
) -> None:
    reference = read_camera_nodes(shared_data / "osm" / "monaco_cameras.osm")
    elements = [
        {
            "type": "node",
            "id": n.id,
            "lat": n.lat,
            "lon": n.lon,
            "version": n.version,
            "tags": n.tags,
        }
        for n in reference
    ]
    path = write_json(tmp_path / "overpass.json", answer(*elements))
    assert read_overpass_json(path) == reference


def test_only_camera_nodes_are_kept(tmp_path: Path) -> None:
    way = {"type": "way", "id": 9, "nodes": [1, 2], "tags": {"man_made": "surveillance"}}
    untagged = {"type": "node", "id": 2, "lat": 1.0, "lon": 1.0}
    other = camera(3, tags={"amenity": "bench"})
    path = write_json(tmp_path / "mixed.json", answer(camera(1), way, untagged, other))
    assert [n.id for n in read_overpass_json(path)] == [1]


def test_answer_without_meta_has_no_versions(tmp_path: Path) -> None:
    element = {
        key: value for key, value in camera().items() if key in {"type", "id", "lat", "lon", "tags"}
    }
    [node] = read_overpass_json(write_json(tmp_path / "skel.json", answer(element)))
    assert (node.id, node.version, node.action) == (1, None, None)


def test_an_answer_cut_short_by_the_server_is_refused(tmp_path: Path) -> None:
    remark = 'runtime error: Query timed out in "query" at line 1 after 26 seconds.'
    path = write_json(tmp_path / "timeout.json", answer(camera(), remark=remark))
    assert error_code(path) == "overpass.incomplete"


def test_empty_answer_gives_no_camera(tmp_path: Path) -> None:
    assert read_overpass_json(write_json(tmp_path / "none.json", answer())) == []


@pytest.mark.parametrize(
    "document",
    [
        [],
        {"elements": {}},
        {"type": "FeatureCollection", "features": []},
        answer("node"),
        answer(camera(tags=["man_made=surveillance"])),
        answer(camera(id="1")),
        answer(camera(id=True)),
        answer(camera(version=1.5)),
        answer(camera(lat="43.7")),
        answer(camera(lon=None)),
        answer(camera(tags={"man_made": "surveillance", "height": 5})),
    ],
    ids=["list", "elements-object", "geojson", "element-string", "tags-list", "id-string",
         "id-bool", "version-float", "lat-string", "lon-null", "tag-number"],
)  # fmt: skip
def test_wrong_shape_is_refused(tmp_path: Path, document: object) -> None:
    assert error_code(write_json(tmp_path / "shape.json", document)) == "overpass.shape"


@pytest.mark.parametrize(("lat", "lon"), [(90.1, 0), (0, -181)])
def test_coordinates_out_of_range_are_refused(tmp_path: Path, lat: float, lon: float) -> None:
    path = write_json(tmp_path / "far.json", answer(camera(lat=lat, lon=lon)))
    assert error_code(path) == "osm.coordinates"


@pytest.mark.parametrize("text", ["", "<osm/>", '{"elements": [', "[" * 200_000])
def test_not_json_is_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text)
    assert error_code(path) == "overpass.json"


VALID = json.dumps(answer(camera(1), camera(2, tags={"man_made": "surveillance"}))).encode()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_random_bytes_give_input_error_only(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.json"
    path.write_bytes(data)
    with pytest.raises(InputError):
        read_overpass_json(path)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(0, len(VALID)), cut=st.integers(0, 3), insert=st.binary(max_size=8))
def test_mutated_answer_gives_nodes_or_input_error(
    tmp_path: Path, position: int, cut: int, insert: bytes
) -> None:
    path = tmp_path / "mutated.json"
    path.write_bytes(VALID[:position] + insert + VALID[position + cut :])
    try:
        nodes = read_overpass_json(path)
    except InputError:
        return
    assert all(isinstance(n.id, int) and -90 <= n.lat <= 90 for n in nodes)
