"""The official lists in the survey file: kept by list name, read back checked."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from contrechamp.core.errors import SurveyError
from contrechamp.core.list_comparison import ListedCamera, Placement
from contrechamp.store import SurveyFile

PALAIS = ListedCamera(
    "Préfecture", 4, "Place du Palais", Placement.COORDINATES, 43.7333, 7.41551, "VP-01",
    {"Finalité": "Sécurité des personnes"},
)  # fmt: skip
CROSSING = ListedCamera(
    "Préfecture", 9, "Angle bd des Moulins / av. de la Costa", Placement.CROSSING,
    43.7405657, 7.4256731, "VP-06",
)  # fmt: skip
ADDRESS = ListedCamera("Préfecture", 12, "12 rue Grimaldi", Placement.UNPLACED, ref="VP-09")


def test_a_list_reads_back_as_it_was_saved(survey: SurveyFile) -> None:
    assert survey.replace_list("Préfecture", [PALAIS, CROSSING, ADDRESS]) == 0
    found = survey.listed_cameras("Préfecture")
    assert [(c.line, c.ref, c.place, c.placed, c.lat, c.lon) for c in found] == [
        (4, "VP-01", "Place du Palais", Placement.COORDINATES, 43.7333, 7.41551),
        (9, "VP-06", "Angle bd des Moulins / av. de la Costa", Placement.CROSSING, 43.7405657,
         7.4256731),
        (12, "VP-09", "12 rue Grimaldi", Placement.UNPLACED, None, None),
    ]  # fmt: skip
    assert found[0].tags == {"Finalité": "Sécurité des personnes"}
    assert survey.listed_count() == 3


def test_replacing_a_list_leaves_the_other_lists(survey: SurveyFile) -> None:
    survey.replace_list("Préfecture", [PALAIS, CROSSING])
    survey.replace_list("Ville", [ListedCamera("Ville", 2, "Casino", Placement.UNPLACED)])
    assert survey.replace_list("Préfecture", [ADDRESS]) == 2
    assert survey.list_names() == ["Ville", "Préfecture"]  # the one imported last at the end
    assert [c.ref for c in survey.listed_cameras()] == [None, "VP-09"]


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE listed_cameras SET placed = 'somewhere'",
        "UPDATE listed_cameras SET lat = NULL",
        "UPDATE listed_cameras SET lat = 'north'",
        "UPDATE listed_cameras SET lon = 400",
        "UPDATE listed_cameras SET tags = '[1]'",
    ],
)
def test_a_damaged_row_is_a_corrupt_survey(
    survey: SurveyFile, survey_path: Path, damage: str
) -> None:
    survey.replace_list("Préfecture", [PALAIS])
    survey.close()
    connection = sqlite3.connect(survey_path)
    connection.execute(damage)
    connection.commit()
    connection.close()
    with SurveyFile.open(survey_path) as reopened, pytest.raises(SurveyError) as caught:
        reopened.listed_cameras()
    assert caught.value.code == "survey.corrupt"
