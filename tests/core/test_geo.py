"""Metric geometry is geodesic, not Web Mercator."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.geo import bearing_deg, distance_m, metres_to_degrees, offset


@given(
    st.floats(-80, 80),
    st.floats(-179, 179),
    st.floats(0, 359.9),
    st.floats(0.5, 500),
)
def test_an_offset_point_lies_at_that_distance_and_bearing(
    lat: float, lon: float, bearing: float, metres: float
) -> None:
    lat2, lon2 = offset(lat, lon, bearing, metres)
    assert distance_m(lat, lon, lat2, lon2) == pytest.approx(metres, rel=1e-6)
    diff = (bearing_deg(lat, lon, lat2, lon2) - bearing) % 360
    assert min(diff, 360 - diff) < 1e-3


def test_a_degree_of_longitude_in_paris_is_shorter_than_at_the_equator() -> None:
    assert distance_m(48.85, 2.0, 48.85, 3.0) == pytest.approx(73_300, rel=0.01)
    assert distance_m(0.0, 2.0, 0.0, 3.0) == pytest.approx(111_320, rel=0.001)


def test_local_metres_convert_to_degrees_near_a_latitude() -> None:
    dlat, dlon = metres_to_degrees(48.85, [(100.0, 100.0)])[0]
    lat2, lon2 = 48.85 + dlat, 2.0 + dlon
    assert distance_m(48.85, 2.0, lat2, 2.0) == pytest.approx(100.0, rel=1e-3)
    assert distance_m(48.85, 2.0, 48.85, lon2) == pytest.approx(100.0, rel=1e-3)
