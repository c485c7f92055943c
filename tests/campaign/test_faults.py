"""A connection cut in the middle of a push (``pg_terminate_backend`` from another connection)
leaves the campaign as it was and the survey untouched, and the push can simply be run again."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from contrechamp.core.errors import ContrechampError
from contrechamp.ops.campaign import init_campaign_at, push_survey
from contrechamp.store.survey import SurveyFile
from tests.campaign.cluster import Cluster
from tests.campaign.surveys import groups, photo, seen_by, street, table_counts, write_survey


def _contents(path: Path) -> tuple[object, ...]:
    with SurveyFile.open_untrusted_readonly(path) as survey:
        return survey.cameras(), survey.photos(), survey.sectors(), survey.title


def _waiting_push(cluster: Cluster, database: str, timeout_s: float = 30.0) -> int:
    """The server process of the push waiting on a lock."""
    deadline = time.monotonic() + timeout_s
    with cluster.admin(database) as connection:
        while time.monotonic() < deadline:
            row = connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'contrechamp' "
                "AND wait_event_type = 'Lock'"
            ).fetchone()
            if row is not None:
                return int(row[0])  # type: ignore[call-overload]
            time.sleep(0.05)
    raise AssertionError("the push never reached the locked table")


def test_a_push_cut_mid_way_leaves_the_campaign_as_it_was_and_can_be_resumed(
    pg_cluster: Cluster, campaign_db: str, tmp_path: Path
) -> None:
    database = campaign_db.rsplit("/", 1)[1]
    init_campaign_at(campaign_db)
    places = street(40)
    push_survey(write_survey(tmp_path / "a.cartoparty", seen_by(places, range(20), 1)), campaign_db)
    cameras = seen_by(places, range(10, 40), 2)
    survey = write_survey(
        tmp_path / "b.cartoparty", cameras, photos={cameras[0].id: [photo("olive")]}
    )
    contents = _contents(survey)
    with pg_cluster.admin(database) as connection:
        before = table_counts(connection)
    failures: list[BaseException] = []

    def push() -> None:
        try:
            push_survey(survey, campaign_db)
        except BaseException as error:
            failures.append(error)

    with pg_cluster.admin(database) as blocker:
        # Photos are written last: the push waits there with its cameras and sightings written.
        blocker.execute("BEGIN")
        blocker.execute("LOCK TABLE campaign.photos IN EXCLUSIVE MODE")
        pusher = threading.Thread(target=push)
        pusher.start()
        pid = _waiting_push(pg_cluster, database)
        with pg_cluster.admin(database) as killer:
            killer.execute("SELECT pg_terminate_backend(%s)", (pid,))
        pusher.join(timeout=30)
        blocker.execute("ROLLBACK")
    assert len(failures) == 1
    error = failures[0]
    assert isinstance(error, ContrechampError)
    assert error.code == "campaign.connection_lost"
    assert "\n" not in error.detail
    with pg_cluster.admin(database) as connection:
        assert table_counts(connection) == before
    assert _contents(survey) == contents  # read only (the faces found are kept, as a cache)

    resumed = push_survey(survey, campaign_db)
    assert (resumed.counts.sightings, resumed.counts.photos) == (30, 1)
    reference = pg_cluster.new_database("t_faults_reference")
    init_campaign_at(reference)
    push_survey(tmp_path / "a.cartoparty", reference)
    push_survey(survey, reference)
    with pg_cluster.admin(database) as cut, pg_cluster.admin("t_faults_reference") as clean:
        assert groups(cut) == groups(clean)
        assert table_counts(cut)["cameras"] == table_counts(clean)["cameras"] == 40
