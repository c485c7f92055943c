"""File names as text a user can read and the survey can store, whatever their bytes."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["display_name", "valid_text"]


def display_name(path: Path) -> str:
    """Return a file's name as valid Unicode: undecodable bytes become U+FFFD.

    >>> display_name(Path(os.fsdecode(b"caf\\xe9.jpg")))
    'caf\\ufffd.jpg'
    """
    return os.fsencode(path.name).decode("utf-8", errors="replace")


def valid_text(text: str) -> bool:
    """Tell whether ``text`` is valid Unicode (no lone surrogates from undecodable bytes).

    >>> valid_text("Café"), valid_text(os.fsdecode(b"\\xff"))
    (True, False)
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
