"""The built-in demo survey: real Helsinki map and cameras, plus sightings of every status."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrechamp.core.camera import Status
from contrechamp.ops import demo
from contrechamp.store.survey import SurveyFile


def test_the_demo_survey_holds_the_real_area_and_sightings(tmp_path: Path) -> None:
    path = tmp_path / "demo.cartoparty"
    demo.build_demo_survey(path)
    with SurveyFile.open(path) as survey:
        assert len(survey.existing_cameras()) == 221
        assert len(survey.map_features()) > 2500  # 2,650 highways, 433 buildings…
        counts = survey.camera_counts()
        assert all(counts.get(status, 0) > 0 for status in Status)
        bbox = survey.area_bbox()
        assert bbox is not None
        assert all(bbox.contains(c.lat, c.lon) for c in survey.cameras())


def test_the_demo_is_built_once_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    first = demo.demo_survey_path()
    stamp = first.stat().st_mtime_ns
    assert demo.demo_survey_path() == first
    assert first.stat().st_mtime_ns == stamp
    assert not list(first.parent.glob(".*building*"))
