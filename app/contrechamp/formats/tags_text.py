"""The stored text of a camera's OSM tags: one compact JSON object of strings.

The survey file, the campaign store and the fast export paths all read and write this one
form; it needs no database (the window's first frame reads it before SQLAlchemy is loaded).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

__all__ = ["tags_of_json", "tags_to_json"]


def tags_to_json(tags: Mapping[str, str]) -> str:
    """Return OSM tags as a compact JSON object, keeping their order and any Unicode.

    >>> tags_to_json({"man_made": "surveillance", "operator": "Mairie de Besançon"})
    '{"man_made":"surveillance","operator":"Mairie de Besançon"}'
    """
    return json.dumps(dict(tags), ensure_ascii=False, separators=(",", ":"))


def tags_of_json(text: object) -> dict[str, str] | None:
    """Return the tags stored as ``text``, or None unless it is a JSON object of strings (the
    file is untrusted).

    >>> tags_of_json('{"height":"4"}'), tags_of_json('{"height":4}'), tags_of_json("[[[")
    ({'height': '4'}, None, None)
    """
    try:
        tags = json.loads(text)  # type: ignore[arg-type]
    except (TypeError, ValueError, RecursionError):  # RecursionError: [[[[…]]]]
        return None
    # JSON object keys are always strings: only the values need checking.
    if type(tags) is not dict or any(type(value) is not str for value in tags.values()):
        return None
    return tags
