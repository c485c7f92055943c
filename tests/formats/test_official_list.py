"""Reading official lists of cameras: delimiters, encodings, headers, coordinates, GeoJSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contrechamp.core.errors import InputError
from contrechamp.formats.official_list import ListColumns, read_official_list
from tests.formats.list_samples import FRENCH_ROWS, english_list, french_list


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_a_prefecture_list_saved_by_excel_is_read_whole(tmp_path: Path) -> None:
    found = read_official_list(french_list(tmp_path / "arrete.csv"))
    assert [row.ref for row in found.rows] == [row.ref for row in FRENCH_ROWS]
    first = found.rows[0]
    assert (first.line, first.place, first.lat, first.lon) == (
        4,
        "Place du Palais",
        43.7333,
        7.41551,
    )
    assert first.tags == {
        "Commune": "Monaco",
        "Finalité": "Sécurité des personnes",
        "Date d'autorisation": "12/03/2024",
    }
    crossing = found.rows[5]
    assert (crossing.place, crossing.lat, crossing.lon) == (
        "Angle bd des Moulins / av. de la Costa",
        None,
        None,
    )
    assert found.coordinates == "degrees"
    assert found.columns == {
        "lat": "Latitude",
        "lon": "Longitude",
        "place": "Adresse",
        "ref": "N° caméra",
    }


def test_an_english_comma_list_keeps_quoted_addresses(tmp_path: Path) -> None:
    found = read_official_list(english_list(tmp_path / "cameras.csv"))
    assert [(r.ref, r.place, r.lat, r.lon) for r in found.rows] == [
        ("C-101", "Place du Casino", 43.7394, 7.4279),
        ("C-102", "Rue Grimaldi, Monaco", 43.7342, 7.4184),
        ("C-103", "Corner of Rue Grimaldi and Rue Princesse Caroline", None, None),
        ("C-104", "Port Hercule car park", None, None),
    ]
    assert found.rows[0].tags == {"operator": "City of Monaco"}


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [("\t", "utf-8-sig"), ("|", "utf-8"), (",", "cp1252"), (";", "latin-1")],
)
def test_any_delimiter_and_encoding_is_read(tmp_path: Path, delimiter: str, encoding: str) -> None:
    header = delimiter.join(["Identifiant", "Lieu", "Latitude", "Longitude"])
    row = delimiter.join(["7", "Église Sainte-Dévote", "43.7377", "7.4189"])
    found = read_official_list(_write(tmp_path / "l.csv", f"{header}\r\n{row}\r\n", encoding))
    assert [(r.ref, r.place, r.lat, r.lon) for r in found.rows] == [
        ("7", "Église Sainte-Dévote", 43.7377, 7.4189)
    ]


def test_bytes_cp1252_does_not_define_still_read_as_latin1(tmp_path: Path) -> None:
    raw = "lat;lon;lieu\n43,7;7,4;caf\xe9 \x81\n".encode("latin-1")
    path = tmp_path / "odd.csv"
    path.write_bytes(raw)
    assert read_official_list(path).rows[0].place == "caf\xe9 \x81"


@pytest.mark.parametrize(
    ("header", "place"),
    [
        ("NUMÉRO;LIEU D'IMPLANTATION;COORD_Y;COORD_X", "LIEU D'IMPLANTATION"),
        ("ref;Emplacement;LATITUDE WGS84;LONGITUDE WGS84", "Emplacement"),
        ("id;Localisation;y;x", "Localisation"),
        ("Réf.;Address;Lat;Lng", "Address"),
        ("N° de voie;Nom de la voie;lat;lon", "Nom de la voie"),
    ],
)
def test_headers_are_found_whatever_their_case_and_accents(
    tmp_path: Path, header: str, place: str
) -> None:
    found = read_official_list(_write(tmp_path / "l.csv", f"{header}\n3;Rue Bosio;43,731;7,419\n"))
    assert found.columns["place"] == place
    assert [(r.ref, r.place, r.lat, r.lon) for r in found.rows] == [
        ("3", "Rue Bosio", 43.731, 7.419)
    ]


@pytest.mark.parametrize(
    "cell",
    [
        '"43.7384, 7.4219"',
        "43,7384; 7,4219",
        "POINT (7.4219 43.7384)",
        "SRID=4326;POINT(7.4219 43.7384)",
        '"{""type"": ""Point"", ""coordinates"": [7.4219, 43.7384]}"',
    ],
)
def test_coordinates_in_one_column_are_found_by_their_cells(tmp_path: Path, cell: str) -> None:
    found = read_official_list(_write(tmp_path / "l.csv", f"nom|geo_point_2d\nMairie|{cell}\n"))
    assert (found.rows[0].lat, found.rows[0].lon) == (43.7384, 7.4219)
    assert found.columns["position"] == "geo_point_2d"


def test_a_column_of_heights_is_not_taken_for_positions(tmp_path: Path) -> None:
    text = "adresse;hauteur\nRue Bosio;3,5\nRue Grimaldi;4,5\n"
    found = read_official_list(_write(tmp_path / "l.csv", text))
    assert all(row.lat is None for row in found.rows)
    assert found.rows[0].tags == {"hauteur": "3,5"}
    assert found.coordinates == "none"


def test_lambert93_metres_become_degrees(tmp_path: Path) -> None:
    from pyproj import Transformer

    to_l93 = Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)
    x, y = to_l93.transform(7.41551, 43.73330)
    text = f"ID;ADRESSE;X;Y\n1;Place du Palais;{x:.2f};{y:.2f}\n".replace(".", ",")
    found = read_official_list(_write(tmp_path / "l93.csv", text))
    assert found.coordinates == "lambert93"
    assert found.rows[0].lat == pytest.approx(43.73330, abs=1e-6)
    assert found.rows[0].lon == pytest.approx(7.41551, abs=1e-6)


def test_blank_zero_and_unreadable_coordinates_leave_a_row_without_position(
    tmp_path: Path,
) -> None:
    text = "lat;lon;adresse\n43,73;7,42;A\n0;0;B\nà préciser;;C\n1_0;7,4;D\n143,7;7,4;E\n"
    found = read_official_list(_write(tmp_path / "l.csv", text))
    assert [(r.place, r.lat) for r in found.rows] == [
        ("A", 43.73),
        ("B", None),
        ("C", None),
        ("D", None),
        ("E", None),
    ]


def test_columns_named_with_options_win(tmp_path: Path) -> None:
    text = "lat;lon;Lat. caméra;Lon. caméra;Rue\n1;2;43,73;7,42;Rue Bosio\n"
    columns = ListColumns(lat="lat camera", lon="LON. CAMÉRA", place="rue")
    found = read_official_list(_write(tmp_path / "l.csv", text), columns)
    assert (found.rows[0].lat, found.rows[0].lon, found.rows[0].place) == (43.73, 7.42, "Rue Bosio")


def test_a_named_column_that_is_missing_is_refused_with_the_columns_there(tmp_path: Path) -> None:
    path = _write(tmp_path / "l.csv", "lat;lon;adresse\n43,7;7,4;A\n")
    with pytest.raises(InputError) as caught:
        read_official_list(path, ListColumns(place="lieu"))
    assert caught.value.code == "list.column"
    assert caught.value.detail == "l.csv: no column named 'lieu' (its columns: lat, lon, adresse)"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "list.empty"),
        (b"lat;lon;adresse\r\n", "list.empty"),
        (b"nom;type\nMairie;dome\n", "list.columns"),
        (b"PK\x03\x04\x00\x00binary", "list.format"),
        (b'{"type": "FeatureCollection", "features": 3}', "list.format"),
        (b'{"type": "FeatureCollection", ', "list.json"),
    ],
)
def test_bad_lists_are_refused_with_their_code(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_official_list(path)
    assert caught.value.code == code
    assert caught.value.detail.startswith("bad.csv: ")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_official_list(tmp_path / "absent.csv")
    assert caught.value.code == "file.missing"


def _feature(geometry: object, **properties: object) -> dict[str, object]:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def test_geojson_points_are_read_with_their_properties(tmp_path: Path) -> None:
    features = [
        _feature({"type": "Point", "coordinates": [7.4279, 43.7394]}, id="A1", adresse="Casino"),
        _feature(None, id="A2", adresse="Angle rue Grimaldi / rue Princesse Caroline"),
        _feature({"type": "LineString", "coordinates": [[7, 43], [7.1, 43]]}, id="A3"),
    ]
    path = tmp_path / "cameras.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    found = read_official_list(path)
    assert [(r.line, r.ref, r.place, r.lat, r.lon) for r in found.rows] == [
        (1, "A1", "Casino", 43.7394, 7.4279),
        (2, "A2", "Angle rue Grimaldi / rue Princesse Caroline", None, None),
        (3, "A3", "", None, None),
    ]


def test_geojson_in_lambert93_is_turned_into_degrees(tmp_path: Path) -> None:
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}
    point = {"type": "Point", "coordinates": [1055623.06, 6302642.79]}
    document = {"type": "FeatureCollection", "crs": crs, "features": [_feature(point, n=1)]}
    path = tmp_path / "l93.json"
    path.write_text(json.dumps(document))
    row = read_official_list(path).rows[0]
    assert (row.lat, row.lon) == pytest.approx((43.7333, 7.41551), abs=1e-6)
