"""The headless commands end to end, on real files: exit codes, imports, exports, info."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import osmium
import pytest

from contrechamp.cli import main
from contrechamp.core.camera import Camera, Status
from contrechamp.formats.geojson import read_geojson
from contrechamp.store.survey import SurveyFile


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def survey_digest(path: Path) -> str:
    """A fingerprint of the survey's content (the file is closed between commands)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def info_json(survey: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert run("info", survey, "--json") == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def osmium_cameras(path: Path) -> dict[int, tuple[int, float, float, dict[str, str]]]:
    """Camera nodes read directly with pyosmium: id -> (version, lat, lon, tags)."""
    found = {}
    for node in osmium.FileProcessor(str(path), osmium.osm.NODE):
        if node.tags.get("man_made") == "surveillance":
            found[node.id] = (
                node.version,
                node.location.lat,
                node.location.lon,
                {t.k: t.v for t in node.tags},
            )
    return found


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    path = tmp_path / "walk.cartoparty"
    assert run("new", path, "--title", "Rue de Test", "--surveyor", "fox") == 0
    return path


def test_new_refuses_to_overwrite_a_survey(
    survey: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = survey_digest(survey)
    assert run("new", survey) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert survey_digest(survey) == before


def test_add_then_info_counts_the_camera_and_its_problems(
    survey: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            "add",
            survey,
            "--lat",
            "48.85",
            "--lon",
            "2.35",
            "--tag",
            "camera:direction=south",
            "--tag",
            "camera:type=dome;fixed",
        )
        == 0
    )
    camera_id = capsys.readouterr().out.strip()
    assert len(camera_id) == 32
    data = info_json(survey, capsys)
    assert data["cameras"] == {"draft": 1, "confirmed": 0, "rejected": 0, "total": 1}
    (problems,) = data["problems"]  # type: ignore[misc]
    codes = {p["code"]: p["value"] for p in problems["problems"]}
    assert codes["camera:direction.messy"] == "south"
    assert codes["camera:type.list"] == "dome;fixed"


@pytest.mark.parametrize(
    "args",
    [
        ("--lat", "91", "--lon", "0"),
        ("--lat", "nan", "--lon", "0"),
        ("--lat", "0", "--lon", "0", "--tag", "novalue"),
    ],
)
def test_add_refuses_bad_values_and_changes_nothing(
    survey: Path, args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    before = survey_digest(survey)
    assert run("add", survey, *args) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert survey_digest(survey) == before


def test_monaco_cameras_import_with_every_tag_intact(
    survey: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pbf = shared_data / "osm" / "monaco.osm.pbf"
    assert run("import", survey, pbf) == 0
    truth = osmium_cameras(pbf)
    assert len(truth) == 16
    out = survey.with_suffix(".osm")
    assert run("export", survey, "--format", "osm", "-o", out) == 0
    assert osmium_cameras(out) == truth


def test_helsinki_round_trip_pbf_survey_osm_survey_loses_nothing(
    tmp_path: Path, helsinki_pbf: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.cartoparty", tmp_path / "b.cartoparty"
    osm = tmp_path / "a.osm"
    for step in (
        ("new", first),
        ("import", first, helsinki_pbf),
        ("export", first, "--format", "osm", "-o", osm),
        ("new", second),
        ("import", second, osm),
        ("export", second, "--format", "osm", "-o", tmp_path / "b.osm"),
    ):
        assert run(*step) == 0, step
    truth = osmium_cameras(helsinki_pbf)
    assert len(truth) == 221
    assert osmium_cameras(osm) == truth
    assert osmium_cameras(tmp_path / "b.osm") == truth


def test_importing_the_same_file_twice_adds_nothing(
    survey: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pbf = shared_data / "osm" / "monaco.osm.pbf"
    assert run("import", survey, pbf) == 0
    assert run("import", survey, pbf) == 0
    assert "0 cameras added, 16 already there" in capsys.readouterr().out
    assert info_json(survey, capsys)["cameras"]["total"] == 16  # type: ignore[index]


def test_unknown_originals_are_exported_as_modified_to_be_safe(
    survey: Path, shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", survey, shared_data / "osm" / "monaco_cameras.osm") == 0
    josm = tmp_path / "out.osm"
    assert run("export", survey, "--format", "osm", "-o", josm) == 0
    assert josm.read_text().count('action="modify"') == 16
    compared = tmp_path / "compared.osm"
    existing = shared_data / "osm" / "monaco.osm.pbf"
    assert run("export", survey, "--format", "osm", "-o", compared, "--existing", existing) == 0
    assert 'action="modify"' not in compared.read_text()


def test_new_and_existing_cameras_follow_the_josm_and_osmchange_rules(
    survey: Path, shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("area", survey, shared_data / "osm" / "monaco.osm.pbf") == 0
    assert run("import", survey, shared_data / "osm" / "monaco_cameras.osm") == 0
    assert run("add", survey, "--lat", "43.73", "--lon", "7.42", "--status", "confirmed") == 0
    josm, osc = tmp_path / "out.osm", tmp_path / "out.osc"
    assert run("export", survey, "--format", "osm", "-o", josm) == 0
    assert run("export", survey, "--format", "osc", "-o", osc) == 0
    text = josm.read_text()
    assert 'generator="Contrechamp' in text
    assert text.count('action="modify"') == 1  # only the new one: the 16 are unchanged
    assert 'id="-1"' in text
    osc_text = osc.read_text()
    assert "<create>" in osc_text
    assert "<modify>" not in osc_text
    assert [n.id for n in osmium.FileProcessor(str(osc), osmium.osm.NODE)] == [-1]


def test_a_moved_existing_camera_is_exported_as_a_modify_with_its_version(
    survey: Path, shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from contrechamp.core.camera import PositionSource
    from contrechamp.store.survey import SurveyFile

    assert run("area", survey, shared_data / "osm" / "monaco.osm.pbf") == 0
    assert run("import", survey, shared_data / "osm" / "monaco_cameras.osm") == 0
    with SurveyFile.open(survey) as s:
        camera = s.cameras()[0]
        s.update_camera(camera.moved_to(camera.lat + 0.0001, camera.lon, PositionSource.MAP))
    osc = tmp_path / "out.osc"
    assert run("export", survey, "--format", "osc", "-o", osc) == 0
    nodes = [(n.id, n.version) for n in osmium.FileProcessor(str(osc), osmium.osm.NODE)]
    assert nodes == [(camera.osm_id, camera.osm_version)]
    assert "<modify>" in osc.read_text()


def test_geojson_export_is_rfc_7946_with_tags_as_properties(
    survey: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run("add", survey, "--lat", "48.85", "--lon", "2.35", "--tag", "odd:key=kept") == 0
    out = tmp_path / "out.geojson"
    assert run("export", survey, "--format", "geojson", "-o", out) == 0
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [2.35, 48.85]}
    assert feature["properties"]["odd:key"] == "kept"
    assert feature["properties"]["man_made"] == "surveillance"


def test_csv_export_names_nobody_unless_asked(
    survey: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run("add", survey, "--lat", "48.85", "--lon", "2.35") == 0
    plain, named = tmp_path / "plain.csv", tmp_path / "named.csv"
    assert run("export", survey, "--format", "csv", "-o", plain) == 0
    assert run("export", survey, "--format", "csv", "-o", named, "--include-names") == 0
    assert "fox" not in plain.read_text()
    assert "fox" in named.read_text()


def test_geojson_and_csv_exports_import_back(
    survey: Path, tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", survey, shared_data / "osm" / "monaco.osm.pbf") == 0
    for fmt in ("geojson", "csv"):
        out = tmp_path / f"out.{fmt}"
        other = tmp_path / f"{fmt}.cartoparty"
        assert run("export", survey, "--format", fmt, "-o", out) == 0
        assert run("new", other) == 0
        assert run("import", other, out) == 0
        assert info_json(other, capsys)["cameras"]["total"] == 16  # type: ignore[index]


def test_another_survey_imports_with_its_cameras(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.cartoparty"
    assert run("new", other) == 0
    assert run("add", other, "--lat", "1", "--lon", "2") == 0
    assert run("import", survey, other) == 0
    assert run("import", survey, other) == 0
    assert info_json(survey, capsys)["cameras"]["total"] == 1  # type: ignore[index]


def _billion_laughs(path: Path) -> None:
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE osm [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<osm version="0.6"><node id="1" version="1" lat="0" lon="0">'
        '<tag k="man_made" v="surveillance"/><tag k="note" v="&b;"/></node></osm>'
    )


def _external_entity(path: Path) -> None:
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE osm [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<osm version="0.6"><node id="1" version="1" lat="0" lon="0">'
        '<tag k="man_made" v="surveillance"/><tag k="note" v="&x;"/></node></osm>'
    )


def _bad_geojson(path: Path) -> None:
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "geometry": {"type": "Point", "coordinates": [200.0, 48.0]},
                        "properties": {"man_made": "surveillance"},
                    }
                ],
            }
        )
    )


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("laughs.osm", _billion_laughs),
        ("external.osm", _external_entity),
        ("far.geojson", _bad_geojson),
        ("nothing.csv", lambda p: p.write_text("a,b\n1,2\n")),
        ("photo.jpg", lambda p: p.write_bytes(b"\xff\xd8\xff")),
    ],
)
def test_hostile_or_malformed_files_fail_with_one_line_and_change_nothing(
    survey: Path, tmp_path: Path, name: str, make: object, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / name
    make(bad)  # type: ignore[operator]
    before = survey_digest(survey)
    assert run("import", survey, bad) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err
    assert survey_digest(survey) == before


def test_a_truncated_pbf_fails_cleanly_and_changes_nothing(
    survey: Path, shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (shared_data / "osm" / "monaco.osm.pbf").read_bytes()
    cut = tmp_path / "cut.osm.pbf"
    cut.write_bytes(data[: len(data) // 2])
    before = survey_digest(survey)
    assert run("import", survey, cut) == 1
    assert run("area", survey, cut) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 2
    assert survey_digest(survey) == before


def test_a_bad_file_among_good_ones_imports_nothing(
    survey: Path, shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "far.geojson"
    _bad_geojson(bad)
    before = survey_digest(survey)
    assert run("import", survey, shared_data / "osm" / "monaco.osm.pbf", bad) == 1
    assert survey_digest(survey) == before


def test_a_survey_from_a_newer_version_is_refused(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    newer = tmp_path / "newer.cartoparty"
    newer.write_bytes(survey.read_bytes())
    with sqlite3.connect(newer) as db:
        db.execute("PRAGMA user_version = 9999")
        db.execute("UPDATE meta SET value = '9999' WHERE key = 'schema_version'")
    db.close()
    before = survey_digest(survey)
    newer_before = survey_digest(newer)
    assert run("import", survey, newer) == 1
    assert run("info", newer) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 2
    assert survey_digest(survey) == before
    assert survey_digest(newer) == newer_before


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TRIGGER wipe AFTER INSERT ON cameras BEGIN DELETE FROM cameras; END",
        "CREATE VIEW sneaky AS SELECT * FROM cameras",
    ],
)
def test_a_survey_with_a_trigger_or_a_view_is_refused(
    survey: Path, tmp_path: Path, statement: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    hostile = tmp_path / "hostile.cartoparty"
    hostile.write_bytes(survey.read_bytes())
    with sqlite3.connect(hostile) as db:
        db.execute(statement)
    db.close()
    before, hostile_before = survey_digest(survey), survey_digest(hostile)
    assert run("import", survey, hostile) == 1
    assert run("info", hostile) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 2
    assert survey_digest(survey) == before
    assert survey_digest(hostile) == hostile_before


def test_missing_survey_and_bad_usage_have_their_exit_codes(tmp_path: Path) -> None:
    missing = subprocess.run(
        [sys.executable, "-m", "contrechamp", "info", str(tmp_path / "nope.cartoparty")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 1
    assert len(missing.stderr.strip().splitlines()) == 1
    usage = subprocess.run(
        [sys.executable, "-m", "contrechamp", "export"], capture_output=True, text=True, timeout=60
    )
    assert usage.returncode == 2


def test_gpx_export_has_the_cameras_and_the_track_only_when_asked(
    survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from contrechamp.core.track import TrackPoint
    from contrechamp.formats.gpx import read_gpx_track
    from contrechamp.store.survey import SurveyFile

    assert run("add", survey, "--lat", "48.85", "--lon", "2.35", "--tag", "camera:type=dome") == 0
    with SurveyFile.open(survey) as s:
        s.append_track([TrackPoint(datetime(2026, 5, 1, 10, 0, tzinfo=UTC), 48.8, 2.3)])
    plain, tracked = tmp_path / "plain.gpx", tmp_path / "tracked.gpx"
    assert run("export", survey, "--format", "gpx", "-o", plain) == 0
    assert run("export", survey, "--format", "gpx", "-o", tracked, "--include-track") == 0
    assert "<wpt" in plain.read_text()
    assert "camera:type=dome" in plain.read_text()
    assert "<trk>" not in plain.read_text()
    assert [(p.lat, p.lon) for p in read_gpx_track(tracked)] == [(48.8, 2.3)]


def _add_cameras(path: Path, cameras: list[Camera]) -> None:
    with SurveyFile.open(path) as opened:
        opened.add_cameras(cameras)


def test_exports_leave_out_rejected_cameras_and_keep_every_tag(
    survey: Path, tmp_path: Path
) -> None:
    tricky = {"man_made": "surveillance", "note": 'a "q" \\ <b> & é\n\tz', "ref": "𝄞/1"}
    cameras = [
        Camera(48.85, 2.35, tricky, status=Status.CONFIRMED),
        Camera(48.86, 2.36, {"man_made": "surveillance"}, status=Status.REJECTED),
        Camera(48.87, 2.37, {"man_made": "surveillance", "height": "3"}, status=Status.DRAFT),
        Camera(48.88, 2.38, {}, status=Status.CONFIRMED),
    ]
    _add_cameras(survey, cameras)
    kept = [c for c in cameras if c.status is not Status.REJECTED]
    geojson, josm = tmp_path / "out.geojson", tmp_path / "out.osm"
    assert run("export", survey, "--format", "geojson", "-o", geojson) == 0
    assert run("export", survey, "--format", "osm", "-o", josm) == 0
    records = read_geojson(geojson)
    assert [(r.meta["id"], r.lat, r.lon, r.tags) for r in records] == [
        (c.id, c.lat, c.lon, c.tags) for c in kept
    ]
    in_josm = osmium_cameras(josm)
    assert [tags for *_, tags in in_josm.values()] == [c.tags for c in kept if c.tags]


@pytest.mark.parametrize(("length", "code"), [(255, 0), (256, 1)])
def test_osm_export_refuses_a_tag_longer_than_the_osm_api_takes(
    survey: Path, tmp_path: Path, length: int, code: int
) -> None:
    _add_cameras(survey, [Camera(48.85, 2.35, {"note": "x" * length}, status=Status.CONFIRMED)])
    out = tmp_path / "out.osm"
    assert run("export", survey, "--format", "osm", "-o", out) == code
    assert out.exists() is (code == 0)


def test_importing_an_overpass_answer_without_versions_says_so_in_its_line(
    survey: Path, shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ops.test_imports import _overpass_body_answer

    answer = tmp_path / "turbo.json"
    nodes = _overpass_body_answer(shared_data / "osm" / "monaco_cameras.osm", answer)
    assert run("import", survey, answer) == 0
    out = capsys.readouterr().out
    assert f"{len(nodes)} cameras added" in out
    assert f"{len(nodes)} linked to OSM without a known version" in out
    assert out.count("without a known version") == 1
