"""``import-photos`` says in sentences which photos it left out, and fails (exit 1) when none
could be imported or the survey could not take them."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from contrechamp.cli import main
from contrechamp.core.errors import SurveyError
from contrechamp.core.messages import SKIPPED
from contrechamp.ops import photo_import
from contrechamp.store.survey import SurveyFile
from tests.photos.photo_factory import write_walk
from tests.store.helpers import make_v1_survey


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    assert run("new", path) == 0
    return path


def no_codes(text: str) -> None:
    """No internal code (``photo.unsupported``, ``survey.full``…) reaches the user."""
    assert not any(code in text for code in SKIPPED), text


def test_a_walk_with_junk_files_imports_and_lists_the_junk_on_stderr(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_walk(tmp_path / "walk")
    capsys.readouterr()
    assert run("import-photos", survey, folder) == 0
    out, err = capsys.readouterr()
    assert "4 photos added" in out
    assert "skipped" not in out
    assert sorted(err.strip().splitlines()) == [
        f"contrechamp: {folder / 'broken.jpg'} is damaged: it cannot be read as a photo",
        f"contrechamp: {folder / 'notes.txt'} is not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP"
        " photo",
    ]
    no_codes(out + err)


def test_nothing_importable_fails(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    capsys.readouterr()
    assert run("import-photos", survey, notes, tmp_path / "gone.jpg") == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'gone.jpg'}: no such file or folder" in err
    assert "notes.txt is not a JPEG, HEIC, JPEG XL, AVIF, PNG or WebP photo" in err
    no_codes(err)
    with SurveyFile.open(survey) as again:
        assert again.photos() == []


def test_an_empty_folder_fails_with_one_sentence(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    capsys.readouterr()
    assert run("import-photos", survey, empty) == 1
    assert capsys.readouterr().err.strip() == f"contrechamp: no photo found in {empty}"


def test_photos_removed_before_their_copy_fail_the_import(
    survey: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = write_walk(tmp_path / "walk")
    copy = photo_import.copy_pending_photos

    def remove_then_copy(opened: SurveyFile) -> photo_import.CopySummary:
        for photo in folder.glob("IMG_*.jpg"):
            photo.unlink()
        return copy(opened)

    monkeypatch.setattr(photo_import, "copy_pending_photos", remove_then_copy)
    capsys.readouterr()
    assert run("import-photos", survey, folder) == 1
    err = capsys.readouterr().err
    gone = [line for line in err.splitlines() if "was not copied into the survey" in line]
    assert len(gone) == 4
    assert gone[0].endswith(": the file is gone")


def test_a_survey_that_cannot_take_the_photos_fails_the_import(
    survey: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = write_walk(tmp_path / "walk")

    def full(*_args: object) -> None:
        raise SurveyError("The disk is full.", "survey.full")

    monkeypatch.setattr(SurveyFile, "add_pending_photos", full)
    capsys.readouterr()
    assert run("import-photos", survey, folder) == 1
    err = capsys.readouterr().err
    assert "was not imported: the disk holding the survey is full" in err
    no_codes(err)


def test_importing_the_same_photos_again_is_no_failure(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_walk(tmp_path / "walk")
    assert run("import-photos", survey, folder) == 0
    capsys.readouterr()
    assert run("import-photos", survey, folder / "IMG_1.jpg") == 0
    assert "0 photos added, 1 already there" in capsys.readouterr().out


def test_pillows_decompression_bomb_warning_stays_off_stderr(survey: Path, tmp_path: Path) -> None:
    photo = tmp_path / "panorama.png"
    Image.new("1", (9500, 9500)).save(photo)  # 90 megapixels: Pillow warns above 89
    done = subprocess.run(
        [sys.executable, "-m", "contrechamp", "import-photos", str(survey), str(photo)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "1 photos added" in done.stdout


def test_a_failed_photo_import_leaves_an_older_survey_unmigrated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = tmp_path / "old.cartoparty"
    make_v1_survey(older)
    before = hashlib.sha256(older.read_bytes()).hexdigest()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    assert run("import-photos", older, notes) == 1
    assert "notes.txt is not a JPEG" in capsys.readouterr().err
    assert hashlib.sha256(older.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "old.cartoparty"]
