"""Regression tests from review: inputs that once crashed, duplicated nodes or lost data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from contrechamp.core.photo import PhotoInfo
from contrechamp.store.survey import SurveyFile
from tests.cli.helpers import digest, one_error_line, run


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    assert run("new", path, "--surveyor", "fox") == 0
    return path


def _geojson(path: Path, features: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def _point(lon: float, lat: float, props: dict[str, str], fid: object = None) -> dict[str, object]:
    feature: dict[str, object] = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }
    if fid is not None:
        feature["id"] = fid
    return feature


def test_an_export_never_overwrites_the_survey(
    survey: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(survey)
    assert run("export", survey, "--format", "csv", "-o", survey) == 1
    one_error_line(capsys)
    assert digest(survey) == before
    assert run("info", survey) == 0


def test_an_export_into_a_missing_folder_names_the_folder(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("export", survey, "--format", "csv", "-o", tmp_path / "nope" / "x.csv") == 1
    assert ".part" not in one_error_line(capsys)


def test_existing_nodes_without_a_version_are_linked_by_id_not_duplicated(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = tmp_path / "overpass.json"
    element = {"type": "node", "id": 123, "lat": 1.0, "lon": 2.0}
    element["tags"] = {"man_made": "surveillance"}  # type: ignore[assignment]
    answer.write_text(json.dumps({"version": 0.6, "elements": [element]}))
    assert run("import", survey, answer) == 0
    assert run("import", survey, answer) == 0
    assert capsys.readouterr().err.count("without a known version") == 1  # said once
    with SurveyFile.open(survey) as s:
        (camera,) = s.cameras()
    assert (camera.osm_id, camera.osm_version) == (123, None)


def test_overpass_turbo_geojson_stays_linked_to_its_node_and_drops_user_names(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    props = {"@id": "node/6459866647", "@version": "3", "@user": "someone", "man_made": "x"}
    source = _geojson(tmp_path / "turbo.geojson", [_point(7.4, 43.7, props, "node/6459866647")])
    assert run("import", survey, source) == 0
    with SurveyFile.open(survey) as s:
        (camera,) = s.cameras()
    assert (camera.osm_id, camera.osm_version) == (6459866647, 3)
    assert dict(camera.tags) == {"man_made": "x"}


def test_features_numbered_alike_in_two_files_are_both_imported(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _geojson(tmp_path / "a.geojson", [_point(1, 1, {"man_made": "surveillance"}, 1)])
    b = _geojson(tmp_path / "b.geojson", [_point(2, 2, {"man_made": "surveillance"}, 1)])
    assert run("import", survey, a) == 0
    assert run("import", survey, b) == 0
    with SurveyFile.open(survey) as s:
        assert len(s.cameras()) == 2


def test_a_geojson_mentioning_elements_is_still_geojson(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _geojson(tmp_path / "n.geojson", [_point(1, 1, {"note": "elements"})])
    assert run("import", survey, source) == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("huge.csv", "lat,lon,osm_id,osm_version\n1,2,99999999999999999999999,1\n"),
        ("zero.csv", "lat,lon,osm_id,osm_version\n1,2,5,0\n"),
        ("nul.csv", "lat,lon,note\n1,2,a\x01b\n"),
        ("long.csv", "lat,lon,note\n1,2," + "x" * 300 + "\n"),
        ("surrogate.geojson", None),
        ("encoding.osm", '<?xml version="1.0" encoding="TF-8"?><osm version="0.6"></osm>'),
    ],
)
def test_values_no_osm_file_could_carry_are_refused_at_the_door(
    survey: Path,
    tmp_path: Path,
    name: str,
    content: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / name
    if content is None:
        path.write_text(
            '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},'
            '"properties":{"note":"\\ud800"}}'
        )
    else:
        path.write_text(content)
    before = digest(survey)
    assert run("import", survey, path) == 1
    one_error_line(capsys)
    assert digest(survey) == before


@pytest.mark.parametrize("tag", ["b=\x01", "b=" + "x" * 300, os.fsdecode(b"note=\xff")])
def test_add_refuses_tags_osm_could_not_carry(
    survey: Path, tag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(survey)
    assert run("add", survey, "--lat", "1", "--lon", "2", "--tag", tag) == 1
    one_error_line(capsys)
    assert digest(survey) == before


@pytest.mark.parametrize("offset", ["nan", "1e300", "-1e12"])
def test_absurd_clock_offsets_are_refused(
    survey: Path, tmp_path: Path, offset: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import-photos", survey, tmp_path, f"--clock-offset={offset}") == 1
    one_error_line(capsys)


def test_an_undecodable_file_name_imports_with_a_readable_name(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.geojson")
    with open(raw, "w") as handle:
        handle.write(json.dumps(_point(1, 1, {"man_made": "surveillance"})))
    assert run("import", survey, Path(os.fsdecode(raw))) == 0
    with SurveyFile.open(survey) as s:
        assert [r.source for r in s.imports()] == ["caf\ufffd.geojson"]


def test_reimporting_our_own_josm_file_adds_nothing(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("add", survey, "--lat", "1", "--lon", "2") == 0
    josm = tmp_path / "out.osm"
    other = tmp_path / "other.cartoparty"
    assert run("export", survey, "--format", "osm", "-o", josm) == 0
    assert 'upload="false"' in josm.read_text()  # it holds a draft
    assert run("new", other) == 0
    assert run("import", other, josm) == 0
    assert run("import", other, josm) == 0
    with SurveyFile.open(other) as s:
        assert len(s.cameras()) == 1


def test_osmchange_leaves_out_linked_cameras_it_cannot_compare(
    survey: Path, shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", survey, shared_data / "osm" / "monaco_cameras.osm") == 0
    osc = tmp_path / "out.osc"
    capsys.readouterr()
    assert run("export", survey, "--format", "osc", "-o", osc) == 0
    assert "16 cameras linked to OSM were left out" in capsys.readouterr().out
    assert "<modify>" not in osc.read_text()


def test_photos_of_a_camera_already_there_follow_it_on_survey_import(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "one.csv"
    csv.write_text("lat,lon,osm_id,osm_version,man_made\n1,2,5,1,surveillance\n")
    other = tmp_path / "other.cartoparty"
    assert run("new", other) == 0
    for path in (survey, other):
        assert run("import", path, csv) == 0
    with SurveyFile.open(other) as s:
        (camera,) = s.cameras()
        s.add_photo(PhotoInfo(None, camera.id, "", "p.jpg", "image/jpeg"), b"\xff\xd8photo")
    assert run("import", survey, other) == 0
    with SurveyFile.open(survey) as s:
        (mine,) = s.cameras()
        assert [p.camera_id for p in s.photos()] == [mine.id]


def test_lines_and_areas_in_a_geojson_are_counted_not_silently_dropped(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[1, 1], [2, 2]]},
        "properties": {},
    }
    source = _geojson(tmp_path / "mixed.geojson", [_point(1, 1, {"man_made": "x"}), line])
    capsys.readouterr()
    assert run("import", survey, source) == 0
    assert "1 cameras added, 0 already there, 1 lines or areas skipped" in capsys.readouterr().out


@pytest.mark.parametrize(
    "assignment",
    ["lat = 'abc'", "lat = 999.0", "accuracy_m = 'zz'", "id = x'00ff'", "osm_id = 'x'"],
)
def test_a_received_survey_with_bad_values_is_refused_whole(
    survey: Path, tmp_path: Path, assignment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    other = tmp_path / "other.cartoparty"
    assert run("new", other) == 0
    assert run("add", other, "--lat", "1", "--lon", "2") == 0
    with sqlite3.connect(other) as db:
        db.execute(f"UPDATE cameras SET {assignment}")
    db.close()
    before = digest(survey)
    capsys.readouterr()
    assert run("import", survey, other) == 1
    error = one_error_line(capsys)
    assert "damaged" in error or "Bad camera" in error
    assert digest(survey) == before


def test_a_tag_xml_cannot_carry_fails_the_export_with_one_line(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("add", survey, "--lat", "1", "--lon", "2") == 0
    with SurveyFile.open(survey) as s:
        (camera,) = s.cameras()
        s.update_camera(camera.with_tag("note", "bell\x07"))
    out = tmp_path / "out.osm"
    capsys.readouterr()
    assert run("export", survey, "--format", "osm", "-o", out) == 1
    one_error_line(capsys)
    assert not out.exists()


def test_add_photo_attaches_a_photo_already_in_the_survey_unplaced(
    survey: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = shared_data / "photos" / "jpg_Canon_40D.jpg"  # no GPS: imported unplaced
    assert run("import-photos", survey, photo) == 0
    capsys.readouterr()
    assert run("add", survey, "--lat", "1", "--lon", "2", "--photo", photo) == 0
    camera_id = capsys.readouterr().out.strip()
    with SurveyFile.open(survey) as s:
        assert [p.camera_id for p in s.photos()] == [camera_id]
