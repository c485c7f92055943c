"""The stored text of a camera's OSM tags: one compact JSON object of strings.

The survey file, the campaign store and the fast export paths all read and write this one
form; it needs no database (the window's first frame reads it before SQLAlchemy is loaded).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from contrechamp.core.stored_tags import StoredTags, readable

__all__ = ["json_value", "tags_of_json", "tags_to_json"]

_DECODER = json.JSONDecoder()
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def tags_to_json(tags: Mapping[str, str]) -> str:
    """Return OSM tags as a compact JSON object, keeping their order and any Unicode.

    >>> tags_to_json({"man_made": "surveillance", "operator": "Mairie de Besançon"})
    '{"man_made":"surveillance","operator":"Mairie de Besançon"}'
    """
    if type(tags) is StoredTags:
        return tags.text  # its own stored form: nothing to encode
    plain = readable(tags)
    return _ENCODE(plain if type(plain) is dict else dict(plain))


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
