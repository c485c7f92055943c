"""The grouping reads tags kept as stored text exactly as it reads the dicts they decode to."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core._sighting_features import read_features
from contrechamp.core.stored_tags import StoredTags, readable
from contrechamp.core.tag_merge import merge_tags

_TAGS = st.lists(
    st.dictionaries(
        st.sampled_from(["camera:type", "camera:direction", "height", "direction", "operator"]),
        st.sampled_from(["dome", "Dome", "fixed", "90", "E", "4", "4 m", "Ville"]),
    ),
    min_size=1,
    max_size=5,
)


def _stored(tags: list[dict[str, str]]) -> list[StoredTags]:
    return [StoredTags(json.dumps(one, separators=(",", ":"))) for one in tags]


@given(_TAGS)
def test_merged_tags_and_conflicts_are_the_same_from_stored_text(
    tags: list[dict[str, str]],
) -> None:
    assert merge_tags(_stored(tags)) == merge_tags(tags)


@given(_TAGS)
def test_the_features_compared_are_the_same_from_stored_text(tags: list[dict[str, str]]) -> None:
    ours, theirs = read_features(_stored(tags)), read_features(tags)
    assert ours.kind.tolist() == theirs.kind.tolist()
    assert ours.traits.tolist() == theirs.traits.tolist()
    assert ours.bearing.tobytes() == theirs.bearing.tobytes()  # NaN where there is none
    assert ours.height.tobytes() == theirs.height.tobytes()


def test_readable_tags_are_the_stored_tags_own_dict() -> None:
    stored = StoredTags('{"a":"1"}')
    assert readable(stored) is readable(stored)
    assert type(readable(stored)) is dict
