"""A camera's tags kept as the text they were stored as, decoded when first read.

Reading a million cameras from a survey decodes no tags: the map and the list read only
those they show. ``readable`` gives the plain dict of any tags, for code that reads many.
"""

from __future__ import annotations

import json
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any

__all__ = ["StoredTags", "copy_of", "read_once", "readable"]

_DECODE = json.JSONDecoder().raw_decode  # a proven text has no whitespace to skip around it
_SHARED_AT_MOST = 65_536
_shared: dict[str, str] = {}  # keys and values of decoded StoredTags, each kept once


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
    return decoded if decoded is not None else _DECODE(tags.text)[0]


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

    __slots__ = ("_tags", "text")

    def __init__(self, text: str) -> None:
        self.text: str = text
        """The stored form."""
        self._tags: dict[str, str] | None = None

    def _decoded(self) -> dict[str, str]:
        # A tile worker may decode at the same time: both get equal dicts, one is kept.
        tags = self._tags
        if tags is None:
            if len(_shared) > _SHARED_AT_MOST:
                _shared.clear()
            keep = _shared.setdefault
            tags = {keep(k, k): keep(v, v) for k, v in _DECODE(self.text)[0].items()}
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
        if type(other) is StoredTags and self.text == other.text:
            return True
        if isinstance(other, Mapping):
            return self._decoded() == (other if type(other) is dict else dict(other.items()))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a dict, so unhashable as one

    def __repr__(self) -> str:
        return repr(self._decoded())

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (self._decoded(),)
