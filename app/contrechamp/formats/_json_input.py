"""Load an untrusted JSON file: bounded size, strict UTF-8, no NaN, every failure an InputError."""

from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path
from typing import NoReturn

from contrechamp.core.errors import InputError
from contrechamp.formats.limits import MAX_JSON_BYTES, checked_size

__all__ = ["load_json"]

_MARKUP_SCAN = 64 * 1024  # where a server's error page says what went wrong
_OVERPASS_ERROR = re.compile(r"Error</strong>\s*:(.*?)</p>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def load_json(path: Path, code_prefix: str) -> object:
    """Return the parsed document of a JSON file.

    Raises ``InputError`` with code ``<code_prefix>.json`` when the file is not UTF-8 JSON
    (including NaN/Infinity, which JSON does not allow, and absurd nesting), and ``file.*``
    codes when it is missing or over ``MAX_JSON_BYTES``.
    """
    checked_size(path, MAX_JSON_BYTES)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read ({exc.strerror})", "file.unreadable") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        _refuse(path, code_prefix, "not UTF-8 text")
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError:
        detail = "nested too deeply"
    except ValueError as exc:  # JSONDecodeError, NaN/Infinity, integers too long to convert
        markup = text[:1024].lstrip().startswith("<")
        detail = _markup_detail(text) if markup else str(exc)[:200]
    _refuse(path, code_prefix, detail)


def _refuse(path: Path, code_prefix: str, detail: str) -> NoReturn:
    raise InputError(f"{path.name}: not valid JSON ({detail})", f"{code_prefix}.json")


def _finite_float(text: str) -> float:
    """Parse a JSON number with a fraction or exponent, refusing one no float can hold
    (``1e400`` would otherwise become infinity)."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is out of range")
    return value


def _markup_detail(text: str) -> str:
    """Say what an HTML or XML page saved under a JSON name is, and the error it reports.

    Overpass answers an overloaded or bad query with an HTML page whose errors read
    ``<strong ...>Error</strong>: runtime error: ...``; other servers put theirs in ``<title>``.
    """
    said = [_plain(m) for m in _OVERPASS_ERROR.findall(text, 0, _MARKUP_SCAN)]
    if not said:
        said = [_plain(m) for m in _TITLE.findall(text, 0, _MARKUP_SCAN)]
    said = [s for s in said if s]
    if not said:
        return "it is an HTML or XML page"
    return f"it is a web page saying: {'; '.join(said)[:300]}"


def _plain(markup: str) -> str:
    """The text of a piece of HTML: tags dropped, entities decoded, spaces collapsed."""
    text = html.unescape(_TAG.sub(" ", markup))
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _refuse_constant(name: str) -> NoReturn:
    """Reject NaN, Infinity and -Infinity, which Python accepts but JSON does not define."""
    raise ValueError(f"{name} is not a JSON number")
