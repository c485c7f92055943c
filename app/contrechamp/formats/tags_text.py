"""The stored text of a camera's OSM tags: one compact JSON object of strings.

The survey file, the campaign store and the fast export paths all read and write this one
form; it needs no database (the window's first frame reads it before SQLAlchemy is loaded).
"""

from __future__ import annotations

import json
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any

__all__ = ["StoredTags", "json_value", "tags_of_json", "tags_to_json"]

_DECODER = json.JSONDecoder()
_DECODE = _DECODER.decode
_SHARED_AT_MOST = 65_536
_shared: dict[str, str] = {}  # keys and values of decoded StoredTags, each kept once


def tags_to_json(tags: Mapping[str, str]) -> str:
    """Return OSM tags as a compact JSON object, keeping their order and any Unicode.

    >>> tags_to_json({"man_made": "surveillance", "operator": "Mairie de Besançon"})
    '{"man_made":"surveillance","operator":"Mairie de Besançon"}'
    """
    if type(tags) is StoredTags and tags.text is not None:
        return tags.text  # its own stored form: nothing to encode
    return json.dumps(dict(tags), ensure_ascii=False, separators=(",", ":"))


def json_value(text: str) -> Any:
    """``json.loads(text)``, a third quicker on a text with no whitespace around it (a
    stored tags text): the same value, or the same error.

    >>> json_value('{"a":"1"}'), json_value(' [1] ')
    ({'a': '1'}, [1])
    """
    if type(text) is str:
        try:
            value, end = _DECODER.raw_decode(text)
        except ValueError:
            pass  # perhaps whitespace first: the full decoder says
        else:
            if end == len(text):
                return value
    return json.loads(text)


def tags_of_json(text: object) -> dict[str, str] | None:
    """Return the tags stored as ``text``, or None unless it is a JSON object of strings (the
    file is untrusted).

    >>> tags_of_json('{"height":"4"}'), tags_of_json('{"height":4}'), tags_of_json("[[[")
    ({'height': '4'}, None, None)
    """
    try:
        tags = json_value(text)  # type: ignore[arg-type]
    except (TypeError, ValueError, RecursionError):  # RecursionError: [[[[…]]]]
        return None
    # JSON object keys are always strings: only the values need checking.
    if type(tags) is not dict or any(type(value) is not str for value in tags.values()):
        return None
    return tags


class StoredTags(Mapping[str, str]):
    """A camera's tags kept as their stored text until they are first read.

    Reading a million cameras decodes no tags: the map and the list read only those they
    show. Only for a text already proven to be the stored form of tags (a compact JSON
    object of strings, ``TagsTextProver``), so that decoding cannot fail. Once decoded, the
    text is dropped and the keys and values share strings with other decoded tags.

    >>> tags = StoredTags('{"height":"4","camera:mount":"pole"}')
    >>> tags["height"], tags == {"camera:mount": "pole", "height": "4"}, tags_to_json(tags)
    ('4', True, '{"height":"4","camera:mount":"pole"}')
    """

    __slots__ = ("_tags", "text")

    def __init__(self, text: str) -> None:
        self.text: str | None = text
        """The stored form, until the tags are decoded."""
        self._tags: dict[str, str] | None = None

    def _decoded(self) -> dict[str, str]:
        # The text is read first and dropped last: a tile worker may decode at the same time.
        text, tags = self.text, self._tags
        if tags is None:
            if len(_shared) > _SHARED_AT_MOST:
                _shared.clear()
            keep = _shared.setdefault
            tags = {keep(k, k): keep(v, v) for k, v in _DECODE(text).items()}  # type: ignore[arg-type]
            self._tags = tags
            self.text = None
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
        if type(other) is StoredTags and self.text is not None and self.text == other.text:
            return True
        if isinstance(other, Mapping):
            return self._decoded() == (other if type(other) is dict else dict(other.items()))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a dict, so unhashable as one

    def __repr__(self) -> str:
        return repr(self._decoded())

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (self._decoded(),)
