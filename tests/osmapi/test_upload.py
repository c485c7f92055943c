"""Uploading a survey to the stand-in: plan, links written back, and every failure survived
without a camera created twice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from contrechamp.core.area import BBox, ExistingCamera
from contrechamp.core.camera import Status
from contrechamp.ops.upload import prepare_upload, upload_survey
from contrechamp.osmapi.client import OsmClient
from contrechamp.osmapi.errors import OsmApiError
from contrechamp.osmapi.upload import Skipped, changeset_tags, settle_unfinished
from contrechamp.store.survey import SurveyFile
from tests.osmapi.api_server import FakeOsm
from tests.osmapi.conftest import camera_at

TAGS = changeset_tags("Caméras du quartier", "#cartoparty")


def _check_links(osm: FakeOsm, survey: SurveyFile) -> None:
    """Each confirmed camera is linked to one visible node holding its tags, at the node's
    current version; no two cameras share a node; no node was made twice."""
    confirmed = survey.cameras(Status.CONFIRMED)
    linked = [c.osm_id for c in confirmed]
    assert None not in linked
    assert len(set(linked)) == len(linked)
    for camera in confirmed:
        assert camera.osm_id is not None
        node = osm.nodes[camera.osm_id][-1]
        assert node.visible
        assert node.version == camera.osm_version
        assert node.tags == dict(camera.tags)
    assert osm.duplicates() == 0
    assert survey.sent_changes(osm.url) == []


def _upload(survey: SurveyFile, client: OsmClient) -> object:
    return upload_survey(survey, client, TAGS)


def test_new_cameras_are_created_once_and_linked(
    osm: FakeOsm, client: OsmClient, survey: SurveyFile
) -> None:
    survey.add_cameras([camera_at(i) for i in range(5)])
    survey.add_camera(camera_at(9, Status.DRAFT))
    survey.add_camera(camera_at(8, Status.REJECTED))

    plan = prepare_upload(survey, client)
    assert (plan.created, plan.modified) == (5, 0)
    assert plan.skipped == {Skipped.DRAFT: 1, Skipped.REJECTED: 1}
    report = upload_survey(survey, client, TAGS, plan=plan)

    assert report.outcome.created == 5
    assert len(report.outcome.changesets) == 1
    changeset = osm.changesets[report.outcome.changesets[0]]
    assert changeset.tags == {"comment": "Caméras du quartier", "created_by": TAGS["created_by"],
                              "source": "survey", "hashtags": "#cartoparty"}  # fmt: skip
    assert not changeset.is_open()
    _check_links(osm, survey)
    sent = len(osm.log)
    again = _upload(survey, client)
    assert again.outcome.created == 0  # type: ignore[attr-defined]
    assert len(osm.current()) == 5
    assert len(osm.log) == sent


def test_an_edited_camera_modifies_the_node_as_it_is_now(
    osm: FakeOsm, client: OsmClient, survey: SurveyFile
) -> None:
    node = osm.add_node(43.731, 7.421, {"man_made": "surveillance", "camera:type": "fixed"})
    original = ExistingCamera(node.id, 1, node.lat, node.lon, dict(node.tags))
    survey.set_area(BBox(7.4, 43.7, 7.5, 43.8), [], [original], "test extract")
    seen = camera_at(0, **{"camera:type": "dome"})
    survey.add_camera(replace(seen, osm_id=node.id, osm_version=1, lat=node.lat, lon=node.lon))
    survey.add_camera(replace(camera_at(1), osm_id=node.id + 99, osm_version=3))  # gone
    osm.edit_node(node.id, {**node.tags, "operator": "Ville"})  # someone else, meanwhile

    plan = prepare_upload(survey, client)
    assert (plan.created, plan.modified, len(plan.problems)) == (0, 1, 1)
    assert plan.problems[0].code == "missing"
    _upload(survey, client)

    now = osm.nodes[node.id][-1]
    assert now.version == 3
    assert now.tags == {"man_made": "surveillance", "camera:type": "dome", "operator": "Ville",
                        "surveillance:type": "camera"}  # fmt: skip
    linked = survey.camera(seen.id)
    assert (linked.osm_version, dict(linked.tags)) == (3, now.tags)
    before = len(osm.log)
    _upload(survey, client)  # its original is now what was sent: nothing to do
    missing = f"/api/0.6/node/{node.id + 99}"  # only the missing node is read again
    assert [p for _, p in osm.log[before:]] == ["/api/0.6/nodes", missing]


_STEPS = [
    ("GET", r".*/nodes"),
    ("PUT", r".*/changeset/create"),
    ("POST", r".*/upload"),
    ("PUT", r".*/close"),
    ("GET", r".*/download"),
]
_KINDS = ["timeout_before", "timeout_after", "reset_before", "reset_after", "status",
          "status_after", "busy", "slow"]  # fmt: skip


@pytest.mark.parametrize(("method", "path"), _STEPS)
@pytest.mark.parametrize("kind", _KINDS)
def test_any_failure_at_any_step_never_creates_a_camera_twice(
    osm: FakeOsm, client: OsmClient, survey: SurveyFile, method: str, path: str, kind: str
) -> None:
    node = osm.add_node(43.731, 7.421, {"man_made": "surveillance"})
    survey.add_camera(replace(camera_at(0), osm_id=node.id, osm_version=1))  # original unknown
    survey.add_cameras([camera_at(i) for i in range(1, 4)])
    if kind == "busy":
        osm.inject(method, path, "status", status=429, headers={"Retry-After": "0"}, times=2)
    else:
        osm.inject(method, path, kind, status=503, times=2)  # an upload's first lost answer too
    osm.inject("POST", r".*/upload", "timeout_after")  # and an answer lost after applying

    for _ in range(3):  # the user runs it again until it works
        try:
            _upload(survey, client)
            break
        except OsmApiError:
            continue
    _check_links(osm, survey)
    assert len(osm.current()) == 4


def test_a_crash_after_sending_resumes_from_the_journal(
    osm: FakeOsm, client: OsmClient, survey: SurveyFile
) -> None:
    survey.add_cameras([camera_at(i) for i in range(3)])
    osm.inject("POST", r".*/upload", "reset_after")
    osm.inject("PUT", r".*/close", "status", status=500, times=4)  # and the network goes

    with pytest.raises(OsmApiError):
        _upload(survey, client)
    assert len(survey.sent_changes(osm.url)) == 3  # applied, the answer lost: written down
    assert prepare_upload(survey, client).skipped == {Skipped.WAITING: 3}

    assert settle_unfinished(client, survey) == 3
    _check_links(osm, survey)
    assert _upload(survey, client).outcome.created == 0  # type: ignore[attr-defined]
    assert len(osm.current()) == 3


def test_a_conflict_leaves_the_survey_consistent_and_the_next_upload_works(
    osm: FakeOsm, client: OsmClient, survey: SurveyFile
) -> None:
    node = osm.add_node(43.731, 7.421, {"man_made": "surveillance"})
    survey.add_camera(replace(camera_at(0), osm_id=node.id, osm_version=1))
    survey.add_camera(camera_at(1))
    osm.inject("POST", r".*/upload", "hook", hook=lambda: osm.edit_node(node.id, {"a": "b"}))

    with pytest.raises(OsmApiError) as caught:
        _upload(survey, client)
    assert caught.value.code == "osmapi.conflict"
    assert survey.sent_changes(osm.url) == []
    assert len(osm.current()) == 1
    assert [c.osm_id for c in survey.cameras()] == [node.id, None]

    _upload(survey, client)
    assert osm.nodes[node.id][-1].tags == {**camera_at(0).tags, "a": "b"}
    assert len(osm.current()) == 2
    assert osm.duplicates() == 0


def test_changesets_hold_at_most_ten_thousand_changes(
    osm: FakeOsm, patient_client: OsmClient, survey: SurveyFile
) -> None:
    survey.add_cameras([camera_at(i) for i in range(10_001)])

    report = upload_survey(survey, patient_client, TAGS)

    sizes = [osm.changesets[c].num_changes for c in report.outcome.changesets]
    assert sizes == [10_000, 1]
    assert len(osm.current()) == 10_001
    assert osm.duplicates() == 0
