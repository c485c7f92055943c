"""Load an untrusted JSON file: bounded size, strict UTF-8, no NaN, every failure an InputError."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NoReturn

from contrechamp.core.errors import InputError
from contrechamp.formats.limits import MAX_JSON_BYTES, checked_size

__all__ = ["load_json"]


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
        return json.loads(raw.decode("utf-8-sig"), parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        detail = "not UTF-8 text"
    except RecursionError:
        detail = "nested too deeply"
    except ValueError as exc:  # JSONDecodeError, NaN/Infinity, integers too long to convert
        detail = str(exc)[:200]
    raise InputError(f"{path.name}: not valid JSON ({detail})", f"{code_prefix}.json")


def _refuse_constant(name: str) -> NoReturn:
    """Reject NaN, Infinity and -Infinity, which Python accepts but JSON does not define."""
    raise ValueError(f"{name} is not a JSON number")
