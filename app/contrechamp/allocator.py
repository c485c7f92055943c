"""The C allocator of the window's process: large blocks go back to the system once freed.

glibc's malloc puts a block larger than its threshold in a mapping of its own, handed back
to the system on free. But the threshold moves: each time such a block is freed, it becomes
that block's size (up to 32 MiB). After the first list or array of a million cameras is freed,
later ones of that size go into the heap instead, and when they are freed the heap keeps
their pages, in holes between blocks still in use that it cannot give back. Opening a survey
of a million cameras in the window left about 100 MB of such holes.

``keep_large_blocks_returnable`` fixes the threshold (setting it turns the moving off), so
that what a survey's opening builds and drops for a while does not stay in the process.
Only glibc is concerned; elsewhere it does nothing. No Qt here.
"""

from __future__ import annotations

import ctypes
import os

__all__ = ["LARGE_BLOCK_BYTES", "keep_large_blocks_returnable"]

LARGE_BLOCK_BYTES = 4 * 1024 * 1024
"""From this size, a block has a mapping of its own. Half a million cameras' positions
(4 MB) and larger; blocks below stay in the heap, where they are reused quickly."""

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's <malloc.h>


def keep_large_blocks_returnable() -> bool:
    """Fix glibc's mapping threshold at ``LARGE_BLOCK_BYTES``, and the free space it keeps
    at the top of its heap at as much (the moving threshold may have raised it already);
    return whether both were set (False where the C library is not glibc, or refuses)."""
    if not _is_glibc():
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    mapped = mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES)
    return bool(mapped and mallopt(_M_TRIM_THRESHOLD, LARGE_BLOCK_BYTES))


def _is_glibc() -> bool:
    """Whether the C library this process runs on is glibc (asked of the library itself)."""
    try:
        version = os.confstr("CS_GNU_LIBC_VERSION")
    except (AttributeError, ValueError, OSError):  # Windows; a system that does not know it
        return False
    return bool(version) and str(version).startswith("glibc")
