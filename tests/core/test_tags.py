"""Tolerant reading of real camera tags, and writing of documented values only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.direction import parse_direction
from contrechamp.core.tags import (
    CAMERA_TYPES,
    KINDS,
    MOUNTS,
    format_number,
    read_camera,
    set_direction,
    set_number,
    set_value,
    surveillance_tags,
)

tag_dicts = st.dictionaries(st.text(min_size=1, max_size=20), st.text(max_size=30), max_size=12)


@given(tag_dicts)
def test_reading_arbitrary_tags_never_raises_and_keeps_raw_values(tags: dict[str, str]) -> None:
    reading = read_camera(tags)
    for field in reading.fields():
        if field.key in tags:
            assert field.raw == tags[field.key]


@pytest.mark.parametrize("value", KINDS + CAMERA_TYPES + MOUNTS)
def test_documented_values_read_without_problem(value: str) -> None:
    key = (
        "surveillance:type"
        if value in KINDS
        else "camera:type"
        if value in CAMERA_TYPES
        else "camera:mount"
    )
    field = {f.key: f for f in read_camera({key: value}).fields()}[key]
    assert (field.value, field.problem) == (value, None)


@pytest.mark.parametrize(
    ("tags", "attr", "problem", "suggestion"),
    [
        ({"surveillance:type": "ANPR"}, "kind", "surveillance:type.legacy", "ALPR"),
        ({"camera:type": "Dome"}, "camera_type", "camera:type.messy", "dome"),
        ({"camera:type": "dome;fixed"}, "camera_type", "camera:type.list", None),
        ({"camera:mount": "lamp post"}, "mount", "camera:mount.unknown", None),
        ({"surveillance:zone": "area"}, "zone", "zone.discouraged", None),
        ({"surveillance:zone": "street"}, "zone", "zone.ambiguous", None),
        ({"camera:angle": "15°"}, "angle", "camera:angle.messy", "15"),
        ({"camera:angle": "360"}, "angle", "camera:angle.out_of_range", None),
        ({"height": "4 m"}, "height", "height.messy", "4"),
        ({"height": "4,5"}, "height", "height.messy", "4.5"),
        ({"height": "tall"}, "height", "height.unreadable", None),
        ({"direction": "90"}, "direction", "direction.legacy_key", "90"),
        ({"camera:direction": "south"}, "direction", "camera:direction.messy", "S"),
    ],
)
def test_messy_values_are_flagged_with_a_code(
    tags: dict[str, str], attr: str, problem: str, suggestion: str | None
) -> None:
    field = getattr(read_camera(tags), attr)
    assert (field.problem, field.suggestion) == (problem, suggestion)


def test_camera_direction_wins_over_legacy_keys() -> None:
    reading = read_camera({"camera:direction": "90", "direction": "180"}).direction
    assert reading.key == "camera:direction"
    assert reading.value == parse_direction("90")


def test_setting_a_direction_writes_camera_direction_and_drops_legacy_keys() -> None:
    tags = set_direction({"direction": "180", "name": "x"}, parse_direction("90-270"))
    assert tags == {"camera:direction": "90-270", "name": "x"}


def test_setters_write_plain_values_and_remove_empty_ones() -> None:
    tags = set_number(surveillance_tags(), "height", 3.50)
    assert tags["height"] == "3.5"
    assert "operator" not in set_value({"operator": "x"}, "operator", "  ")
    assert set_value({}, "operator", " Ville de Paris ")["operator"] == "Ville de Paris"


@given(st.floats(-1000, 1000, allow_nan=False))
def test_written_numbers_read_back_without_problem(value: float) -> None:
    text = format_number(value)
    reading = read_camera({"height": text}).height
    if 0 <= float(text) <= 300:
        assert reading.problem is None
        assert reading.value == float(text)
