"""Blur regions travel with their photos: a merge and an import of a survey copy them (the
detector's, those taken out, the hand ones), a photo met again only gains hand regions."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from contrechamp.core.blur import BlurRegion, Detection, RegionKind, RegionSource
from contrechamp.core.camera import Camera
from contrechamp.core.photo import PhotoInfo
from contrechamp.ops.imports import import_files
from contrechamp.ops.merge import merge_surveys
from contrechamp.store.survey import SurveyFile
from tests.photos.photo_factory import jpeg_bytes

PHOTO = jpeg_bytes(size=(80, 60), color="peru")
SHA = hashlib.sha256(PHOTO).hexdigest()
PLATE = BlurRegion(0.1, 0.7, 0.2, 0.08, RegionKind.PLATE)
FACE = BlurRegion(0.4, 0.2, 0.1, 0.15, RegionKind.FACE, RegionSource.AUTO)
FALSE_FACE = BlurRegion(0.8, 0.1, 0.1, 0.1, RegionKind.FACE, RegionSource.AUTO)


def _walk(path: Path) -> int:
    """A survey with one camera and its photo: a plate drawn by hand, a face found, and a
    'face' the walker took out; the detector's finding cached by content."""
    with SurveyFile.create(path, surveyor="pair-1") as survey:
        camera = Camera(43.7331, 7.4251, {"man_made": "surveillance"}, surveyor="pair-1")
        survey.add_camera(camera)
        info = survey.add_photo(PhotoInfo(None, camera.id, "", "a.jpg", "image/jpeg"), PHOTO)
        assert info.id is not None
        survey.add_blur_region(info.id, PLATE)
        survey.record_detection(info.id, "model-1", [FACE, FALSE_FACE])
        survey.add_detections([Detection(SHA, "model-1", (FACE, FALSE_FACE))])
        taken_out = survey.blur_regions(info.id)[-1]
        assert taken_out.id is not None
        survey.set_blur_region_removed(taken_out.id, True)
        return info.id


def _regions(path: Path) -> list[tuple[object, ...]]:
    with SurveyFile.open_untrusted_readonly(path) as survey:
        photo = survey.photo_by_hash(SHA)
        assert photo is not None
        assert photo.id is not None
        regions = survey.blur_regions(photo.id)
    return [(r.box, r.kind, r.source, r.model, r.removed) for r in regions]


def _expected() -> list[tuple[object, ...]]:
    return [
        (PLATE.box, RegionKind.PLATE, RegionSource.HAND, None, False),
        (FACE.box, RegionKind.FACE, RegionSource.AUTO, "model-1", False),
        (FALSE_FACE.box, RegionKind.FACE, RegionSource.AUTO, "model-1", True),
    ]


def test_a_merge_copies_the_blur_regions_and_findings_with_the_photos(tmp_path: Path) -> None:
    walk = tmp_path / "pair-1.cartoparty"
    _walk(walk)
    merged = tmp_path / "merged.cartoparty"
    result = merge_surveys(merged, [walk])
    assert result.photos_copied == 1
    assert _regions(merged) == _expected()
    with SurveyFile.open_untrusted_readonly(merged) as survey:
        found = survey.detections_of([SHA], "model-1")[(SHA, "model-1")]
        assert found.regions == (
            replace(FACE, model="model-1"),
            replace(FALSE_FACE, model="model-1"),
        )
        (photo,) = survey.photos()
        assert survey.photos_detected_by("model-1") == {photo.id}  # not scanned again


def test_a_photo_merged_again_gains_the_new_hand_regions_and_keeps_its_blur(
    tmp_path: Path,
) -> None:
    walk = tmp_path / "pair-1.cartoparty"
    photo_id = _walk(walk)
    merged = tmp_path / "merged.cartoparty"
    merge_surveys(merged, [walk])
    sign = BlurRegion(0.5, 0.5, 0.3, 0.1, RegionKind.OTHER)
    with SurveyFile.open(walk) as survey:
        survey.add_blur_region(photo_id, sign)
        face = survey.blur_regions(photo_id)[1]
        assert face.id is not None
        survey.set_blur_region_removed(face.id, True)  # unblurred here: stays blurred there
    result = merge_surveys(merged, [walk])
    assert result.changed
    assert _regions(merged) == [
        *_expected(),
        (sign.box, RegionKind.OTHER, RegionSource.HAND, None, False),
    ]
    merge_surveys(merged, [walk])  # once more: nothing new
    assert len(_regions(merged)) == 4


def test_importing_a_survey_brings_its_photos_blur_regions(tmp_path: Path) -> None:
    walk = tmp_path / "pair-1.cartoparty"
    _walk(walk)
    target = tmp_path / "mine.cartoparty"
    with SurveyFile.create(target) as survey:
        import_files(survey, [walk])
    assert _regions(target) == _expected()
