"""Importing an official list into a survey of Monaco and comparing it with what was seen."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest

import contrechamp.ops.exports
from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import InputError
from contrechamp.core.geo import distance_m, offset
from contrechamp.core.list_comparison import Placement
from contrechamp.formats.basemap import Area, read_area
from contrechamp.ops.exports import ExportFormat, ExportOptions, export_survey
from contrechamp.ops.info import survey_info
from contrechamp.ops.official_lists import import_official_list, list_reports
from contrechamp.store.survey import SurveyFile
from tests.formats.list_samples import FRENCH_CROSSINGS, FRENCH_ROWS, english_list, french_list

ROWS = {row.ref: row for row in FRENCH_ROWS}


@pytest.fixture(scope="module")
def monaco(shared_data: Path) -> Area:
    return read_area(shared_data / "osm" / "monaco.osm.pbf")


def _near(ref: str, metres: float, bearing: float = 0.0) -> tuple[float, float]:
    """A point ``metres`` from where the French list places row ``ref``."""
    row = ROWS[ref]
    lat, lon = (row.lat, row.lon) if row.lat is not None else FRENCH_CROSSINGS[ref]
    assert lat is not None
    assert lon is not None
    return offset(lat, lon, bearing, metres)


def _camera(name: str, at: tuple[float, float], status: Status = Status.CONFIRMED) -> Camera:
    tags = {"man_made": "surveillance", "surveillance:type": "camera", "ref:walk": name}
    return Camera(lat=at[0], lon=at[1], tags=tags, status=status, id=name)


@pytest.fixture
def survey(tmp_path: Path, monaco: Area) -> SurveyFile:
    """A walk in Monaco: three cameras of the list seen, one not in it, one rejected."""
    opened = SurveyFile.create(tmp_path / "walk.cartoparty", title="Monaco")
    opened.set_area(monaco.bbox, monaco.features, monaco.cameras, "monaco.osm.pbf")
    opened.add_cameras(
        [
            _camera("palais", _near("VP-01", 10.0)),
            _camera("gastaldi", _near("VP-02", 5.0, 90.0)),
            _camera("moulins-costa", _near("VP-06", 12.0, 200.0)),
            _camera("larvotto", (43.7445, 7.4350), Status.DRAFT),
            _camera("not-a-camera", _near("VP-03", 3.0), Status.REJECTED),
        ]
    )
    return opened


def test_a_french_list_is_compared_with_the_cameras_seen(
    tmp_path: Path, survey: SurveyFile
) -> None:
    with survey:
        imported = import_official_list(survey, french_list(tmp_path / "Préfecture 06.csv"))
    report = imported.report
    assert (report.name, imported.source, imported.replaced) == (
        "Préfecture 06",
        "Préfecture 06.csv",
        0,
    )
    assert report.placed == {"coordinates": 7, "crossing": 3, "unplaced": 2}
    assert report.seen == 4  # the rejected sighting is no camera
    comparison = report.comparison
    assert {(m.seen.id, m.listed.ref) for m in comparison.matches} == {
        ("palais", "VP-01"),
        ("gastaldi", "VP-02"),
        ("moulins-costa", "VP-06"),
    }
    assert [c.id for c in comparison.seen_not_listed] == ["larvotto"]
    assert [c.ref for c in comparison.listed_not_seen] == [
        "VP-03",
        "VP-04",
        "VP-05",
        "VP-07",
        "VP-08",
        "VP-11",
    ]
    assert [c.ref for c in comparison.unplaced] == ["VP-09", "VP-10"]
    assert [c.ref for c in comparison.outside_area] == ["VP-12"]


def test_crossing_rows_are_placed_offline_where_monaco_streets_meet(
    tmp_path: Path, survey: SurveyFile
) -> None:
    with survey:
        import_official_list(survey, french_list(tmp_path / "liste.csv"))
        listed = {c.ref: c for c in survey.listed_cameras("liste")}
    for ref, node in FRENCH_CROSSINGS.items():
        camera = listed[ref]
        assert camera.placed is Placement.CROSSING
        assert camera.lat is not None
        assert camera.lon is not None
        assert distance_m(camera.lat, camera.lon, *node) < 1.0
    assert listed["VP-06"].tags["crossing"] == "Boulevard des Moulins / Avenue de la Costa"
    assert listed["VP-10"].placed is Placement.UNPLACED  # two avenues Kennedy in Monaco
    assert listed["VP-09"].placed is Placement.UNPLACED  # an address, not a crossing


def test_importing_a_list_again_replaces_it_and_another_name_adds_one(
    tmp_path: Path, survey: SurveyFile
) -> None:
    french = french_list(tmp_path / "arrete.csv")
    with survey:
        import_official_list(survey, french, name="Préfecture")
        again = import_official_list(survey, french, name="Préfecture")
        import_official_list(survey, english_list(tmp_path / "city.csv"), name="City")
        assert again.replaced == len(FRENCH_ROWS)
        assert survey.list_names() == ["Préfecture", "City"]
        assert survey.listed_count() == len(FRENCH_ROWS) + 4
        city = {c.ref: c.placed for c in survey.listed_cameras("City")}
    assert city == {
        "C-101": Placement.COORDINATES,
        "C-102": Placement.COORDINATES,
        "C-103": Placement.CROSSING,  # "Corner of Rue Grimaldi and Rue Princesse Caroline"
        "C-104": Placement.UNPLACED,
    }


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    tables = [n for (n,) in connection.execute("SELECT name FROM sqlite_schema WHERE type='table'")]
    rows = {
        t: sorted(map(tuple, connection.execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables
    }
    connection.close()
    return rows


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("Adresse;Commune\n12 rue Grimaldi;Monaco\nPlace du Casino;Monaco\n", "list.unplaced"),
        ("nom;type\nMairie;dôme\n", "list.columns"),
        ("lat;lon;adresse\n", "list.empty"),
    ],
)
def test_a_list_with_nothing_usable_changes_nothing(
    tmp_path: Path, survey: SurveyFile, content: str, code: str
) -> None:
    with survey:
        import_official_list(survey, english_list(tmp_path / "city.csv"), name="City")
    before = _dump(survey.path)
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    with SurveyFile.open(survey.path) as reopened, pytest.raises(InputError) as caught:
        import_official_list(reopened, bad, name="City")
    assert caught.value.code == code
    assert _dump(survey.path) == before


def test_crossings_are_not_placed_without_the_area(tmp_path: Path) -> None:
    with SurveyFile.create(tmp_path / "bare.cartoparty") as bare:
        path = tmp_path / "crossings.csv"
        path.write_text("adresse\nAngle bd des Moulins / av. de la Costa\n", encoding="utf-8")
        with pytest.raises(InputError) as caught:
            import_official_list(bare, path)
        assert caught.value.code == "list.unplaced"
        assert "load the survey's area first" in caught.value.detail
        assert bare.listed_count() == 0


@pytest.mark.parametrize("radius", [0.0, -5.0, float("nan"), 5000.0])
def test_a_radius_out_of_range_is_refused(
    tmp_path: Path, survey: SurveyFile, radius: float
) -> None:
    with survey, pytest.raises(InputError) as caught:
        import_official_list(survey, english_list(tmp_path / "c.csv"), radius_m=radius)
    assert caught.value.code == "list.radius"


def test_info_compares_each_list_with_the_radius_it_was_imported_with(
    tmp_path: Path, survey: SurveyFile
) -> None:
    with survey:
        import_official_list(survey, french_list(tmp_path / "pref.csv"), radius_m=8.0)
        info = survey_info(survey).to_json()
    assert info["lists"] == [
        {
            "name": "pref",
            "listed": 12,
            "placed": {"coordinates": 7, "crossing": 3, "unplaced": 2},
            "radius_m": 8.0,
            "seen": 4,
            "seen_and_listed": 1,  # only the camera 5 m from VP-02 is within 8 m
            "seen_not_listed": 3,
            "listed_not_seen": 8,
            "unplaced": 2,
            "outside_area": 1,
        }
    ]


def test_a_survey_without_lists_reports_none(survey: SurveyFile) -> None:
    with survey:
        assert list_reports(survey) == []
        assert survey_info(survey).to_json()["lists"] == []


def test_exports_never_carry_a_listed_camera(tmp_path: Path, survey: SurveyFile) -> None:
    with survey:
        import_official_list(survey, french_list(tmp_path / "l.csv"), name="Arrêté 2024-117")
        written = {}
        for fmt in ExportFormat:
            if fmt is ExportFormat.PHOTOS:  # the photos' files only: the survey holds none
                continue
            out = tmp_path / f"out{fmt.suffix}"
            written[fmt] = export_survey(survey, fmt, out, ExportOptions())
            data = out.read_bytes()
            for text in ("VP-0", "Grimaldi", "Place du Palais", "Arrêté", "2024-117"):
                assert text.encode() not in data, (fmt, text)
    assert written[ExportFormat.GEOJSON] == 4  # the survey's cameras, never the list's rows
    assert written[ExportFormat.OSC] == 3  # the confirmed ones


def test_the_export_code_never_reads_the_lists() -> None:
    source = Path(contrechamp.ops.exports.__file__).read_text(encoding="utf-8")
    names = {
        node.id if isinstance(node, ast.Name) else node.attr
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Name | ast.Attribute)
    }
    assert not {"listed_cameras", "list_names", "listed_count", "list_reports"} & names
    assert "official_list" not in source
