"""Importing a workshop's sectors: by name or all at once, one transaction, and the warnings
an organiser needs; how far each sector is walked, read from the survey."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import shapely

from contrechamp.core.area import FeatureKind
from contrechamp.core.errors import InputError
from contrechamp.core.track import TrackPoint
from contrechamp.ops.area import load_area
from contrechamp.ops.sectors import import_sectors, sector_lines, sector_progress
from contrechamp.store.survey import SurveyFile
from tests.ops.workshop_files import MONACO_SECTORS, sectors_file


@pytest.fixture
def monaco_survey(tmp_path: Path, shared_data: Path) -> Path:
    path = tmp_path / "atelier.cartoparty"
    with SurveyFile.create(path, title="Atelier") as survey:
        load_area(survey, shared_data / "osm" / "monaco.osm.pbf")
    return path


def test_importing_again_replaces_sectors_of_the_same_name_and_keeps_the_others(
    monaco_survey: Path, tmp_path: Path
) -> None:
    with SurveyFile.open(monaco_survey) as survey:
        first = import_sectors(survey, sectors_file(tmp_path, MONACO_SECTORS))
        ids = {s.name: s.id for s in survey.sectors()}
        moved = [("Monte-Carlo", "Ilan & Mo", 7.426, 43.739, 7.44, 43.75)]
        second = import_sectors(survey, sectors_file(tmp_path, moved))
        after = {s.name: s for s in survey.sectors()}
    assert (first.added, first.replaced, first.removed) == (3, 0, 0)
    assert (second.added, second.replaced, second.removed) == (0, 1, 0)
    assert list(after) == ["Monaco-Ville", "La Condamine", "Monte-Carlo"]
    assert after["Monte-Carlo"].pair == "Ilan & Mo"
    assert after["Monte-Carlo"].id == ids["Monte-Carlo"]  # a handout's own sector stays its own
    assert shapely.from_wkb(after["Monte-Carlo"].wkb).bounds == (7.426, 43.739, 7.44, 43.75)


def test_replace_all_removes_the_sectors_the_file_does_not_name(
    monaco_survey: Path, tmp_path: Path
) -> None:
    with SurveyFile.open(monaco_survey) as survey:
        import_sectors(survey, sectors_file(tmp_path, MONACO_SECTORS))
        result = import_sectors(
            survey, sectors_file(tmp_path, MONACO_SECTORS[:1]), replace_all=True
        )
        names = [s.name for s in survey.sectors()]
    assert (result.added, result.replaced, result.removed) == (0, 1, 2)
    assert names == ["Monaco-Ville"]


def test_a_bad_file_changes_no_sector(monaco_survey: Path, tmp_path: Path) -> None:
    bad = sectors_file(tmp_path, [*MONACO_SECTORS, ("monaco-ville", None, 7.4, 43.7, 7.5, 43.8)])
    with SurveyFile.open(monaco_survey) as survey:
        import_sectors(survey, sectors_file(tmp_path, MONACO_SECTORS[:1]))
        before = survey.sectors()
        with pytest.raises(InputError):
            import_sectors(survey, bad, replace_all=True)
        assert survey.sectors() == before


def test_sectors_outside_the_area_are_named_once(monaco_survey: Path, tmp_path: Path) -> None:
    swapped = [("Port", None, 43.73, 7.42, 43.74, 7.43)]  # latitude and longitude swapped
    with SurveyFile.open(monaco_survey) as survey:
        result = import_sectors(survey, sectors_file(tmp_path, [*MONACO_SECTORS, *swapped]))
        lines = sector_lines(survey)
    assert result.outside == ["Port"]
    assert [(line.name, line.pair) for line in lines][:2] == [
        ("Monaco-Ville", "Zoé & Ana"),
        ("La Condamine", "Léo & Sam"),
    ]
    # 0.013° × 0.007° at 43.73° N: 1,046 m × 777 m
    assert lines[0].hectares == pytest.approx(81.5, abs=0.5)


def _a_street_of(
    survey: SurveyFile, west: float, south: float, east: float, north: float
) -> shapely.LineString:
    """The longest named street lying wholly in the box."""
    box = shapely.box(west, south, east, north)
    lines = [
        shapely.from_wkb(f.wkb)
        for f in survey.map_features()
        if f.kind is FeatureKind.RESIDENTIAL and f.name
    ]
    return max((line for line in lines if box.contains(line)), key=lambda line: line.length)


def test_progress_is_read_from_the_survey_track_and_cameras(
    monaco_survey: Path, tmp_path: Path
) -> None:
    start = datetime(2026, 5, 16, 14, 0, tzinfo=UTC)
    with SurveyFile.open(monaco_survey) as survey:
        import_sectors(survey, sectors_file(tmp_path, MONACO_SECTORS))
        before = sector_progress(survey)
        street = _a_street_of(survey, *MONACO_SECTORS[1][2:])  # in La Condamine
        points = [street.interpolate(i / 40, normalized=True) for i in range(41)]
        survey.append_track(
            TrackPoint(start + timedelta(seconds=3 * i), p.y, p.x) for i, p in enumerate(points)
        )
        after = sector_progress(survey)
    assert all(p.walked_m == 0 for p in before)
    condamine = next(p for p in after if p.sector.name == "La Condamine")
    assert condamine.walked_m >= 0.95 * street.length * 80_500  # metres per degree, roughly
    assert condamine.percent_walked < 30
    assert [p.sector.name for p in after] == [name for name, *_ in MONACO_SECTORS]
