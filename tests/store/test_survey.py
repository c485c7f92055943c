"""Round trips of every entity through a real survey file, reopened from disk."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, Polygon

from contrechamp.core.area import BBox, ExistingCamera, FeatureKind, MapFeature, Sector
from contrechamp.core.camera import Camera, PositionSource, Status
from contrechamp.core.errors import SurveyError
from contrechamp.core.photo import PhotoInfo, PhotoRole
from contrechamp.core.track import TrackPoint
from contrechamp.store import SCHEMA_VERSION, SurveyFile
from tests.store.helpers import camera

UNICODE_TAGS = {
    "man_made": "surveillance",
    "operator": "Mairie d'Évry — Police municipale",
    "name:zh": "监控摄像头",
    "note": 'emoji 📷 and "quotes" and \\ and \n newline',
    "camera:direction": "270",
}


def reopened(survey: SurveyFile) -> SurveyFile:
    """Close the survey and open its file again, so reads come from disk."""
    survey.close()
    return SurveyFile.open(survey.path)


def test_metadata_round_trip(survey: SurveyFile) -> None:
    survey.title = "Cartopartie du 14 juin"
    survey.surveyor = "hibou"
    again = reopened(survey)
    assert again.title == "Cartopartie du 14 juin"
    assert again.surveyor == "hibou"
    assert again.schema_version == SCHEMA_VERSION
    assert abs(again.created_at - datetime.now(UTC)) < timedelta(minutes=1)
    assert len(again.survey_id) == 32
    again.surveyor = None
    assert again.surveyor is None
    again.close()


def test_camera_with_unicode_tags_round_trips(survey: SurveyFile) -> None:
    original = Camera(
        lat=48.8566,
        lon=2.3522,
        tags=UNICODE_TAGS,
        status=Status.CONFIRMED,
        source=PositionSource.GPS,
        accuracy_m=4.5,
        surveyor="renard",
        osm_id=123456789,
        osm_version=3,
        notes="derrière le kiosque",
    )
    survey.add_camera(original)
    again = reopened(survey)
    assert again.camera(original.id) == original
    assert list(again.camera(original.id).tags) == list(UNICODE_TAGS)
    again.close()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tags=st.dictionaries(st.text(min_size=1), st.text(), max_size=8))
def test_any_tags_survive_a_save(survey: SurveyFile, tags: dict[str, str]) -> None:
    saved = Camera(lat=1.0, lon=2.0, tags=tags)
    survey.add_camera(saved)
    assert survey.camera(saved.id).tags == tags


def test_update_and_delete_camera(survey: SurveyFile) -> None:
    first, second = camera(1), camera(2)
    survey.add_cameras([first, second])
    moved = first.moved_to(48.0, 2.0, PositionSource.MAP).with_tag("height", "4")
    survey.update_camera(moved)
    survey.delete_camera(second.id)
    again = reopened(survey)
    assert again.cameras() == [moved]
    with pytest.raises(SurveyError) as missing:
        again.camera(second.id)
    assert missing.value.code == "camera.missing"
    again.close()


def test_missing_and_duplicate_cameras_are_reported(survey: SurveyFile) -> None:
    saved = camera(1)
    survey.add_camera(saved)
    for action, code in (
        (lambda: survey.add_camera(saved), "camera.exists"),
        (lambda: survey.add_cameras([camera(2), saved]), "camera.exists"),
        (lambda: survey.update_camera(camera(3)), "camera.missing"),
        (lambda: survey.delete_camera("nope"), "camera.missing"),
    ):
        with pytest.raises(SurveyError) as error:
            action()
        assert error.value.code == code
    assert [c.id for c in survey.cameras()] == [saved.id]


def test_cameras_by_status_and_counts(survey: SurveyFile) -> None:
    statuses = [Status.DRAFT, Status.CONFIRMED, Status.CONFIRMED, Status.REJECTED]
    added = [camera(i, status=status) for i, status in enumerate(statuses)]
    assert survey.add_cameras(added) == 4
    assert survey.cameras(Status.CONFIRMED) == added[1:3]
    assert survey.cameras() == added
    assert survey.camera_counts() == {Status.DRAFT: 1, Status.CONFIRMED: 2, Status.REJECTED: 1}


def test_datetimes_are_stored_as_utc(survey: SurveyFile) -> None:
    paris = timezone(timedelta(hours=2))
    local = datetime(2026, 6, 14, 10, 30, tzinfo=paris)
    survey.add_camera(camera(1, created_at=local, updated_at=local))
    stored = survey.cameras()[0]
    assert stored.created_at == local
    assert stored.created_at.utcoffset() == timedelta(0)
    row = survey._db.raw.execute("SELECT created_at FROM cameras").fetchone()
    assert row == ("2026-06-14T08:30:00+00:00",)


def _photo(camera_id: str | None = None) -> PhotoInfo:
    return PhotoInfo(
        id=None,
        camera_id=camera_id,
        sha256="",
        filename="IMG_0042.HEIC",
        mime="image/heic",
        role=PhotoRole.CLOSE_UP,
        taken_at=datetime(2026, 6, 14, 9, 1, 2, tzinfo=UTC),
        lat=48.85,
        lon=2.35,
        accuracy_m=6.0,
        heading=271.5,
        heading_ref="T",
        altitude=35.2,
        orientation=6,
    )


def test_photo_blobs_round_trip_and_dedup(survey: SurveyFile) -> None:
    owner = camera(1)
    survey.add_camera(owner)
    data = bytes(range(256)) * 4000  # 1 MB, spans many overflow pages
    stored = survey.add_photo(_photo(owner.id), data)
    duplicate = survey.add_photo(replace(_photo(None), filename="copy.heic"), data)
    assert duplicate == stored
    assert stored.id is not None
    survey.set_thumbnail(stored.id, b"\xff\xd8thumb")
    again = reopened(survey)
    assert again.photos() == [stored]
    assert again.photos(owner.id) == [stored]
    assert again.photo_by_hash(stored.sha256) == stored
    assert again.photo_data(stored.id) == data
    assert again.thumbnail(stored.id) == b"\xff\xd8thumb"
    again.close()


def test_attach_detach_and_delete_photo(survey: SurveyFile) -> None:
    owner = camera(1)
    survey.add_camera(owner)
    photo = survey.add_photo(_photo(), b"jpeg bytes")
    assert photo.id is not None
    assert survey.thumbnail(photo.id) is None
    survey.attach_photo(photo.id, owner.id, PhotoRole.WIDE)
    assert survey.photos(owner.id) == [replace(photo, camera_id=owner.id, role=PhotoRole.WIDE)]
    with pytest.raises(SurveyError) as error:
        survey.attach_photo(photo.id, "no such camera")
    assert error.value.code == "camera.missing"
    survey.delete_camera(owner.id)  # the photo stays, detached
    assert survey.photos() == [replace(photo, camera_id=None, role=PhotoRole.WIDE)]
    survey.delete_photo(photo.id)
    assert survey.photos() == []
    for action in (lambda: survey.photo_data(photo.id), lambda: survey.delete_photo(photo.id)):
        with pytest.raises(SurveyError) as error:
            action()
        assert error.value.code == "photo.missing"


def test_area_round_trip_replaces_previous_area(survey: SurveyFile) -> None:
    road = MapFeature(FeatureKind.RESIDENTIAL, LineString([(2.35, 48.85), (2.36, 48.86)]).wkb)
    building = MapFeature(FeatureKind.BUILDING, Polygon([(0, 0), (0, 1), (1, 1)]).wkb, "Mairie", 42)
    existing = ExistingCamera(987, 5, 48.851, 2.351, {"man_made": "surveillance", "name": "Ç"})
    survey.set_area(BBox(0.0, 0.0, 1.0, 1.0), [road], [], "old.osm.pbf")
    survey.set_area(BBox(2.3, 48.8, 2.4, 48.9), [road, building], [existing], "paris.osm.pbf")
    again = reopened(survey)
    assert again.area_bbox() == BBox(2.3, 48.8, 2.4, 48.9)
    assert again.area_source() == "paris.osm.pbf"
    assert again.map_features() == [road, building]
    assert again.existing_cameras() == [existing]
    again.close()


def test_no_area_before_one_is_loaded(survey: SurveyFile) -> None:
    assert survey.area_bbox() is None
    assert survey.map_features() == []
    assert survey.existing_cameras() == []


def test_sectors_round_trip(survey: SurveyFile) -> None:
    north = survey.add_sector(Sector("Nord", Polygon([(0, 0), (0, 1), (1, 1)]).wkb))
    south = survey.add_sector(Sector("Sud — gare", Polygon([(0, 0), (1, 0), (1, 1)]).wkb))
    assert north.id is not None
    assert south.id is not None
    survey.delete_sector(north.id)
    again = reopened(survey)
    assert again.sectors() == [south]
    with pytest.raises(SurveyError) as error:
        again.delete_sector(north.id)
    assert error.value.code == "sector.missing"
    again.close()


def test_track_round_trip_in_time_order(survey: SurveyFile) -> None:
    start = datetime(2026, 6, 14, 9, 0, tzinfo=UTC)
    points = [
        TrackPoint(start + timedelta(seconds=s), 48.85 + s * 1e-5, 2.35, 3.0, 35.0)
        for s in (0.5, 1, 2)
    ]
    survey.append_track(points[1:])
    survey.append_track(points[:1])
    again = reopened(survey)
    assert again.track() == points
    again.clear_track()
    assert again.track() == []
    again.close()


def test_settings_and_imports_round_trip(survey: SurveyFile) -> None:
    assert survey.setting("photo_clock_offset_s", "0") == "0"
    survey.set_setting("photo_clock_offset_s", "-37")
    survey.set_setting("photo_clock_offset_s", "-38")
    survey.record_import("prefecture.csv", "csv", 120)
    survey.record_import("amis.cartoparty", "survey", 7)
    again = reopened(survey)
    assert again.setting("photo_clock_offset_s") == "-38"
    assert again.setting("unknown") is None
    records = again.imports()
    assert [(r.source, r.kind, r.count) for r in records] == [
        ("prefecture.csv", "csv", 120),
        ("amis.cartoparty", "survey", 7),
    ]
    assert abs(records[0].imported_at - datetime.now(UTC)) < timedelta(minutes=1)
    again.close()


def test_transaction_is_all_or_nothing(survey: SurveyFile) -> None:
    def cancelled_edit() -> None:
        with survey.transaction():
            survey.add_camera(camera(1))
            survey.set_setting("k", "v")
            raise RuntimeError("the user cancelled")

    with pytest.raises(RuntimeError):
        cancelled_edit()
    assert survey.cameras() == []
    assert survey.setting("k") is None


def test_nested_transactions_join_the_outer_one(survey: SurveyFile) -> None:
    kept = camera(1)

    def failing_inner_block() -> None:
        with survey.transaction():
            survey.add_camera(camera(2))
            survey.add_camera(kept)  # fails: only the inner block is undone

    with survey.transaction():
        survey.add_camera(kept)
        with pytest.raises(SurveyError):
            failing_inner_block()
        survey.set_setting("k", "v")
    assert survey.cameras() == [kept]
    assert survey.setting("k") == "v"


def test_create_refuses_an_existing_file(survey_path: Path) -> None:
    survey_path.write_bytes(b"precious")
    with pytest.raises(SurveyError) as error:
        SurveyFile.create(survey_path)
    assert error.value.code == "survey.exists"
    assert survey_path.read_bytes() == b"precious"


def test_create_in_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(SurveyError) as error:
        SurveyFile.create(tmp_path / "nowhere" / "walk.cartoparty")
    assert error.value.code == "survey.io"


def test_closed_survey_refuses_use(survey: SurveyFile) -> None:
    survey.close()
    survey.close()
    with pytest.raises(SurveyError) as error:
        survey.cameras()
    assert error.value.code == "survey.closed"


def test_read_only_survey_reads_but_refuses_writes(survey: SurveyFile) -> None:
    survey.add_camera(camera(1))
    survey.close()
    with SurveyFile.open_untrusted_readonly(survey.path) as readonly:
        assert readonly.readonly
        assert len(readonly.cameras()) == 1
        with pytest.raises(SurveyError) as error:
            readonly.add_camera(camera(2))
        assert error.value.code == "survey.readonly"
