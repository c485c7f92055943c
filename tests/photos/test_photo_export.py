"""Exporting photos for sharing: no GPS or names by default, originals untouched."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from contrechamp.core.camera import Status
from contrechamp.formats.exif import read_exif
from contrechamp.ops.photo_export import export_photos
from contrechamp.ops.photo_import import import_photos
from contrechamp.store.survey import SurveyFile
from tests.photos.photo_factory import HOME, T0, write_photo


@pytest.fixture
def survey(tmp_path: Path) -> Iterator[SurveyFile]:
    folder = tmp_path / "walk"
    folder.mkdir()
    write_photo(
        folder,
        "Jane_Doe_1.jpg",
        lat=HOME[0],
        lon=HOME[1],
        heading=10.0,
        taken_at=T0,
        make="Phone",
        model="Jane's phone",
    )
    write_photo(folder, "b.jpg", lat=HOME[0] + 0.01, lon=HOME[1], heading=10.0, taken_at=T0)
    with SurveyFile.create(tmp_path / "s.cartoparty") as opened:
        assert import_photos(opened, [folder]).drafts_created == 2
        yield opened


def test_exported_photos_have_no_gps_and_no_names(survey: SurveyFile, tmp_path: Path) -> None:
    result = export_photos(survey, tmp_path / "out")
    assert len(result.written) == 2
    assert result.failed == []
    for path in result.written:
        data = path.read_bytes()
        assert read_exif(data).lat is None
        assert b"Jane" not in data
        assert "Jane" not in path.name
    stored = [survey.photo_data(p.id) for p in survey.photos() if p.id is not None]
    assert all(read_exif(data).lat is not None for data in stored)  # originals untouched


def test_keep_metadata_writes_the_originals(survey: SurveyFile, tmp_path: Path) -> None:
    result = export_photos(survey, tmp_path / "out", keep_metadata=True)
    assert all(read_exif(path).lat is not None for path in result.written)


def test_rejected_and_unconfirmed_cameras_are_left_out(survey: SurveyFile, tmp_path: Path) -> None:
    first, second = survey.cameras()
    survey.update_camera(replace(first, status=Status.REJECTED))
    assert len(export_photos(survey, tmp_path / "all").written) == 1
    assert export_photos(survey, tmp_path / "confirmed", confirmed_only=True).written == []
    survey.update_camera(replace(second, status=Status.CONFIRMED))
    (path,) = export_photos(survey, tmp_path / "again", confirmed_only=True).written
    assert path.name.startswith(second.id)


@pytest.mark.parametrize(("kind", "extension"), [("jxl-brotli", ".jxl"), ("avif", ".avif")])
def test_jpeg_xl_and_avif_photos_are_shared_as_clean_jpegs_or_kept_whole(
    tmp_path: Path, kind: str, extension: str
) -> None:
    folder = tmp_path / "walk"
    folder.mkdir()
    write_photo(folder, "a", kind, lat=HOME[0], lon=HOME[1], heading=10.0, taken_at=T0)
    with SurveyFile.create(tmp_path / "new.cartoparty") as survey:
        assert import_photos(survey, [folder]).drafts_created == 1
        (clean,) = export_photos(survey, tmp_path / "clean").written
        (whole,) = export_photos(survey, tmp_path / "whole", keep_metadata=True).written
    assert clean.suffix == ".jpg"
    assert read_exif(clean).lat is None
    assert whole.suffix == extension
    assert whole.read_bytes() == (folder / "a").read_bytes()
