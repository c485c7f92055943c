"""Online XYZ tiles, fetched only for what is viewed, with our User-Agent and a disk cache.

OSM's tile usage policy (OSM.md §5): an app-specific User-Agent, at least 7 days of caching
of the tiles actually viewed, no bulk or "offline" download. Nothing here prefetches.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from contrechamp import __version__

__all__ = ["MIN_CACHE_SECONDS", "USER_AGENT", "TileFetcher", "cache_seconds"]

USER_AGENT = f"Contrechamp/{__version__} (cartoparty field app; +https://github.com/contrechamp)"
MIN_CACHE_SECONDS = 7 * 24 * 3600
_MAX_TILE_BYTES = 4 * 1024 * 1024
_RETRY_AFTER_FAILURE_S = 30.0
_MAX_AGE = re.compile(r"max-age=(\d+)")


def cache_seconds(cache_control: str | None) -> int:
    """Return how long to keep a tile: the server's max-age, but never under 7 days.

    >>> cache_seconds("public, max-age=86400") == MIN_CACHE_SECONDS
    True
    >>> cache_seconds("max-age=2592000")
    2592000
    """
    match = _MAX_AGE.search(cache_control or "")
    return max(MIN_CACHE_SECONDS, int(match.group(1)) if match else 0)


@dataclass
class TileFetcher:
    """Fetches tiles of one URL template (``{z}/{x}/{y}``, optional ``{s}``) via a disk cache."""

    url: str
    cache_dir: Path
    user_agent: str = USER_AGENT
    timeout_s: float = 10.0

    def __post_init__(self) -> None:
        digest = hashlib.sha256(self.url.encode()).hexdigest()[:16]
        self._root = self.cache_dir / digest
        import requests  # only when online tiles are on

        self._session = requests.Session()
        self._session.headers["User-Agent"] = self.user_agent
        self._lock = threading.Lock()
        self._failed: dict[tuple[int, int, int], float] = {}

    def tile(self, zoom: int, x: int, y: int) -> bytes | None:
        """Return the tile bytes from the cache while fresh, else from the server (then cached).

        Offline or on an HTTP error, a stale cached copy is returned when there is one.
        """
        path = self._root / str(zoom) / str(x) / f"{y}.tile"
        cached = _read_fresh(path)
        if cached is not None:
            return cached
        fetched = self._fetch(zoom, x, y)
        if fetched is None:
            return _read_any(path)
        data, keep_s = fetched
        _write(path, data, keep_s)
        return data

    def _fetch(self, zoom: int, x: int, y: int) -> tuple[bytes, int] | None:
        """Download one tile; remember failures for a while so a dead server is not hammered."""
        key = (zoom, x, y)
        with self._lock:
            if time.monotonic() - self._failed.get(key, -1e9) < _RETRY_AFTER_FAILURE_S:
                return None
        url = self.url.format(z=zoom, x=x, y=y, s="abc"[(x + y) % 3])
        import requests  # imported by the session already

        try:
            reply = self._session.get(url, timeout=self.timeout_s)
            ok = reply.status_code == 200 and len(reply.content) <= _MAX_TILE_BYTES
        except requests.RequestException:
            ok = False
        if not ok:
            with self._lock:
                self._failed[key] = time.monotonic()
            return None
        return reply.content, cache_seconds(reply.headers.get("Cache-Control"))


def _read_fresh(path: Path) -> bytes | None:
    """Return a cached tile whose keep-until time (its mtime) is still ahead."""
    try:
        if path.stat().st_mtime < time.time():
            return None
        return path.read_bytes()
    except OSError:
        return None


def _read_any(path: Path) -> bytes | None:
    """Return a cached tile even if stale (better than nothing when offline)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write(path: Path, data: bytes, keep_s: int) -> None:
    """Store a tile atomically; its mtime records until when it is fresh.

    A full disk or a read-only cache only costs the cache: the tile is still shown.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        until = time.time() + keep_s
        os.utime(temp, (until, until))
        os.replace(temp, path)
    except OSError:
        Path(temp).unlink(missing_ok=True)
