"""copy_pending_photos: the second step of an import brings the photos' bytes into the survey,
checks each original, survives being killed, and resumes."""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from contrechamp.cli import main
from contrechamp.core.drafts import place_draft
from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoRole
from contrechamp.ops.info import survey_info
from contrechamp.ops.photo_copy import copy_pending_photos
from contrechamp.ops.photo_export import export_photos
from contrechamp.ops.photo_import import import_photos, render_previews
from contrechamp.ops.progress import Progress
from contrechamp.store import SCHEMA_VERSION
from contrechamp.store.pending import PendingState, quick_key_of
from contrechamp.store.safety import inspect_survey
from contrechamp.store.survey import SurveyFile
from tests.photos.photo_factory import HOME, T0, write_photo, write_walk
from tests.photos.stopping import StopsAfterChecks

CHILD = Path(__file__).with_name("copy_child.py")


@pytest.fixture
def survey_path(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    SurveyFile.create(path, surveyor="ana").close()
    return path


def _imported(survey_path: Path, folder: Path) -> None:
    with SurveyFile.open(survey_path) as survey:
        import_photos(survey, [folder], surveyor="ana")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _many_photos(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        spot = place_draft(*HOME, 0.0, 100.0 * i)
        taken = T0 + timedelta(minutes=i)
        write_photo(folder, f"{i:02d}.jpg", lat=spot[0], lon=spot[1], heading=5.0, taken_at=taken)
    return folder


def test_both_steps_give_drafts_roles_and_photos_with_their_bytes(
    survey_path: Path, tmp_path: Path
) -> None:
    folder = write_walk(tmp_path / "walk")
    _imported(survey_path, folder)
    with SurveyFile.open(survey_path) as survey:
        copied = copy_pending_photos(survey)
        assert (copied.copied, copied.left, copied.cancelled) == (4, [], False)
        assert copied.bytes_copied == sum(
            (folder / f"IMG_{i}.jpg").stat().st_size for i in (1, 2, 3, 4)
        )
        assert survey.pending_count() == 0
        assert len(survey.cameras()) == 2
        roles = {p.filename: p.role for p in survey.photos()}
        assert roles["IMG_2.jpg"] is PhotoRole.CLOSE_UP
        assert roles["IMG_1.jpg"] is PhotoRole.WIDE
        for photo in survey.photos():
            assert photo.id is not None
            data = survey.photo_data(photo.id)
            assert data == (folder / photo.filename).read_bytes()
            assert _sha256(data) == photo.sha256
        again = import_photos(survey, [folder])
        assert (again.drafts_created, again.photos_added, again.duplicates) == (0, 0, 4)
        assert copy_pending_photos(survey).copied == 0


def test_the_thumbnail_moves_in_with_the_bytes(
    survey_path: Path, shared_data: Path, tmp_path: Path
) -> None:
    shutil.copy(shared_data / "photos" / "jpg_hdr_iphone_hdr_YES.jpg", tmp_path / "iphone.jpg")
    with SurveyFile.open(survey_path) as survey:
        import_photos(survey, [tmp_path / "iphone.jpg"])
        (photo,) = survey.photos()
        assert photo.id is not None
        before = survey.thumbnail(photo.id)
        assert before is not None
        copy_pending_photos(survey)
        assert survey.thumbnail(photo.id) == before


def test_originals_paths_are_gone_from_the_file_once_copied(
    survey_path: Path, tmp_path: Path
) -> None:
    folder = write_walk(tmp_path / "walk-of-renard")
    _imported(survey_path, folder)
    with SurveyFile.open(survey_path) as survey:
        copy_pending_photos(survey)
    connection = sqlite3.connect(survey_path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    assert b"walk-of-renard" not in survey_path.read_bytes()


def test_an_original_gone_or_changed_stays_pending_with_its_state(
    survey_path: Path, tmp_path: Path
) -> None:
    folder = write_walk(tmp_path / "walk")
    _imported(survey_path, folder)
    (folder / "IMG_3.jpg").unlink()
    changed = folder / "IMG_1.jpg"
    changed.write_bytes(bytes(reversed(changed.read_bytes())))  # same size, other bytes
    with SurveyFile.open(survey_path) as survey:
        copied = copy_pending_photos(survey)
        assert copied.copied == 2
        assert {(p.filename, p.state) for p in copied.left} == {
            ("IMG_3.jpg", PendingState.MISSING),
            ("IMG_1.jpg", PendingState.CHANGED),
        }
        assert {p.filename: p.state for p in survey.pending_photos()} == {
            "IMG_3.jpg": PendingState.MISSING,
            "IMG_1.jpg": PendingState.CHANGED,
        }
        gone = next(p for p in survey.photos() if p.filename == "IMG_3.jpg")
        assert gone.id is not None
        with pytest.raises(SurveyError) as error:
            survey.photo_data(gone.id)
        assert error.value.code == "photo.pending"
        assert (gone.id, "photo.pending") in render_previews(survey, [gone.id], workers=1)
        exported = export_photos(survey, tmp_path / "out")
        assert len(exported.written) == 1  # IMG_2 (IMG_4 has no camera)
        assert {code for _, code in exported.failed} == {"photo.pending"}
        assert survey_info(survey).to_json()["photos_pending"] == 2


def test_a_restored_original_is_copied_next_time(survey_path: Path, tmp_path: Path) -> None:
    folder = write_walk(tmp_path / "walk")
    _imported(survey_path, folder)
    kept = tmp_path / "IMG_2.jpg"
    shutil.move(folder / "IMG_2.jpg", kept)
    with SurveyFile.open(survey_path) as survey:
        assert [p.filename for p in copy_pending_photos(survey).left] == ["IMG_2.jpg"]
    shutil.move(kept, folder / "IMG_2.jpg")  # the USB stick is back
    with SurveyFile.open(survey_path) as survey:
        assert copy_pending_photos(survey).copied == 1
        assert survey_info(survey).photos_pending == 0


def test_stopping_keeps_committed_batches_and_the_next_copy_resumes(
    survey_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _many_photos(tmp_path / "walk", 6)
    _imported(survey_path, folder)
    monkeypatch.setattr("contrechamp.ops.photo_copy.BATCH_BYTES", 1)  # one photo per batch
    with SurveyFile.open(survey_path) as survey:
        first = copy_pending_photos(survey, StopsAfterChecks(checks=2))
        assert first.cancelled
        assert first.copied == 2
        assert survey.pending_count() == 4
        progress: list[tuple[int, int]] = []
        second = copy_pending_photos(
            survey, Progress(listener=lambda d, t: progress.append((d, t)))
        )
        assert (second.copied, second.cancelled) == (4, False)
        assert progress[-1] == (4, 4)
        assert survey.pending_count() == 0


def test_a_full_disk_keeps_what_was_committed(
    survey_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _many_photos(tmp_path / "walk", 4)
    _imported(survey_path, folder)
    monkeypatch.setattr("contrechamp.ops.photo_copy.BATCH_BYTES", 1)
    with SurveyFile.open(survey_path) as survey:
        real_store = survey.store_original
        calls = iter(range(100))

        def store_until_full(photo_id: int, data: bytes) -> bool:
            if next(calls) == 2:
                raise SurveyError("disk full", "survey.full")
            return real_store(photo_id, data)

        monkeypatch.setattr(survey, "store_original", store_until_full)
        with pytest.raises(SurveyError):
            copy_pending_photos(survey)
        assert survey.pending_count() == 2
        monkeypatch.setattr(survey, "store_original", real_store)
        assert copy_pending_photos(survey).copied == 2


@pytest.mark.parametrize("kill_at", [1, 4, 9])
def test_a_copy_killed_midway_leaves_a_consistent_file_that_completes(
    survey_path: Path, tmp_path: Path, kill_at: int
) -> None:
    folder = _many_photos(tmp_path / "walk", 10)
    _imported(survey_path, folder)
    size = (folder / "00.jpg").stat().st_size
    child = subprocess.run(
        [sys.executable, str(CHILD), str(survey_path), str(kill_at), str(3 * size - size // 2)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert inspect_survey(survey_path) == SCHEMA_VERSION  # integrity checked too
    with SurveyFile.open(survey_path) as survey:
        pending = survey.pending_count()
        assert pending == 10 - 3 * (kill_at // 3)  # whole batches of three were committed
        for photo in survey.photos():
            assert photo.id is not None
            data = survey.photo_data(photo.id)
            copied = survey.pending_photo(photo.id) is None  # then known by its SHA-256
            assert (_sha256(data) if copied else quick_key_of(data)) == photo.sha256
        assert copy_pending_photos(survey).copied == pending
        assert survey.pending_count() == 0
        assert len(survey.photos()) == len(survey.cameras()) == 10


def _cli_info(survey: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["info", str(survey), "--json"]) == 0
    info: dict[str, object] = json.loads(capsys.readouterr().out)
    return info


def test_the_cli_import_ends_with_every_photo_inside_the_file(
    survey_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_walk(tmp_path / "walk")
    assert main(["import-photos", str(survey_path), str(folder)]) == 0
    shutil.rmtree(folder)  # the originals may go: the survey holds the photos
    with SurveyFile.open(survey_path) as survey:
        assert survey.pending_count() == 0
        assert all(survey.photo_data(p.id) for p in survey.photos() if p.id is not None)
    info = _cli_info(survey_path, capsys)
    assert (info["photos"], info["photos_pending"]) == (4, 0)


def test_the_cli_info_counts_photos_left_outside(
    survey_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_walk(tmp_path / "walk")
    _imported(survey_path, folder)  # the drafts step only, as a stopped window would leave it
    (folder / "IMG_1.jpg").unlink()
    assert _cli_info(survey_path, capsys)["photos_pending"] == 4
    assert main(["import-photos", str(survey_path), str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "0 photos added, 3 already there" in out
    assert f"{folder / 'IMG_1.jpg'} was not copied into the survey: the file is gone" in err
    assert _cli_info(survey_path, capsys)["photos_pending"] == 1
    assert main(["info", str(survey_path)]) == 0
    assert "4 photos (1 not copied in yet)" in capsys.readouterr().out
