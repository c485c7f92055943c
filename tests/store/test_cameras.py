"""Cameras at the scale of a merged city survey."""

from __future__ import annotations

from contrechamp.core.camera import Camera, Status
from contrechamp.store import SurveyFile


def test_hundred_thousand_cameras_save_and_list(survey: SurveyFile) -> None:
    tag_sets = [
        {"man_made": "surveillance", "surveillance:type": "camera", "camera:mount": mount}
        for mount in ("wall", "pole", "ceiling")
    ]
    statuses = list(Status)
    cameras = [
        Camera(48.8 + i * 1e-6, 2.3, tag_sets[i % 3], status=statuses[i % 3])
        for i in range(100_000)
    ]
    assert survey.add_cameras(cameras) == 100_000
    listed = survey.cameras()
    assert len(listed) == 100_000
    assert listed[0] == cameras[0]
    assert listed[-1] == cameras[-1]
    assert listed[54_321].tags == tag_sets[54_321 % 3]
    assert survey.camera_counts() == {
        Status.DRAFT: 33_334,
        Status.CONFIRMED: 33_333,
        Status.REJECTED: 33_333,
    }
    assert survey.cameras(Status.REJECTED)[-1] == cameras[99_998]
