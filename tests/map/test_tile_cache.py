"""The tile cache both map layers share: pool painting, stale and skipped tiles, LRU, closing."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from contrechamp.ui.map.projection import TILE_PX, Viewport
from contrechamp.ui.map.tile_cache import TileCache, TileRenderer, tile_cells

ZOOM = 10.0


def _color(x: int, y: int) -> QColor:
    return QColor("red") if (x + y) % 2 else QColor("blue")


class Checkerboard:
    """Tiles of one plain colour each, noting where they were painted; ``gate`` holds them."""

    key = "checkerboard"

    def __init__(self) -> None:
        self.painted: list[tuple[int, int]] = []
        self.threads: set[int] = set()
        self.gate = threading.Event()
        self.gate.set()
        self.started = threading.Event()

    def render(self, zoom: float, x: int, y: int) -> QImage | None:
        self.started.set()
        self.gate.wait(10)
        self.threads.add(threading.get_ident())
        self.painted.append((x, y))
        image = QImage(TILE_PX, TILE_PX, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(_color(x, y))
        return image


class Layer(TileCache):
    """The smallest layer: the view's tiles at the view's zoom, the ring ahead on request."""

    def paint(self, image: QImage, view: Viewport, renderer: TileRenderer, ahead: bool) -> bool:
        painter = QPainter(image)
        try:
            keys, complete = self._compose(painter, view, renderer, view.zoom)
        finally:
            painter.end()
        self._request(renderer, view, view.zoom, keys, ahead)
        return complete


def _view(tx: int = 400, width: int = 600, height: int = 400) -> Viewport:
    """A view centred on the tile (tx, 300)."""
    size = TILE_PX / 2**ZOOM
    return Viewport((tx + 0.5) * size, 300.5 * size, ZOOM, width, height)


def _canvas() -> QImage:
    image = QImage(600, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    return image


def test_tiles_are_painted_in_the_pool_then_drawn_from_the_cache(qtbot: QtBot) -> None:
    board, layer, view = Checkerboard(), Layer(64, 2), _view()
    assert layer.paint(_canvas(), view, board, ahead=False) is False
    qtbot.waitUntil(lambda: layer.pending() == 0, timeout=10_000)
    assert board.threads
    assert threading.get_ident() not in board.threads
    assert sorted(board.painted) == sorted(tile_cells(view, ZOOM))
    image = _canvas()
    assert layer.paint(image, view, board, ahead=False) is True
    x, y = tile_cells(view, ZOOM)[0]
    px, py = view.to_pixel((x + 0.5) * TILE_PX / 2**ZOOM, (y + 0.5) * TILE_PX / 2**ZOOM)
    assert image.pixelColor(round(px), round(py)) == _color(x, y)
    assert len(board.painted) == len(tile_cells(view, ZOOM))  # nothing painted twice


def test_a_complete_view_asks_for_the_ring_around_it(qtbot: QtBot) -> None:
    board, layer, view = Checkerboard(), Layer(64, 2), _view()
    layer.paint(_canvas(), view, board, ahead=False)
    qtbot.waitUntil(lambda: layer.pending() == 0, timeout=10_000)
    assert layer.paint(_canvas(), view, board, ahead=True) is True
    qtbot.waitUntil(lambda: layer.pending() == 0, timeout=10_000)
    ring = Viewport(view.center_x, view.center_y, ZOOM, 600 + 2 * TILE_PX, 400 + 2 * TILE_PX)
    assert sorted(board.painted) == sorted(tile_cells(ring, ZOOM))


def test_a_tile_painted_before_a_change_is_thrown_away_and_asked_again(qtbot: QtBot) -> None:
    board, layer, view = Checkerboard(), Layer(64, 1), _view()
    board.gate.clear()
    layer.paint(_canvas(), view, board, ahead=False)
    assert board.started.wait(10)
    layer._forget()  # what the tiles show changed while the pool paints
    with qtbot.waitSignal(layer.tiles_changed, timeout=10_000):  # the frame asks again
        board.gate.set()
    qtbot.waitUntil(lambda: layer.pending() == 0, timeout=10_000)
    assert layer.paint(_canvas(), view, board, ahead=False) is False  # none of them kept


def test_tiles_the_view_left_before_they_started_are_not_painted(qtbot: QtBot) -> None:
    board, layer = Checkerboard(), Layer(64, 1)
    board.gate.clear()
    left, right = _view(400), _view(480)
    layer.paint(_canvas(), left, board, ahead=False)
    assert board.started.wait(10)
    layer.paint(_canvas(), right, board, ahead=False)  # the user panned far away
    board.gate.set()
    qtbot.waitUntil(lambda: layer.pending() == 0, timeout=10_000)
    assert set(board.painted) - set(tile_cells(right, ZOOM)) == {tile_cells(left, ZOOM)[0]}


def test_the_cache_drops_the_tile_drawn_longest_ago() -> None:
    board, layer = Checkerboard(), Layer(2, 1)
    one, two = _view(400, 200, 200), _view(410, 200, 200)  # one tile each
    for view in (one, two):
        for x, y in tile_cells(view, ZOOM):
            layer._store((board.key, ZOOM, x, y), board.render(ZOOM, x, y))
    assert len(layer._images) == 2
    layer.paint(_canvas(), one, board, ahead=False)  # drawn: now the newest in the LRU order
    layer._store((board.key, ZOOM, 0, 0), board.render(ZOOM, 0, 0))
    kept = {key[2:] for key in layer._images}
    assert kept == {(0, 0), tile_cells(one, ZOOM)[0]}


def test_a_map_closed_while_its_pool_paints_is_deleted_at_once(qtbot: QtBot) -> None:
    board, layer = Checkerboard(), Layer(64, 1)
    board.gate.clear()
    layer.paint(_canvas(), _view(), board, ahead=False)
    assert board.started.wait(10)
    threading.Timer(0.1, board.gate.set).start()  # the job ends after the map is closed
    closed = weakref.ref(layer)
    del layer  # its pool waits for the job, here in the GUI thread
    gc.collect()
    # Held by its jobs, the cache died with the last of them in a pool thread: a crash.
    assert closed() is None
    assert board.gate.is_set()
