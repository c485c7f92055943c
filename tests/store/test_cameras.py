"""Cameras at the scale of a merged city survey."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import SurveyError
from contrechamp.store import SurveyFile
from contrechamp.store.cameras import _decoded_tags, canonical_tags_text
from contrechamp.store.rows import tags_from_json, tags_to_json


def test_hundred_thousand_cameras_save_and_list(survey: SurveyFile) -> None:
    tag_sets = [
        {"man_made": "surveillance", "surveillance:type": "camera", "camera:mount": mount}
        for mount in ("wall", "pole", "ceiling")
    ]
    statuses = list(Status)
    cameras = [
        Camera(48.8 + i * 1e-6, 2.3, tag_sets[i % 3], status=statuses[i % 3])
        for i in range(100_000)
    ]
    assert survey.add_cameras(cameras) == 100_000
    listed = survey.cameras()
    assert len(listed) == 100_000
    assert listed[0] == cameras[0]
    assert listed[-1] == cameras[-1]
    assert listed[54_321].tags == tag_sets[54_321 % 3]
    assert survey.camera_counts() == {
        Status.DRAFT: 33_334,
        Status.CONFIRMED: 33_333,
        Status.REJECTED: 33_333,
    }
    assert survey.cameras(Status.REJECTED)[-1] == cameras[99_998]


def _stored(path: Path, sql: str) -> None:
    """Change the closed survey file behind the store's back, as another program could."""
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute(sql)


def test_export_rows_give_the_wanted_cameras_as_listed(survey: SurveyFile) -> None:
    cameras = [
        Camera(48.8, 2.3, {"man_made": "surveillance"}, status=Status.CONFIRMED),
        Camera(48.9, 2.4, {"a": "1"}, status=Status.REJECTED),
        Camera(-33.9, 151.2, {}, status=Status.DRAFT, osm_id=42, osm_version=3),
        Camera(0.0, 0.0, {"note": 'a "b" \\ c\n', "é": "ü"}, status=Status.CONFIRMED),
    ]
    survey.add_cameras(cameras)
    rows = list(survey.export_rows({Status.CONFIRMED, Status.DRAFT}))
    expected = [c for c in survey.cameras() if c.status is not Status.REJECTED]
    assert [(r.id, r.lat, r.lon, r.status, r.osm_id, r.osm_version, r.tags) for r in rows] == [
        (c.id, c.lat, c.lon, c.status, c.osm_id, c.osm_version, c.tags) for c in expected
    ]
    assert [r.tags_json for r in rows] == [
        '{"man_made":"surveillance"}',
        "{}",
        None,  # escapes inside: not proved cheaply, the exporter encodes these tags again
    ]
    assert [r.id for r in survey.export_rows({Status.REJECTED})] == [cameras[1].id]


def test_export_rows_share_the_tags_of_identical_texts(survey: SurveyFile) -> None:
    survey.add_cameras(Camera(1.0, float(i), {"k": "v"}) for i in range(3))
    first, *others = survey.export_rows({Status.DRAFT})
    assert all(row.tags is first.tags for row in others)


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ("status = 'lost'", "rejected"),
        ("lat = 'north'", "rejected"),
        ("lon = 200.0", "rejected"),
        ("osm_id = -5", "rejected"),
        ("osm_version = 0", "rejected"),
        ("id = x'00'", "rejected"),
        ("tags = '[1]'", "confirmed"),
        ("tags = '{\"k\": 5}'", "confirmed"),
        ("tags = 'not json'", "confirmed"),
        ("tags = x'7b7d'", "confirmed"),  # a blob, even one that reads as {}
    ],
)
def test_export_rows_refuse_a_damaged_row(
    survey: SurveyFile, survey_path: Path, change: str, status: str
) -> None:
    """Every row is checked, rejected ones too; tags are decoded (and checked) when exported."""
    survey.add_cameras([Camera(1.0, 2.0, status=Status.CONFIRMED)])
    survey.add_camera(Camera(1.0, 2.0, status=Status.REJECTED))
    survey.close()
    _stored(survey_path, f"UPDATE cameras SET {change} WHERE status = '{status}'")
    with SurveyFile.open(survey_path) as reopened, pytest.raises(SurveyError) as error:
        list(reopened.export_rows({Status.CONFIRMED}))
    assert error.value.code == "survey.corrupt"


def test_export_rows_read_in_chunks_keep_the_order(survey: SurveyFile) -> None:
    cameras = [Camera(10.0, i * 1e-4, {"n": str(i % 7)}) for i in range(4_500)]
    survey.add_cameras(cameras)
    assert [row.id for row in survey.export_rows({Status.DRAFT})] == [c.id for c in cameras]


_TAGS = st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=5)


@given(_TAGS)
def test_our_own_tags_text_is_recognised_unless_it_has_escapes(tags: dict[str, str]) -> None:
    text = tags_to_json(tags)
    expected = None if "\\" in text else text
    assert canonical_tags_text(text, tags_from_json(text)) == expected


@given(_TAGS, st.sampled_from([" ", "\n"]), st.booleans())
def test_other_tags_texts_are_never_taken_as_ours(
    tags: dict[str, str], space: str, repeat_first_key: bool
) -> None:
    """Texts from elsewhere (spaced out, a key given twice) decode fine but are not ours."""
    text = json.dumps(tags, ensure_ascii=False, separators=(",", ":" + space))
    if repeat_first_key and tags:
        key = next(iter(tags))
        text = text[:-1] + "," + json.dumps({key: "x"}, ensure_ascii=False)[1:]
    decoded = tags_from_json(text)
    assert canonical_tags_text(text, decoded) in (None, tags_to_json(decoded))
    if text != tags_to_json(decoded):
        assert canonical_tags_text(text, decoded) is None


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(st.one_of(_JSON.map(json.dumps), st.text(max_size=30)))
def test_export_tags_parse_exactly_as_the_stored_tags_do(text: str) -> None:
    """The export's own parser accepts and refuses the same texts as ``tags_from_json``."""
    try:
        expected = tags_from_json(text)
    except SurveyError:
        with pytest.raises(SurveyError, match="Bad tags") as error:
            _decoded_tags(text, "c1")
        assert error.value.code == "survey.corrupt"
    else:
        assert _decoded_tags(text, "c1") == expected
