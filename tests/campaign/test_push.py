"""Pushing surveys into a campaign: the merge's camera-aware rules, one transaction, who pushed
what (pseudonyms only), idempotence, and photos as EXIF-free SHA-256 blobs."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from contrechamp.core.camera import Camera, Status
from contrechamp.ops.campaign import init_campaign_at, push_survey
from contrechamp.ops.merge import merge_surveys
from contrechamp.store.survey import SurveyFile
from tests.campaign.cluster import Cluster
from tests.campaign.surveys import (
    METRE_LAT,
    camera_at,
    groups,
    photo,
    seen_by,
    street,
    table_counts,
    write_survey,
)


@pytest.fixture
def campaign(campaign_db: str) -> str:
    init_campaign_at(campaign_db)
    return campaign_db


def _admin(cluster: Cluster, url: str):  # type: ignore[no-untyped-def]
    return cluster.admin(url.rsplit("/", 1)[1])


def test_sightings_of_one_camera_join_and_others_stay_apart(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    places = street(6)
    a = write_survey(tmp_path / "a.cartoparty", seen_by(places, [0, 1, 2, 3], 1), surveyor="ana")
    b = write_survey(tmp_path / "b.cartoparty", seen_by(places, [2, 3, 4, 5], 2), surveyor="bob")
    first = push_survey(a, campaign)
    second = push_survey(b, campaign)
    assert (first.counts.cameras_added, first.counts.sightings) == (4, 4)
    assert (second.counts.cameras_added, second.counts.cameras_changed) == (2, 2)
    with _admin(pg_cluster, campaign) as connection:
        found = groups(connection)
        surveyors = connection.execute(
            "SELECT surveyor FROM campaign.cameras ORDER BY lat"
        ).fetchall()
    assert sorted(len(g) for g in found) == [1, 1, 1, 1, 2, 2]
    assert [row[0] for row in surveyors] == ["ana", "ana", "ana, bob", "ana, bob", "bob", "bob"]


def test_a_push_groups_as_contrechamp_merge_does(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    places = street(30, spacing_m=25.0)
    surveys = [
        write_survey(tmp_path / f"{n}.cartoparty", seen_by(places, range(n, 30, 1 + n), n + 10))
        for n in range(3)
    ]
    for survey in surveys:
        push_survey(survey, campaign)
    merged = merge_surveys(tmp_path / "merged.cartoparty", surveys)
    with SurveyFile.open(merged.out) as survey:
        expected = {
            frozenset(s.key for s in survey.merged_sightings(c.id)) for c in survey.cameras()
        }
    with _admin(pg_cluster, campaign) as connection:
        assert groups(connection) == expected


def test_pushing_the_same_survey_twice_changes_nothing(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    survey = write_survey(
        tmp_path / "a.cartoparty",
        seen_by(street(5), range(5), 3),
        photos={},
    )
    push_survey(survey, campaign, comment="evening walk")
    with _admin(pg_cluster, campaign) as connection:
        before = table_counts(connection)
    again = push_survey(survey, campaign, comment="evening walk")
    assert not again.changed
    assert again.already_there == 5
    with _admin(pg_cluster, campaign) as connection:
        assert table_counts(connection) == before


def test_a_push_records_the_pseudonym_and_comment_only(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    survey = write_survey(
        tmp_path / "a.cartoparty", seen_by(street(2), range(2), 4), surveyor="pair-zebra-3"
    )
    push_survey(survey, campaign, comment="Belsunce, Tuesday")
    with _admin(pg_cluster, campaign) as connection:
        push = connection.execute(
            "SELECT pusher, comment, survey_title, sightings, cameras_added, pushed_at "
            "FROM campaign.pushes"
        ).fetchall()
        owners = connection.execute("SELECT DISTINCT push_id FROM campaign.sightings").fetchall()
    assert len(push) == 1
    pusher, comment, title, sightings, added, when = push[0]
    assert (pusher, comment, title, sightings, added) == (
        "pair-zebra-3",
        "Belsunce, Tuesday",
        "Walk",
        2,
        2,
    )
    assert when is not None
    assert len(owners) == 1


def test_rejected_cameras_are_left_out(pg_cluster: Cluster, campaign: str, tmp_path: Path) -> None:
    cameras = seen_by(street(3), range(3), 5)
    cameras[1] = Camera(cameras[1].lat, cameras[1].lon, cameras[1].tags, status=Status.REJECTED)
    result = push_survey(write_survey(tmp_path / "a.cartoparty", cameras), campaign)
    assert (result.counts.cameras_added, result.rejected_left_out) == (2, 1)


def test_disagreeing_sightings_leave_a_conflict_to_decide(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    lat, lon = street(1)[0]
    a = write_survey(tmp_path / "a.cartoparty", [camera_at(lat, lon, operator="Ville")])
    b = write_survey(
        tmp_path / "b.cartoparty", [camera_at(lat + METRE_LAT, lon, operator="Métropole")]
    )
    push_survey(a, campaign)
    push_survey(b, campaign)
    with _admin(pg_cluster, campaign) as connection:
        conflicts = connection.execute(
            "SELECT key, decided FROM campaign.merge_conflicts"
        ).fetchall()
        cameras = connection.execute("SELECT status FROM campaign.cameras").fetchall()
    assert conflicts == [("operator", False)]
    assert cameras == [("draft",)]


def _exif_of(data: bytes) -> dict[int, object]:
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif())


def test_photos_go_as_sha256_blobs_without_exif_once_each(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    places = street(2)
    a_cams = seen_by(places, [0, 1], 6)
    b_cams = seen_by(places, [0], 7)
    shared = photo("olive")
    assert _exif_of(shared)  # the original has GPS, time and more
    a = write_survey(
        tmp_path / "a.cartoparty",
        a_cams,
        photos={a_cams[0].id: [shared], a_cams[1].id: [photo("red")]},
    )
    b = write_survey(tmp_path / "b.cartoparty", b_cams, photos={b_cams[0].id: [shared]})
    assert push_survey(a, campaign).counts.photos == 2
    assert push_survey(b, campaign).counts.photos == 0  # the same photo of the same camera
    with _admin(pg_cluster, campaign) as connection:
        blobs = connection.execute("SELECT sha256, data FROM campaign.photo_blobs").fetchall()
        rows = connection.execute("SELECT original_sha256 FROM campaign.photos").fetchall()
    assert len(blobs) == 2
    for sha256, data in blobs:
        assert hashlib.sha256(data).hexdigest() == sha256
        assert b"Walker Name" not in data
        assert set(_exif_of(data)) <= {0x0112}  # at most the orientation
    assert hashlib.sha256(shared).hexdigest() in {row[0] for row in rows}


def test_keep_exif_keeps_the_photo_bytes(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    cams = seen_by(street(1), [0], 8)
    data = photo("teal")
    survey = write_survey(tmp_path / "a.cartoparty", cams, photos={cams[0].id: [data]})
    push_survey(survey, campaign, keep_exif=True)
    with _admin(pg_cluster, campaign) as connection:
        stored = connection.execute("SELECT data FROM campaign.photo_blobs").fetchone()
    assert stored is not None
    assert bytes(stored[0]) == data


def test_a_photo_added_after_a_push_follows_its_camera(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    cams = seen_by(street(1), [0], 9)
    survey = write_survey(tmp_path / "a.cartoparty", cams)
    push_survey(survey, campaign)
    with SurveyFile.open(survey) as opened:
        from contrechamp.core.photo import PhotoInfo, PhotoRole

        opened.add_photo(
            PhotoInfo(None, cams[0].id, "", "x.jpg", "image/jpeg", PhotoRole.CLOSE_UP),
            photo("navy"),
        )
    again = push_survey(survey, campaign)
    assert (again.changed, again.counts.photos, again.counts.sightings) == (True, 1, 0)


def _half_and_half() -> bytes:
    """A JPEG whose left half is black and right half white."""
    image = Image.new("RGB", (64, 64), "white")
    image.paste((0, 0, 0), (0, 0, 32, 64))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def test_blur_regions_are_blurred_in_the_pushed_copy(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    from contrechamp.core.blur import BlurRegion

    cams = seen_by(street(1), [0], 10)
    survey = write_survey(tmp_path / "a.cartoparty", cams, photos={cams[0].id: [_half_and_half()]})
    with SurveyFile.open(survey) as opened:
        (stored,) = opened.photos()
        assert stored.id is not None
        opened.add_blur_region(stored.id, BlurRegion(0.25, 0.0, 0.5, 1.0))  # across the edge
    push_survey(survey, campaign)
    with _admin(pg_cluster, campaign) as connection:
        row = connection.execute("SELECT data FROM campaign.photo_blobs").fetchone()
    assert row is not None
    with Image.open(io.BytesIO(bytes(row[0]))) as image:
        grey = image.convert("L")
        left_of_edge, right_of_edge = grey.getpixel((30, 32)), grey.getpixel((34, 32))
    assert abs(int(left_of_edge) - int(right_of_edge)) < 100  # the sharp edge is gone
