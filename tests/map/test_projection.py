"""The map's projection of many points at once."""

from __future__ import annotations

import numpy as np

from contrechamp.ui.map.projection import MAX_LAT, TILE_PX, world_of, world_of_arrays


def _world_in_plain_steps(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``world_of`` written with one new array per step, as numpy reads it."""
    sin_lat = np.sin(np.radians(np.clip(lat, -MAX_LAT, MAX_LAT)))
    x = (lon + 180.0) / 360.0 * TILE_PX
    y = (0.5 - np.log((1 + sin_lat) / (1 - sin_lat)) / (4 * np.pi)) * TILE_PX
    return x, y


def test_points_projected_in_place_land_exactly_where_plain_steps_put_them() -> None:
    rng = np.random.default_rng(7)
    lat = np.concatenate([rng.uniform(-90.0, 90.0, 100_000), [-90.0, 0.0, MAX_LAT, 90.0]])
    lon = np.concatenate([rng.uniform(-180.0, 180.0, 100_000), [-180.0, 0.0, 1e-9, 180.0]])
    x, y = world_of_arrays(lat, lon)
    plain_x, plain_y = _world_in_plain_steps(lat, lon)
    assert np.array_equal(x, plain_x)
    assert np.array_equal(y, plain_y)


def test_projecting_points_leaves_their_arrays_as_they_were() -> None:
    lat, lon = np.array([48.85, 95.0]), np.array([2.35, -10.0])
    world_of_arrays(lat, lon)
    assert lat.tolist() == [48.85, 95.0]
    assert lon.tolist() == [2.35, -10.0]


def test_points_given_as_lists_or_other_floats_project_as_one_point_does() -> None:
    x, y = world_of_arrays(np.array([45.0], dtype=np.float32), [10.0])  # type: ignore[arg-type]
    expected = world_of(float(np.float32(45.0)), 10.0)
    assert np.allclose([x[0], y[0]], expected, rtol=0, atol=1e-9)


def test_points_projected_in_the_callers_arrays_land_where_new_arrays_would() -> None:
    rng = np.random.default_rng(11)
    lat, lon = rng.uniform(-90.0, 90.0, 10_000), rng.uniform(-180.0, 180.0, 10_000)
    expected = world_of_arrays(lat, lon)
    given_lat, given_lon = lat.copy(), lon.copy()
    x, y = world_of_arrays(given_lat, given_lon, in_place=True)
    assert x is given_lon
    assert y is given_lat
    assert np.array_equal(x, expected[0])
    assert np.array_equal(y, expected[1])
