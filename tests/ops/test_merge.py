"""Merging the group's surveys (ops.merge): provenance, re-merging, hostile inputs, export."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import osmium
import pytest

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import ContrechampError
from contrechamp.formats.basemap import read_area
from contrechamp.ops.exports import ExportFormat, export_survey
from contrechamp.ops.merge import merge_surveys
from contrechamp.store.layout import SCHEMA_VERSION
from contrechamp.store.merge_records import CameraMerge, written_row
from contrechamp.store.survey import SurveyFile
from tests.core.walk_simulation import Walks, simulate_walks
from tests.ops.walk_surveys import WALK_DAY, photo_bytes, write_pair_surveys


@pytest.fixture(scope="module")
def monaco(shared_data: Path) -> Path:
    return shared_data / "osm" / "monaco.osm.pbf"


@pytest.fixture(scope="module")
def walks(monaco: Path) -> Walks:
    return simulate_walks(monaco, seed=3, pairs=6)


@pytest.fixture
def pairs(tmp_path: Path, walks: Walks, monaco: Path) -> list[Path]:
    """Six pairs' surveys of Monaco's cameras, each with the area, a photo every third."""
    return write_pair_surveys(tmp_path, walks, area=read_area(monaco), photos_every=3)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the file closed), to compare a survey before and after."""
    connection = sqlite3.connect(path)
    tables = [n for (n,) in connection.execute("SELECT name FROM sqlite_schema WHERE type='table'")]
    rows = {
        t: sorted(map(tuple, connection.execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables
    }
    connection.close()
    return rows


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_merging_groups_the_sightings_and_keeps_where_each_came_from(
    tmp_path: Path, pairs: list[Path], walks: Walks
) -> None:
    out = tmp_path / "merged.cartoparty"
    result = merge_surveys(out, pairs)
    assert result.changed
    assert result.surveys == 6
    assert result.sightings_added == len(walks.sightings)
    assert result.cameras == result.cameras_added < len(walks.sightings)
    assert result.counts.groups > 0
    assert sum(result.counts.matches.values()) == result.cameras
    with SurveyFile.open_untrusted_readonly(out) as merged:
        sources = {s.survey_id: s for s in merged.source_surveys()}
        sightings = merged.merged_sightings()
        cameras = {c.id: c for c in merged.cameras()}
        assert len(sightings) == len(walks.sightings)
        for sighting in sightings:
            source = sources[sighting.survey_id]
            pair = source.title.removeprefix("Walk of pair ")
            assert sighting.camera.surveyor == source.surveyor == f"pair{pair}"
            assert sighting.camera.id.startswith(f"pair{pair}-")
            assert sighting.camera.created_at >= WALK_DAY
            assert sighting.camera_id in cameras
        photo = merged.photos()[0]
        (key,) = [s.key for s in sightings if photo.id in merged.sighting_photo_ids(s.key)]
        owner = next(s.camera_id for s in sightings if s.key == key)
        assert photo.camera_id == owner
        logged = next(i for i, s in enumerate(walks.sightings) if s.record == key[1])
        assert merged.photo_data(photo.id or 0) == photo_bytes(logged)
        assert merged.photo_count() == result.photos_copied > 0
        assert merged.area_bbox() is not None
        assert merged.existing_camera_count() == 16
    assert leftovers(tmp_path) == []


def test_merging_the_same_surveys_again_changes_nothing(tmp_path: Path, pairs: list[Path]) -> None:
    out = tmp_path / "merged.cartoparty"
    merge_surveys(out, pairs)
    before, stamp = dump(out), out.stat().st_mtime_ns
    again = merge_surveys(out, [*pairs, pairs[0]])
    assert not again.changed
    assert again.sightings_added == again.photos_copied == 0
    assert dump(out) == before
    assert out.stat().st_mtime_ns == stamp
    assert leftovers(tmp_path) == []


def _accept(survey: SurveyFile, camera: Camera) -> Camera:
    accepted = replace(camera.with_tag("camera:mount", "mast"), status=Status.CONFIRMED)
    survey.update_camera(accepted)
    return accepted


def _split(survey: SurveyFile, camera_id: str) -> tuple[str, str]:
    """Move the first sighting of a camera onto a camera of its own (what a review does)."""
    first = survey.merged_sightings(camera_id)[0]
    alone = replace(first.camera, id=f"split-{camera_id}")
    survey.add_camera(alone)
    survey.move_sightings([first.key], alone.id)
    survey.set_camera_merges([CameraMerge(alone.id, written_row(alone), True, "new")])
    return first.key[1], alone.id


def test_a_late_survey_adds_to_a_merged_survey_without_undoing_decisions(
    tmp_path: Path, pairs: list[Path]
) -> None:
    out = tmp_path / "merged.cartoparty"
    merge_surveys(out, pairs[:4])
    with SurveyFile.open(out) as survey:
        multi = [c for c in survey.cameras() if len(survey.merged_sightings(c.id)) > 1]
        accepted = _accept(survey, multi[0])
        split_record, alone = _split(survey, multi[1].id)
        decided = next(c for c in survey.merge_conflicts())
        survey.decide_conflict(decided.camera_id, decided.key)
        decided_tags = survey.camera(decided.camera_id).tags
    late = merge_surveys(out, pairs)
    assert late.changed
    assert late.sightings_added > 0
    with SurveyFile.open(out) as survey:
        assert survey.camera(accepted.id) == accepted  # the accepted camera is as accepted
        assert next(s.camera.id for s in survey.merged_sightings(alone)) == split_record
        assert all(s.camera.id != split_record for s in survey.merged_sightings(multi[1].id))
        assert survey.camera(decided.camera_id).tags == decided_tags
        assert len(survey.source_surveys()) == 6


def test_a_corrupt_newer_or_hostile_survey_is_refused_by_name_and_nothing_is_written(
    tmp_path: Path, pairs: list[Path]
) -> None:
    out = tmp_path / "merged.cartoparty"
    merge_surveys(out, pairs[:2])
    before = out.read_bytes()
    broken = tmp_path / "broken.cartoparty"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    newer = tmp_path / "newer.cartoparty"
    newer.write_bytes(pairs[3].read_bytes())
    with sqlite3.connect(newer) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    hostile = tmp_path / "hostile.cartoparty"
    hostile.write_bytes(pairs[4].read_bytes())
    with sqlite3.connect(hostile) as connection:
        connection.execute(
            "CREATE TRIGGER spy AFTER INSERT ON cameras BEGIN DELETE FROM photos; END"
        )
    for bad in (broken, newer, hostile):
        for target in (out, tmp_path / "fresh.cartoparty"):
            with pytest.raises(ContrechampError) as refused:
                merge_surveys(target, [pairs[2], bad])
            assert str(refused.value).startswith(f"{bad.name}: ")
            assert "\n" not in str(refused.value)
    assert out.read_bytes() == before
    assert not (tmp_path / "fresh.cartoparty").exists()
    assert leftovers(tmp_path) == []


def test_a_survey_that_is_not_a_merged_one_is_never_merged_into(
    tmp_path: Path, pairs: list[Path]
) -> None:
    before = pairs[0].read_bytes()
    with pytest.raises(ContrechampError, match="exists and is not a merged survey"):
        merge_surveys(pairs[0], pairs[1:3])
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    with pytest.raises(ContrechampError, match=r"notes\.txt exists and is not a merged survey"):
        merge_surveys(notes, pairs[1:3])
    assert pairs[0].read_bytes() == before
    assert notes.read_text() == "my notes"
    with pytest.raises(ContrechampError, match="is the merged survey itself"):
        merge_surveys(pairs[0], pairs[:2])


@pytest.mark.parametrize("radius", [0.0, -1.0, 1000.0, float("nan")])
def test_a_radius_out_of_bounds_is_refused(
    tmp_path: Path, pairs: list[Path], radius: float
) -> None:
    with pytest.raises(ContrechampError, match="radius"):
        merge_surveys(tmp_path / "merged.cartoparty", pairs, radius_m=radius)
    assert leftovers(tmp_path) == []


def test_the_osc_export_modifies_the_osm_nodes_the_merge_found(
    tmp_path: Path, pairs: list[Path], shared_data: Path
) -> None:
    """Surveys without an area, compared with the camera nodes of Monaco: the cameras that
    are those nodes are written as <modify> with their id and version, the others <create>."""
    bare = []
    for path in pairs:
        with SurveyFile.open(path) as survey:
            survey.replace_existing_cameras([])
        bare.append(path)
    out = tmp_path / "merged.cartoparty"
    extract = shared_data / "osm" / "monaco_cameras.osm"
    result = merge_surveys(out, bare, existing=extract)
    assert result.counts.matches["same"] >= 14
    osc = tmp_path / "upload.osc"
    with SurveyFile.open(out) as survey:
        for camera in survey.cameras():  # the organiser accepts everything
            survey.update_camera(replace(camera, status=Status.CONFIRMED))
        linked = {c.osm_id: c.osm_version for c in survey.cameras() if c.osm_id is not None}
        written = export_survey(survey, ExportFormat.OSC, osc)
    originals = {n.id: n.version for n in osmium.FileProcessor(str(extract), osmium.osm.NODE)}
    assert linked
    assert all(originals[i] == v for i, v in linked.items())
    modified = osc.read_text().split("<modify>")[1].split("</modify>")[0]
    assert all(f'id="{i}"' in modified for i in linked)
    assert written == len(linked) + osc.read_text().count('<node id="-')
