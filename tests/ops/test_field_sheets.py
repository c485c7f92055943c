"""The plan of the field sheets on real data: which cameras, their numbers, the map pages."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import shapely

from contrechamp.core.errors import InputError
from contrechamp.ops.field_sheets import (
    FieldSheetPlan,
    check_sheets_target,
    plan_field_sheets,
    write_sheets,
)
from contrechamp.ops.sheet_tiles import SCALES, to_world, world_per_metre
from contrechamp.store.survey import SurveyFile
from tests.ops.sheet_surveys import CASINO, CONDAMINE, CONDAMINE_CAMERAS, monaco_survey


@pytest.fixture(scope="module")
def monaco(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Path:
    return monaco_survey(tmp_path_factory.mktemp("sheets"), shared_data)


@pytest.fixture
def survey(monaco: Path) -> Iterator[SurveyFile]:
    with SurveyFile.open_untrusted_readonly(monaco) as opened:
        yield opened


def _framed(plan: FieldSheetPlan, number: int) -> list[int]:
    """The map pages (1-based) showing camera ``number``."""
    return [page.number for page in plan.map_pages if number in page.cameras]


def test_a_sector_holds_its_cameras_and_those_on_its_edge_streets(survey: SurveyFile) -> None:
    plan = plan_field_sheets(survey, "Condamine")
    assert len(plan.cameras) == CONDAMINE_CAMERAS
    near = to_world(CONDAMINE).buffer(15.5 * world_per_metre(43.74))
    far = to_world(CONDAMINE).buffer(-1e-9)
    ids = {c.osm_id for c in plan.cameras}
    for camera in survey.existing_cameras():
        point = shapely.Point(*to_world(shapely.Point(camera.lon, camera.lat)).coords[0])
        if far.covers(point):
            assert camera.osm_id in ids
        if camera.osm_id in ids:
            assert near.covers(point)
    assert len(survey.existing_cameras()) > len(ids)  # some cameras were left out


def test_the_whole_area_numbers_every_osm_camera_once(survey: SurveyFile) -> None:
    plan = plan_field_sheets(survey)
    assert plan.sector is None
    assert plan.outline is None
    assert [c.number for c in plan.cameras] == list(range(1, 17))
    assert sorted(c.osm_id for c in plan.cameras) == sorted(
        c.osm_id for c in survey.existing_cameras()
    )
    assert all(_framed(plan, c.number) for c in plan.cameras)


def test_numbers_follow_the_pages_and_entry_lines_go_on_after_them(survey: SurveyFile) -> None:
    plan = plan_field_sheets(survey, "Condamine", entry_pages=3)
    first_pages = [min(_framed(plan, c.number)) for c in plan.cameras]
    assert first_pages == sorted(first_pages)
    rows = plan.layout.entry_rows_per_page
    assert plan.entry_numbers == tuple(
        range(CONDAMINE_CAMERAS + 1, CONDAMINE_CAMERAS + 1 + 3 * rows)
    )
    assert plan.page_count == len(plan.map_pages) + 1 + 3


def test_the_tags_are_read_in_short_with_the_legacy_direction_key(survey: SurveyFile) -> None:
    cameras = {c.osm_id: c for c in plan_field_sheets(survey).cameras}
    pole = cameras[6459866647]  # direction=240 (the legacy key), fixed, on a pole
    assert (pole.kind, pole.camera_type, pole.mount, pole.direction) == (
        "camera",
        "fixed",
        "pole",
        "240",
    )
    assert pole.bearings == (240.0,)
    bare = cameras[10147090782]  # only man_made and surveillance:type
    assert (bare.camera_type, bare.mount, bare.direction, bare.bearings) == (None, None, None, ())


def test_a_large_sector_is_cut_into_overlapping_pages_at_1_5000(survey: SurveyFile) -> None:
    plan = plan_field_sheets(survey, "Town")
    assert plan.scale == 5000 == SCALES[-1]
    assert len(plan.map_pages) > 4
    frames = [p.frame for p in plan.map_pages]
    width = plan.layout.map_frame_mm[0] * plan.world_per_mm
    assert all(f.x1 - f.x0 == pytest.approx(width) for f in frames)
    assert shapely.union_all([f.box() for f in frames]).covers(plan.outline)
    by_number = {p.number: p for p in plan.map_pages}
    opposite = {"N": "S", "S": "N", "E": "W", "W": "E"}
    for page in plan.map_pages:
        for side, other in page.neighbours.items():
            assert by_number[other].neighbours[opposite[side]] == page.number
            assert page.frame.box().intersects(by_number[other].frame.box())  # they overlap


def test_a_small_sector_is_one_page_at_a_larger_scale(survey: SurveyFile) -> None:
    plan = plan_field_sheets(survey, "Casino")
    assert len(plan.map_pages) == 1
    assert plan.scale < 5000
    page = plan.map_pages[0]
    assert page.frame.box().covers(to_world(CASINO))
    assert page.cameras == tuple(c.number for c in plan.cameras)


def test_a_sector_name_may_differ_by_case(survey: SurveyFile) -> None:
    plan = plan_field_sheets(survey, " condamine")
    assert plan.sector is not None
    assert plan.sector.name == "Condamine"
    assert plan.sector.pair == "Alex & Sam"


def test_an_unknown_sector_is_refused_with_the_known_ones(survey: SurveyFile) -> None:
    with pytest.raises(InputError) as caught:
        plan_field_sheets(survey, "Fontvieille")
    assert caught.value.code == "sheets.sector"
    assert "'Condamine', 'Casino', 'Town'" in caught.value.detail


def test_a_survey_without_an_area_is_refused(tmp_path: Path) -> None:
    with (
        SurveyFile.create(tmp_path / "empty.cartoparty") as empty,
        pytest.raises(InputError) as caught,
    ):
        plan_field_sheets(empty)
    assert caught.value.code == "sheets.no_area"


@pytest.mark.parametrize(
    "name", ["missing/sheets.pdf", ".", "other.cartoparty", "other.cartoparty-wal"]
)
def test_bad_targets_are_refused(survey: SurveyFile, tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError) as caught:
        check_sheets_target(survey, tmp_path / name)
    assert caught.value.code == "sheets.target"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_survey_and_databases_are_never_overwritten(survey: SurveyFile, tmp_path: Path) -> None:
    database = tmp_path / "notes.db"
    sqlite3.connect(database).close()
    sqlite3.connect(database).execute("create table t(x)").connection.commit()
    before = database.read_bytes()
    for target, code in ((survey.path, "file.held"), (database, "sheets.target")):
        with pytest.raises(InputError) as caught:
            write_sheets(survey, target, b"%PDF-1.4")
        assert caught.value.code == code
    assert database.read_bytes() == before


def test_sheets_replace_an_older_pdf_all_at_once(survey: SurveyFile, tmp_path: Path) -> None:
    out = tmp_path / "sheets.pdf"
    out.write_bytes(b"old")
    write_sheets(survey, out, b"%PDF-1.4 new")
    assert out.read_bytes() == b"%PDF-1.4 new"
    assert [p.name for p in tmp_path.iterdir()] == ["sheets.pdf"]
