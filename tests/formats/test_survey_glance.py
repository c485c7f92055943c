"""The first look at a survey (formats/survey_glance.py): what it reads, and what it refuses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from contrechamp.core.area import BBox
from contrechamp.core.camera import Status
from contrechamp.formats.survey_glance import glance_at_survey
from tests.ui.test_cold_start import write_small_survey


def test_a_glance_reads_the_area_its_base_map_and_its_cameras(tmp_path: Path) -> None:
    glance = glance_at_survey(write_small_survey(tmp_path / "walk.cartoparty"))
    assert glance is not None
    assert glance.bbox == BBox(7.42, 43.73, 7.43, 43.74)
    assert [f.name for f in glance.features] == ["Rue"]
    assert [c.status for c in glance.cameras] == [Status.DRAFT]


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
