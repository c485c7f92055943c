"""Pending photos: recorded by quick key without their bytes, read from their original until
stored, never read from someone else's disk, and complete (known by their SHA-256) once their
bytes are stored."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoInfo
from contrechamp.store import SurveyFile
from contrechamp.store.pending import PendingPhoto, PendingState, quick_key_of, read_original
from tests.store.helpers import camera

ORIGINAL = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40


@pytest.fixture
def original(tmp_path: Path) -> Path:
    path = tmp_path / "DCIM" / "IMG_0001.jpg"
    path.parent.mkdir()
    path.write_bytes(ORIGINAL)
    return path


def _info(data: bytes = ORIGINAL, camera_id: str | None = None) -> PhotoInfo:
    """A photo to record pending: known by its quick key."""
    return PhotoInfo(None, camera_id, quick_key_of(data), "IMG_0001.jpg", "image/jpeg")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pending(survey: SurveyFile, original: Path) -> int:
    photo = survey.add_pending_photo(_info(), original, len(ORIGINAL), b"\xff\xd8thumb")
    assert photo.id is not None
    return photo.id


def test_a_pending_photo_reads_its_original_until_stored(
    survey: SurveyFile, original: Path
) -> None:
    owner = camera(1)
    survey.add_camera(owner)
    photo = survey.add_pending_photo(_info(camera_id=owner.id), original, len(ORIGINAL))
    assert photo.id is not None
    assert survey.photos(owner.id) == [photo]
    assert survey.pending_count() == 1
    (pending,) = survey.pending_photos()
    assert photo.sha256 == quick_key_of(ORIGINAL)  # until the copy reads every byte
    assert pending == PendingPhoto(
        photo.id,
        quick_key_of(ORIGINAL),
        "IMG_0001.jpg",
        original,
        len(ORIGINAL),
        PendingState.WAITING,
    )
    assert survey.photo_data(photo.id) == ORIGINAL
    assert survey.store_original(photo.id, ORIGINAL)
    original.unlink()
    assert survey.pending_photo(photo.id) is None
    assert survey.pending_count() == 0
    assert survey.photo_data(photo.id) == ORIGINAL
    (stored,) = survey.photos(owner.id)
    assert stored.sha256 == _sha256(ORIGINAL)
    assert survey.photo_by_hash(_sha256(ORIGINAL)) == stored
    assert survey.known_quick_keys([quick_key_of(ORIGINAL), "0" * 64]) == {quick_key_of(ORIGINAL)}


def test_wrong_bytes_are_refused_and_change_nothing(survey: SurveyFile, original: Path) -> None:
    photo_id = _pending(survey, original)
    assert not survey.store_original(photo_id, ORIGINAL[:-1] + b"x")
    assert not survey.store_original(photo_id, ORIGINAL + b"x")
    assert not survey.store_original(photo_id, b"x" + ORIGINAL[1:])
    assert survey.pending_count() == 1
    original.write_bytes(ORIGINAL[:-1] + b"x")  # same size, other bytes
    with pytest.raises(SurveyError) as error:
        survey.photo_data(photo_id)
    assert error.value.code == "photo.pending"


def test_the_thumbnail_of_a_pending_photo_follows_it(survey: SurveyFile, original: Path) -> None:
    photo_id = _pending(survey, original)
    assert survey.thumbnail(photo_id) == b"\xff\xd8thumb"
    survey.set_thumbnail(photo_id, b"\xff\xd8preview")
    assert survey.thumbnail(photo_id) == b"\xff\xd8preview"
    assert survey.store_original(photo_id, ORIGINAL)
    assert survey.thumbnail(photo_id) == b"\xff\xd8preview"


def test_adding_the_same_bytes_completes_a_pending_photo(
    survey: SurveyFile, original: Path
) -> None:
    photo_id = _pending(survey, original)
    again = survey.add_photo(_info(), ORIGINAL)
    assert again.id == photo_id
    assert survey.pending_count() == 0
    original.unlink()
    assert survey.photo_data(photo_id) == ORIGINAL
    assert survey.add_pending_photo(_info(), original, len(ORIGINAL)).id == photo_id


def test_many_photos_are_recorded_at_once_each_once(survey: SurveyFile, tmp_path: Path) -> None:
    other = tmp_path / "other.jpg"
    other.write_bytes(ORIGINAL + b"!")
    complete = survey.add_photo(_info(ORIGINAL + b"?"), ORIGINAL + b"?")
    recorded = survey.add_pending_photos(
        [
            (_info(), tmp_path / "a.jpg", len(ORIGINAL), None),
            (_info(ORIGINAL + b"!"), other, len(ORIGINAL) + 1, None),
            (_info(), tmp_path / "copy-of-a.jpg", len(ORIGINAL), None),
            (_info(ORIGINAL + b"?"), tmp_path / "b.jpg", len(ORIGINAL) + 1, None),
        ]
    )
    assert [photo.id for photo in recorded] == [
        recorded[0].id,
        recorded[1].id,
        recorded[0].id,
        complete.id,
    ]
    assert len({recorded[0].id, recorded[1].id, complete.id}) == 3
    assert [p.source.name for p in survey.pending_photos()] == ["a.jpg", "other.jpg"]
    assert survey.photo_data(recorded[1].id) == ORIGINAL + b"!"  # type: ignore[arg-type]


def test_photos_of_a_camera_not_in_the_survey_are_refused_together(
    survey: SurveyFile, original: Path
) -> None:
    with pytest.raises(SurveyError) as error:
        survey.add_pending_photos([(_info(camera_id="nowhere"), original, len(ORIGINAL), None)])
    assert error.value.code == "camera.missing"
    assert survey.photos() == []
    assert survey.pending_count() == 0


def test_deleting_a_pending_photo_forgets_its_original(survey: SurveyFile, original: Path) -> None:
    photo_id = _pending(survey, original)
    survey.delete_photo(photo_id)
    assert survey.pending_count() == 0
    with pytest.raises(SurveyError) as error:
        survey.photo_data(photo_id)
    assert error.value.code == "photo.missing"


def test_state_is_recorded(survey: SurveyFile, original: Path) -> None:
    photo_id = _pending(survey, original)
    survey.set_pending_state(photo_id, PendingState.MISSING)
    assert survey.pending_photo(photo_id) == PendingPhoto(
        photo_id,
        quick_key_of(ORIGINAL),
        "IMG_0001.jpg",
        original,
        len(ORIGINAL),
        PendingState.MISSING,
    )


def test_someone_elses_survey_never_reads_files_on_this_disk(
    survey: SurveyFile, survey_path: Path, original: Path
) -> None:
    photo_id = _pending(survey, original)
    survey.close()
    with SurveyFile.open_untrusted_readonly(survey_path) as received:
        with pytest.raises(SurveyError) as error:
            received.photo_data(photo_id)
        assert error.value.code == "photo.pending"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.unlink(), PendingState.MISSING),
        (lambda p: (p.unlink(), p.mkdir()), PendingState.MISSING),
        (lambda p: (p.unlink(), os.mkfifo(p)), PendingState.MISSING),  # never blocks
        (lambda p: p.write_bytes(ORIGINAL + b"more"), PendingState.CHANGED),
    ],
    ids=["deleted", "folder", "fifo", "grown"],
)
def test_read_original_says_why_an_original_is_unusable(
    original: Path, make: object, expected: PendingState
) -> None:
    pending = PendingPhoto(
        1, "0" * 64, original.name, original, len(ORIGINAL), PendingState.WAITING
    )
    assert read_original(pending) == ORIGINAL
    make(original)  # type: ignore[operator]
    assert read_original(pending) == expected


def test_a_huge_recorded_size_is_never_read(original: Path) -> None:
    pending = PendingPhoto(1, "0" * 64, original.name, original, 10**12, PendingState.WAITING)
    assert read_original(pending) is PendingState.CHANGED


def test_a_bad_hash_is_refused(survey: SurveyFile, original: Path) -> None:
    with pytest.raises(ValueError, match="SHA-256"):
        survey.add_pending_photo(PhotoInfo(None, None, "abc", "x.jpg", "image/jpeg"), original, 1)
    assert survey.photos() == []
