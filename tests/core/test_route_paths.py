"""The filmed stretches of a route as points to draw: their ends, and the route's corners
between them, never the gap between two lines of a GPX file."""

from __future__ import annotations

import numpy as np
import pytest

from contrechamp.core.route_exposure import filmed_paths, route_exposure
from tests.core.coverage_scenes import FRAME, camera, coverage, point


def _metres(path: list[tuple[float, float]]) -> list[tuple[float, float]]:
    lat = [p[0] for p in path]
    lon = [p[1] for p in path]
    x, y = FRAME.metres(np.array(lat), np.array(lon))
    return [(round(float(a), 3), round(float(b), 3)) for a, b in zip(x, y, strict=True)]


def test_a_stretch_round_a_corner_keeps_the_corner() -> None:
    model = coverage([], [camera("a", 0, 0)])  # a dome: 35 m all round
    walk = [point(-100, 0), point(0, 0), point(0, 100)]
    exposure = route_exposure(model, walk)
    paths = filmed_paths(model, walk, (), exposure)
    assert len(paths) == 1
    assert _metres(paths[0]) == [(-35.0, 0.0), (0.0, 0.0), (0.0, 35.0)]


def test_two_lines_give_two_paths_and_skip_the_gap() -> None:
    model = coverage([], [camera("a", 0, 0)])
    walk = [point(-100, 0), point(0, 0), point(0, 10), point(100, 10)]  # the jump not walked
    exposure = route_exposure(model, walk, {2})
    paths = [_metres(p) for p in filmed_paths(model, walk, {2}, exposure)]
    assert len(paths) == 2
    assert paths[0] == [(-35.0, 0.0), (0.0, 0.0)]
    assert paths[1][0] == (0.0, 10.0)
    assert paths[1][-1][0] == pytest.approx(
        (35**2 - 10**2) ** 0.5, abs=0.05
    )  # the circle's polygon
