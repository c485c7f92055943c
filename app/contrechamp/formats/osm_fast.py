"""JOSM ``<node>`` elements for new cameras, written straight from their stored tags text.

A survey stores each camera's tags as compact JSON (``{"k":"v",...}``). When that text has
no backslash, no control character and only keys and values the OSM file can carry, every
string in it is verbatim, so the ``<tag>`` lines are the text itself with a few byte
replacements: ``":"`` becomes ``" v="`` and ``","`` becomes ``"/>`` and the next ``<tag k="``.
This module proves, for a whole batch of rows at once, which rows are such texts; the others
go the careful way (decode, check, write), which gives today's output or today's error.

Why the replacements are exact for a proven row: its text is ``{`` and ``}`` around what
matches, byte for byte, a pattern built from key sequences already seen decoded (a trie of
literal keys, each value ``[^"]{0,255}``), or it is exactly the stored form of tags it was
decoded to and checked; either way it is a compact object of strings with distinct keys and
none of its strings holds a quote, so every ``"`` delimits one. Then ``":"`` can only be a
key's end or a value that is exactly ``:`` (which, coming later, is never the one replaced),
and ``","`` only a pair's separator or a value that is exactly ``,``: rows that may hold such
a value go the careful way, and keys ``:`` and ``,`` are never learnt. When the batch has no
comma but the separators (counted: a row of n pairs has 4n quotes and n - 1 of them), each
comma is replaced alone, which is much faster.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from itertools import chain
from operator import itemgetter
from typing import TypeAlias

from contrechamp.formats.tags_text import tags_to_json

__all__ = ["MAX_TAG_LENGTH", "NewNodeBatch", "TagsTextProver", "new_nodes"]

MAX_TAG_LENGTH = 255
"""The OSM API's limit on a key or a value, in characters (``check_tag_lengths`` too)."""

_SEP = b"\x02"  # between rows: a control character, so never inside a proven row
_VALUE = rb'[^"]{0,255}+'  # bytes: at most 255 bytes is at most 255 characters
_LEARNT_AT_MOST = 64  # key sequences compiled into the pattern; others are proven one by one
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNSAFE = re.compile("[\x00-\x1f\\\\\ud800-\udfff\ufffe\uffff]")  # see TagsTextProver.batch
_PLAIN_BYTES = bytes(b for b in range(32, 256) if b != ord("\\"))
_U_FFFE, _U_FFFF = "\ufffe".encode(), "\uffff".encode()
_MAYBE_COMMA = '":","'  # in the text of a value that is exactly ","
_INSIDE, _FIRST, _LAST = itemgetter(slice(1, -1)), itemgetter(0), itemgetter(-1)
_HEAD = b'  <node id="%d" action="modify" lat="%.7f" lon="%.7f">\n    <tag k='
_TAIL = b"/>\n  </node>\n"
_ESCAPES = ((b"%", b"%%"), (b"&", b"&amp;"), (b"<", b"&lt;"), (b">", b"&gt;"))
_Trie: TypeAlias = dict[str | None, "_Trie"]


class TagsTextProver:
    """Finds, in batches of stored tags texts, the rows written straight to the file.

    It learns the key sequences of the rows it decodes, so that later rows with the same keys
    are proven by one regular expression over the whole batch, without decoding them.

    >>> prover = TagsTextProver()
    >>> texts = ['{"a":"1","b":"x<y"}', '{"a": "1"}', '{"a":"1","a":"2"}', '{"b":"2"}']
    >>> prover.batch(texts).careful
    [1, 2]
    """

    def __init__(self) -> None:
        self._keys: set[tuple[str, ...]] = set()
        self._row = re.compile(rb"(?!)")  # one row: nothing learnt yet
        self._rows = re.compile(rb"")  # rows, each followed by _SEP

    def batch(self, texts: Sequence[str]) -> NewNodeBatch:
        """Return the batch of ``texts``: which rows must go the careful way, and the rest.

        Careful: a text not in braces, with a backslash, a control character, a surrogate,
        U+FFFE or U+FFFF, one that is not exactly the stored form of plain tags, one that may
        hold a value that is exactly ``,``, and empty tags.
        """
        inside = list(map(_INSIDE, texts))
        joined, careful = _unsafe_rows(texts, inside)
        careful = sorted({*careful, *self._unproven(joined, texts)})
        commas = bool(careful) or _content_commas(joined, len(texts))
        if commas and _MAYBE_COMMA.encode() in joined:
            careful = sorted({*careful, *(i for i, t in enumerate(texts) if _MAYBE_COMMA in t)})
        return NewNodeBatch(inside, careful, b"" if careful else joined, commas=commas)

    def _unproven(self, joined: bytes, texts: Sequence[str]) -> list[int]:
        """The rows of ``joined`` the pattern does not prove and that are not plain once
        decoded; learns the keys of those that are."""
        unproven: list[int] = []
        pos = row = counted = 0  # row: the index of the row that starts at ``counted``
        end_of_text = len(joined)
        while texts:
            found = self._rows.match(joined, pos)
            end = pos if found is None else found.end()
            row_end = joined.find(_SEP, end)
            if row_end < 0:
                row_end = end_of_text
                if self._row.fullmatch(joined, end):
                    break
            row += joined.count(_SEP, counted, end)
            counted = end
            keys = _plain_keys(texts[row])
            if keys is None:
                unproven.append(row)
            elif keys not in self._keys and len(self._keys) < _LEARNT_AT_MOST:
                self._learn(keys)
                pos = end
                continue
            if row_end == end_of_text:
                break
            pos = counted = row_end + 1
            row += 1
        return unproven

    def _learn(self, keys: tuple[str, ...]) -> None:
        """Add a key sequence to the pattern."""
        self._keys.add(keys)
        row = _trie_pattern(self._keys)
        self._row = re.compile(row)
        self._rows = re.compile(b"(?:" + row + _SEP + b")*+")


def _unsafe_rows(texts: Sequence[str], inside: list[str]) -> tuple[bytes, list[int]]:
    """Join ``inside`` (the texts without their braces) and find the rows not in braces or
    whose text has a backslash, a control character, a surrogate, U+FFFE or U+FFFF: one pass
    over all the texts in C when there is none. Those rows are left empty in what is joined,
    so that they are never proven and never hold a row separator."""
    count = len(texts)
    braced = not count or (
        min(map(len, texts)) >= 2
        and "".join(map(_FIRST, texts)) == "{" * count
        and "".join(map(_LAST, texts)) == "}" * count
    )
    try:
        joined = "\x02".join(inside).encode()
    except UnicodeEncodeError:  # a lone surrogate
        joined = b"\\"
    plain = braced and joined.translate(None, _PLAIN_BYTES) == _SEP * (count - 1)
    if plain and (joined.isascii() or (_U_FFFE not in joined and _U_FFFF not in joined)):
        return joined, []
    unsafe = [
        i
        for i, text in enumerate(texts)
        if len(text) < 2 or text[0] != "{" or text[-1] != "}" or _UNSAFE.search(text)
    ]
    for row in unsafe:
        inside[row] = ""
    return "\x02".join(inside).encode(), unsafe


def _content_commas(joined: bytes, rows: int) -> bool:
    """Whether the proven rows of ``joined`` have commas besides their pair separators."""
    return joined.count(b",") != joined.count(b'"') // 4 - rows


def _plain_keys(text: str) -> tuple[str, ...] | None:
    """The keys of ``text`` if it is exactly the stored form of plain tags, else None."""
    try:
        tags = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if type(tags) is not dict or not tags or not all(type(v) is str for v in tags.values()):
        return None
    stored = tags_to_json(tags)
    if stored != text or not all(map(_plain_key, tags)):
        return None
    return tuple(tags) if all(map(_plain_value, tags.values())) else None


def _plain_key(key: str) -> bool:
    """A key the replacements and the OSM API take as it is."""
    return 0 < len(key) <= MAX_TAG_LENGTH and key not in (":", ",") and not _NOT_XML.search(key)


def _plain_value(value: str) -> bool:
    """A value the replacements and the OSM API take as it is."""
    return len(value) <= MAX_TAG_LENGTH and value != "," and not _NOT_XML.search(value)


def _trie_pattern(sequences: set[tuple[str, ...]]) -> bytes:
    """One pattern matching the inside of a row with any of the key sequences: a trie, so
    that each key of a row is tried once whatever the number of sequences."""
    root: _Trie = {}
    for keys in sequences:
        node = root
        for key in keys:
            node = node.setdefault(key, {})
        node[None] = {}

    def pattern(node: _Trie, first: bool) -> bytes:
        branches = [
            (b'"' if first else b',"') + re.escape(key.encode()) + b'":"' + _VALUE + b'"'
            + pattern(child, False)
            for key, child in node.items()
            if key is not None
        ]  # fmt: skip
        if None in node:
            branches.append(b"")  # the row may end here: tried last, after longer rows
        return branches[0] if len(branches) == 1 else b"(?>" + b"|".join(branches) + b")"

    return pattern(root, True)


class NewNodeBatch:
    """A batch of stored tags texts, with the rows that must go the careful way."""

    def __init__(
        self, inside: list[str], careful: list[int], joined: bytes, *, commas: bool
    ) -> None:
        self._inside = inside
        self.careful = careful
        """Indices of the rows to decode, check and write the careful way, in order."""
        self._joined = joined
        self._commas = commas

    def nodes(self, first_id: int, lats: Sequence[float], lons: Sequence[float]) -> bytes:
        """The ``<node>`` elements (UTF-8) of all the rows when none is careful, numbered
        ``first_id``, ``first_id - 1``, … (negative: new nodes)."""
        assert not self.careful, "careful rows are written one by one"
        return new_nodes(self._joined, first_id, lats, lons, commas=self._commas)

    def run(
        self, start: int, stop: int, first_id: int, lats: Sequence[float], lons: Sequence[float]
    ) -> bytes:
        """The ``<node>`` elements of rows ``start`` to ``stop`` (none careful)."""
        joined = "\x02".join(self._inside[start:stop]).encode()
        return new_nodes(joined, first_id, lats[start:stop], lons[start:stop])


def new_nodes(
    joined: bytes,
    first_id: int,
    lats: Sequence[float],
    lons: Sequence[float],
    *,
    commas: bool | None = None,
) -> bytes:
    """The ``<node>`` elements of proven tags texts, without their braces, joined by
    ``\\x02`` (one per position). ``commas``: whether they may have commas besides their
    separators (None: count them).

    >>> new_nodes(b'"a":"1","b":"x<y"', -1, [1.5], [2.0]).decode()
    '  <node id="-1" action="modify" lat="1.5000000" lon="2.0000000">\\n    <tag k="a" v="1"/>\\n    <tag k="b" v="x&lt;y"/>\\n  </node>\\n'
    """  # noqa: E501
    if not lats:
        return b""
    separators_only = not (_content_commas(joined, len(lats)) if commas is None else commas)
    for char, escaped in _ESCAPES:  # "%" first: the text becomes a format string below
        if char in joined:
            joined = joined.replace(char, escaped)
    tags = joined.replace(b'":"', b'" v="')
    if separators_only:
        tags = tags.replace(b",", b"/>\n    <tag k=")
    else:
        tags = tags.replace(b'","', b'"/>\n    <tag k="')
    template = b"".join((_HEAD, tags.replace(_SEP, _TAIL + _HEAD), _TAIL))
    ids = range(first_id, first_id - len(lats), -1)
    return template % tuple(chain.from_iterable(zip(ids, lats, lons, strict=True)))
