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


def _many(count: int) -> CameraPoints:
    points = CameraPoints()
    lat, lon = np.linspace(43.72, 43.75, count), np.linspace(7.40, 7.44, count)
    ids = [f"cam{n}" for n in range(count)]
    points.replace(ids, lat, lon, np.zeros(count, dtype=np.int8), [{}] * count)
    return points


def test_the_same_few_cameras_looked_up_again_and_again_build_no_id_index() -> None:
    points = _many(1000)
    for _ in range(50):  # the selected and the dragged camera, at every frame
        assert points.index_of("cam700") == 700
        assert points.index_of("cam3") == 3
        assert points.index_of("not there") is None
    assert points._rows is None  # no id -> row dict of every camera (56 MB for a million)


def test_lookups_stay_right_through_additions_removals_and_many_different_ids() -> None:
    points = _many(1000)
    assert points.index_of("cam999") == 999
    assert points.index_of("new") is None
    points.upsert("new", 43.73, 7.42, 1, {})
    assert points.index_of("new") == 1000
    points.remove("cam10")
    assert points.index_of("cam999") == 998
    assert points.index_of("new") == 999
    assert points.index_of("cam10") is None
    found = [points.index_of(f"cam{n}") for n in range(100, 140)]  # past the scanned ones
    assert found == list(range(99, 139))
    assert points._rows is not None  # many different ids: the index is built
    points.upsert("newer", 43.73, 7.42, 1, {})
    assert points.index_of("newer") == 1000
    assert points.ids[1000] == "newer"


def test_cameras_added_one_by_one_to_a_large_set_soon_build_the_id_index() -> None:
    points = _many(1000)
    for n in range(40):  # an import into an open survey: looked up, added, looked up again
        assert points.index_of(f"added{n}") is None
        points.upsert(f"added{n}", 43.73, 7.42, 1, {})
        assert points.index_of(f"added{n}") == 1000 + n
    assert points._rows is not None  # not a scan of every id at each addition
    assert points.index_of("cam5") == 5


def test_cameras_numbered_by_a_range_keep_it_until_edited_then_edit_like_a_list() -> None:
    points = CameraPoints()
    lat, lon = np.array([43.731, 43.732, 43.733]), np.array([7.421, 7.422, 7.423])
    points.replace(range(3), lat, lon, np.zeros(3, dtype=np.int8), [{}, {}, {}])
    assert points.ids == range(3)  # a first look at a million cameras: no list of numbers
    assert points.index_of(2) == 2
    assert points.index_of("2") is None
    shared = points.snapshot()
    points.upsert(3, 43.734, 7.424, 1, {"height": "4"})
    points.remove(0)
    assert points.ids == [1, 2, 3]
    assert points.index_of(3) == 2
    assert shared.ids == range(3)
    assert points.group.tolist() == [0, 0, 1]


def test_columns_given_up_to_the_set_are_kept_and_a_cleared_set_holds_nothing() -> None:
    points = CameraPoints()
    ids, lat, lon = ["a", "b"], np.array([43.731, 43.732]), np.array([7.421, 7.422])
    points.replace(ids, lat, lon, np.zeros(2, dtype=np.int8), [{}, {}], owned=True)
    assert points.ids is ids
    assert points.y is lat
    assert points.x is lon
    assert points.index_of("b") == 1
    shared = points.snapshot()
    points.clear()
    assert len(points) == 0
    assert points.index_of("a") is None
    assert list(shared.ids) == ["a", "b"]
    assert len(shared.x) == 2
    copied = ["c"]
    points.replace(copied, np.array([43.7]), np.array([7.4]), np.zeros(1, dtype=np.int8), [{}])
    assert points.ids == copied
    assert points.ids is not copied
