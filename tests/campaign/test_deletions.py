"""A camera pulled from a campaign and deleted offline: the next push marks it deleted in the
campaign (a rejected revision, recorded with the push: who and when), unless another survey
changed it there since the pull: then it is kept, and the push says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrechamp.cli_campaign import push_lines
from contrechamp.ops.campaign import init_campaign_at, push_survey
from contrechamp.ops.campaign_pull import pull_survey
from contrechamp.store.survey import SurveyFile
from tests.campaign.cluster import Cluster
from tests.campaign.surveys import seen_by, street, write_survey


@pytest.fixture
def campaign(campaign_db: str, tmp_path: Path) -> str:
    """A campaign of 6 cameras along a street, pushed by pair-zebra."""
    init_campaign_at(campaign_db)
    push_survey(
        write_survey(tmp_path / "walk.cartoparty", seen_by(street(6), range(6), 3)), campaign_db
    )
    return campaign_db


def _pull(url: str, path: Path, surveyor: str) -> Path:
    out = pull_survey(url, path, photos=False).out
    with SurveyFile.open(out) as survey:
        survey.surveyor = surveyor
    return out


def _delete_first(path: Path) -> str:
    with SurveyFile.open(path) as survey:
        camera = survey.cameras()[0]
        survey.delete_camera(camera.id)
    return camera.id


def _row(cluster: Cluster, url: str, camera_id: str) -> tuple[object, ...]:
    with cluster.admin(url.rsplit("/", 1)[1]) as connection:
        row = connection.execute(
            "SELECT c.status, c.revision, p.pusher, p.pushed_at IS NOT NULL, "
            "(SELECT count(*) FROM campaign.camera_revisions r WHERE r.camera_id = c.id), "
            "(SELECT count(*) FROM campaign.camera_map m WHERE m.id = c.id) "
            "FROM campaign.cameras c JOIN campaign.pushes p ON p.id = c.push_id WHERE c.id = %s",
            (camera_id,),
        ).fetchone()
    assert row is not None
    return tuple(row)


def test_a_camera_deleted_offline_is_marked_deleted_with_who_and_when(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    pulled = _pull(campaign, tmp_path / "p.cartoparty", "pair-loutre")
    gone = _delete_first(pulled)
    result = push_survey(pulled, campaign)
    assert (result.deleted, result.deletions_kept, result.counts.cameras_changed) == (1, 0, 1)
    # rejected at revision 2 by pair-loutre's push, revision 1 kept, out of the map view
    assert _row(pg_cluster, campaign, gone) == ("rejected", 2, "pair-loutre", True, 1, 0)
    assert "1 deleted offline marked deleted" in push_lines("p", result)[1]
    again = pull_survey(campaign, tmp_path / "again.cartoparty", photos=False)
    assert again.cameras == 5
    assert not push_survey(pulled, campaign).changed  # pushed twice: nothing more


def test_a_camera_changed_in_the_campaign_since_the_pull_is_kept_and_said(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    mine = _pull(campaign, tmp_path / "mine.cartoparty", "pair-loutre")
    theirs = _pull(campaign, tmp_path / "theirs.cartoparty", "pair-hibou")
    with SurveyFile.open(theirs) as survey:
        camera = survey.cameras()[0]
        survey.update_camera(camera.with_tag("height", "5"))
    push_survey(theirs, campaign)
    gone = _delete_first(mine)
    assert gone == camera.id
    result = push_survey(mine, campaign)
    assert (result.deleted, result.deletions_kept, result.changed) == (0, 1, False)
    assert _row(pg_cluster, campaign, gone)[:3] == ("draft", 2, "pair-hibou")
    lines = push_lines("mine", result)
    assert lines[-1].startswith("1 cameras deleted offline were kept")


def test_a_camera_this_survey_changed_then_deleted_is_marked_deleted(
    pg_cluster: Cluster, campaign: str, tmp_path: Path
) -> None:
    pulled = _pull(campaign, tmp_path / "p.cartoparty", "pair-loutre")
    with SurveyFile.open(pulled) as survey:
        camera = survey.cameras()[0]
        survey.update_camera(camera.with_tag("height", "3"))
    assert push_survey(pulled, campaign).counts.edits == 1
    _delete_first(pulled)
    result = push_survey(pulled, campaign)  # its own edit is no change "since the pull"
    assert (result.deleted, result.deletions_kept) == (1, 0)
    assert _row(pg_cluster, campaign, camera.id)[:2] == ("rejected", 3)
