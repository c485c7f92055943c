"""numbers: what a file writes is exactly the number read, never what Python's float() guesses."""

from __future__ import annotations

import math

import pytest

from contrechamp.formats.numbers import (
    decimal_or_none,
    finite_float,
    parse_decimal,
    parse_integer,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1", 1.0), ("-33.9", -33.9), ("+2.", 2.0), (".5", 0.5), ("1e3", 1000.0), ("7E-1", 0.7)],
)
def test_decimal_numbers_as_files_write_them(text: str, value: float) -> None:
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text", ["1_0", "١", "1٫5", " 1", "1 ", "", "1e", "0x10", "--1", "1,5"])
def test_what_float_accepts_but_no_file_means_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a decimal number"):
        parse_decimal(text)


def test_out_of_range_values_are_left_for_the_range_checks() -> None:
    assert math.isinf(parse_decimal("1e400"))
    assert math.isnan(parse_decimal("NaN"))
    assert decimal_or_none("1e400") is None
    assert decimal_or_none("nan") is None
    assert decimal_or_none("1_0") is None
    assert decimal_or_none("12.5") == 12.5


@pytest.mark.parametrize("text", ["²", "1_0", "١", " 5", "5 ", "1.0", "", "1" * 20])
def test_whole_numbers_are_ascii_digits_only(text: str) -> None:
    with pytest.raises(ValueError, match="not a whole number"):
        parse_integer(text)


def test_whole_numbers_up_to_osm_ids() -> None:
    assert parse_integer("-12") == -12
    assert parse_integer(str(2**63 - 1)) == 2**63 - 1


def test_json_integers_too_large_for_a_float_give_none() -> None:
    assert finite_float(10**400) is None
    assert finite_float(math.inf) is None
    assert finite_float(43) == 43.0
