"""Tags kept as their stored text behave as the dict they decode to, before and after, and
hold little memory: their pairs are numbered once for all cameras."""

from __future__ import annotations

import json
import pickle
import tracemalloc
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core import stored_tags
from contrechamp.core.stored_tags import SharedStoredTags, StoredTags
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


def _held(texts: list[bytes]) -> tuple[int, list[StoredTags]]:
    """The bytes that tags read from ``texts`` (each a new string, as a read makes) hold."""
    tracemalloc.start()
    try:
        kept = [StoredTags(text.decode()) for text in texts]
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return held, kept


def test_many_cameras_tags_hold_less_than_half_of_what_their_whole_texts_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kinds, mounts = ("fixed", "dome", "panning"), ("wall", "pole", "building")
    texts = [
        tags_to_json(
            {
                "man_made": "surveillance",
                "surveillance:type": "camera",
                "surveillance": ("public", "outdoor")[n % 2],
                "camera:type": kinds[n % 3],
                "camera:mount": mounts[n // 3 % 3],
                "camera:direction": str(n % 360),
                "height": f"{3 + n % 7}",
                "operator": ("Ville", "Banque", "Carrefour")[n // 7 % 3],
            }
        )
        for n in range(5000)
    ]
    as_read = [text.encode() for text in texts]
    _held(as_read)  # their pairs numbered: a few hundred, kept once for every camera
    packed, kept = _held(as_read)
    assert [tags_to_json(tags) for tags in kept] == texts
    assert [dict(tags) for tags in kept] == [json.loads(text) for text in texts]
    monkeypatch.setattr(stored_tags, "_PAIRS", stored_tags._PairTable(at_most=0))
    whole, _ = _held(as_read)
    assert packed < whole / 2  # about 120 bytes a camera, against 280


@pytest.mark.parametrize(
    "text",
    [
        '{"a":":","b":","}',
        '{"":"","k":"v"}',
        '{"a":"x\\",\\"y"}',  # a quote in a value: a backslash, kept whole
        '{"a":"1","a":"2"}',  # a key twice: its last value, as JSON reads it
        '{"é":"ü","∞":"\U0001f4f7"}',
        "{}",
    ],
)
def test_stored_tags_of_unusual_texts_give_back_the_text_and_what_json_reads(text: str) -> None:
    stored = StoredTags(text)
    assert stored.text == text
    assert dict(stored) == json.loads(text)
    assert list(stored) == list(json.loads(text))


def test_past_the_pair_table_limit_tags_are_kept_whole_and_read_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stored_tags, "_PAIRS", stored_tags._PairTable(at_most=3))
    first = StoredTags('{"a":"1","b":"2"}')
    known = StoredTags('{"b":"2","a":"1"}')  # the same pairs: packed too
    past = StoredTags('{"a":"1","b":"2","c":"3","d":"4"}')  # a fourth pair: no room
    whole = StoredTags('{"a":"1","b":"2","c":"3","d":"4"}')
    assert first._stored[0] != "{"
    assert known._stored[0] != "{"
    assert past._stored[0] == "{"
    assert past == whole
    assert past.text == whole.text
    assert dict(past) == {"a": "1", "b": "2", "c": "3", "d": "4"}
    assert first == known
    assert first != past


def test_pairs_numbered_by_many_threads_at_once_rebuild_every_text() -> None:
    texts = [
        tags_to_json({f"thread key {n % 7}": f"value {n}", "shared": str(n % 5)})
        for n in range(4000)
    ]
    with ThreadPoolExecutor(8) as pool:
        stored = list(pool.map(StoredTags, texts, chunksize=50))
    assert [tags.text for tags in stored] == texts
    assert [dict(tags) for tags in stored] == [json.loads(text) for text in texts]


def test_tags_shared_while_reading_start_again_past_the_limit_and_stay_equal() -> None:
    share = SharedStoredTags(at_most=2)
    texts = ['{"a":"1"}', '{"a":"2"}', '{"a":"1"}', '{"a":"3"}', '{"a":"1"}']
    read = [share(text) for text in texts]
    assert read[0] is read[2]  # two held: the third text is the first's
    assert read[4] is not read[0]  # the third distinct one emptied what was held
    assert read[4] == read[0] == {"a": "1"}
    assert [r.text for r in read] == texts


UNUSUAL_TEXTS = st.sampled_from(
    [
        '{"a":","}',  # a last value that is exactly ","
        '{"a":",","b":"1"}',
        '{"a":""}',
        '{",":"x"}',
        '{"a":"x,","b":"y"}',
        '{"a":"x\\"y"}',
        '{"a":"1","a":"2"}',
        "{}",
        '{"a":"1"}',
        '{"é":"ü","∞":"\U0001f4f7"}',
    ]
)
PLAIN_TEXTS = st.dictionaries(
    st.sampled_from(["a", "b", ",", "camera:type"]), st.text(max_size=4), min_size=1, max_size=3
).map(tags_to_json)


@given(st.lists(st.one_of(UNUSUAL_TEXTS, PLAIN_TEXTS), max_size=12))
def test_texts_packed_at_once_are_packed_as_one_by_one(texts: list[str]) -> None:
    at_once = stored_tags._PairTable()
    packed = at_once.packed_many(texts)
    assert packed == [at_once.packed(text) for text in texts]
    assert [at_once.text(p) if p[:1] != "{" else p for p in packed] == texts


@given(st.lists(st.one_of(UNUSUAL_TEXTS, PLAIN_TEXTS), max_size=12))
def test_tags_shared_many_at_once_are_those_shared_one_by_one(texts: list[str]) -> None:
    at_once, one_by_one = SharedStoredTags().many(texts), SharedStoredTags()
    singly = [one_by_one(text) for text in texts]
    assert [tags.text for tags in at_once] == texts
    assert [dict(tags) for tags in at_once] == [dict(tags) for tags in singly]
    same = [[a is b for b in at_once] for a in at_once]
    assert same == [[a is b for b in singly] for a in singly]


def test_texts_packed_at_once_past_the_pair_table_limit_are_kept_whole() -> None:
    table = stored_tags._PairTable(at_most=2)
    texts = ['{"a":"1"}', '{"a":"1","b":"2"}', '{"c":"3"}', '{"b":"2"}']
    assert table.packed_many(texts)[2] == '{"c":"3"}'
    assert table.packed_many(texts) == [table.packed(text) for text in texts]


def test_texts_packed_at_once_keep_whole_a_text_that_does_not_open_as_tags() -> None:
    table = stored_tags._PairTable()
    texts = ['{"a":"1"}', '{aa":"1"}']  # the second: "{a" then what looks like a pair
    assert table.packed_many(texts) == [table.packed(text) for text in texts]
    assert table.packed_many(texts)[1] == '{aa":"1"}'
