"""The blur regions stored with the photos: hand ones, the detector's cache, removals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from contrechamp.core.blur import BlurRegion, RegionKind, RegionSource
from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoInfo
from contrechamp.store.survey import SurveyFile
from tests.photos.photo_factory import jpeg_bytes


@pytest.fixture
def survey(tmp_path: Path) -> Iterator[SurveyFile]:
    with SurveyFile.create(tmp_path / "s.cartoparty") as opened:
        yield opened


@pytest.fixture
def photo(survey: SurveyFile) -> int:
    info = survey.add_photo(PhotoInfo(None, None, "", "a.jpg", "image/jpeg"), jpeg_bytes())
    assert info.id is not None
    return info.id


FACE = BlurRegion(0.1, 0.2, 0.3, 0.4, RegionKind.FACE, RegionSource.AUTO)


def test_a_hand_region_is_kept_and_deleted_for_good(survey: SurveyFile, photo: int) -> None:
    plate = survey.add_blur_region(photo, BlurRegion(0.5, 0.6, 0.2, 0.1, RegionKind.PLATE))
    assert plate.id is not None
    assert survey.blur_regions(photo) == [plate]
    survey.delete_blur_region(plate.id)
    assert survey.blur_regions(photo) == []
    survey.add_blur_region(photo, plate)  # an undone delete comes back with its id
    assert survey.blur_regions(photo) == [plate]


def test_a_removed_automatic_region_stays_stored(survey: SurveyFile, photo: int) -> None:
    survey.record_detection(photo, "model-1", [FACE])
    (found,) = survey.blur_regions(photo)
    assert found.id is not None
    assert found.model == "model-1"
    survey.set_blur_region_removed(found.id, True)
    assert survey.blur_regions(photo)[0].removed
    survey.record_detection(photo, "model-1", [FACE])  # the same model again: no return
    assert [r.removed for r in survey.blur_regions(photo)] == [True]


def test_a_new_model_replaces_the_old_ones_findings_not_the_hand_regions(
    survey: SurveyFile, photo: int
) -> None:
    hand = survey.add_blur_region(photo, BlurRegion(0.0, 0.0, 0.1, 0.1))
    survey.record_detection(photo, "model-1", [FACE])
    survey.record_detection(photo, "model-2", [])
    regions = survey.blur_regions(photo)
    assert regions[0] == hand
    assert [(r.model, r.empty) for r in regions[1:]] == [("model-2", True)]
    assert survey.photos_detected_by("model-2") == {photo}
    assert survey.photos_detected_by("model-1") == set()


def test_regions_go_with_their_photo(survey: SurveyFile, photo: int) -> None:
    survey.add_blur_region(photo, BlurRegion(0.0, 0.0, 0.1, 0.1))
    survey.delete_photo(photo)
    assert survey.blur_regions(photo) == []


def test_missing_photo_or_region_is_a_clear_error(survey: SurveyFile) -> None:
    with pytest.raises(SurveyError) as caught:
        survey.add_blur_region(999, BlurRegion(0.0, 0.0, 0.1, 0.1))
    assert caught.value.code == "photo.missing"
    with pytest.raises(SurveyError) as caught:
        survey.set_blur_region_removed(999, True)
    assert caught.value.code == "blur.missing"


def test_a_damaged_region_row_is_reported_not_trusted(survey: SurveyFile, photo: int) -> None:
    survey.add_blur_region(photo, BlurRegion(0.0, 0.0, 0.1, 0.1))
    with survey.transaction():
        survey._db.conn.execute(text("UPDATE blur_regions SET kind = 'ghost'"))
    with pytest.raises(SurveyError) as caught:
        survey.blur_regions(photo)
    assert caught.value.code == "survey.corrupt"
