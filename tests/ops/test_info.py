"""``survey_info``'s problems: every draft and confirmed camera checked, in the order added."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import SurveyError
from contrechamp.core.validation import check_tags
from contrechamp.ops.info import survey_info
from contrechamp.store.survey import SurveyFile

_GOOD = {"man_made": "surveillance", "surveillance": "public", "surveillance:type": "camera"}
_NO_PLACE = {"man_made": "surveillance", "surveillance:type": "camera"}
_BAD_DIRECTION = {**_GOOD, "camera:direction": "north-ish"}


def _cameras() -> list[Camera]:
    """Cameras whose tags repeat (checked once each), with and without problems."""
    tags = [_GOOD, _NO_PLACE, _BAD_DIRECTION, _NO_PLACE, _GOOD, _BAD_DIRECTION, _NO_PLACE]
    statuses = [Status.DRAFT, Status.CONFIRMED, Status.DRAFT, Status.REJECTED] * 2
    return [
        Camera(60.17 + n * 1e-4, 24.94, dict(t), id=f"cam{n}", status=s)
        for n, (t, s) in enumerate(zip(tags, statuses, strict=False))
    ]


def test_info_lists_the_problems_of_every_draft_and_confirmed_camera_in_order(
    tmp_path: Path,
) -> None:
    cameras = _cameras()
    with SurveyFile.create(tmp_path / "s.cartoparty") as survey:
        survey.add_cameras(cameras)
        info = survey_info(survey)
    expected = [
        (c.id, [p.code for p in check_tags(c.tags)])
        for c in cameras
        if c.status is not Status.REJECTED and check_tags(c.tags)
    ]
    assert [(p.camera_id, [f["code"] for f in p.problems]) for p in info.problems] == expected
    assert [p.camera_id for p in info.problems] == ["cam1", "cam2", "cam5", "cam6"]


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE cameras SET tags = '[1, 2]' WHERE id = 'cam4'",  # a draft's tags
        "UPDATE cameras SET lat = 200.0 WHERE id = 'cam3'",  # a rejected camera off the globe
    ],
)
def test_info_on_a_survey_with_a_damaged_camera_row_says_the_file_is_corrupt(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "s.cartoparty"
    with SurveyFile.create(path) as survey:
        survey.add_cameras(_cameras())
    with sqlite3.connect(path) as db:
        db.execute(damage)
    db.close()
    with SurveyFile.open(path) as survey, pytest.raises(SurveyError) as raised:
        survey_info(survey)
    assert raised.value.code == "survey.corrupt"


def _stored(path: Path, texts: dict[str, str]) -> None:
    """Write the tags of some cameras as the given raw texts, as another program might."""
    with sqlite3.connect(path) as db:
        db.executemany(
            "UPDATE cameras SET tags = ? WHERE id = ?", [(t, i) for i, t in texts.items()]
        )
    db.close()


def test_info_reads_tags_stored_in_any_json_spelling_as_json_does(tmp_path: Path) -> None:
    path = tmp_path / "s.cartoparty"
    with SurveyFile.create(path) as survey:
        survey.add_cameras(_cameras())
    texts = {
        "cam0": ' { "man_made" : "surveillance", "height" : "4 m" } ',
        "cam1": '{"man_made":"surveillance","camera:type":"D\\u00f4me"}',
        "cam2": '{"height":"4 m","height":"4","man_made":"surveillance"}',  # the last one counts
    }
    _stored(path, texts)
    with SurveyFile.open(path) as survey:
        info = survey_info(survey)
    found = {p.camera_id: p.problems for p in info.problems}
    for camera_id, text in texts.items():
        expected = check_tags(json.loads(text))
        assert found[camera_id] == [
            {"key": p.key, "code": p.code, "value": p.value, "suggestion": p.suggestion}
            for p in expected
        ]


def test_info_leaves_the_tags_of_rejected_cameras_unread(tmp_path: Path) -> None:
    path = tmp_path / "s.cartoparty"
    with SurveyFile.create(path) as survey:
        survey.add_cameras(_cameras())
    _stored(path, {"cam3": "not json at all"})  # rejected
    with SurveyFile.open(path) as survey:
        assert [p.camera_id for p in survey_info(survey).problems] == [
            "cam1",
            "cam2",
            "cam5",
            "cam6",
        ]


def test_info_leaves_the_id_of_rejected_cameras_unread_as_the_exports_do(tmp_path: Path) -> None:
    path = tmp_path / "s.cartoparty"
    with SurveyFile.create(path) as survey:
        survey.add_cameras(_cameras())
    with sqlite3.connect(path) as db:  # not UTF-8: no id one could show
        db.execute("UPDATE cameras SET id = CAST(x'fffe' AS TEXT) WHERE id = 'cam3'")
    db.close()
    with SurveyFile.open_untrusted_readonly(path) as survey:
        problems = survey_info(survey).problems
    assert [p.camera_id for p in problems] == ["cam1", "cam2", "cam5", "cam6"]
