"""Attaching photos reads every file first, then stores them at once; bad files store nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrechamp.core.camera import Camera
from contrechamp.core.errors import ContrechampError, InputError
from contrechamp.core.photo import PhotoRole
from contrechamp.ops.photo_attach import commit_photos, read_photos_to_attach
from contrechamp.store import SurveyFile
from tests.photos.photo_factory import jpeg_bytes

_COLOURS = ("steelblue", "tomato", "seagreen", "gold", "orchid")


def write_jpeg(path: Path, seed: int) -> Path:
    """A small real JPEG, different for each seed."""
    path.write_bytes(jpeg_bytes(size=(64 + seed, 48), color=_COLOURS[seed % len(_COLOURS)]))
    return path


@pytest.fixture
def survey(tmp_path: Path) -> SurveyFile:
    opened = SurveyFile.create(tmp_path / "walk.cartoparty")
    opened.add_camera(Camera(48.85, 2.35, {"man_made": "surveillance"}, id="cam"))
    return opened


def test_photos_read_then_committed_are_attached_with_a_preview(
    survey: SurveyFile, tmp_path: Path
) -> None:
    paths = [write_jpeg(tmp_path / f"p{i}.jpg", seed=i) for i in range(2)]
    ready = read_photos_to_attach(paths, PhotoRole.CLOSE_UP)
    assert survey.photos() == []  # the read step writes nothing
    stored = commit_photos(survey, "cam", ready)
    assert [p.camera_id for p in survey.photos("cam")] == ["cam", "cam"]
    assert {p.role for p in stored} == {PhotoRole.CLOSE_UP}
    assert all(survey.thumbnail(p.id or 0) for p in stored)
    assert {p.sha256 for p in survey.photos()} == {p.sha256 for p in stored}


def test_one_unreadable_file_stops_the_read_before_anything_is_stored(
    survey: SurveyFile, tmp_path: Path
) -> None:
    good = write_jpeg(tmp_path / "good.jpg", seed=1)
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo")
    with pytest.raises(InputError):
        read_photos_to_attach([good, bad])
    assert survey.photos() == []


def test_a_photo_attached_twice_is_stored_once(survey: SurveyFile, tmp_path: Path) -> None:
    path = write_jpeg(tmp_path / "p.jpg", seed=3)
    commit_photos(survey, "cam", read_photos_to_attach([path]))
    commit_photos(survey, "cam", read_photos_to_attach([path]))
    assert len(survey.photos()) == 1


def test_committing_to_a_camera_deleted_meanwhile_stores_nothing(
    survey: SurveyFile, tmp_path: Path
) -> None:
    ready = read_photos_to_attach([write_jpeg(tmp_path / "p.jpg", seed=4)])
    survey.delete_camera("cam")
    with pytest.raises(ContrechampError) as error:
        commit_photos(survey, "cam", ready)
    assert error.value.code == "camera.missing"
    assert survey.photos() == []
