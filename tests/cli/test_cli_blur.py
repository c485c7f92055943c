"""``contrechamp export``: photos blurred by default (and cached), ``--no-blur`` says so."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from contrechamp.core.blur import BlurRegion
from contrechamp.core.camera import Camera
from contrechamp.core.photo import PhotoInfo
from contrechamp.ops import blur as blur_module
from contrechamp.ops.face_detection import face_model
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import run
from tests.photos.face_photos import astronaut, encoded


@pytest.fixture
def survey_path(tmp_path: Path) -> Path:
    path = tmp_path / "s.cartoparty"
    with SurveyFile.create(path) as survey:
        survey.add_camera(Camera(60.17, 24.94, {"man_made": "surveillance"}, id="cam"))
        survey.add_photo(PhotoInfo(None, "cam", "", "a.jpg", "image/jpeg"), encoded(astronaut()))
    return path


def _head_change(zip_path: Path) -> float:
    with zipfile.ZipFile(zip_path) as bundle:
        data = bundle.read(bundle.namelist()[0])
    shared = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), float)
    return float(np.abs(shared - np.asarray(astronaut(), float))[30:190, 160:290].mean())


def test_export_photos_blurs_faces_and_keeps_what_it_found(
    survey_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("export", survey_path, "--format", "photos", "-o", tmp_path / "p.zip") == 0
    assert "faces and blur regions blurred" in capsys.readouterr().out
    assert _head_change(tmp_path / "p.zip") > 20
    with SurveyFile.open_untrusted_readonly(survey_path) as survey:
        assert len(survey.photos_detected_by(face_model())) == 1  # the next export is quick


def test_no_blur_is_explicit_and_said(
    survey_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.zip"
    assert run("export", survey_path, "--format", "photos", "-o", out, "--no-blur") == 0
    assert "photos NOT blurred (--no-blur)" in capsys.readouterr().out
    assert _head_change(out) < 3


def test_export_says_how_far_the_look_for_faces_is(
    survey_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("export", survey_path, "--format", "photos", "-o", tmp_path / "p.zip") == 0
    err = capsys.readouterr().err
    assert "looking for faces: 0 of 1 photos (Ctrl+C stops)" in err
    assert "looking for faces: 1 of 1 photos (Ctrl+C stops)" in err


def test_ctrl_c_while_looking_for_faces_writes_nothing_and_keeps_what_was_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "three.cartoparty"
    with SurveyFile.create(path) as survey:
        survey.add_camera(Camera(60.17, 24.94, {"man_made": "surveillance"}, id="cam"))
        for n in range(3):
            photo = encoded(astronaut().rotate(n))
            survey.add_photo(PhotoInfo(None, "cam", "", f"{n}.jpg", "image/jpeg"), photo)
    real, calls = blur_module.detect_faces, []

    def interrupted_at_the_second(data: bytes, threads: int = 1) -> list[BlurRegion]:
        calls.append(len(data))
        if len(calls) == 2:
            raise KeyboardInterrupt  # what Ctrl+C raises while the export waits for it
        return real(data, threads)

    monkeypatch.setattr(blur_module, "detect_faces", interrupted_at_the_second)
    out = tmp_path / "p.zip"
    assert run("export", path, "--format", "photos", "-o", out) == 1
    assert "contrechamp: interrupted" in capsys.readouterr().err
    assert not out.exists()
    with SurveyFile.open_untrusted_readonly(path) as survey:
        assert len(survey.photos_detected_by(face_model())) == 1  # the first photo's faces
