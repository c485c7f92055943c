"""Tag checks return codes and suggestions, never sentences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.validation import TagsChecker, check_tags, fixable


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


_KEYS = st.sampled_from(
    [
        "man_made", "surveillance", "surveillance:type", "camera:type", "camera:mount",
        "camera:direction", "direction", "surveillance:direction", "height", "camera:angle",
        "surveillance:zone", "operator", "name",
    ]
)  # fmt: skip
_VALUES = st.sampled_from(
    [
        "surveillance", "public", "outdoor", "camera", "ANPR", "guard", "fixed", "Dome",
        "dome;fixed", "wall", "pole", "90", "90-270", "south", "N", "400", "4", "4 m", "6.0",
        "3,5", "15°", "-95", "area", "parking", "town", "",
    ]
) | st.text(max_size=4)  # fmt: skip


@given(st.lists(st.dictionaries(_KEYS, _VALUES), max_size=12))
def test_the_checker_for_many_cameras_finds_what_check_tags_finds(
    cameras: list[dict[str, str]],
) -> None:
    check = TagsChecker(lambda problem: problem, at_most=4)  # small: its caches are emptied too
    for tags in cameras:
        assert check(tags) == check_tags(tags)
