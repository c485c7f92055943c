"""Tag checks return codes and suggestions, never sentences."""

from __future__ import annotations

from contrechamp.core.validation import check_tags, fixable


def test_clean_tags_have_no_problem() -> None:
    tags = {
        "man_made": "surveillance",
        "surveillance": "public",
        "surveillance:type": "camera",
        "camera:type": "fixed",
        "camera:direction": "90",
        "camera:mount": "wall",
        "height": "3",
    }
    assert check_tags(tags) == []


def test_real_messy_values_are_reported_with_codes() -> None:
    tags = {
        "man_made": "surveillance",
        "camera:type": "dome;fixed",
        "camera:direction": "90-270",
        "camera:angle": "15°",
        "surveillance:zone": "area",
        "direction": "south",
    }
    codes = [p.code for p in check_tags(tags)]
    assert codes == [
        "surveillance.missing",
        "camera:type.list",
        "camera:angle.messy",
        "zone.discouraged",
    ]


def test_clear_problems_come_with_their_fix() -> None:
    problems = check_tags({"surveillance:type": "ANPR", "height": "4 m"})
    assert fixable(problems) == {
        "man_made": "surveillance",
        "surveillance:type": "ALPR",
        "height": "4",
    }
