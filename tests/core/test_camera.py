"""A camera made field by field for a reader of many rows is the camera the class makes."""

from __future__ import annotations

import inspect
import uuid
from dataclasses import FrozenInstanceError, fields
from datetime import UTC

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contrechamp.core.camera import (
    Camera,
    PositionSource,
    Status,
    camera_of_fields,
    new_camera_id,
)

_FIELD_VALUES = st.tuples(
    st.floats(-90, 90),
    st.floats(-180, 180),
    st.dictionaries(st.text(min_size=1, max_size=5), st.text(max_size=5), max_size=3),
    st.text(min_size=1, max_size=32),
    st.sampled_from(Status),
    st.sampled_from(PositionSource),
    st.none() | st.floats(0, 100),
    st.none() | st.text(max_size=8),
    st.datetimes(timezones=st.just(UTC)),
    st.datetimes(timezones=st.just(UTC)),
    st.none() | st.integers(1, 2**40),
    st.none() | st.integers(1, 99),
    st.text(max_size=8),
)


def test_camera_of_fields_takes_every_field_in_field_order_and_skips_no_check() -> None:
    assert list(inspect.signature(camera_of_fields).parameters) == [f.name for f in fields(Camera)]
    assert not hasattr(Camera, "__post_init__")  # it would be bypassed


@given(_FIELD_VALUES)
def test_camera_of_fields_equals_the_camera_the_class_makes(values: tuple[object, ...]) -> None:
    made = camera_of_fields(*values)  # type: ignore[arg-type]
    expected = Camera(*values)  # type: ignore[arg-type]
    assert made == expected
    assert all(getattr(made, f.name) is getattr(expected, f.name) for f in fields(Camera))
    assert type(made) is Camera


def test_a_camera_made_field_by_field_is_frozen_too() -> None:
    camera = camera_of_fields(*[getattr(Camera(1.0, 2.0), f.name) for f in fields(Camera)])
    with pytest.raises(FrozenInstanceError):
        camera.lat = 3.0  # type: ignore[misc]


def test_new_camera_ids_are_distinct_version_4_uuids() -> None:
    ids = [new_camera_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 4 and uuid.UUID(i).hex == i for i in ids)
    assert all(uuid.UUID(i).variant == uuid.RFC_4122 for i in ids)
