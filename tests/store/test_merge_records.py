"""A merged survey's records in the file (store.merge_records): round trips and bad rows."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contrechamp.core.camera import Camera
from contrechamp.core.errors import SurveyError
from contrechamp.store import SurveyFile
from contrechamp.store.merge_records import (
    CameraMerge,
    ConflictRecord,
    MergedSighting,
    SourceSurvey,
    written_row,
)

WHEN = datetime(2026, 6, 13, 9, 0, tzinfo=UTC)


def _fill(survey: SurveyFile) -> Camera:
    merged = Camera(43.73, 7.42, {"camera:type": "dome"}, id="merged-1")
    survey.add_camera(merged)
    survey.add_source_surveys([SourceSurvey("s1", "Walk A", "renard", WHEN, WHEN)])
    seen = Camera(43.73001, 7.42, {"camera:type": "fixed"}, id="cam-a", surveyor="renard")
    survey.add_sightings([MergedSighting("s1", seen, merged.id)])
    survey.set_camera_merges([CameraMerge(merged.id, written_row(merged), False, "new")])
    choices = (("dome", (("s2", "cam-b"),)), ("fixed", (("s1", "cam-a"),)))
    survey.set_merge_conflicts({merged.id: [ConflictRecord(merged.id, "camera:type", choices)]})
    return merged


def test_records_read_back_as_written(survey: SurveyFile) -> None:
    assert not survey.is_merged_survey()
    merged = _fill(survey)
    assert survey.is_merged_survey()
    (source,) = survey.source_surveys()
    assert (source.survey_id, source.title, source.surveyor) == ("s1", "Walk A", "renard")
    (sighting,) = survey.merged_sightings(merged.id)
    assert (sighting.key, sighting.camera.surveyor) == (("s1", "cam-a"), "renard")
    assert survey.camera_merges()[merged.id].written == written_row(survey.camera(merged.id))
    (conflict,) = survey.merge_conflicts(merged.id)
    assert conflict.choices[1] == ("fixed", (("s1", "cam-a"),))
    survey.decide_conflict(merged.id, "camera:type")
    assert survey.merge_conflicts()[0].decided
    counts = survey.merge_counts()
    assert (counts.surveys, counts.sightings, counts.groups, counts.open_conflicts) == (1, 1, 0, 0)
    survey.delete_camera(merged.id)  # the organiser deletes it: its sightings stay, unassigned
    assert survey.merged_sightings()[0].camera_id is None
    assert survey.merge_conflicts() == []


@pytest.mark.parametrize(
    ("sql", "reader"),
    [
        ("UPDATE merge_conflicts SET choices = '[{\"value\": 3}]'", "merge_conflicts"),
        ("UPDATE merge_conflicts SET choices = '[[[[[[['", "merge_conflicts"),
        ("UPDATE sightings SET lat = 'north'", "merged_sightings"),
        ("UPDATE merged_cameras SET reviewed = 7", "camera_merges"),
        ("UPDATE merged_cameras SET match = 'perhaps'", "merge_counts"),
    ],
)
def test_a_bad_row_from_someone_elses_file_is_refused(
    survey: SurveyFile, survey_path: Path, sql: str, reader: str
) -> None:
    _fill(survey)
    survey.close()
    with sqlite3.connect(survey_path) as connection:
        connection.execute(sql)
    with (
        SurveyFile.open_untrusted_readonly(survey_path) as other,
        pytest.raises(SurveyError) as refused,
    ):
        getattr(other, reader)()
    assert refused.value.code == "survey.corrupt"
