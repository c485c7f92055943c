"""Stream untrusted XML through expat: no DTD or entity, bounded size, bounded tags and texts.

Expat holds a tag (with its attributes) or a comment in memory until it ends, so one 500 MiB
attribute would be read whole before anything could refuse it. In XML a ``<`` may not appear
inside an attribute value or a text, so the distance between two ``<`` bounds every tag and
text run: :class:`XmlBudget` watches it on the raw bytes, chunk by chunk, before expat sees
them, and stops at the first run longer than ``MAX_XML_TOKEN_BYTES``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, Protocol
from xml.parsers import expat

from contrechamp.core.errors import InputError
from contrechamp.formats.limits import MAX_XML_BYTES, MiB

__all__ = [
    "CHUNK_BYTES",
    "MAX_XML_TOKEN_BYTES",
    "ByteStream",
    "XmlBudget",
    "feed_xml",
    "hardened_parser",
]

CHUNK_BYTES = MiB
MAX_XML_TOKEN_BYTES = MiB
"""The longest tag or text accepted: thousands of times an OSM node or a GPX track point.
It must not be smaller than ``CHUNK_BYTES`` (a run inside one chunk is then always shorter)."""


class ByteStream(Protocol):
    """What the feeder reads from: a file or a bz2/gzip stream opened in binary mode."""

    def read(self, size: int = -1, /) -> bytes:
        """Return up to ``size`` bytes; empty at the end."""
        ...


class XmlBudget:
    """Counts the XML bytes read and the bytes since the last ``<``; refuses either when over.

    ``hostile_code`` is the code of the InputError for a tag or text over the bound.
    """

    def __init__(self, path: Path, hostile_code: str) -> None:
        self._path, self._code = path, hostile_code
        self.total = 0
        self._since_open = 0  # bytes read since the last "<"

    def check(self, chunk: bytes) -> None:
        """Account for the next chunk (at most ``CHUNK_BYTES``) before it is parsed."""
        self.total += len(chunk)
        if self.total > MAX_XML_BYTES:
            raise InputError(
                f"{self._path.name}: more than {MAX_XML_BYTES // MiB} MiB of XML",
                "file.too_large",
            )
        first = chunk.find(b"<")
        if first < 0:
            self._since_open += len(chunk)
        else:
            self._refuse_if_over(self._since_open + first)
            self._since_open = len(chunk) - 1 - chunk.rfind(b"<")
        self._refuse_if_over(self._since_open)

    def _refuse_if_over(self, run: int) -> None:
        if run > MAX_XML_TOKEN_BYTES:
            raise InputError(
                f"{self._path.name}: an XML tag or text longer than "
                f"{MAX_XML_TOKEN_BYTES // MiB} MiB is refused",
                self._code,
            )


def hardened_parser(
    refuse: Callable[..., NoReturn], *, namespaces: bool = False
) -> expat.XMLParserType:
    """Return an expat parser that calls ``refuse`` at any DOCTYPE, entity or external
    reference, before it reads one element. With ``namespaces``, element names come as
    ``uri}local`` (ElementTree's spelling without the opening brace)."""
    parser = expat.ParserCreate(namespace_separator="}" if namespaces else None)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    return parser


def feed_xml(parser: expat.XMLParserType, stream: ByteStream, budget: XmlBudget) -> None:
    """Push the stream through the parser chunk by chunk, each checked by ``budget`` first.

    Raises ``expat.ExpatError`` for XML that is not well-formed, ``InputError`` from the
    budget or the parser's handlers, ``OSError``/``EOFError`` from the stream.
    """
    while chunk := stream.read(CHUNK_BYTES):
        budget.check(chunk)
        parser.Parse(chunk, False)
    parser.Parse(b"", True)
