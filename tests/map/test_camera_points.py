"""A snapshot of the map's cameras (what tile workers draw) never changes after it is taken."""

from __future__ import annotations

import numpy as np

from contrechamp.ui.map.camera_points import CameraPoints


def _points() -> CameraPoints:
    points = CameraPoints()
    lat = np.array([43.731, 43.732, 43.733])
    lon = np.array([7.421, 7.422, 7.423])
    tags = [{"height": "3"}, {}, {"camera:direction": "90"}]
    points.replace(["a", "b", "c"], lat, lon, np.array([0, 1, 2], dtype=np.int8), tags)
    return points


def _columns(points: CameraPoints) -> tuple[object, ...]:
    return (
        list(points.ids),
        list(points.tags),
        points.x.tolist(),
        points.y.tolist(),
        points.group.tolist(),
    )


def test_a_snapshot_keeps_what_it_saw_through_every_kind_of_edit() -> None:
    points = _points()
    first = points.snapshot()
    seen = _columns(first)
    points.move(0, 1.0, 2.0)
    second = points.snapshot()
    points.upsert("b", 43.74, 7.43, 2, {"height": "5"})
    points.upsert("d", 43.75, 7.44, 0, {})
    third = points.snapshot()
    points.remove("c")
    assert _columns(first) == seen
    assert _columns(second)[2][0] == 1.0
    assert _columns(second)[1:] != _columns(points)[1:]
    assert list(third.ids) == ["a", "b", "c", "d"]
    assert list(points.ids) == ["a", "b", "d"]
    assert points.index_of("d") == 2
    assert points.x[0] == 1.0


def test_snapshots_taken_without_an_edit_between_share_their_columns() -> None:
    points = _points()
    first, second = points.snapshot(), points.snapshot()
    assert first.ids is second.ids
    assert first.x is second.x
