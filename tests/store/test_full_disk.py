"""A full disk refuses the write with "survey.full" and keeps everything saved before."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoInfo
from contrechamp.store import SurveyFile
from tests.store.helpers import camera
from tests.tmpfs import mounted_tmpfs


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (needs root and mount rights; skipped otherwise)."""
    with mounted_tmpfs(tmp_path / "disk") as disk:
        yield disk


def _fill(survey: SurveyFile) -> tuple[list[str], list[str], SurveyError]:
    """Save cameras and photos until the disk is full; return what was saved and the error."""
    cameras: list[str] = []
    photos: list[str] = []
    for index in range(1000):
        try:
            saved = camera(index)
            survey.add_camera(saved)
            cameras.append(saved.id)
            photo = PhotoInfo(None, saved.id, "", f"{index}.jpg", "image/jpeg")
            photos.append(survey.add_photo(photo, os.urandom(30_000)).sha256)
        except SurveyError as error:
            return cameras, photos, error
    raise AssertionError("the disk never filled up")


def _check_kept(survey: SurveyFile, cameras: list[str], photos: list[str]) -> None:
    assert [c.id for c in survey.cameras()] == cameras
    assert sorted(p.sha256 for p in survey.photos()) == sorted(photos)


def _try_small_write(survey: SurveyFile) -> str:
    """A tiny write may still fit in space the WAL already holds; if not it fails cleanly."""
    failure: SurveyError | None = None
    try:
        survey.title = "encore"
    except SurveyError as error:
        failure = error
    assert failure is None or failure.code == "survey.full"
    return survey.title


def test_full_tmpfs_gives_survey_full_and_keeps_saved_work(small_disk: Path) -> None:
    path = small_disk / "walk.cartoparty"
    survey = SurveyFile.create(path, title="plein")
    cameras, photos, error = _fill(survey)
    assert error.code == "survey.full"
    assert len(photos) >= 5
    _check_kept(survey, cameras, photos)  # the open survey still reads
    title = _try_small_write(survey)
    survey.close()
    with SurveyFile.open(path) as again:
        _check_kept(again, cameras, photos)
        assert again.title == title


def test_page_limit_gives_survey_full_and_the_file_stays_usable(survey: SurveyFile) -> None:
    first, last = camera(0), camera(5000)
    survey.add_camera(first)
    pages = survey._db.raw.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own way to make the database "full" at a given size.
    survey._db.raw.execute(f"PRAGMA max_page_count = {pages + 30}")
    cameras, photos, error = _fill(survey)
    assert error.code == "survey.full"
    _check_kept(survey, [first.id, *cameras], photos)
    survey._db.raw.execute("PRAGMA max_page_count = 1000000")
    survey.add_camera(last)  # room again: writes work at once, nothing to repair
    survey.close()
    with SurveyFile.open(survey.path) as again:
        _check_kept(again, [first.id, *cameras, last.id], photos)


def test_full_disk_inside_a_batch_says_full_and_keeps_nothing_of_it(small_disk: Path) -> None:
    path = small_disk / "walk.cartoparty"
    survey = SurveyFile.create(path, title="plein")
    first = camera(0)
    survey.add_camera(first)

    def import_until_full() -> None:
        with survey.transaction():  # an import: one transaction, a savepoint per photo
            for index in range(1, 1000):
                saved = camera(index)
                survey.add_camera(saved)
                photo = PhotoInfo(None, saved.id, "", f"{index}.jpg", "image/jpeg")
                survey.add_photo(photo, os.urandom(30_000))

    with pytest.raises(SurveyError) as error:
        import_until_full()
    assert error.value.code == "survey.full", error.value.detail
    survey.close()
    with SurveyFile.open(path) as again:
        assert [c.id for c in again.cameras()] == [first.id]
        assert again.photos() == []
