"""import_photos against a real survey file: drafts, pairs, track matching, duplicates, pending
photos, failures."""

from __future__ import annotations

import hashlib
import io
import shutil
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from contrechamp.cli import main
from contrechamp.core.camera import PositionSource, Status
from contrechamp.core.drafts import direction_is_proposal, place_draft
from contrechamp.core.errors import SurveyError
from contrechamp.core.geo import distance_m
from contrechamp.core.photo import PhotoRole
from contrechamp.core.track import TrackPoint
from contrechamp.ops.photo_import import copy_pending_photos, import_photos, render_previews
from contrechamp.ops.progress import Progress
from contrechamp.store.pending import PendingState
from contrechamp.store.survey import SurveyFile
from tests.photos.photo_factory import HOME, PHOTO_KINDS, T0, make_exif, write_photo, write_walk
from tests.photos.stopping import StopsAfterChecks


@pytest.fixture
def survey(tmp_path: Path):  # type: ignore[no-untyped-def]
    with SurveyFile.create(tmp_path / "walk.cartoparty", surveyor="ana") as opened:
        yield opened


def test_a_walk_folder_becomes_drafts_with_a_summary(survey: SurveyFile, tmp_path: Path) -> None:
    folder = write_walk(tmp_path / "walk")
    summary = import_photos(survey, [folder, tmp_path / "gone.jpg"], surveyor="ana")
    assert (summary.drafts_created, summary.photos_added, summary.duplicates) == (2, 4, 0)
    assert summary.unplaced == [str(folder / "IMG_4.jpg")]
    assert set(summary.skipped) == {
        (str(folder / "broken.jpg"), "photo.unreadable"),
        (str(folder / "notes.txt"), "photo.unsupported"),
        (str(tmp_path / "gone.jpg"), "file.missing"),
    }
    cameras = survey.cameras()
    assert len(cameras) == 2
    assert all(c.status is Status.DRAFT and c.source is PositionSource.PHOTO for c in cameras)
    assert all(direction_is_proposal(c) and c.surveyor == "ana" for c in cameras)
    assert [p.filename for p in survey.photos() if p.camera_id is None] == ["IMG_4.jpg"]


def test_the_pair_shares_one_draft_placed_ahead_of_the_close_up(
    survey: SurveyFile, tmp_path: Path
) -> None:
    import_photos(survey, [write_walk(tmp_path / "walk")])
    pair = next(c for c in survey.cameras() if len(survey.photos(c.id)) == 2)
    roles = {p.filename: p.role for p in survey.photos(pair.id)}
    assert roles == {"IMG_2.jpg": PhotoRole.CLOSE_UP, "IMG_1.jpg": PhotoRole.WIDE}
    close_up = next(p for p in survey.photos(pair.id) if p.role is PhotoRole.CLOSE_UP)
    assert distance_m(close_up.lat, close_up.lon, pair.lat, pair.lon) == pytest.approx(
        4.0, abs=0.01
    )
    assert pair.tags["camera:direction"] == "272"
    assert pair.accuracy_m == 3.0


def test_reimporting_the_same_photos_creates_nothing(survey: SurveyFile, tmp_path: Path) -> None:
    folder = write_walk(tmp_path / "walk")
    import_photos(survey, [folder])
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    again = import_photos(survey, [folder, copy / "IMG_1.jpg", copy / "IMG_1.jpg"])
    assert (again.drafts_created, again.photos_added, again.duplicates) == (0, 0, 6)
    assert len(survey.cameras()) == 2
    assert len(survey.photos()) == 4


def test_photos_without_gps_are_placed_from_the_track_with_a_clock_offset(
    survey: SurveyFile, tmp_path: Path
) -> None:
    folder = tmp_path / "walk"
    folder.mkdir()
    write_photo(folder, "a.jpg", taken_at=datetime(2024, 5, 1, 12, 0, 5), offset="+02:00")
    write_photo(folder, "b.jpg", taken_at=datetime(2024, 5, 1, 13, 0, 0), offset="+02:00")
    track = [
        TrackPoint(datetime(2024, 5, 1, 10, 0, 0, tzinfo=UTC), 48.0, 2.0),
        TrackPoint(datetime(2024, 5, 1, 10, 0, 20, tzinfo=UTC), 48.0004, 2.0),
    ]
    summary = import_photos(survey, [folder], track=track, clock_offset=timedelta(seconds=5))
    assert summary.drafts_created == 1
    assert summary.unplaced == [str(folder / "b.jpg")]
    (camera,) = survey.cameras()
    assert (camera.lat, camera.lon) == (pytest.approx(48.0002), pytest.approx(2.0))
    assert "camera:direction" not in camera.tags


def test_cancel_leaves_every_draft_with_its_photos(survey: SurveyFile, tmp_path: Path) -> None:
    folder = tmp_path / "walk"
    folder.mkdir()
    for i in range(6):
        spot = place_draft(*HOME, 0.0, 100.0 * i)
        write_photo(
            folder,
            f"{i}a.jpg",
            lat=spot[0],
            lon=spot[1],
            heading=10.0,
            taken_at=T0 + timedelta(minutes=i),
        )
        write_photo(
            folder,
            f"{i}b.jpg",
            lat=spot[0],
            lon=spot[1],
            heading=12.0,
            taken_at=T0 + timedelta(minutes=i, seconds=20),
        )
    summary = import_photos(survey, [folder], progress=StopsAfterChecks(checks=15))
    assert summary.cancelled
    assert 0 < summary.drafts_created < 6
    assert len(survey.cameras()) == summary.drafts_created
    assert all(len(survey.photos(c.id)) == 2 for c in survey.cameras())
    assert len(survey.photos()) == 2 * summary.drafts_created


def test_progress_rises_to_the_total(survey: SurveyFile, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    import_photos(
        survey,
        [write_walk(tmp_path / "walk")],
        progress=Progress(listener=lambda d, t: seen.append((d, t))),
    )
    done = [d for d, _ in seen]
    assert done == sorted(done)
    assert seen[-1][0] == seen[-1][1] > 0


def test_embedded_thumbnails_are_cached_upright(
    survey: SurveyFile, shared_data: Path, tmp_path: Path
) -> None:
    shutil.copy(shared_data / "photos" / "jpg_hdr_iphone_hdr_YES.jpg", tmp_path / "iphone.jpg")
    import_photos(survey, [tmp_path / "iphone.jpg"])
    (photo,) = survey.photos()
    thumbnail = survey.thumbnail(photo.id)  # type: ignore[arg-type]
    assert thumbnail is not None
    assert thumbnail.startswith(b"\xff\xd8")


def test_real_photo_folder_imports_without_crashing(survey: SurveyFile, shared_data: Path) -> None:
    summary = import_photos(survey, [shared_data / "photos"])
    assert summary.drafts_created == 4  # the four photos with GPS, each far from the others
    assert summary.photos_added + len(summary.skipped) == 11
    cameras = {c.tags.get("camera:direction") for c in survey.cameras()}
    assert cameras == {None, "31", "111", "273"}  # 211.2 T, 291.39 M, 93 M reversed


def test_real_photos_reimported_before_or_after_their_copy_add_nothing(
    survey: SurveyFile, shared_data: Path, tmp_path: Path
) -> None:
    first = import_photos(survey, [shared_data / "photos"])
    cameras = len(survey.cameras())
    again = import_photos(survey, [shared_data / "photos"])  # still pending
    assert (again.drafts_created, again.photos_added) == (0, 0)
    assert again.duplicates == first.photos_added
    assert copy_pending_photos(survey).copied == first.photos_added
    shutil.copytree(shared_data / "photos", tmp_path / "elsewhere")  # same bytes, other paths
    after = import_photos(survey, [tmp_path / "elsewhere"])
    assert (after.drafts_created, after.photos_added) == (0, 0)
    assert after.duplicates == first.photos_added
    assert (len(survey.cameras()), survey.pending_count()) == (cameras, 0)
    for photo in survey.photos():  # complete photos are known by the SHA-256 of their bytes
        data = survey.photo_data(photo.id)  # type: ignore[arg-type]
        assert hashlib.sha256(data).hexdigest() == photo.sha256


def test_a_photo_edited_in_its_middle_only_is_taken_for_the_same(
    survey: SurveyFile, tmp_path: Path
) -> None:
    # The documented limit of the quick key: bytes between the first 64 KiB and the last
    # 64 KiB are not compared (a phone never rewrites a photo there alone).
    out = io.BytesIO()
    noise = Image.effect_noise((1200, 900), 60).convert("RGB")
    noise.save(out, "JPEG", quality=95, exif=make_exif(lat=HOME[0], lon=HOME[1], taken_at=T0))
    data = out.getvalue()
    assert len(data) > 400 * 1024
    path = tmp_path / "big.jpg"
    path.write_bytes(data)
    assert import_photos(survey, [path]).photos_added == 1
    middle = len(data) - 100 * 1024
    twin = tmp_path / "twin.jpg"
    twin.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    assert import_photos(survey, [twin]).duplicates == 1
    shifted = tmp_path / "shifted.jpg"
    shifted.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # the tail differs: another photo
    assert import_photos(survey, [shifted]).photos_added == 1


def test_previews_render_on_a_pool_and_replace_thumbnails(
    survey: SurveyFile, shared_data: Path
) -> None:
    import_photos(survey, [shared_data / "photos" / "jpg_orientation_landscape_6.jpg"])
    (photo,) = survey.photos()
    assert survey.thumbnail(photo.id) is None  # type: ignore[arg-type]
    assert render_previews(survey, [photo.id], workers=2) == []  # type: ignore[list-item]
    with Image.open(io.BytesIO(survey.thumbnail(photo.id))) as preview:  # type: ignore[arg-type]
        assert preview.size == (320, 240)


def test_drafts_are_recorded_with_their_photos_pending(survey: SurveyFile, tmp_path: Path) -> None:
    folder = write_walk(tmp_path / "walk")
    summary = import_photos(survey, [folder])
    assert summary.photos_added == survey.pending_count() == 4
    pending = {p.filename: p for p in survey.pending_photos()}
    assert pending["IMG_1.jpg"].source == folder / "IMG_1.jpg"
    assert pending["IMG_1.jpg"].size == (folder / "IMG_1.jpg").stat().st_size
    assert {p.state for p in pending.values()} == {PendingState.WAITING}
    # Until copied, the bytes come from the originals, checked against their quick key.
    photo = next(p for p in survey.photos() if p.filename == "IMG_3.jpg")
    assert survey.photo_data(photo.id) == (folder / "IMG_3.jpg").read_bytes()  # type: ignore[arg-type]


def test_a_full_disk_stops_the_import_keeping_whole_drafts_only(
    survey: SurveyFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("contrechamp.ops.photo_import._PHOTOS_PER_COMMIT", 2)
    real_add = survey.add_pending_photos
    batches: list[int] = []

    def add_until_full(photos):  # type: ignore[no-untyped-def]
        if batches:  # the disk fills up with the second batch: the pair was committed
            raise SurveyError("disk full", "survey.full")
        batches.append(len(photos))
        return real_add(photos)

    monkeypatch.setattr(survey, "add_pending_photos", add_until_full)
    folder = write_walk(tmp_path / "walk")
    summary = import_photos(survey, [folder])
    assert summary.drafts_created == 1
    skipped_full = {Path(name).name for name, code in summary.skipped if code == "survey.full"}
    assert skipped_full == {"IMG_3.jpg", "IMG_4.jpg"}
    (camera,) = survey.cameras()
    assert len(survey.photos(camera.id)) == 2
    assert len(survey.photos()) == 2


def test_a_failed_commit_keeps_nothing_of_its_batch(
    survey: SurveyFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_walk(tmp_path / "walk")
    real_transaction = survey.transaction
    depth = [0]

    @contextmanager
    def failing_commit():  # type: ignore[no-untyped-def]
        depth[0] += 1
        try:
            with real_transaction():
                yield
                if depth[0] == 1:
                    raise SurveyError("disk full", "survey.full")  # at COMMIT time
        finally:
            depth[0] -= 1

    monkeypatch.setattr(survey, "transaction", failing_commit)
    summary = import_photos(survey, [folder])
    assert (summary.drafts_created, summary.photos_added, summary.camera_ids) == (0, 0, [])
    assert len(summary.skipped) == 2 + 4  # broken.jpg, notes.txt, then the four photos
    assert survey.cameras() == []
    assert survey.photos() == []


# --- JPEG XL and AVIF photos (newer phones and cameras, and JPEGs recompressed by cjxl) ---

_NEW_KINDS = [kind for kind in PHOTO_KINDS if kind != "jpeg"]


def _walk_of(folder: Path, kind: str, heading: float) -> Path:
    """One photo of ``kind`` with GPS, compass heading and time, taken at HOME."""
    folder.mkdir()
    fields = {"lat": HOME[0], "lon": HOME[1], "heading": heading, "taken_at": T0}
    return write_photo(folder, f"walk.{kind}", kind, heading_ref="M", **fields)


@pytest.mark.parametrize("kind", _NEW_KINDS)
def test_jpeg_xl_and_avif_photos_become_drafts_ahead_of_the_photographer(
    survey: SurveyFile, tmp_path: Path, kind: str
) -> None:
    path = _walk_of(tmp_path / "walk", kind, heading=123.5)
    summary = import_photos(survey, [path.parent])
    assert (summary.skipped, summary.drafts_created, summary.photos_added) == ([], 1, 1)
    (camera,) = survey.cameras()
    ahead = place_draft(*HOME, 123.5)
    assert (camera.lat, camera.lon) == (pytest.approx(ahead[0]), pytest.approx(ahead[1]))
    assert camera.tags["camera:direction"] == "304"  # facing the photographer: 123.5 + 180
    assert direction_is_proposal(camera)
    (photo,) = survey.photos(camera.id)
    assert photo.mime == ("image/avif" if kind == "avif" else "image/jxl")
    assert photo.taken_at is not None
    assert photo.taken_at.replace(tzinfo=None) == T0  # DateTimeOriginal, stored as a JPEG's
    assert (photo.heading, photo.heading_ref) == (123.5, "M")
    assert copy_pending_photos(survey).copied == 1
    assert survey.photo_data(photo.id) == path.read_bytes()  # type: ignore[arg-type]
    assert render_previews(survey, [photo.id]) == []  # type: ignore[list-item]
    with Image.open(io.BytesIO(survey.thumbnail(photo.id))) as preview:  # type: ignore[arg-type]
        assert preview.size == (64, 48)  # not enlarged


def test_import_photos_command_makes_drafts_from_jpeg_xl_and_avif(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    survey_path = tmp_path / "walk.cartoparty"
    assert main(["new", str(survey_path)]) == 0
    capsys.readouterr()
    folder = tmp_path / "walk"
    folder.mkdir()
    far = place_draft(*HOME, 0.0, 300.0)
    write_photo(folder, "a.jxl", "jxl-brotli", lat=HOME[0], lon=HOME[1], heading=90.0, taken_at=T0)
    write_photo(folder, "b.avif", "avif", lat=far[0], lon=far[1], heading=200.0, taken_at=T0)
    assert main(["import-photos", str(survey_path), str(folder)]) == 0
    assert capsys.readouterr().out.startswith("2 drafts, 2 photos added")
    with SurveyFile.open(survey_path) as survey:
        directions = {c.tags["camera:direction"] for c in survey.cameras()}
        assert directions == {"270", "20"}
        assert survey.pending_count() == 0
