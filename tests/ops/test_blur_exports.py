"""Every export that carries photos blurs faces by default; ``blur=False`` says no."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from contrechamp.core.camera import Camera
from contrechamp.core.photo import PhotoInfo
from contrechamp.ops.exports import ExportFormat, ExportOptions, export_to
from contrechamp.ops.photo_export import export_photos
from contrechamp.store.survey import SurveyFile
from tests.photos.face_photos import astronaut, encoded

FACE_BOX = (30, 190, 160, 290)  # rows, then columns of the astronaut's head


@pytest.fixture
def survey(tmp_path: Path) -> Iterator[SurveyFile]:
    with SurveyFile.create(tmp_path / "s.cartoparty") as opened:
        opened.add_camera(Camera(60.17, 24.94, {"man_made": "surveillance"}, id="cam"))
        info = PhotoInfo(None, "cam", "", "face.jpg", "image/jpeg")
        opened.add_photo(info, encoded(astronaut()))
        yield opened


def _face_change(data: bytes, size: int = 512) -> float:
    """How far the head's pixels moved from the original's (mean, 0..255)."""
    shared = np.asarray(Image.open(io.BytesIO(data)).convert("RGB").resize((512, 512)), float)
    original = np.asarray(astronaut().resize((size, size)).resize((512, 512)), float)
    top, bottom, left, right = FACE_BOX
    return float(np.abs(shared - original)[top:bottom, left:right].mean())


def _zip_photo(path: Path) -> bytes:
    with zipfile.ZipFile(path) as bundle:
        (name,) = bundle.namelist()
        return bundle.read(name)


def test_a_photo_zip_blurs_faces_by_default(survey: SurveyFile, tmp_path: Path) -> None:
    export_to(survey, ExportFormat.PHOTOS, tmp_path / "p.zip")
    assert _face_change(_zip_photo(tmp_path / "p.zip")) > 20


def test_no_blur_leaves_the_faces_as_they_are(survey: SurveyFile, tmp_path: Path) -> None:
    export_to(survey, ExportFormat.PHOTOS, tmp_path / "p.zip", ExportOptions(blur=False))
    assert _face_change(_zip_photo(tmp_path / "p.zip")) < 3


def test_the_photo_folder_export_blurs_faces(survey: SurveyFile, tmp_path: Path) -> None:
    (written,) = export_photos(survey, tmp_path / "out").written
    assert _face_change(written.read_bytes()) > 20
    (plain,) = export_photos(survey, tmp_path / "plain", blur=False).written
    assert _face_change(plain.read_bytes()) < 3


def test_the_html_maps_previews_are_blurred(survey: SurveyFile, tmp_path: Path) -> None:
    options = ExportOptions(with_photos=True)
    export_to(survey, ExportFormat.HTML, tmp_path / "m.html", options)
    (uri,) = re.findall(
        r"data:image/jpeg;base64,([A-Za-z0-9+/=]+)", (tmp_path / "m.html").read_text()
    )
    preview = base64.b64decode(uri)
    assert _face_change(preview, Image.open(io.BytesIO(preview)).width) > 20
