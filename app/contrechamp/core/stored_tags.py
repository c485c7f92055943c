"""A camera's tags kept as the text they were stored as, decoded when first read.

Reading a million cameras from a survey decodes no tags: the map and the list read only
those they show. ``readable`` gives the plain dict of any tags, for code that reads many.

The text itself is not held either, when it can be rebuilt exactly from pieces that many
cameras share: a text without a backslash has no quote inside its strings, so it is ``{"``,
its ``key":"value`` pairs joined by ``","``, and ``"}``. Each distinct pair is numbered once
for the whole process (a city's cameras hold a few hundred), and the tags keep one character
per pair: 50 bytes instead of 250 for a typical camera, 200 MB less for a million of them.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, Sequence, ValuesView
from itertools import accumulate, repeat
from operator import itemgetter, methodcaller
from typing import Any

__all__ = ["SharedStoredTags", "StoredTags", "copy_of", "read_once", "readable"]

_DECODE = json.JSONDecoder().raw_decode  # a proven text has no whitespace to skip around it
_SHARED_AT_MOST = 65_536
_shared: dict[str, str] = {}  # keys and values of decoded StoredTags, each kept once
_PAIRS_AT_MOST = 60_000  # numbered pairs: their characters stay below U+10000 (2 bytes)
_SEPARATOR = '","'
_PAIR = '":"'
_INSIDE, _HEAD, _TAIL = itemgetter(slice(2, -2)), itemgetter(slice(2)), itemgetter(slice(-2, None))
_STEALS_A_SEPARATOR = methodcaller("endswith", '",')  # see _PairTable.packed_many


def readable(tags: Mapping[str, str]) -> Mapping[str, str]:
    """``tags`` as a dict (a StoredTags' own, not a copy: to read, never to change), so
    that ``dict.get`` and other C-level reads apply.

    >>> readable(StoredTags('{"height":"4"}')), readable({"a": "1"})
    ({'height': '4'}, {'a': '1'})
    """
    return tags._decoded() if type(tags) is StoredTags else tags


def read_once(tags: Mapping[str, str]) -> Mapping[str, str]:
    """``tags`` as a dict to read once and drop: a StoredTags not decoded yet is decoded into
    a dict it does not keep (checking a million cameras' tags does not hold them all decoded).

    >>> stored = StoredTags('{"height":"4"}')
    >>> read_once(stored), stored._tags is None, read_once({"a": "1"})
    ({'height': '4'}, True, {'a': '1'})
    """
    if type(tags) is not StoredTags:
        return tags
    decoded = tags._tags
    if decoded is not None:
        return decoded
    stored = tags._stored
    return _PAIRS.tags(stored) if _packed(stored) else _DECODE(stored)[0]


def copy_of(tags: Mapping[str, str]) -> Mapping[str, str]:
    """Tags that nothing else can change: a StoredTags itself (immutable, its text kept for
    writing), any other mapping copied into a new dict.

    >>> stored, plain = StoredTags('{"a":"1"}'), {"a": "1"}
    >>> copy_of(stored) is stored, copy_of(plain) is plain, copy_of(plain) == plain
    (True, False, True)
    """
    return tags if type(tags) is StoredTags else dict(tags)


class StoredTags(Mapping[str, str]):
    """A camera's tags kept as their stored text until they are first read.

    Only for a text already proven to be the stored form of tags (a compact JSON object of
    strings that any OSM file and the OSM API can carry, ``formats.osm_fast.TagsTextProver``),
    so that decoding cannot fail and the tags need no further check to be written. Once
    decoded, the keys and values share strings with other decoded tags; the text is kept, so
    that writing the tags again (a merge's sightings, a push) needs no encoding. Immutable.

    >>> tags = StoredTags('{"height":"4","camera:mount":"pole"}')
    >>> tags["height"], tags == {"camera:mount": "pole", "height": "4"}, len(tags)
    ('4', True, 2)
    """

    __slots__ = ("_stored", "_tags")

    def __init__(self, text: str) -> None:
        self._stored: str = _PAIRS.packed(text)
        """The text, or one character per pair (never ``{``) when it can be rebuilt."""
        self._tags: dict[str, str] | None = None

    @property
    def text(self) -> str:
        """The stored form."""
        stored = self._stored
        return _PAIRS.text(stored) if _packed(stored) else stored

    def _decoded(self) -> dict[str, str]:
        # A tile worker may decode at the same time: both get equal dicts, one is kept.
        tags = self._tags
        if tags is None:
            stored = self._stored
            if _packed(stored):
                tags = _PAIRS.tags(stored)  # keys and values shared by the pair table
            else:
                if len(_shared) > _SHARED_AT_MOST:
                    _shared.clear()
                keep = _shared.setdefault
                tags = {keep(k, k): keep(v, v) for k, v in _DECODE(stored)[0].items()}
            self._tags = tags
        return tags

    def __getitem__(self, key: str) -> str:
        return self._decoded()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._decoded())

    def __contains__(self, key: object) -> bool:
        return key in self._decoded()

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default``."""
        return self._decoded().get(key, default)

    def keys(self) -> KeysView[str]:
        """The keys, in their stored order."""
        return self._decoded().keys()

    def values(self) -> ValuesView[str]:
        """The values, in their stored order."""
        return self._decoded().values()

    def items(self) -> ItemsView[str, str]:
        """The (key, value) pairs, in their stored order."""
        return self._decoded().items()

    def __eq__(self, other: object) -> bool:
        if type(other) is StoredTags and self._stored == other._stored:
            return True
        if isinstance(other, Mapping):
            return self._decoded() == (other if type(other) is dict else dict(other.items()))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a dict, so unhashable as one

    def __repr__(self) -> str:
        return repr(self._decoded())

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (self._decoded(),)


def _packed(stored: str) -> bool:
    """Whether a ``StoredTags``' own form is its pairs' characters, not its whole text."""
    return stored[0] != "{"


class SharedStoredTags:
    """``StoredTags`` for the texts of many rows read at once, one object for equal tags.

    A million cameras hold a few hundred thousand distinct tags; those that repeat share
    one object (and its decoded dict, once read). Keep it only while reading: it holds an
    entry per distinct tags, at most ``at_most`` (then it starts again, as if new).

    >>> shared = SharedStoredTags()
    >>> a, b = shared('{"a":"1","b":"2"}'), shared('{"a":"1","b":"2"}')
    >>> a is b, shared('{"a":"1"}') is a, a == {"a": "1", "b": "2"}
    (True, False, True)
    """

    def __init__(self, at_most: int = 2**19) -> None:
        self._by_stored: dict[str, StoredTags] = {}
        self._at_most = at_most  # 2**19: some 25 MB while reading, when no tags repeat

    def __call__(self, text: str) -> StoredTags:
        """The tags stored as ``text`` (a proven text, as for ``StoredTags``)."""
        tags = StoredTags(text)
        by_stored = self._by_stored
        held = by_stored.get(tags._stored)
        if held is not None:
            return held
        if len(by_stored) >= self._at_most:
            by_stored.clear()
        by_stored[tags._stored] = tags
        return tags

    def many(self, texts: Sequence[str]) -> list[StoredTags]:
        """``[self(text) for text in texts]``, a few times faster: the texts packed at once
        (``_PairTable.packed_many``) and no Python call per text.

        >>> shared = SharedStoredTags()
        >>> a, b, c = shared.many(['{"a":"1"}', '{"b":""}', '{"a":"1"}'])
        >>> a is c, b == {"b": ""}, shared('{"a":"1"}') is a
        (True, True, True)
        """
        by_stored = self._by_stored
        if len(by_stored) >= self._at_most:
            by_stored.clear()
        packed = _PAIRS.packed_many(texts)
        fresh = list(map(object.__new__, repeat(StoredTags, len(packed))))
        deque(map(_SET_STORED, fresh, packed), maxlen=0)
        deque(map(_SET_TAGS, fresh, repeat(None)), maxlen=0)
        return list(map(by_stored.setdefault, packed, fresh))  # equal tags: the first one


# The slots' own setters: a StoredTags made field by field for many texts at once.
_SET_STORED: Callable[[StoredTags, str], None] = vars(StoredTags)["_stored"].__set__
_SET_TAGS: Callable[[StoredTags, None], None] = vars(StoredTags)["_tags"].__set__


class _PairTable:
    """The ``key":"value`` pairs of stored tags texts, each numbered once by a character.

    Numbers are never taken back, so a character means the same pair for the whole process;
    past ``at_most`` pairs (at most 60,000, up to some 25 MB when values differ on every
    camera, such as refs), texts with a new one are kept whole.
    """

    def __init__(self, at_most: int = _PAIRS_AT_MOST) -> None:
        self._at_most = min(at_most, _PAIRS_AT_MOST)
        self._char_of: dict[str, str] = {}  # pair text -> its character
        self._text_of: dict[str, str] = {}  # character -> pair text
        self._pair_of: dict[str, tuple[str, str]] = {}  # character -> (key, value)
        self._lock = threading.Lock()  # for numbering: readers only read the dicts

    def packed(self, text: str) -> str:
        r"""One character per pair of ``text``, or ``text`` itself if it cannot be rebuilt
        from its pairs (a backslash, empty tags, a new pair when the table is full).

        >>> table = _PairTable()
        >>> packed = table.packed('{"a":"1","b":"x,y"}')
        >>> len(packed), table.text(packed), table.tags(packed)
        (2, '{"a":"1","b":"x,y"}', {'a': '1', 'b': 'x,y'})
        >>> table.packed('{"a":"x\\"y"}'), table.packed("{}")
        ('{"a":"x\\"y"}', '{}')
        """
        if "\\" in text or not (text.startswith('{"') and text.endswith('"}')) or len(text) < 4:
            return text
        pairs = text[2:-2].split(_SEPARATOR)
        try:
            return "".join(map(self._char_of.__getitem__, pairs))
        except KeyError:
            chars = list(map(self._number, pairs))
            return text if None in chars else "".join(chars)  # type: ignore[arg-type]

    def packed_many(self, texts: Sequence[str]) -> list[str]:
        r"""``[self.packed(text) for text in texts]``, splitting every text at once.

        Joined by ``","``, the texts' insides split into the same pairs as one by one, unless
        an inside ends with ``",`` (a last value that is exactly ``,``): then its end and the
        separator after it would split as ``","``. Such texts, those that cannot be packed
        (a backslash, no braces) and new pairs that cannot be numbered are packed one by one.

        >>> table = _PairTable()
        >>> texts = ['{"a":"1","b":"x,y"}', '{"b":","}', '{"a":"1"}', '{"c":"x\"y"}']
        >>> table.packed_many(texts) == [table.packed(text) for text in texts]
        True
        """
        count = len(texts)
        if (
            not count
            or min(map(len, texts)) < 4
            or "".join(map(_HEAD, texts)) != '{"' * count
            or "".join(map(_TAIL, texts)) != '"}' * count
        ):
            return list(map(self.packed, texts))
        inside = list(map(_INSIDE, texts))
        joined = _SEPARATOR.join(inside)
        if "\\" in joined or any(map(_STEALS_A_SEPARATOR, inside)):
            return list(map(self.packed, texts))
        pairs = joined.split(_SEPARATOR)
        try:
            chars = "".join(map(self._char_of.__getitem__, pairs))
        except KeyError:
            if None in map(self._number, dict.fromkeys(pairs)):
                return list(map(self.packed, texts))
            chars = "".join(map(self._char_of.__getitem__, pairs))
        ends = list(accumulate(map((1).__add__, map(str.count, inside, repeat(_SEPARATOR)))))
        return list(map(chars.__getitem__, map(slice, [0, *ends[:-1]], ends)))

    def _number(self, pair: str) -> str | None:
        """The character of ``pair``, numbered now if new; None if it is not one pair."""
        char = self._char_of.get(pair)
        if char is not None:
            return char
        key, found, value = pair.partition(_PAIR)
        if not found or '"' in key or '"' in value:
            return None
        with self._lock:
            char = self._char_of.get(pair)
            if char is None:
                count = len(self._char_of)
                if count >= self._at_most:
                    return None
                char = chr(count + (count >= ord("{")))  # "{" starts a whole text
                self._text_of[char] = pair
                self._pair_of[char] = (key, value)
                self._char_of[pair] = char  # last: a reader finds the pair complete
        return char

    def text(self, packed: str) -> str:
        """The text whose pairs ``packed`` numbers."""
        return '{"' + _SEPARATOR.join(map(self._text_of.__getitem__, packed)) + '"}'

    def tags(self, packed: str) -> dict[str, str]:
        """A new dict of the pairs ``packed`` numbers (a key given twice: its last value)."""
        return dict(map(self._pair_of.__getitem__, packed))


_PAIRS = _PairTable()
