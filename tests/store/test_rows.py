"""Rows read back from a file are untrusted text: they parse or fail with "survey.corrupt"."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields
from datetime import UTC, datetime, timedelta, timezone
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import SurveyError
from contrechamp.store.rows import (
    CAMERA_COLUMNS,
    CameraReader,
    TagsReader,
    camera_from_row,
    camera_values,
    datetime_from_text,
    datetime_to_text,
    tags_from_json,
    tags_to_json,
)

T = TypeVar("T")

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


def _parsed_or_code(parse: Callable[[str], T], text: str) -> T | str:
    """The parsed value, or the code of the SurveyError the parser raised."""
    try:
        return parse(text)
    except SurveyError as error:
        return error.code


@given(st.dictionaries(st.text(), st.text()))
def test_tags_round_trip(tags: dict[str, str]) -> None:
    assert tags_from_json(tags_to_json(tags)) == tags


@given(st.one_of(st.text(), JSON_VALUES.map(json.dumps)))
def test_stored_tags_parse_or_are_corrupt(text: str) -> None:
    tags = _parsed_or_code(tags_from_json, text)
    if isinstance(tags, str):
        assert tags == "survey.corrupt"
    else:
        assert all(isinstance(v, str) for v in tags.values())


def test_camera_reader_matches_camera_field_order() -> None:
    # CameraReader passes Camera's fields by position, for speed.
    assert [f.name for f in fields(Camera)] == [
        "lat", "lon", "tags", "id", "status", "source", "accuracy_m", "surveyor",
        "created_at", "updated_at", "osm_id", "osm_version", "notes",
    ]  # fmt: skip


def test_camera_row_round_trip() -> None:
    original = Camera(1.5, -2.5, {"a": "b"}, status=Status.REJECTED, accuracy_m=3.0, notes="n")
    values = camera_values(original)
    assert camera_from_row([values[name] for name in CAMERA_COLUMNS]) == original


def test_tags_reader_never_shares_a_dict() -> None:
    read = TagsReader()
    first, second = read('{"a":"b"}'), read('{"a":"b"}')
    first["c"] = "d"
    assert second == {"a": "b"}


def test_tags_reader_keeps_one_copy_of_equal_keys_and_values() -> None:
    read = TagsReader()
    first = read('{"surveillance":"public","operator":"Ville"}')
    second = read('{"operator":"Ville","surveillance":"public","height":"3"}')
    assert second == {"operator": "Ville", "surveillance": "public", "height": "3"}
    pairs = {key: (key, value) for key, value in first.items()}
    for key, value in second.items():
        if key in pairs:
            assert key is pairs[key][0]
            assert value is pairs[key][1]


def test_cameras_read_together_share_their_surveyor_and_notes_strings() -> None:
    values = camera_values(
        Camera(43.7, 7.4, {"man_made": "surveillance"}, surveyor="Anna", notes="by the door")
    )
    row = [values[name] for name in CAMERA_COLUMNS]
    twin = [
        "".join(value) if isinstance(value, str) else value  # an equal but distinct string
        for value in row
    ]
    read = CameraReader()
    first, second = read(row), read(twin)
    assert first == second
    assert first.surveyor is second.surveyor
    assert first.notes is second.notes
    assert first.tags is not second.tags
    assert next(iter(first.tags)) is next(iter(second.tags))


def test_cameras_read_in_a_chunk_share_one_object_for_equal_tags_and_never_for_others() -> None:
    texts = [
        tags_to_json({"man_made": "surveillance", "height": "4"}),
        tags_to_json({"man_made": "surveillance", "height": "5"}),
        "".join(tags_to_json({"man_made": "surveillance", "height": "4"})),  # equal, distinct
        tags_to_json({"man_made": "surveillance", "note": 'say "hi"'}),  # kept whole
        tags_to_json({"man_made": "surveillance", "note": 'say "hi"'}),
    ]
    rows = []
    for n, text in enumerate(texts):
        values = camera_values(Camera(43.7, 7.4 + n / 1000))
        rows.append([*(values[name] for name in CAMERA_COLUMNS[:-1]), text])
    cameras = CameraReader().chunk(rows)
    assert [dict(c.tags) for c in cameras] == [json.loads(t) for t in texts]
    assert cameras[0].tags is cameras[2].tags
    assert cameras[0].tags is not cameras[1].tags
    assert cameras[3].tags == cameras[4].tags
    assert len({id(c.tags) for c in CameraReader().chunk(rows[:2])}) == 2


def test_cameras_read_together_share_equal_accuracies_and_keep_a_signed_zero() -> None:
    read = CameraReader()
    values = camera_values(Camera(43.7, 7.4, accuracy_m=4.5))
    row = [values[name] for name in CAMERA_COLUMNS]
    first = read(row)
    row[CAMERA_COLUMNS.index("accuracy_m")] = float("4.5")  # an equal but distinct float
    second = read(row)
    assert first.accuracy_m == second.accuracy_m == 4.5
    assert first.accuracy_m is second.accuracy_m
    row[CAMERA_COLUMNS.index("accuracy_m")] = 0.0
    read(row)
    row[CAMERA_COLUMNS.index("accuracy_m")] = -0.0
    assert str(read(row).accuracy_m) == "-0.0"


@given(st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=-9, minutes=-30))])))
def test_datetimes_round_trip_as_utc(moment: datetime) -> None:
    text = datetime_to_text(moment)
    assert text.endswith("+00:00")
    assert datetime_from_text(text) == moment


def test_naive_datetimes_are_taken_as_utc() -> None:
    assert datetime_to_text(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05+00:00"


@given(st.text())
def test_stored_datetimes_parse_or_are_corrupt(text: str) -> None:
    moment = _parsed_or_code(datetime_from_text, text)
    if isinstance(moment, str):
        assert moment == "survey.corrupt"
    else:
        assert moment.tzinfo is not None


@pytest.mark.parametrize("text", ["", "yesterday", "2026-13-01T00:00:00"])
def test_bad_datetimes_are_corrupt(text: str) -> None:
    with pytest.raises(SurveyError, match="Bad date"):
        datetime_from_text(text)


def _row(tags_text: object, camera_id: str = "c") -> list[object]:
    values = camera_values(Camera(43.7, 7.4, {}, camera_id))
    return [*(values[name] for name in CAMERA_COLUMNS[:-1]), tags_text]


CHUNK_TAGS = st.one_of(
    st.dictionaries(st.sampled_from(["a", "b", "camera:type", "é"]), st.text(), max_size=3).map(
        tags_to_json
    ),
    st.dictionaries(st.text(), st.text(), max_size=3).map(json.dumps),  # escaped, spaced
    st.sampled_from(['{"a":"1","a":"2"}', "{}", '{ "a" : "1" }', '{"a":","}', '{"a":"\\u00e9"}']),
)


@given(st.lists(CHUNK_TAGS, min_size=1, max_size=12))
def test_a_chunk_reads_the_same_cameras_as_one_row_at_a_time(texts: list[str]) -> None:
    rows = [_row(text, f"c{i}") for i, text in enumerate(texts)]
    one_by_one = CameraReader()
    assert CameraReader().chunk(rows) == [one_by_one(row) for row in rows]


@given(st.lists(st.one_of(CHUNK_TAGS, st.text(), JSON_VALUES.map(json.dumps)), max_size=8))
def test_a_chunk_with_bad_tags_is_refused_as_corrupt(texts: list[str]) -> None:
    rows = [_row(text, f"c{i}") for i, text in enumerate(texts)]
    expected = _parsed_or_code(lambda _: [CameraReader()(row) for row in rows], "")
    assert _parsed_or_code(lambda _: CameraReader().chunk(rows), "") == expected


@pytest.mark.parametrize("tags", [None, 3, 2.5])
def test_a_chunk_with_tags_that_are_not_text_is_refused_as_corrupt(tags: object) -> None:
    with pytest.raises(SurveyError) as refused:
        CameraReader().chunk([_row('{"a":"1"}', "fine"), _row(tags, "bad")])
    assert refused.value.code == "survey.corrupt"


def _varied_rows() -> list[list[object]]:
    """Rows as a survey holds them, every field varied: statuses, sources, accuracies (a
    signed zero too), surveyors or none, notes, naive and aware dates, links to OSM."""
    rows = []
    for n in range(24):
        camera = Camera(
            43.7 + n / 1000,
            7.4 - n / 1000,
            {"man_made": "surveillance", "height": str(n % 3)},
            f"c{n}",
            status=list(Status)[n % len(Status)],
            accuracy_m=[None, 4.5, 0.0, -0.0, 12.0][n % 5],
            surveyor=[None, "Anna", "pair-3"][n % 3],
            notes=["", "by the door"][n % 2],
            osm_id=n + 1 if n % 4 == 0 else None,
            osm_version=2 if n % 8 == 0 else None,
        )
        values = camera_values(camera)
        if n % 6 == 1:
            values["updated_at"] = "2026-06-13T09:00:00"  # naive: taken as UTC
        rows.append([values[name] for name in CAMERA_COLUMNS])
    return rows


def test_a_chunk_of_varied_rows_reads_as_one_row_at_a_time() -> None:
    rows = _varied_rows()
    one_by_one = CameraReader()
    cameras = CameraReader().chunk(rows)
    assert cameras == [one_by_one(row) for row in rows]
    signed = [str(c.accuracy_m) for c in cameras]
    assert signed == [str(one_by_one(row).accuracy_m) for row in rows]  # -0.0 stays -0.0
    assert cameras[1].surveyor is cameras[4].surveyor  # equal strings: one


def _refusal(read: Callable[[], object]) -> tuple[str, str] | None:
    try:
        read()
    except SurveyError as error:
        return error.code, str(error)
    return None


@pytest.mark.parametrize(
    ("column", "bad"),
    [
        ("id", 7),
        ("lat", float("nan")),
        ("lat", 90.5),
        ("lon", -180.5),
        ("lon", "7.4"),
        ("accuracy_m", -1.0),
        ("accuracy_m", float("nan")),
        ("surveyor", 3),
        ("notes", None),
        ("status", "lost"),
        ("source", None),
        ("created_at", "yesterday"),
        ("updated_at", 5),
        ("osm_id", -3),
        ("osm_version", 0),
    ],
)
def test_a_chunk_with_one_bad_row_refuses_it_as_one_row_at_a_time(column: str, bad: object) -> None:
    rows = _varied_rows()
    rows[5][CAMERA_COLUMNS.index(column)] = bad
    one_by_one = CameraReader()
    expected = _refusal(lambda: [one_by_one(row) for row in rows])
    assert expected is not None
    assert _refusal(lambda: CameraReader().chunk(rows)) == expected
