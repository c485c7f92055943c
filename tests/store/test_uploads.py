"""The upload journal: written before sending, settled with the links, checked when read."""

from __future__ import annotations

from pathlib import Path

import pytest

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import SurveyError
from contrechamp.core.uploads import Action, NodeLink, SentChange
from contrechamp.store.survey import SurveyFile

SERVER = "https://api.openstreetmap.org"


def _sent(camera: Camera, changeset: int = 7) -> SentChange:
    return SentChange(
        camera.id, changeset, Action.CREATE, -1, None, camera.lat, camera.lon,
        {"man_made": "surveillance", "operator": "Ville"}, "stamp",
    )  # fmt: skip


def test_the_journal_survives_closing_and_settles_with_the_links(tmp_path: Path) -> None:
    path = tmp_path / "walk.cartoparty"
    camera = Camera(43.7, 7.4, {"man_made": "surveillance"}, status=Status.CONFIRMED)
    with SurveyFile.create(path) as survey:
        survey.add_camera(camera)
        survey.record_sent(SERVER, [_sent(camera)])
    with SurveyFile.open(path) as survey:
        (kept,) = survey.sent_changes(SERVER)
        assert kept == _sent(camera)
        assert survey.sent_changes("https://other.example") == []
        survey.settle_sent(SERVER, [NodeLink.of(kept, 2**40, 1)])
        linked = survey.camera(camera.id)
        assert (linked.osm_id, linked.osm_version) == (2**40, 1)
        assert dict(linked.tags) == {"man_made": "surveillance"}  # edited since: link only
        assert survey.sent_changes(SERVER) == []
        assert [e.osm_id for e in survey.existing_cameras()] == [2**40]
        assert survey.linked_osm_ids() == {2**40}


def test_a_bad_journal_row_is_refused(tmp_path: Path) -> None:
    with SurveyFile.create(tmp_path / "walk.cartoparty") as survey:
        survey._db.raw.execute(
            "INSERT INTO uploads VALUES ('c', ?, 'x', 'create', -1, NULL, 1.0, 2.0, '{}', '', '')",
            (SERVER,),
        )
        with pytest.raises(SurveyError) as caught:
            survey.sent_changes(SERVER)
    assert caught.value.code == "survey.corrupt"
