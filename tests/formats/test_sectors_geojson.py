"""Reading a workshop's sectors from GeoJSON: the names organisers' tools give, and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely

from contrechamp.core.errors import InputError
from contrechamp.formats.sectors_geojson import read_sectors_geojson

SQUARE = [[[7.42, 43.73], [7.43, 43.73], [7.43, 43.74], [7.42, 43.74], [7.42, 43.73]]]
BOWTIE = [[[7.42, 43.73], [7.43, 43.74], [7.43, 43.73], [7.42, 43.74], [7.42, 43.73]]]


def _feature(properties: object, coordinates: object = SQUARE, kind: str = "Polygon") -> object:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": kind, "coordinates": coordinates},
    }


def _write(tmp_path: Path, *features: object, **extra: object) -> Path:
    path = tmp_path / "sectors.geojson"
    path.write_text(
        json.dumps({"type": "FeatureCollection", "features": list(features), **extra}),
        encoding="utf-8",
    )
    return path


def test_french_and_english_keys_give_the_name_and_the_pair(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _feature({"nom": "Vieille ville", "Binôme": "Zoé & Ana"}),
        _feature({"name": "Port", "pseudonymes": ["Léo", " Sam "]}),
        _feature({"NAME": "Gare", "binome": "Ilan"}),
        _feature({"name": "Plage", "pair": "Mo & Lu"}),
    )
    read = read_sectors_geojson(path)
    assert [(s.name, s.pair) for s in read.sectors] == [
        ("Vieille ville", "Zoé & Ana"),
        ("Port", "Léo & Sam"),
        ("Gare", "Ilan"),
        ("Plage", "Mo & Lu"),
    ]
    assert shapely.from_wkb(read.sectors[0].wkb).equals(shapely.Polygon(SQUARE[0]))


def test_a_sector_without_a_name_is_numbered_and_other_features_are_skipped(
    tmp_path: Path,
) -> None:
    point = {"type": "Feature", "properties": {"name": "Rendez-vous"},
             "geometry": {"type": "Point", "coordinates": [7.42, 43.73]}}  # fmt: skip
    nothing: dict[str, object] = {"type": "Feature", "properties": {}, "geometry": None}
    multi = _feature({"pair": "Ana"}, [SQUARE], "MultiPolygon")
    read = read_sectors_geojson(_write(tmp_path, point, nothing, multi))
    assert [(s.name, s.pair) for s in read.sectors] == [("Sector 3", "Ana")]
    assert read.skipped == 2
    assert shapely.from_wkb(read.sectors[0].wkb).geom_type == "MultiPolygon"


def test_a_polygon_crossing_itself_is_repaired_into_its_two_triangles(tmp_path: Path) -> None:
    read = read_sectors_geojson(_write(tmp_path, _feature({"name": "Nœud"}, BOWTIE)))
    shape = shapely.from_wkb(read.sectors[0].wkb)
    assert read.repaired == ["Nœud"]
    assert shape.is_valid
    assert shape.area == pytest.approx(0.01 * 0.01 / 2)


FLAT = [[[7.0, 43.0], [7.5, 43.5], [8.0, 44.0], [7.0, 43.0]]]  # a line, no area
TRIANGLE_OF_THREE = [[[7.42, 43.73], [7.43, 43.73], [7.42, 43.73]]]
SWAPPED = [[[43.73, 7.42], [43.73, 95.0], [43.74, 95.0], [43.73, 7.42]]]
OPEN_RING = [[[7.42, 43.73], [7.43, 43.73], [7.43, 43.74], [7.42, 43.74]]]
TEXT_COORDINATES = [[["7.42", 43.73]] * 4]


@pytest.mark.parametrize(
    ("features", "code", "words"),
    [
        ([_feature({"name": "Flat"}, FLAT)], "sectors.no_area", "feature 1 ('Flat')"),
        ([_feature({"name": "Nord"}), _feature({"nom": "nord"})], "sectors.duplicate", "Nord"),
        ([], "sectors.empty", "no Polygon"),
        ([_feature({"name": "X"}, TRIANGLE_OF_THREE)], "geojson.geometry", "four positions"),
        ([_feature({"name": "X"}, SWAPPED)], "geojson.coordinates", "out of range"),
        ([_feature({"name": "X"}, OPEN_RING)], "geojson.geometry", "end where"),
        ([_feature({"name": "X"}, TEXT_COORDINATES)], "geojson.geometry", "not a number"),
        ([_feature({"name": "Rue\x1b[2J"})], "sectors.text", "not plain text"),
        ([_feature({"name": {"fr": "Port"}})], "sectors.text", "not text"),
        ([_feature({"name": "x" * 201})], "sectors.text", "too long"),
    ],
)
def test_a_bad_sectors_file_is_refused_in_one_sentence_naming_the_feature(
    tmp_path: Path, features: list[object], code: str, words: str
) -> None:
    with pytest.raises(InputError) as raised:
        read_sectors_geojson(_write(tmp_path, *features))
    assert raised.value.code == code
    assert words in raised.value.detail
    assert raised.value.detail.startswith("sectors.geojson: ")


def test_coordinates_in_another_reference_system_are_refused(tmp_path: Path) -> None:
    lambert = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}
    with pytest.raises(InputError) as raised:
        read_sectors_geojson(_write(tmp_path, _feature({"name": "A"}), crs=lambert))
    assert raised.value.code == "geojson.crs"


def test_a_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sectors.geojson"
    path.write_text("<html><title>502 Bad Gateway</title></html>", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_sectors_geojson(path)
    assert raised.value.code == "geojson.json"
