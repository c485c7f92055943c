"""What the headless commands print: text made safe for a terminal, results and complaints.

A survey title or a file name comes from someone else: printed raw, an escape sequence in it
would drive the terminal (recolour it, move the cursor, rewrite earlier lines). Control
characters, line separators and the bidirectional overrides that reorder what is shown are
printed as ``\\x1b``-style escapes instead.
"""

from __future__ import annotations

import sys
import unicodedata

__all__ = ["complain", "say", "terminal_text"]

_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_UNSAFE_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})


def terminal_text(text: str) -> str:
    """Return ``text`` with every character that could act on a terminal escaped.

    >>> terminal_text("Rue\\x1b[2Jde Test\\n")
    'Rue\\\\x1b[2Jde Test\\\\n'
    >>> terminal_text("Café ☕")
    'Café ☕'
    """
    if text.isprintable():  # the usual case: no control, separator or format character
        return text
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if char in _BIDI_CONTROLS or unicodedata.category(char) in _UNSAFE_CATEGORIES:
        return char.encode("unicode_escape").decode("ascii")
    return char


def say(text: str) -> None:
    """Print one result line on stdout."""
    print(terminal_text(text))


def complain(text: str) -> None:
    """Print one problem on stderr, as ``contrechamp: <sentence>``."""
    print(f"contrechamp: {terminal_text(text)}", file=sys.stderr)
