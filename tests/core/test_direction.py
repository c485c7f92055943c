"""The camera:direction grammar: strict parsing, lossless writing, tolerant reading."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.direction import (
    CARDINALS,
    Bearing,
    CameraDirection,
    DirectionError,
    Sector,
    format_direction,
    parse_direction,
    read_direction,
)

bearings = st.one_of(
    st.integers(0, 359).map(Bearing.of),
    st.integers(0, 3599).map(lambda tenths: Bearing.of(tenths / 10)),
    st.sampled_from(sorted(CARDINALS)).map(Bearing.cardinal),
)
parts = st.one_of(bearings, st.builds(Sector, bearings, bearings))
directions = st.lists(parts, min_size=1, max_size=5).map(lambda p: CameraDirection(tuple(p)))


@given(directions)
def test_written_directions_parse_back_to_the_same_value(direction: CameraDirection) -> None:
    assert parse_direction(format_direction(direction)) == direction


@given(directions)
def test_written_directions_are_read_without_problem(direction: CameraDirection) -> None:
    reading = read_direction(format_direction(direction))
    assert reading.problem is None
    assert reading.direction == direction


@given(st.text(max_size=40))
def test_reading_any_text_never_raises_and_keeps_the_raw_value(text: str) -> None:
    reading = read_direction(text)
    assert reading.raw == text
    if reading.problem == "direction.messy":
        assert reading.suggestion is not None
        assert parse_direction(reading.suggestion) == reading.direction


@pytest.mark.parametrize(
    ("text", "degrees"),
    [("0", 0.0), ("90", 90.0), ("359", 359.0), ("12.5", 12.5), ("N", 0.0), ("ENE", 67.5)],
)
def test_single_bearings_mean_degrees_clockwise_from_north(text: str, degrees: float) -> None:
    (part,) = parse_direction(text).parts
    assert isinstance(part, Bearing)
    assert part.degrees == degrees


@pytest.mark.parametrize("text", ["360", "090", "90.0", "ne", "90 ", "", ";", "90;", "1-2-3", "-5"])
def test_strict_parsing_refuses_values_not_written_as_documented(text: str) -> None:
    with pytest.raises(DirectionError):
        parse_direction(text)


def test_a_range_is_clockwise_from_start_to_end() -> None:
    (sector,) = parse_direction("270-90").sectors
    assert sector.span == 180.0


def test_a_list_keeps_its_order() -> None:
    direction = parse_direction("90;270;NE")
    assert [p.text for p in direction.bearings] == ["90", "270", "NE"]


@pytest.mark.parametrize(
    ("raw", "suggestion"),
    [
        ("15°", "15"),
        ("south", "S"),
        ("South-West", "SW"),
        ("180, 270", "180;270"),
        ("360", "0"),
        ("-90", "270"),
        ("nne", "NNE"),
        ("270 - 90", "270-90"),
        ("92,25", "92;25"),  # a comma separates values, as in real data
    ],
)
def test_messy_real_values_are_understood_and_a_clean_value_suggested(
    raw: str, suggestion: str
) -> None:
    reading = read_direction(raw)
    assert (reading.problem, reading.suggestion) == ("direction.messy", suggestion)


@pytest.mark.parametrize("raw", ["towards the bakery", "?", "N;banana", "9999"])
def test_unreadable_values_are_flagged_and_kept(raw: str) -> None:
    reading = read_direction(raw)
    assert reading.problem == "direction.unreadable"
    assert reading.direction is None
    assert reading.raw == raw
