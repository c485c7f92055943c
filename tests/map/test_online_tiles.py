"""Online XYZ tiles: off by default, our User-Agent, a disk cache kept at least 7 days."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from contrechamp.ui.map.canvas import MapCanvas, render_frame
from contrechamp.ui.map.online_tiles import MIN_CACHE_SECONDS, TileFetcher
from contrechamp.ui.map.projection import lat_lon_of
from contrechamp.ui.map.tile_sources import OnlineTiles, VectorTiles
from tests.map.mbtiles_samples import png

TILE_RGB = (200, 30, 90)


class TileServer(ThreadingHTTPServer):
    """A local tile server that records each request's path and User-Agent."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str]] = []
        self.body = png(TILE_RGB)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{{z}}/{{x}}/{{y}}.png"


class _Handler(BaseHTTPRequestHandler):
    server: TileServer

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("User-Agent", "")))
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Cache-Control", "max-age=60")
        self.send_header("Content-Length", str(len(self.server.body)))
        self.end_headers()
        self.wfile.write(self.server.body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[TileServer]:
    srv = TileServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _centre_on_tile(canvas: MapCanvas, zoom: int, x: int, y: int) -> None:
    scale = 256 / 2**zoom
    canvas.center_on(*lat_lon_of((x + 0.5) * scale, (y + 0.5) * scale), zoom)


def test_online_tiles_are_off_by_default(
    canvas: MapCanvas, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the map opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert isinstance(canvas.frame.source, VectorTiles)
    canvas.center_on(43.7384, 7.4246, 16.0)
    render_frame(canvas, 300, 200)


def test_tiles_are_fetched_once_with_our_user_agent(
    canvas: MapCanvas, server: TileServer, tmp_path: Path
) -> None:
    source = OnlineTiles(url=server.url, cache_dir=tmp_path)
    canvas.set_tile_source(source)
    _centre_on_tile(canvas, 15, 17000, 11800)
    image = render_frame(canvas, 200, 200)
    assert image.pixelColor(100, 60) == QColor(*TILE_RGB)
    assert len(server.requests) == 1
    path, agent = server.requests[0]
    assert path == "/15/17000/11800.png"
    assert agent.startswith("Contrechamp/")

    fresh = MapCanvas()  # a new window: empty memory cache, same disk cache
    fresh.set_tile_source(source)
    _centre_on_tile(fresh, 15, 17000, 11800)
    again = render_frame(fresh, 200, 200)
    assert again.pixelColor(100, 60) == QColor(*TILE_RGB)
    assert len(server.requests) == 1
    fresh.deleteLater()


def test_cached_tiles_stay_fresh_at_least_7_days(server: TileServer, tmp_path: Path) -> None:
    fetcher = TileFetcher(server.url, tmp_path)
    assert fetcher.tile(3, 1, 2) == server.body
    [cached] = list(tmp_path.rglob("*.tile"))
    assert cached.stat().st_mtime >= time.time() + MIN_CACHE_SECONDS - 60  # server said 60 s


def test_a_dead_server_gives_a_blank_map_not_an_error(canvas: MapCanvas, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    canvas.set_tile_source(
        OnlineTiles(url=f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png", cache_dir=tmp_path)
    )
    _centre_on_tile(canvas, 15, 17000, 11800)
    image = render_frame(canvas, 200, 200)
    assert image.pixelColor(100, 60) != QColor(*TILE_RGB)
    assert not list(tmp_path.rglob("*.tile"))
