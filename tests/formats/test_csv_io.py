"""CSV: column layout of the export, tolerant reading of spreadsheets, strict errors."""

from __future__ import annotations

import csv
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrechamp.core.errors import InputError
from contrechamp.formats.csv_io import META_COLUMNS, PointRecord, read_csv, tag_column, write_csv

CAMERA = {"man_made": "surveillance", "surveillance:type": "camera", "surveillance": "public"}
any_text = st.text(alphabet=st.characters(codec="utf-8"), min_size=1)
positions = st.tuples(st.floats(-90, 90), st.floats(-180, 180))


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write a CSV file as a spreadsheet would (no newline translation) and return its path."""
    path.write_bytes(text.encode(encoding))
    return path


def error_code(path: Path) -> str:
    """Read a file that must fail; return the InputError code."""
    with pytest.raises(InputError) as caught:
        read_csv(path)
    assert path.name in caught.value.detail
    return caught.value.code


def test_export_columns_are_meta_then_position_then_tags(tmp_path: Path) -> None:
    records = [
        PointRecord(
            43.7,
            7.4,
            {"zeta": "z", **CAMERA, "camera:mount": "pole"},
            {"id": "a", "status": "draft"},
        ),
        PointRecord(48.8, 2.3, {"alpha": "1", "man_made": "surveillance"}, {"id": "b"}),
    ]
    out = tmp_path / "cameras.csv"
    assert write_csv(out, records, meta_columns=["id", "status"]) == 2
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    tag_columns = ["man_made", "surveillance", "surveillance:type", "camera:mount", "alpha", "zeta"]
    assert rows[0] == ["id", "status", "lat", "lon", *tag_columns]
    assert rows[1] == [
        "a",
        "draft",
        "43.7",
        "7.4",
        "surveillance",
        "public",
        "camera",
        "pole",
        "",
        "z",
    ]
    assert rows[2][:4] == ["b", "", "48.8", "2.3"]
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_tags_named_like_survey_columns_are_prefixed_and_read_back(tmp_path: Path) -> None:
    tags = {**CAMERA, "source": "survey 2019", "LAT": "x", "tag:odd": "y", " ": "blank key"}
    record = PointRecord(1.0, 2.0, tags, {"source": "gps"})
    out = tmp_path / "clash.csv"
    write_csv(out, [record], meta_columns=["source"])
    header = out.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert {"tag:source", "tag:LAT", "tag:tag:odd", "tag: "} <= set(header)
    assert tag_column("camera:type") == "camera:type"
    assert read_csv(out) == [record]


def test_unknown_meta_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown meta"):
        write_csv(tmp_path / "x.csv", [], meta_columns=["notes"])


def test_export_refuses_a_position_out_of_range_and_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="out of range"):
        write_csv(tmp_path / "x.csv", [PointRecord(0, 200, {})], meta_columns=[])
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            positions,
            st.dictionaries(any_text, any_text, max_size=5),
            st.dictionaries(st.sampled_from(META_COLUMNS), any_text, max_size=3),
        ),
        max_size=4,
    )
)
def test_any_tags_and_meta_round_trip(
    rows: list[tuple[tuple[float, float], dict[str, str], dict[str, str]]],
) -> None:
    records = [PointRecord(lat, lon, tags, meta) for (lat, lon), tags, meta in rows]
    with TemporaryDirectory() as folder:
        out = Path(folder) / "any.csv"
        write_csv(out, records, meta_columns=META_COLUMNS)
        again = read_csv(out)
    assert [(r.tags, r.meta) for r in again] == [(r.tags, r.meta) for r in records]
    for before, after in zip(records, again, strict=True):
        assert after.lat == pytest.approx(before.lat, abs=1e-7)
        assert after.lon == pytest.approx(before.lon, abs=1e-7)


def test_french_excel_file_reads(tmp_path: Path) -> None:
    text = (
        "Latitude;Longitude;operator;camera:type;note\r\n"
        "48,8566;2,3522;Mairie de Paris;dome;caméra\r\n"
    )
    path = write_text(tmp_path / "excel.csv", text, encoding="cp1252")
    assert read_csv(path) == [
        PointRecord(
            48.8566,
            2.3522,
            {"operator": "Mairie de Paris", "camera:type": "dome", "note": "caméra"},
        )
    ]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("lat,lon", "1.5,2.5"),
        ("Y\tX", "1.5\t2.5"),
        ("LAT,lng", "1.5,2.5"),
        ("latitude;long", "1.5;2.5"),
    ],
)
def test_coordinate_column_aliases(tmp_path: Path, header: str, row: str) -> None:
    path = write_text(tmp_path / "aliases.csv", f"{header}\n{row}\n")
    assert [(r.lat, r.lon) for r in read_csv(path)] == [(1.5, 2.5)]


def test_blank_rows_and_empty_cells_are_skipped(tmp_path: Path) -> None:
    text = "lat,lon,id,operator,height\n1,2,,,\n\n,,,,\n3,4,k,Ville,5\n"
    records = read_csv(write_text(tmp_path / "gaps.csv", text))
    assert records == [
        PointRecord(1, 2, {}),
        PointRecord(3, 4, {"operator": "Ville", "height": "5"}, {"id": "k"}),
    ]


def test_short_rows_are_padded(tmp_path: Path) -> None:
    assert read_csv(write_text(tmp_path / "short.csv", "lat,lon,ref\n1,2\n")) == [
        PointRecord(1, 2, {})
    ]


def test_trailing_empty_column_is_ignored(tmp_path: Path) -> None:
    records = read_csv(write_text(tmp_path / "trailing.csv", "lat;lon;ref;\n1;2;A;\n"))
    assert records == [PointRecord(1, 2, {"ref": "A"})]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "csv.columns"),
        ("name,ref\nx,y\n", "csv.columns"),
        ("lat,lon,latitude\n1,2,3\n", "csv.columns"),
        ("lat,lon\nabc,2\n", "csv.number"),
        ("lat,lon\n1,\n", "csv.number"),
        ("lat,lon\n1.2.3,4\n", "csv.number"),
        ("lat,lon\n91,2\n", "csv.coordinates"),
        ("lat,lon\nnan,2\n", "csv.coordinates"),
        ("lat,lon\n1,inf\n", "csv.coordinates"),
        ("lat,lon,ref,ref\n1,2,3,4\n", "csv.header"),
        ("lat,lon,\n1,2,oops\n", "csv.header"),
        ("lat,lon\n1,2,3\n", "csv.row"),
        ('lat,lon,note\n1,2,"' + "x" * 200_000 + '"\n', "csv.corrupt"),
    ],
    ids=["empty", "no-position", "two-latitudes", "word", "missing-lon", "two-dots", "lat-91",
         "nan", "inf", "duplicate", "unnamed-value", "extra-cell", "huge-field"],
)  # fmt: skip
def test_bad_files_are_refused_with_their_code(tmp_path: Path, text: str, code: str) -> None:
    assert error_code(write_text(tmp_path / "bad.csv", text)) == code


def test_bad_number_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="line 3"):
        read_csv(write_text(tmp_path / "bad.csv", "lat,lon\n1,2\n1,two\n"))


def test_undecodable_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"lat,lon\n1,2,\x81\x8d\x8f\n")  # bytes neither UTF-8 nor cp1252 define
    assert error_code(path) == "csv.encoding"


def test_missing_file_is_reported(tmp_path: Path) -> None:
    assert error_code(tmp_path / "absent.csv") == "file.missing"


VALID = b'id,lat,lon,man_made,note\r\na,43.7,7.4,surveillance,"x, y"\r\nb,1,2,,z\r\n'


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_random_bytes_give_records_or_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    try:
        records = read_csv(path)
    except InputError:
        return
    assert all(-90 <= r.lat <= 90 and -180 <= r.lon <= 180 for r in records)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(0, len(VALID)), cut=st.integers(0, 3), insert=st.binary(max_size=8))
def test_mutated_file_gives_records_or_input_error(
    tmp_path: Path, position: int, cut: int, insert: bytes
) -> None:
    path = tmp_path / "mutated.csv"
    path.write_bytes(VALID[:position] + insert + VALID[position + cut :])
    try:
        records = read_csv(path)
    except InputError:
        return
    assert all(isinstance(v, str) and v for r in records for v in r.tags.values())


def test_utf8_with_bom_and_semicolons_reads(tmp_path: Path) -> None:
    text = "\ufefflat;lon;opérateur\n48,85;2,35;Préfecture\n"
    records = read_csv(write_text(tmp_path / "bom.csv", text))
    assert records == [PointRecord(48.85, 2.35, {"opérateur": "Préfecture"})]


_FORMULAS = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")']


@pytest.mark.parametrize("value", _FORMULAS)
def test_a_value_that_could_run_as_a_formula_is_quoted_and_reads_back_exactly(
    tmp_path: Path, value: str
) -> None:
    path = tmp_path / "out.csv"
    key = value + "_key"
    record = PointRecord(-12.5, -3.25, {"note": value, key: "key"}, {"id": value})
    write_csv(path, [record], meta_columns=("id",))
    with path.open(encoding="utf-8-sig", newline="") as stream:
        header, row = list(csv.reader(stream))
    cells = dict(zip(header, row, strict=True))
    assert cells["id"] == cells["note"] == "'" + value
    assert f"'{key}" in header  # a tag key is a header cell: quoted too
    assert (cells["lat"], cells["lon"]) == ("-12.5", "-3.25")  # numbers stay numbers
    (back,) = read_csv(path)
    assert back.tags == {"note": value, key: "key"}
    assert back.meta["id"] == value


@pytest.mark.parametrize("value", ["-12.5", "+3", "-0.5e3", "'=x", "''-1+2", "a=b", "'plain"])
def test_plain_numbers_and_quoted_text_round_trip(tmp_path: Path, value: str) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, [PointRecord(1.0, 2.0, {"height": value}, {})], meta_columns=())
    with path.open(encoding="utf-8-sig", newline="") as stream:
        _, row = list(csv.reader(stream))
    if value[0] in "+-":
        assert row[2] == value  # -12.5 is a number in a spreadsheet, not a formula
    elif value.startswith("'") and value.lstrip("'")[0] in "=+-":
        assert row[2] == "'" + value  # one more quote, taken off when read back
    else:
        assert row[2] == value
    (back,) = read_csv(path)
    assert back.tags == {"height": value}
