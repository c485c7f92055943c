"""Blurring the copies of photos that leave the laptop: strong where asked, nothing else
changed, no metadata, and faces looked for once per photo."""

from __future__ import annotations

import hashlib
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from contrechamp.core.blur import BlurRegion, RegionKind, RegionSource
from contrechamp.core.photo import PhotoInfo
from contrechamp.formats.exif import read_exif
from contrechamp.ops import blur as blur_module
from contrechamp.ops.blur import BlurCancelledError, blur_image, blurred_copy, scan_photos
from contrechamp.ops.face_detection import face_model
from contrechamp.ops.progress import Progress
from contrechamp.store.survey import SurveyFile
from tests.photos.face_photos import astronaut, encoded, facade, street_photo
from tests.photos.photo_factory import HOME, make_exif

FACE = BlurRegion(160 / 512, 30 / 512, 130 / 512, 160 / 512, RegionKind.FACE)


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), np.float64)


def _inside(pixels: np.ndarray) -> np.ndarray:
    return pixels[30:190, 160:290]


def _outside_mask(shape: tuple[int, ...]) -> np.ndarray:
    mask = np.ones(shape[:2], bool)
    mask[30:190, 160:290] = False
    return mask


def test_a_blurred_region_differs_strongly_and_the_rest_is_exactly_kept() -> None:
    original = encoded(astronaut(), "PNG")
    before, after = _pixels(original), _pixels(blurred_copy(original, [FACE]))
    change = np.abs(after - before)
    assert _inside(change).mean() > 20  # the face: far from what it was
    assert np.array_equal(after[_outside_mask(after.shape)], before[_outside_mask(before.shape)])


def test_a_blurred_face_keeps_no_detail_to_recover() -> None:
    blurred = blur_image(astronaut(), [FACE])
    face = _inside(np.asarray(blurred, np.float64))
    # Pixelated to 8 cells then smoothed: neighbouring pixels hardly differ any more.
    assert np.abs(np.diff(face, axis=1)).mean() < 2.0
    original = _inside(np.asarray(astronaut(), np.float64))
    assert np.abs(np.diff(original, axis=1)).mean() > 5.0


def test_a_blurred_jpeg_changes_outside_by_recompression_only_and_has_no_exif() -> None:
    exif = make_exif(lat=HOME[0], lon=HOME[1], make="Phone", model="Jane's phone")
    original = encoded(astronaut(), exif=exif)
    shared = blurred_copy(original, [FACE])
    assert read_exif(shared).lat is None
    assert b"Jane" not in shared
    before, after = _pixels(original), _pixels(shared)
    mask = _outside_mask(after.shape)
    assert np.abs(after - before)[mask].mean() < 1.5
    assert _inside(np.abs(after - before)).mean() > 20


def test_without_regions_the_copy_is_only_stripped() -> None:
    exif = make_exif(lat=HOME[0], lon=HOME[1])
    original = encoded(astronaut(), exif=exif)
    shared = blurred_copy(original, [])
    assert read_exif(shared).lat is None
    assert np.array_equal(_pixels(shared), _pixels(original))  # JPEG pixels untouched
    assert blurred_copy(original, [], keep_metadata=True) == original


def test_removed_regions_are_not_blurred() -> None:
    original = encoded(astronaut(), "PNG")
    removed = BlurRegion(FACE.x, FACE.y, FACE.w, FACE.h, RegionKind.FACE, RegionSource.AUTO,
                         "m", removed=True)  # fmt: skip
    assert np.array_equal(_pixels(blurred_copy(original, [removed])), _pixels(original))


def test_regions_follow_the_upright_photo() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    sideways = encoded(astronaut().transpose(Image.Transpose.ROTATE_90), "PNG", exif=exif)
    after = _pixels(blurred_copy(sideways, [FACE]))  # PNG comes back upright
    before = np.asarray(astronaut(), np.float64)
    assert _inside(np.abs(after - before)).mean() > 20
    mask = _outside_mask(after.shape)
    assert np.array_equal(after[mask], before[mask])


@pytest.fixture
def survey(tmp_path: Path) -> Iterator[SurveyFile]:
    with SurveyFile.create(tmp_path / "s.cartoparty") as opened:
        yield opened


def _add(survey: SurveyFile, data: bytes, name: str) -> int:
    info = survey.add_photo(PhotoInfo(None, None, "", name, "image/jpeg"), data)
    assert info.id is not None
    return info.id


def _count_detections(
    monkeypatch: pytest.MonkeyPatch, threads_seen: set[str] | None = None
) -> list[int]:
    calls: list[int] = []
    real = blur_module.detect_faces

    def counting(data: bytes, threads: int = 1) -> list[BlurRegion]:
        calls.append(len(data))
        if threads_seen is not None:
            threads_seen.add(threading.current_thread().name)
        return real(data, threads)

    monkeypatch.setattr(blur_module, "detect_faces", counting)
    return calls


def test_faces_are_cached_per_photo_and_model(
    survey: SurveyFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    face_photo = _add(survey, encoded(astronaut()), "a.jpg")
    bare = _add(survey, encoded(facade((800, 600))), "b.jpg")
    calls = _count_detections(monkeypatch)
    first = scan_photos(survey, [face_photo, bare], workers=1)
    assert len(calls) == 2
    assert len(first.of(face_photo)) == 1
    assert first.of(bare) == []
    second = scan_photos(survey, [face_photo, bare], workers=1)
    assert len(calls) == 2  # not looked for again
    assert second.of(face_photo) == first.of(face_photo)
    assert survey.photos_detected_by(face_model()) == {face_photo, bare}


def test_a_photo_imported_again_is_not_scanned_again(
    survey: SurveyFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = encoded(astronaut())
    first_id = _add(survey, data, "a.jpg")
    calls = _count_detections(monkeypatch)
    first = scan_photos(survey, [first_id], workers=1)
    survey.delete_photo(first_id)  # its regions go with it; what was found in it stays
    again = _add(survey, data, "a-again.jpg")
    second = scan_photos(survey, [again], workers=1)
    assert len(calls) == 1
    assert [r.box for r in second.of(again)] == [r.box for r in first.of(first_id)]
    assert survey.photos_detected_by(face_model()) == {again}


def test_what_was_found_is_kept_by_content_hash_and_model(survey: SurveyFile) -> None:
    data = encoded(astronaut())
    photo = _add(survey, data, "a.jpg")
    scan_photos(survey, [photo], workers=1)
    sha256 = hashlib.sha256(data).hexdigest()
    (detection,) = survey.detections_of([sha256], face_model()).values()
    assert len(detection.regions) == 1
    assert detection.regions[0].kind is RegionKind.FACE


def test_hand_regions_are_blurred_beside_the_faces_found(survey: SurveyFile) -> None:
    photo = _add(survey, encoded(facade((800, 600))), "wall.jpg")
    plate = survey.add_blur_region(photo, BlurRegion(0.1, 0.7, 0.2, 0.08, RegionKind.PLATE))
    assert scan_photos(survey, [photo], workers=1).of(photo) == [plate]


def test_a_read_only_survey_is_blurred_without_being_written(tmp_path: Path) -> None:
    path = tmp_path / "r.cartoparty"
    with SurveyFile.create(path) as survey:
        photo = _add(survey, encoded(astronaut()), "a.jpg")
    with SurveyFile.open_untrusted_readonly(path) as survey:
        assert len(scan_photos(survey, [photo], workers=1).of(photo)) == 1
    with SurveyFile.open_untrusted_readonly(path) as survey:
        assert survey.blur_regions(photo) == []


def test_stopping_the_scan_cancels_the_export(survey: SurveyFile) -> None:
    photos = [_add(survey, encoded(street_photo([(100, 100, 150 + n)])), f"{n}.jpg")
              for n in range(3)]  # fmt: skip
    stop = threading.Event()
    progress = Progress.watching(stop, lambda done, total: stop.set() if done == 1 else None)
    with pytest.raises(BlurCancelledError):
        scan_photos(survey, photos, workers=1, progress=progress)
    assert len(survey.photos_detected_by(face_model())) == 1  # what was found stays


def test_photos_are_scanned_on_all_cores_with_progress(
    survey: SurveyFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    heads = [[(100 + 300 * n, 400, 200)] for n in range(4)]
    photos = [_add(survey, encoded(street_photo(h)), f"{n}.jpg") for n, h in enumerate(heads)]
    seen: list[tuple[int, int]] = []
    threads: set[str] = set()
    _count_detections(monkeypatch, threads)
    scan = scan_photos(
        survey, photos, workers=2, progress=Progress(listener=lambda *a: seen.append(a))
    )
    assert [len(scan.of(p)) for p in photos] == [1, 1, 1, 1]
    assert seen[-1] == (4, 4)
    assert len(threads) == 2  # both cores at work


def test_a_photo_that_cannot_be_read_is_listed_not_scanned(survey: SurveyFile) -> None:
    broken = _add(survey, b"\xff\xd8\xff\xe0" + bytes(40), "broken.jpg")
    scan = scan_photos(survey, [broken], workers=1)
    assert scan.failed == [(broken, "photo.unreadable")]
    assert scan.missed(broken)
