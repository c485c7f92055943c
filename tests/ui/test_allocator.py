"""The window's process hands large freed blocks back to the system (``contrechamp.allocator``).

Each check runs in a fresh Python process: the setting is the whole process's, and glibc's
moving threshold must start from its default.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from contrechamp.allocator import _is_glibc, keep_large_blocks_returnable

_GLIBC = _is_glibc()

# Frees one 8 MiB block (glibc then keeps blocks of that size in its heap), makes twelve
# more, each followed by a small block the heap cannot shrink past, frees the twelve and
# prints how many MB the process gave back.
_FREE_LARGE_BLOCKS = """
import os, sys
from contrechamp.allocator import keep_large_blocks_returnable
def resident_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
if sys.argv[1] == "set":
    assert keep_large_blocks_returnable()
first = b"x" * (8 << 20)
del first
blocks, small = [], []
for _ in range(12):
    blocks.append(b"x" * (8 << 20))
    small.append(b"s" * 1000)
before = resident_mb()
del blocks
print(round(before - resident_mb()))
"""


def _given_back_mb(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _FREE_LARGE_BLOCKS, mode],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return int(done.stdout)


@pytest.mark.skipif(not _GLIBC, reason="the setting concerns glibc's malloc only")
def test_large_blocks_freed_after_the_setting_go_back_to_the_system() -> None:
    assert _given_back_mb("set") >= 90  # twelve blocks of 8 MiB: 100 MB


@pytest.mark.skipif(not _GLIBC, reason="the setting concerns glibc's malloc only")
def test_without_the_setting_the_same_freed_blocks_stay_in_the_process() -> None:
    assert _given_back_mb("unset") <= 10  # what the setting is for


@pytest.mark.skipif(_GLIBC, reason="elsewhere than glibc")
def test_the_setting_does_nothing_where_the_c_library_is_not_glibc() -> None:
    assert keep_large_blocks_returnable() is False
