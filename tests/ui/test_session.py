"""SurveySession: every edit is written to the file at once, undoable, and merged per field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import ContrechampError
from contrechamp.core.geo import offset
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.sightings import NEAR_M, confirmed_sighting
from contrechamp.store.survey import SurveyFile
from contrechamp.ui.session import SurveySession

from .conftest import OSM_CAMERAS


def _camera(lat: float = 43.7320, lon: float = 7.4220, **tags: str) -> Camera:
    return Camera(lat, lon, {"man_made": "surveillance", **tags})


def _stored(path: Path) -> dict[str, Camera]:
    with SurveyFile.open(path) as survey:
        return {c.id: c for c in survey.cameras()}


def test_add_is_in_the_file_before_undo_and_gone_after(session: SurveySession) -> None:
    camera = _camera()
    session.add_camera(camera, "Add")
    assert camera.id in _stored(session.survey.path)
    session.undo_stack.undo()
    assert camera.id not in _stored(session.survey.path)
    assert session.camera(camera.id) is None
    session.undo_stack.redo()
    assert _stored(session.survey.path)[camera.id].tags == camera.tags


def test_edits_of_one_field_merge_into_one_undo_step(session: SurveySession) -> None:
    camera = _camera()
    session.add_camera(camera, "Add")
    for text in ("9", "90", "95"):
        current = session.camera(camera.id)
        assert current is not None
        session.edit_camera(current.with_tag("camera:direction", text), "Dir", "camera:direction")
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert "camera:direction" not in _stored(session.survey.path)[camera.id].tags


def test_edits_of_different_fields_stay_separate_steps(session: SurveySession) -> None:
    camera = _camera()
    session.add_camera(camera, "Add")
    session.edit_camera(camera.with_tag("height", "4"), "Height", "height")
    current = session.camera(camera.id)
    assert current is not None
    session.edit_camera(current.with_tag("camera:mount", "wall"), "Mount", "camera:mount")
    session.undo_stack.undo()
    tags = _stored(session.survey.path)[camera.id].tags
    assert tags.get("height") == "4"
    assert "camera:mount" not in tags


def test_same_field_of_another_camera_does_not_merge(session: SurveySession) -> None:
    first, second = _camera(), _camera(43.7321)
    session.add_camera(first, "Add")
    session.add_camera(second, "Add")
    session.edit_camera(first.with_tag("height", "4"), "Height", "height")
    session.edit_camera(second.with_tag("height", "5"), "Height", "height")
    assert session.undo_stack.count() == 4


def test_an_unchanged_camera_pushes_nothing(session: SurveySession) -> None:
    camera = _camera()
    session.add_camera(camera, "Add")
    session.edit_camera(camera.with_tags(camera.tags), "Same", "height")
    assert session.undo_stack.count() == 1


def test_editing_a_missing_camera_raises_and_changes_nothing(session: SurveySession) -> None:
    with pytest.raises(ContrechampError) as caught:
        session.edit_camera(_camera(), "Edit", "height")
    assert caught.value.code == "camera.missing"
    assert session.undo_stack.count() == 0


def test_deleting_then_undoing_brings_back_the_camera_and_its_photos(
    session: SurveySession,
) -> None:
    camera = _camera()
    session.add_camera(camera, "Add")
    info = PhotoInfo(None, None, "ab" * 32, "cam.jpg", "image/jpeg")
    photo = session.writer.survey.add_photo(info, b"\xff\xd8\xff fake jpeg bytes")
    assert photo.id is not None
    session.attach_photo(photo.id, camera.id, PhotoRole.CLOSE_UP, "Photo")
    session.delete_camera(camera.id, "Delete")
    assert session.survey.photos(camera.id) == []
    session.undo_stack.undo()
    assert [(p.id, p.role) for p in session.survey.photos(camera.id)] == [
        (photo.id, PhotoRole.CLOSE_UP)
    ]
    session.undo_stack.undo()
    assert session.survey.photos(camera.id) == []


def test_signals_tell_the_window_what_changed(qtbot: QtBot, session: SurveySession) -> None:
    camera = _camera()
    with qtbot.waitSignal(session.camera_added) as added:
        session.add_camera(camera, "Add")
    assert added.args == [camera]
    with qtbot.waitSignal(session.camera_removed) as removed:
        session.undo_stack.undo()
    assert removed.args == [camera.id]


def test_nearby_finds_survey_and_osm_cameras_within_five_metres(session: SurveySession) -> None:
    node = OSM_CAMERAS[0]
    lat, lon = offset(node.lat, node.lon, 90.0, 3.0)
    near = session.nearby(lat, lon)
    assert [n.existing.osm_id for n in near if n.existing] == [node.osm_id]
    assert near[0].distance_m == pytest.approx(3.0, abs=0.01)
    far_lat, far_lon = offset(node.lat, node.lon, 90.0, NEAR_M + 1.0)
    assert session.nearby(far_lat, far_lon) == []


def test_nearby_skips_the_camera_itself_and_linked_osm_nodes(session: SurveySession) -> None:
    node = OSM_CAMERAS[0]
    sighting = confirmed_sighting(node, "me", date(2026, 11, 22))
    session.add_camera(sighting, "Seen")
    assert session.nearby(node.lat, node.lon, exclude=sighting.id) == []
    assert session.sighting_of(node.osm_id) == sighting


def test_confirmed_sighting_links_node_and_version_and_dates_the_check() -> None:
    node = OSM_CAMERAS[0]
    camera = confirmed_sighting(node, "pair-3", date(2026, 11, 22))
    assert (camera.osm_id, camera.osm_version) == (4242, 3)
    assert camera.status == Status.CONFIRMED
    assert camera.tags == {**node.tags, "check_date": "2026-11-22"}
    assert (camera.lat, camera.lon, camera.surveyor) == (node.lat, node.lon, "pair-3")
