"""Pulling a campaign into an ordinary survey, and pushing it back: edits made offline come
back as edits of the campaign's cameras, never as copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely import box

from contrechamp.core.area import BBox, Sector
from contrechamp.core.camera import PositionSource, Status
from contrechamp.core.errors import SurveyError
from contrechamp.ops.campaign import init_campaign_at, push_survey
from contrechamp.ops.campaign_pull import pull_survey
from contrechamp.ops.campaign_survey import PULLED_SETTING, PulledFrom
from contrechamp.store.campaign.errors import CampaignError
from contrechamp.store.survey import SurveyFile
from tests.campaign.cluster import Cluster
from tests.campaign.surveys import METRE_LAT, camera_at, photo, seen_by, street, write_survey


@pytest.fixture
def campaign(campaign_db: str, tmp_path: Path) -> str:
    """A campaign of 20 cameras along a street (two photos on the first), sector "Nord"
    around the northern half."""
    init_campaign_at(campaign_db)
    places = street(20)
    cameras = seen_by(places, range(20), 11)
    north = box(5.36, places[10][0] - 5 * METRE_LAT, 5.38, 43.40)
    survey = write_survey(
        tmp_path / "walk.cartoparty",
        cameras,
        sectors=[Sector("Nord", north.wkb)],
        photos={cameras[0].id: [photo("olive"), photo("navy")]},
    )
    push_survey(survey, campaign_db)
    return campaign_db


def _admin(cluster: Cluster, url: str):  # type: ignore[no-untyped-def]
    return cluster.admin(url.rsplit("/", 1)[1])


def test_a_bbox_pull_takes_the_cameras_inside_with_their_photos(
    campaign: str, tmp_path: Path
) -> None:
    places = street(20)
    bbox = BBox(5.36, places[0][0] - METRE_LAT * 5, 5.38, places[4][0] + METRE_LAT * 5)
    result = pull_survey(campaign, tmp_path / "pulled.cartoparty", bbox=bbox)
    assert (result.cameras, result.photos) == (5, 2)
    with SurveyFile.open(result.out) as survey:
        assert len(survey.cameras()) == 5
        assert len(survey.photos()) == 2
        assert all(bbox.contains(c.lat, c.lon) for c in survey.cameras())


def test_a_sector_pull_takes_the_sector_and_its_cameras(campaign: str, tmp_path: Path) -> None:
    result = pull_survey(campaign, tmp_path / "nord.cartoparty", sector="Nord", photos=False)
    assert result.cameras == 10
    with SurveyFile.open(result.out) as survey:
        assert [s.name for s in survey.sectors()] == ["Nord"]
        assert survey.photos() == []


def test_an_unknown_sector_is_refused_and_nothing_written(campaign: str, tmp_path: Path) -> None:
    with pytest.raises(CampaignError) as caught:
        pull_survey(campaign, tmp_path / "x.cartoparty", sector="Sud")
    assert caught.value.code == "campaign.sector"
    assert list(tmp_path.glob("*x.cartoparty*")) == []


def test_a_pull_never_replaces_a_file(campaign: str, tmp_path: Path) -> None:
    target = tmp_path / "mine.cartoparty"
    target.write_bytes(b"precious")
    with pytest.raises(SurveyError):
        pull_survey(campaign, target)
    assert target.read_bytes() == b"precious"


def test_the_pulled_survey_keeps_the_campaign_and_revisions(campaign: str, tmp_path: Path) -> None:
    result = pull_survey(campaign, tmp_path / "p.cartoparty", photos=False)
    with SurveyFile.open(result.out) as survey:
        pulled = PulledFrom.from_json(survey.setting(PULLED_SETTING))
        ids = {c.id for c in survey.cameras()}
    assert pulled is not None
    assert len(pulled.campaign_id) == 32
    assert set(pulled.revisions) == ids
    assert set(pulled.revisions.values()) == {1}


def test_offline_edits_come_back_as_edits_not_copies(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    pulled = pull_survey(campaign, tmp_path / "p.cartoparty").out
    with SurveyFile.open(pulled) as survey:
        first, second, *_ = survey.cameras()
        survey.update_camera(first.with_tag("camera:direction", "180"))
        survey.update_camera(
            second.moved_to(second.lat + 2 * METRE_LAT, second.lon, PositionSource.GPS)
        )
        lat, lon = street(30)[25]
        survey.add_camera(camera_at(lat, lon))  # a new one, seen offline
    result = push_survey(pulled, campaign)
    assert (result.counts.edits, result.counts.sightings, result.counts.cameras_added) == (2, 1, 1)
    with _admin(pg_cluster, campaign) as connection:
        count = connection.execute("SELECT count(*) FROM campaign.cameras").fetchone()
        edited = connection.execute(
            "SELECT tags, revision FROM campaign.cameras WHERE id = %s", (first.id,)
        ).fetchone()
        kept = connection.execute(
            "SELECT revision, tags FROM campaign.camera_revisions WHERE camera_id = %s",
            (first.id,),
        ).fetchall()
    assert count == (21,)
    assert edited is not None
    assert '"camera:direction":"180"' in edited[0]
    assert edited[1] == 2
    assert len(kept) == 1  # the revision pulled, kept as the base of later edits
    assert kept[0][0] == 1
    assert '"camera:direction":"180"' not in kept[0][1]
    assert not push_survey(pulled, campaign).changed  # pushed back twice: nothing more


def test_an_edit_made_on_both_sides_keeps_the_campaign_value_and_records_a_conflict(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    mine = pull_survey(campaign, tmp_path / "mine.cartoparty", photos=False).out
    theirs = pull_survey(campaign, tmp_path / "theirs.cartoparty", photos=False).out
    with SurveyFile.open(theirs) as survey:
        camera = survey.cameras()[0]
        survey.update_camera(camera.with_tag("operator", "Métropole").with_tag("height", "4"))
    push_survey(theirs, campaign)
    with SurveyFile.open(mine) as survey:
        camera = survey.cameras()[0]
        survey.update_camera(camera.with_tag("operator", "Ville").with_tag("camera:mount", "pole"))
    result = push_survey(mine, campaign)
    assert (result.counts.edits, result.counts.conflicts) == (1, 1)
    with _admin(pg_cluster, campaign) as connection:
        tags, status = connection.execute(
            "SELECT tags, status FROM campaign.cameras WHERE id = %s", (camera.id,)
        ).fetchone() or ("", "")
        conflict = connection.execute(
            "SELECT key, choices FROM campaign.merge_conflicts WHERE camera_id = %s", (camera.id,)
        ).fetchall()
    assert '"operator":"Métropole"' in tags
    assert '"height":"4"' in tags
    assert '"camera:mount":"pole"' in tags
    assert status == Status.DRAFT.value
    assert [key for key, _ in conflict] == ["operator"]
    assert "Ville" in conflict[0][1]
    assert "Métropole" in conflict[0][1]
    assert not push_survey(mine, campaign).changed


def test_a_survey_pulled_from_another_campaign_is_pushed_as_new_sightings(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    other = pg_cluster.new_database("t_other_campaign")
    init_campaign_at(other)
    pulled = pull_survey(campaign, tmp_path / "p.cartoparty", photos=False).out
    result = push_survey(pulled, other)
    assert (result.counts.sightings, result.counts.edits) == (20, 0)
