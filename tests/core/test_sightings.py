"""Nearby cameras and "I saw this one": the rules the window and the command line share."""

from __future__ import annotations

from datetime import date

from contrechamp.core.area import ExistingCamera
from contrechamp.core.camera import Camera, Status
from contrechamp.core.geo import offset
from contrechamp.core.sightings import NEAR_M, confirmed_sighting, nearby

NODE = ExistingCamera(11148498580, 3, 43.7384, 7.4246, {"man_made": "surveillance"})


def test_nearest_first_within_the_radius_only() -> None:
    close = Camera(*offset(NODE.lat, NODE.lon, 0.0, 2.0), {}, id="close")
    closer = Camera(*offset(NODE.lat, NODE.lon, 90.0, 1.0), {}, id="closer")
    far = Camera(*offset(NODE.lat, NODE.lon, 180.0, NEAR_M + 1.0), {}, id="far")
    found = nearby(NODE.lat, NODE.lon, [close, far, closer], [NODE])
    assert [n.existing for n in found] == [NODE, None, None]
    assert [n.camera.id for n in found if n.camera] == ["closer", "close"]


def test_an_osm_camera_already_sighted_counts_once_and_can_be_excluded() -> None:
    sighting = confirmed_sighting(NODE, "pair-3", date(2026, 12, 4))
    assert [n.camera for n in nearby(NODE.lat, NODE.lon, [sighting], [NODE])] == [sighting]
    assert nearby(NODE.lat, NODE.lon, [sighting], [NODE], exclude=sighting.id) == []


def test_a_sighting_keeps_the_64_bit_node_id_version_and_dates_the_check() -> None:
    camera = confirmed_sighting(NODE, "pair-3", date(2026, 12, 4))
    assert (camera.osm_id, camera.osm_version) == (11148498580, 3)
    assert camera.status is Status.CONFIRMED
    assert camera.tags == {"man_made": "surveillance", "check_date": "2026-12-04"}
