"""Counting rows matches reading them, without reading them."""

from __future__ import annotations

from pathlib import Path

from contrechamp.core.photo import PhotoInfo
from contrechamp.ops.area import load_area
from contrechamp.store import SurveyFile


def test_counts_match_the_lists(survey: SurveyFile, shared_data: Path) -> None:
    assert (survey.photo_count(), survey.map_feature_count(), survey.existing_camera_count()) == (
        0,
        0,
        0,
    )
    load_area(survey, shared_data / "osm" / "monaco.osm.pbf")
    survey.add_photo(PhotoInfo(None, None, "", "a.jpg", "image/jpeg"), b"\xff\xd8one")
    survey.add_photo(PhotoInfo(None, None, "", "b.jpg", "image/jpeg"), b"\xff\xd8two")
    assert survey.photo_count() == len(survey.photos()) == 2
    assert survey.map_feature_count() == len(survey.map_features()) > 1000
    assert survey.existing_camera_count() == len(survey.existing_cameras()) == 16
