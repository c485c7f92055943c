"""What sits at an export's ``-o`` is respected: a survey's logs are refused, a file keeps its
mode, a link its target, a device or a pipe is written through; a full disk is one sentence."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import digest, one_error_line, run
from tests.tmpfs import mounted_tmpfs


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    with SurveyFile.create(path) as created:
        created.add_camera(Camera(43.73, 7.42, {"man_made": "surveillance"}))
    return path


def export(survey: Path, out: Path, fmt: str = "geojson") -> int:
    return run("export", survey, "--format", fmt, "-o", out)


@pytest.mark.parametrize("end", ["-wal", "-shm", "-journal"])
def test_the_surveys_own_logs_are_refused(
    survey: Path, end: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = survey.with_name(survey.name + end)
    before = digest(survey)
    assert export(survey, target) == 1
    assert target.name in one_error_line(capsys)
    assert not target.exists()
    assert digest(survey) == before


def test_another_surveys_log_is_refused_too(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "other.cartoparty-wal"
    log.write_bytes(b"uncommitted pages")
    assert export(survey, log) == 1
    assert "would overwrite a survey file" in one_error_line(capsys)
    assert log.read_bytes() == b"uncommitted pages"


def test_a_private_file_stays_private(survey: Path, tmp_path: Path) -> None:
    out = tmp_path / "cameras.csv"
    out.write_text("old")
    out.chmod(0o600)
    assert export(survey, out, "csv") == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "man_made" in out.read_text(encoding="utf-8-sig")


def test_a_link_is_kept_and_its_target_replaced(survey: Path, tmp_path: Path) -> None:
    target = tmp_path / "shared.geojson"
    target.write_text("old")
    link = tmp_path / "link.geojson"
    link.symlink_to(target)
    assert export(survey, link) == 0
    assert link.is_symlink()
    assert '"FeatureCollection"' in target.read_text()


def test_a_link_to_the_survey_is_refused(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "cameras.geojson"
    link.symlink_to(survey)
    before = digest(survey)
    assert export(survey, link) == 1
    one_error_line(capsys)
    assert digest(survey) == before


def test_a_named_pipe_is_written_through(survey: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "cameras.fifo"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    assert export(survey, pipe) == 0
    reader.join(timeout=30)
    assert b'"FeatureCollection"' in received[0]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_device_like_dev_null_is_written_through_not_replaced(
    survey: Path, tmp_path: Path
) -> None:
    null = tmp_path / "null"
    try:  # a device node like /dev/null, made here: the real one is never touched
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except OSError:
        pytest.skip("cannot make a device node here (needs root)")
    assert export(survey, null, "gpx") == 0
    assert stat.S_ISCHR(null.stat().st_mode)
    assert null.stat().st_rdev == os.makedev(1, 3)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (needs root and mount rights; skipped otherwise)."""
    with mounted_tmpfs(tmp_path / "disk") as disk:
        yield disk


@pytest.mark.parametrize("fmt", ["geojson", "csv", "osm", "gpx"])
def test_an_export_to_a_full_disk_is_one_sentence_naming_the_file(
    tmp_path: Path, small_disk: Path, fmt: str
) -> None:
    path = tmp_path / "big.cartoparty"
    with SurveyFile.create(path) as survey:  # about 2 MB in any format: more than the disk
        tags = {"man_made": "surveillance", "note": "x" * 60}
        survey.add_cameras([Camera(40 + i * 1e-4, 2.35, tags) for i in range(15_000)])
    before = digest(path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "contrechamp",
            "export",
            str(path),
            "--format",
            fmt,
            "-o",
            str(small_disk / f"out.{fmt}"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"contrechamp: cannot write out.{fmt}: No space left on device"
    ]
    assert list(small_disk.iterdir()) == []  # no half file, no temporary file left
    assert digest(path) == before
