"""Merging one camera's tags from several sightings (core.tag_merge), whatever path it takes:
two sightings, more, all alike."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.tag_merge import meaning, merge_tags

_KEYS = ["camera:type", "camera:direction", "height", "survey:date", "operator", "camera:mount"]
_VALUES = ["dome", "Dome", "fixed", "90", "E", "100", "270", "4", "4 m", "6", "2025-01-02"]
_TAGS = st.lists(st.dictionaries(st.sampled_from(_KEYS), st.sampled_from(_VALUES)), max_size=6)
_NAMES = st.lists(st.integers(0, 10_000), min_size=6, max_size=6, unique=True)


def _alone(
    tags: list[dict[str, str]], names: list[int], key: str
) -> tuple[str, tuple[object, ...]]:
    """One key merged on its own: the value and conflicts of the sightings that gave it."""
    given = [(name, one[key]) for name, one in zip(names, tags, strict=False) if key in one]
    merged, conflicts = merge_tags([{key: value} for _, value in given], [n for n, _ in given])
    return merged[key], conflicts


@given(_TAGS, _NAMES)
def test_tags_merge_key_by_key_in_the_order_keys_first_come(
    tags: list[dict[str, str]], names: list[int]
) -> None:
    merged, conflicts = merge_tags(tags, names[: len(tags)])
    keys = list(dict.fromkeys(key for one in tags for key in one))
    assert list(merged) == keys
    alone = [_alone(tags, names, key) for key in keys]
    assert merged == {key: value for key, (value, _) in zip(keys, alone, strict=True)}
    # Compared by key: two sightings list their conflicts in the second one's key order.
    by_key = sorted((c for _, found in alone for c in found), key=lambda c: c.key)
    assert sorted(conflicts, key=lambda c: c.key) == by_key


@given(_TAGS, _NAMES)
def test_each_choice_names_the_sightings_that_gave_its_meaning(
    tags: list[dict[str, str]], names: list[int]
) -> None:
    _, conflicts = merge_tags(tags, names[: len(tags)])
    by_name = dict(zip(names, tags, strict=False))
    for conflict in conflicts:
        named = [n for choice in conflict.choices for n in choice.sightings]
        assert sorted(named) == sorted(n for n, one in by_name.items() if conflict.key in one)
        for choice in conflict.choices:
            wanted = meaning(conflict.key, choice.value)
            assert all(meaning(conflict.key, by_name[n][conflict.key]) == wanted
                       for n in choice.sightings)  # fmt: skip


@given(st.dictionaries(st.sampled_from(_KEYS), st.sampled_from(_VALUES)), st.integers(1, 5))
def test_sightings_that_all_agree_give_their_tags_and_no_conflict(
    tags: dict[str, str], copies: int
) -> None:
    merged, conflicts = merge_tags([dict(tags) for _ in range(copies)])
    assert merged == tags
    assert conflicts == ()
