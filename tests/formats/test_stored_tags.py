"""Tags kept as their stored text behave as the dict they decode to, before and after."""

from __future__ import annotations

import json
import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.stored_tags import StoredTags
from contrechamp.formats.tags_text import tags_to_json

PLAIN_TAGS = st.dictionaries(st.text(min_size=1), st.text(), max_size=6)


@given(PLAIN_TAGS)
def test_stored_tags_read_as_the_dict_they_were_written_from(tags: dict[str, str]) -> None:
    stored = StoredTags(tags_to_json(tags))
    assert len(stored) == len(tags)
    assert list(stored) == list(tags)
    assert list(stored.items()) == list(tags.items())
    assert all(stored[key] == value and key in stored for key, value in tags.items())
    assert stored.get("\x00absent", "none") == "none"
    assert dict(stored) == tags


@given(PLAIN_TAGS)
def test_stored_tags_give_back_their_own_text_before_and_after_decoding(
    tags: dict[str, str],
) -> None:
    text = tags_to_json(tags)
    stored = StoredTags(text)
    assert tags_to_json(stored) == text
    dict(stored)  # decoded: the text is kept
    assert stored.text == text
    assert tags_to_json(stored) == text


def test_stored_tags_equal_dicts_and_each_other_in_any_key_order() -> None:
    forward = StoredTags('{"a":"1","b":"2"}')
    backward = StoredTags('{"b":"2","a":"1"}')
    assert forward == {"b": "2", "a": "1"}
    assert {"a": "1", "b": "2"} == backward  # noqa: SIM300  # a dict on the left
    assert forward == backward
    assert forward == StoredTags('{"a":"1","b":"2"}')
    assert forward != {"a": "1"}
    assert forward != StoredTags('{"a":"1","b":"3"}')
    assert forward != [("a", "1"), ("b", "2")]


def test_stored_tags_are_unhashable_like_the_dict_they_equal() -> None:
    with pytest.raises(TypeError):
        hash(StoredTags('{"a":"1"}'))


def test_stored_tags_pickle_as_a_plain_dict() -> None:
    copy = pickle.loads(pickle.dumps(StoredTags('{"a":"1","é":"ü"}')))
    assert type(copy) is dict
    assert copy == {"a": "1", "é": "ü"}


def test_stored_tags_show_as_their_dict() -> None:
    assert repr(StoredTags('{"a":"1"}')) == repr({"a": "1"})


def test_stored_tags_decoded_by_many_threads_at_once_agree() -> None:
    tags = {f"key{i}": f"value {i}" for i in range(50)}
    text = json.dumps(tags, separators=(",", ":"))
    for _ in range(20):
        stored = StoredTags(text)
        with ThreadPoolExecutor(8) as pool:
            seen = list(pool.map(lambda tags: dict(tags.items()), [stored] * 16))
        assert all(decoded == tags for decoded in seen)
