"""The fast GeoJSON export (formats.geojson ``StoredFeatures``, ops.exports) writes exactly
the careful one's file, and on crafted survey files gives the careful one's output or error."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import ContrechampError
from contrechamp.formats import geojson
from contrechamp.formats.geojson import CarefulWriteNeededError, PointRecord, StoredFeatures
from contrechamp.ops import exports
from contrechamp.ops.exports import ExportFormat, ExportOptions, export_to
from contrechamp.ops.progress import Progress
from contrechamp.store.rows import tags_to_json
from contrechamp.store.survey import SurveyFile
from tests.formats.fast_path_surveys import survey_maker
from tests.formats.fast_path_surveys import varied_cameras as varied

BASE = {"man_made": "surveillance", "surveillance:type": "camera"}
AWKWARD: tuple[dict[str, str], ...] = (
    {**BASE, "note": "a & b < c > d \" e ' f \\ g", "operator": "Société Générale 🎥"},
    {**BASE, "description": "tab\there\nnewline\r and 100% sure %s %d"},
    {"name": "n", "ref": "r", "k,:": "v:,", "{": "}", "x}": "{y", "note": "-"},
    {"name": ",", "ref": ":", "note": '":","', '","': "q"},
    {},
    {**BASE, "camera:direction": "90", "height": "3.0"},
    {"only": "", "sep": "\u2028\u2029", "nul": "\x00\x1f\x7f", "max": "\uffff\ufffe"},
    {"a" * 300: "b" * 300, "é": "é" * 255},
)


@pytest.fixture
def surveys(tmp_path: Path) -> Callable[[list[Camera]], Path]:
    """Make a survey file holding some cameras, with a sector "Half" (lon < 7.4250)."""
    return survey_maker(tmp_path)


def varied_cameras(count: int = 40) -> list[Camera]:
    """Cameras with this file's awkward tags (see ``fast_path_surveys.varied_cameras``)."""
    return varied(AWKWARD, count)


def _refuse(*_: object) -> None:
    raise CarefulWriteNeededError


def _never(*_: object) -> None:
    raise AssertionError("the fast export fell back to the careful one")


def export_with(
    way: str,
    survey_path: Path,
    target: Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> object:
    """Export as GeoJSON ``way``: "fast" (failing if it falls back), "either" (fast, falling
    back when it must) or "careful". Return the bytes and result, or the error (type, code,
    text)."""
    with pytest.MonkeyPatch.context() as patch:
        if way == "fast":
            patch.setattr(exports, "write_geojson", _never)
        elif way == "careful":
            patch.setattr(exports, "write_feature_texts", _refuse)  # before any row is read
        try:
            with SurveyFile.open(survey_path) as survey:
                result = export_to(survey, ExportFormat.GEOJSON, target, options, progress)
        except ContrechampError as error:
            return type(error), error.code, str(error).replace(target.name, "out.geojson")
    return target.read_bytes(), result


def export_both_ways(
    survey_path: Path, out: Path, options: ExportOptions | None = None, *, fallback: bool = True
) -> tuple[object, object]:
    """Export to ``out`` the fast way, then the careful way. ``fallback=False`` fails if the
    fast way gave up and called the careful one."""
    fast_way = "either" if fallback else "fast"
    fast = export_with(fast_way, survey_path, out.with_name(f"fast-{out.name}"), options)
    careful = export_with("careful", survey_path, out.with_name(f"careful-{out.name}"), options)
    return fast, careful


def _update(path: Path, sql: str, *params: object) -> None:
    with sqlite3.connect(path) as connection:
        assert connection.execute(sql, params).rowcount == 1
    connection.close()


def test_fast_export_writes_the_careful_file_byte_for_byte(
    surveys: Callable[..., Path], tmp_path: Path
) -> None:
    path = surveys(varied_cameras())
    for options in (None, ExportOptions(sector="Half"), ExportOptions(confirmed_only=True)):
        fast, slow = export_both_ways(path, tmp_path / "out.geojson", options, fallback=False)
        assert fast == slow
        assert isinstance(fast, tuple)
        assert isinstance(fast[0], bytes)
        json.loads(fast[0])  # well-formed


def test_fast_export_of_an_empty_selection_is_the_careful_one(
    surveys: Callable[..., Path], tmp_path: Path
) -> None:
    rejected = [Camera(43.7, 7.4, BASE, status=Status.REJECTED)]
    for cameras in ([], rejected):
        fast, slow = export_both_ways(surveys(cameras), tmp_path / "out.geojson", fallback=False)
        assert fast == slow
        assert isinstance(fast, tuple)
        assert fast[0] == b'{"type":"FeatureCollection","features":[\n]}\n'


def test_fast_export_of_many_cameras_matches_and_reports_progress(
    surveys: Callable[..., Path], tmp_path: Path
) -> None:
    count = 9000  # more than one chunk of raw rows
    tags = [{**BASE, "height": str(i), "camera:direction": str(i % 360)} for i in range(count)]
    cameras = [Camera(43.7 + i * 1e-6, 7.4 - i * 1.3e-6, t, status=Status.CONFIRMED)
               for i, t in enumerate(tags)]  # fmt: skip
    path = surveys(cameras)
    fast, slow = export_both_ways(path, tmp_path / "out.geojson", fallback=False)
    assert fast == slow
    reports: dict[str, list[tuple[int, int]]] = {"fast": [], "careful": []}
    for way, seen in reports.items():
        progress = Progress(listener=lambda done, total, seen=seen: seen.append((done, total)))
        export_with(way, path, tmp_path / f"{way}.geojson", progress=progress)
    assert reports["fast"] == reports["careful"] == [(n, count) for n in range(500, 9001, 500)]


def test_positions_near_zero_and_at_the_limits_are_written_as_the_careful_writer_does(
    surveys: Callable[..., Path], tmp_path: Path
) -> None:
    edges = [0.0, -0.0, 4e-8, -5e-8, 5e-8, 1e-5, -9.99995e-5, 1e-4, 0.00015, 89.99999996, 90.0,
             -90.0, 179.99999995, -180.0, 1.00000005, 12.34567895]  # fmt: skip
    cameras = [Camera(lat, lon, BASE) for lat in edges for lon in edges if abs(lat) <= 90]
    fast, slow = export_both_ways(surveys(cameras), tmp_path / "out.geojson", fallback=False)
    assert fast == slow


# Stored tags texts a crafted file may hold; the careful export writes or refuses them.
CRAFTED_TAGS = [
    '{"man_made": "surveillance"}',  # spaces: not canonical, still valid
    '{"a":"1","a":"2"}',  # a key twice
    '{"a":"1","b":"2","a":"3"}',
    '{"a":1}',  # a number
    '{"a":{"b":"c"}}',  # nested
    "[" * 100_000,  # too deep for the decoder
    '["a"]',
    '"a"',
    "not json",
    '{"a":"b\tc"}',  # a raw tab: not JSON
    '{"a":"b\\u0001c"}',
    '{"a":"b\\ud800c"}',  # a lone surrogate: not UTF-8, the careful writer's error
    '{"\\udfff":"x"}',
    '{"a":"b\\"c","d":"\\\\"}',  # escaped quote and backslash: valid
    '{"a":"\\u00e9","b":"\\/"}',  # escaped é and slash: valid, not canonical
    '{"a":"100%","%s":"%d"}',
    '{"a":",","b":":"}',
    "{}",
    "{ }",
    "",
]


@pytest.mark.parametrize("tags_text", CRAFTED_TAGS)
def test_crafted_tags_text_gives_the_careful_output_or_error(
    surveys: Callable[..., Path], tmp_path: Path, tags_text: str
) -> None:
    cameras = varied_cameras(12)
    path = surveys(cameras)
    victim = next(c for c in cameras if c.status is not Status.REJECTED and c.osm_id is None)
    _update(path, "UPDATE cameras SET tags = ? WHERE id = ?", tags_text, victim.id)
    fast, slow = export_both_ways(path, tmp_path / "out.geojson")
    assert fast == slow


@pytest.mark.parametrize(
    ("column", "value", "status"),
    [
        ("status", "bogus", Status.REJECTED),
        ("status", "DRAFT", Status.REJECTED),
        ("lat", 91.0, Status.REJECTED),
        ("lat", 91.0, Status.DRAFT),
        ("lon", "7.42", Status.CONFIRMED),
        ("lon", float("-inf"), Status.DRAFT),
        ("lat", b"\x01", Status.DRAFT),  # a blob
        ("osm_id", -4, Status.DRAFT),
        ("osm_id", 1.5, Status.REJECTED),
        ("osm_version", 0, Status.CONFIRMED),
        ("osm_version", "2", Status.DRAFT),
        ("tags", b'{"a":"b"}', Status.DRAFT),
        ("tags", 7, Status.DRAFT),
        ("tags", 7, Status.REJECTED),  # rejected tags are not decoded
        ("id", 12, Status.REJECTED),
        ("id", 12, Status.DRAFT),
        ("id", 'q"u\\o\nte\x01 é \u2028', Status.DRAFT),  # escaped in the Feature id
        ("tags", b'{"a":"\xff"}', Status.DRAFT),  # not UTF-8: cast to text below
        ("notes", b"\xff", Status.DRAFT),  # not read by an export
    ],
)
def test_crafted_rows_give_the_careful_output_or_error(
    surveys: Callable[..., Path], tmp_path: Path, column: str, value: object, status: Status
) -> None:
    cameras = varied_cameras(12)
    path = surveys(cameras)
    victim = next(c for c in cameras if c.status is status and c.osm_id is None)
    utf8 = column == "notes" or value == b'{"a":"\xff"}'
    as_text = "CAST(? AS TEXT)" if utf8 else "?"
    _update(path, f"UPDATE cameras SET {column} = {as_text} WHERE id = ?", value, victim.id)
    fast, slow = export_both_ways(path, tmp_path / "out.geojson")
    assert fast == slow


def test_texts_the_fast_export_does_not_read_need_not_be_utf8(
    surveys: Callable[..., Path], tmp_path: Path
) -> None:
    """The careful export refuses a rejected camera's tags that are not UTF-8 (sqlite3 cannot
    decode them); the fast one writes the file of the survey without that camera."""
    cameras = varied_cameras(12)
    path = surveys(cameras)
    victim = next(c for c in cameras if c.status is Status.REJECTED and c.osm_id is None)
    _update(path, "UPDATE cameras SET tags = CAST(x'ff' AS TEXT) WHERE id = ?", victim.id)
    fast, careful = export_both_ways(path, tmp_path / "out.geojson")
    assert isinstance(careful, tuple)
    assert careful[1] == "survey.io"
    _update(path, "DELETE FROM cameras WHERE tags = CAST(x'ff' AS TEXT)")
    assert fast == export_both_ways(path, tmp_path / "again.geojson")[1]


def test_a_target_that_is_not_a_regular_file_is_written_the_careful_way(
    surveys: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A device cannot take back what a fast write that gave up has written to it."""
    monkeypatch.setattr(exports, "StoredFeatures", _never)
    with SurveyFile.open(surveys(varied_cameras(6))) as survey:
        assert export_to(survey, ExportFormat.GEOJSON, Path(os.devnull)).cameras == 4


def careful_features(ids: list[str], lats: list[float], lons: list[float], texts: list[str]) -> str:
    """What write_geojson joins for these cameras, records made as the export makes them."""
    rows = zip(ids, lats, lons, texts, strict=True)
    records = (PointRecord(lat, lon, json.loads(text), {"id": i}) for i, lat, lon, text in rows)
    return ",\n".join(map(geojson._feature_text, records))


tag_text = st.text(st.characters(codec="utf-8"), max_size=8) | st.sampled_from(
    [",", ":", '":"', '","', "%d", "%", "}", "{", "\\", '"', "a" * 256, "\u2028"]
)
far_from_zero = st.floats(1e-4, 180.0) | st.floats(-180.0, -1e-4)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.dictionaries(tag_text, tag_text, max_size=4), far_from_zero, far_from_zero),
        min_size=1,
        max_size=8,
    ),
    st.booleans(),
)
def test_stored_features_are_what_the_careful_writer_writes(
    cameras: list[tuple[dict[str, str], float, float]], near_zero: bool
) -> None:
    texts = [tags_to_json(tags) for tags, _, _ in cameras]
    lats = [lon / 2 for _, _, lon in cameras]
    lons = [lat * 1e-6 if near_zero else lat for _, lat, _ in cameras]
    ids = [f"c{i}" if i % 2 else f'"{i}\\' for i in range(len(cameras))]
    features = StoredFeatures()
    for _ in range(2):  # the second time, with the key sequences learnt
        assert features.text(ids, lats, lons, texts) == careful_features(ids, lats, lons, texts)


@settings(max_examples=500, deadline=None)
@given(st.lists(far_from_zero, min_size=1, max_size=50), st.integers(0, 10**7))
def test_positions_formatted_at_once_are_repr_of_round(values: list[float], step: int) -> None:
    """The "%.7f" text without trailing zeros is repr(round(x, 7)), halfway cases included."""
    halfway = [min(180.0, abs(v) // 1 + (step + 0.5) / 1e7) for v in values]
    for lons in (values, halfway):
        lats = [lon / 2 for lon in lons]
        expected = [
            f"{round(lon, 7)!r},{round(lat, 7)!r}" for lon, lat in zip(lons, lats, strict=True)
        ]
        assert geojson._positions(lats, lons) == expected
