"""Metric positions and pairs within a distance (core.proximity), against plain answers."""

from __future__ import annotations

import numpy as np
import pytest

from contrechamp.core.geo import distance_m
from contrechamp.core.proximity import local_metres, pairs_within


@pytest.mark.parametrize("distance", [0.5, 7.5, 40.0])
def test_pairs_within_finds_exactly_the_pairs_a_full_comparison_finds(distance: float) -> None:
    rng = np.random.default_rng(20261204)
    x, y = rng.uniform(-100, 100, 900), rng.uniform(-40, 40, 900)
    x[:50] = x[50:100]  # some points at the very same place
    a, b = pairs_within(x, y, distance)
    apart = np.hypot(x[:, None] - x[None], y[:, None] - y[None])
    i, j = np.nonzero(np.triu(apart <= distance, 1))
    assert sorted(zip(a.tolist(), b.tolist(), strict=True)) == list(
        zip(i.tolist(), j.tolist(), strict=True)
    )


def test_pairs_within_nothing_or_no_distance_is_no_pair() -> None:
    one = np.zeros(1)
    assert pairs_within(one, one, 10.0)[0].size == 0
    assert pairs_within(np.zeros(3), np.zeros(3), 0.0)[0].size == 0


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        ((60.10, 60.25), (24.85, 25.05)),
        ((43.72, 43.76), (7.40, 7.44)),
        ((-33.9, -33.8), (179.95, -179.95)),
    ],
)
def test_local_metres_are_geodesic_metres_over_a_city(
    lat: tuple[float, float], lon: tuple[float, float]
) -> None:
    """Helsinki, Monaco, and a city astride the antimeridian: projected distances are the
    geodesic ones to a millimetre per kilometre, never Web Mercator's stretched ones."""
    rng = np.random.default_rng(7)
    lats = rng.uniform(*lat, 40)
    lons = (rng.uniform(0, 0.1, 40) + lon[0] + 180.0) % 360.0 - 180.0
    x, y = local_metres(lats, lons)
    for i, j in zip(range(0, 40, 2), range(1, 40, 2), strict=True):
        geodesic = distance_m(lats[i], lons[i], lats[j], lons[j])
        assert float(np.hypot(x[i] - x[j], y[i] - y[j])) == pytest.approx(geodesic, rel=1e-6)
