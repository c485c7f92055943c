"""The campaign's rows are the survey file's rows: a camera written by COPY reads back as
the same camera (dates, tags in their order, floats exact)."""

from __future__ import annotations

from datetime import UTC, datetime

from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.store.campaign.records import camera_row
from contrechamp.store.rows import camera_from_row, camera_values


def test_a_campaign_row_is_the_survey_row_of_the_camera() -> None:
    camera = Camera(
        43.296512345678,
        5.369812345678,
        {"man_made": "surveillance", "camera:type": "dome", "operator": "Ville de Marseille"},
        status=Status.CONFIRMED,
        source=PositionSource.GPS,
        accuracy_m=3.5,
        surveyor="pair-zebra",
        created_at=datetime(2025, 3, 1, 9, 30, 15, 250000, tzinfo=UTC),
        osm_id=11_234_567_890,
        osm_version=4,
        notes="behind the tree",
    )
    assert camera_row(camera) == tuple(camera_values(camera).values())
    assert camera_from_row(camera_row(camera)) == camera
    assert list(camera_from_row(camera_row(camera)).tags) == list(camera.tags)
