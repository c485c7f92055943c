"""The first look at a survey (formats/survey_glance.py): what it reads, and what it refuses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from contrechamp.core.area import BBox
from contrechamp.core.camera import Camera, Status
from contrechamp.formats.survey_glance import STATUSES, glance_at_survey
from contrechamp.store.survey import SurveyFile
from tests.ui.test_cold_start import write_small_survey


def test_a_glance_reads_the_area_its_base_map_and_its_cameras(tmp_path: Path) -> None:
    glance = glance_at_survey(write_small_survey(tmp_path / "walk.cartoparty"))
    assert glance is not None
    assert glance.bbox == BBox(7.42, 43.73, 7.43, 43.74)
    assert [f.name for f in glance.features] == ["Rue"]
    assert [STATUSES[code] for code in glance.cameras.status] == [Status.DRAFT]


def test_a_file_with_a_view_gets_no_glance(tmp_path: Path) -> None:
    path = write_small_survey(tmp_path / "walk.cartoparty")
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE VIEW sneaky AS SELECT 1")
    assert glance_at_survey(path) is None


def test_a_file_that_is_no_survey_gets_no_glance(tmp_path: Path) -> None:
    path = tmp_path / "notes.cartoparty"
    path.write_text("not a database")
    assert glance_at_survey(path) is None
    assert glance_at_survey(tmp_path / "gone.cartoparty") is None


def _survey_with_cameras(path: Path) -> Path:
    with SurveyFile.create(path, title="Walk") as survey:
        survey.set_area(BBox(7.42, 43.73, 7.43, 43.74), [], [], "test")
        survey.add_cameras(
            [
                Camera(43.731, 7.421, status=Status.CONFIRMED),
                Camera(43.732, 7.422, status=Status.REJECTED),
                Camera(43.733, 7.423),
            ]
        )
    return path


def test_a_glance_reads_every_camera_s_place_and_status_in_the_order_added(
    tmp_path: Path,
) -> None:
    glance = glance_at_survey(_survey_with_cameras(tmp_path / "walk.cartoparty"))
    assert glance is not None
    cameras = glance.cameras
    assert [STATUSES[code] for code in cameras.status] == [
        Status.CONFIRMED,
        Status.REJECTED,
        Status.DRAFT,
    ]
    assert cameras.lat.tolist() == [43.731, 43.732, 43.733]
    assert cameras.lon.tolist() == [7.421, 7.422, 7.423]
    assert cameras.kept().tolist() == [[43.731, 7.421], [43.733, 7.423]]  # none rejected


@pytest.mark.parametrize(
    "damage", ["UPDATE cameras SET lat = 'north'", "UPDATE cameras SET status = 'lost'"]
)
def test_a_survey_with_a_camera_the_store_refuses_gets_no_glance(
    tmp_path: Path, damage: str
) -> None:
    path = _survey_with_cameras(tmp_path / "walk.cartoparty")
    with sqlite3.connect(path) as connection:
        connection.execute(damage)
    connection.close()
    assert glance_at_survey(path) is None
