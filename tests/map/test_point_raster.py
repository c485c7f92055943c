"""Batched camera markers: outlined squares stamped with numpy, later groups on top."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage, QPainter

from contrechamp.ui.map.point_raster import PointGroup, paint_point_groups

RED, DARK, BLUE, NAVY = QColor("#ff0000"), QColor("#200000"), QColor("#0000ff"), QColor("#000020")


def _draw(groups: list[PointGroup], size: int = 7) -> QImage:
    image = QImage(100, 80, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_point_groups(painter, 100, 80, groups, size)
    painter.end()
    return image


def test_each_point_is_an_outlined_square() -> None:
    image = _draw([PointGroup(np.array([20.0]), np.array([30.0]), DARK, RED)])
    assert image.pixelColor(20, 30) == RED
    assert image.pixelColor(22, 32) == RED  # 5-px fill
    assert image.pixelColor(23, 30) == DARK  # 1-px outline around it
    assert image.pixelColor(24, 30) == QColor("white")


def test_later_groups_are_drawn_on_top() -> None:
    first = PointGroup(np.array([50.0]), np.array([40.0]), DARK, RED)
    second = PointGroup(np.array([52.0]), np.array([40.0]), NAVY, BLUE)
    image = _draw([first, second])
    assert image.pixelColor(52, 40) == BLUE
    assert image.pixelColor(48, 40) == RED


def test_points_off_the_edge_are_clipped_not_wrapped() -> None:
    xs, ys = np.array([-2.0, 99.0, 500.0]), np.array([-2.0, 79.0, 40.0])
    image = _draw([PointGroup(xs, ys, DARK, RED)])
    assert image.pixelColor(0, 0) == RED
    assert image.pixelColor(99, 79) == RED
    assert image.pixelColor(0, 79) == QColor("white")
    assert image.pixelColor(99, 0) == QColor("white")


def test_no_points_draw_nothing() -> None:
    image = _draw([PointGroup(np.empty(0), np.empty(0), DARK, RED)])
    assert {image.pixel(x, y) for x in range(100) for y in range(80)} == {QColor("white").rgba()}
