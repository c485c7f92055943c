"""Reading base maps and existing cameras from OSM extracts (formats/basemap.py)."""

from __future__ import annotations

import bz2
import gzip
import random
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contrechamp.core.area import FeatureKind
from contrechamp.core.errors import InputError
from contrechamp.formats.basemap import classify_area, classify_line, read_area

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<osm version="0.6"><node id="1" version="1" lat="1" lon="1"><tag k="name" v="&lol3;"/></node></osm>
"""


def _small_town() -> str:
    """A tiny OSM XML town: street, building, park, coastline, railway tunnel, camera."""
    nodes = {
        1: (43.000, 7.000),
        2: (43.000, 7.002),
        3: (43.001, 7.0005),
        4: (43.001, 7.001),
        5: (43.0015, 7.001),
        6: (43.0015, 7.0005),
        7: (43.0005, 6.999),
        8: (43.0005, 7.003),
        9: (43.002, 7.0025),
        10: (42.999, 7.0025),
        11: (43.0012, 7.0015),
        12: (43.0005, 7.0035),
    }
    xml = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
    for nid, (lat, lon) in nodes.items():
        xml.append(f'<node id="{nid}" version="1" lat="{lat}" lon="{lon}"/>')
    xml.append(
        '<node id="99" version="7" lat="43.0008" lon="7.0012">'
        '<tag k="man_made" v="surveillance"/><tag k="camera:direction" v="90"/></node>'
    )
    xml += [
        _way(100, [1, 2], highway="residential", name="Rue de Test"),
        _way(101, [3, 4, 5, 6, 3], building="yes"),
        _way(102, [7, 3, 11, 7], leisure="park"),
        _way(103, [10, 9], natural="coastline"),
        _way(104, [7, 8], railway="rail", tunnel="yes"),
        _way(105, [11, 12], highway="service"),
        "</osm>",
    ]
    return "\n".join(xml)


def _way(way_id: int, refs: list[int], **tags: str) -> str:
    """Return one OSM XML way."""
    nds = "".join(f'<nd ref="{r}"/>' for r in refs)
    tag_xml = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
    return f'<way id="{way_id}" version="1">{nds}{tag_xml}</way>'


@pytest.fixture
def town(tmp_path: Path) -> Path:
    path = tmp_path / "town.osm"
    path.write_text(_small_town(), encoding="utf-8")
    return path


def test_generated_town_gives_each_kind_and_the_camera(town: Path) -> None:
    area = read_area(town)
    kinds = Counter(f.kind for f in area.features)
    assert kinds[FeatureKind.RESIDENTIAL] == 1
    assert kinds[FeatureKind.SERVICE] == 1
    assert kinds[FeatureKind.BUILDING] == 1
    assert kinds[FeatureKind.GREEN] == 1
    assert FeatureKind.RAILWAY not in kinds  # tunnels are not drawn
    street = next(f for f in area.features if f.kind is FeatureKind.RESIDENTIAL)
    assert (street.name, street.osm_id) == ("Rue de Test", 100)
    [camera] = area.cameras
    assert (camera.osm_id, camera.version, camera.tags["camera:direction"]) == (99, 7, "90")


def test_sea_is_the_right_side_of_the_coastline(town: Path) -> None:
    area = read_area(town)
    seas = [shapely.from_wkb(f.wkb) for f in area.features if f.kind is FeatureKind.WATER]
    assert seas, "the coastline should give a sea polygon"
    sea = shapely.union_all(seas)
    # the coastline runs south to north at lon 7.0025: land on its left (west), sea east
    assert sea.contains(shapely.Point(7.0028, 43.0005))
    assert not sea.contains(shapely.Point(7.001, 43.001))


def test_compressed_xml_reads_like_plain(tmp_path: Path) -> None:
    for suffix, compress in ((".osm.gz", gzip.compress), (".osm.bz2", bz2.compress)):
        path = tmp_path / f"town{suffix}"
        path.write_bytes(compress(_small_town().encode()))
        assert len(read_area(path).cameras) == 1


def test_monaco_has_buildings_roads_water_green_and_16_cameras(shared_data: Path) -> None:
    area = read_area(shared_data / "osm" / "monaco.osm.pbf")
    kinds = Counter(f.kind for f in area.features)
    assert 4000 < kinds[FeatureKind.BUILDING] < 5500
    roads = sum(
        kinds[k] for k in (FeatureKind.PRIMARY, FeatureKind.SECONDARY, FeatureKind.RESIDENTIAL)
    )
    assert 500 < roads < 1500
    assert kinds[FeatureKind.WATER] > 10
    assert kinds[FeatureKind.GREEN] > 100
    assert area.bbox.contains(43.7384, 7.4246)  # the Casino
    expected = {
        int(n.get("id", "0")): int(n.get("version", "0"))
        for n in ET.parse(shared_data / "osm" / "monaco_cameras.osm").getroot().iter("node")
    }
    assert {c.osm_id: c.version for c in area.cameras} == expected
    assert len(expected) == 16


def test_monaco_names_are_french(shared_data: Path) -> None:
    area = read_area(shared_data / "osm" / "monaco.osm.pbf")
    names = {f.name for f in area.features}
    assert "Boulevard Princesse Charlotte" in names


def test_helsinki_has_221_cameras(helsinki_pbf: Path) -> None:
    area = read_area(helsinki_pbf)
    assert len(area.cameras) == 221
    assert all(c.version >= 1 and c.tags["man_made"] == "surveillance" for c in area.cameras)
    assert Counter(f.kind for f in area.features)[FeatureKind.RAILWAY] > 0


def test_truncated_pbf_is_corrupt(shared_data: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.osm.pbf"
    cut.write_bytes((shared_data / "osm" / "monaco.osm.pbf").read_bytes()[:300_000])
    with pytest.raises(InputError) as caught:
        read_area(cut)
    assert caught.value.code == "osm.corrupt"


def test_billion_laughs_is_refused_before_parsing(tmp_path: Path) -> None:
    for name, data in (
        ("lol.osm", BILLION_LAUGHS.encode()),
        ("lol.osm.gz", gzip.compress(BILLION_LAUGHS.encode())),
        ("lol.osm.bz2", bz2.compress(BILLION_LAUGHS.encode())),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InputError) as caught:
            read_area(path)
        assert caught.value.code == "osm.hostile", name


def test_other_files_are_not_osm(tmp_path: Path) -> None:
    for name, data in (("a.png", b"\x89PNG\r\n\x1a\n" + bytes(100)), ("b.xml", b"<gpx></gpx>")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InputError) as caught:
            read_area(path)
        assert caught.value.code == "osm.format"


def test_missing_file_has_a_file_code(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_area(tmp_path / "nowhere.osm.pbf")
    assert caught.value.code == "file.missing"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_random_bytes_give_input_errors_only(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.osm.pbf"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_area(path)
    assert caught.value.code.startswith(("osm.", "file."))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(garbage=st.text(max_size=200))
def test_mangled_xml_gives_input_errors_only(tmp_path: Path, garbage: str) -> None:
    path = tmp_path / "mangled.osm"
    text = _small_town()
    cut = len(garbage) % len(text)
    path.write_text(text[:cut] + garbage, encoding="utf-8")
    try:
        read_area(path)
        code = "osm.read"  # a cut that still parses is fine; a crash or another error is not
    except InputError as exc:
        code = exc.code
    assert code.startswith("osm.")


@pytest.mark.parametrize(
    ("tags", "kind"),
    [
        ({"highway": "primary"}, FeatureKind.PRIMARY),
        ({"highway": "trunk_link"}, FeatureKind.MOTORWAY),
        ({"highway": "footway"}, FeatureKind.PATH),
        ({"highway": "proposed"}, None),
        ({"highway": "residential", "tunnel": "yes"}, None),
        ({"railway": "tram"}, FeatureKind.RAILWAY),
        ({"railway": "abandoned"}, None),
        ({"waterway": "river"}, FeatureKind.WATER),
    ],
)
def test_classify_line(tags: dict[str, str], kind: FeatureKind | None) -> None:
    assert classify_line(tags) is kind


@pytest.mark.parametrize(
    ("tags", "kind"),
    [
        ({"building": "apartments"}, FeatureKind.BUILDING),
        ({"building": "no", "leisure": "park"}, FeatureKind.GREEN),
        ({"natural": "water"}, FeatureKind.WATER),
        ({"landuse": "cemetery"}, FeatureKind.GREEN),
        ({"landuse": "retail"}, None),
    ],
)
def test_classify_area(tags: dict[str, str], kind: FeatureKind | None) -> None:
    assert classify_area(tags) is kind


def test_truncated_compressed_xml_is_corrupt(tmp_path: Path) -> None:
    for name, compress in (("cut.osm.gz", gzip.compress), ("cut.osm.bz2", bz2.compress)):
        path = tmp_path / name
        path.write_bytes(compress(_small_town().encode())[:120])
        with pytest.raises(InputError) as caught:
            read_area(path)
        assert caught.value.code == "osm.corrupt", name


def test_big_bz2_whose_first_block_spans_the_prolog_reads(tmp_path: Path) -> None:
    rnd = random.Random(0)
    filler = "".join(
        f'<node id="{1000 + i}" version="1" lat="43.0" lon="7.0">'
        f'<tag k="note" v="{rnd.getrandbits(64):016x}"/></node>'
        for i in range(20_000)
    )
    path = tmp_path / "big.osm.bz2"
    path.write_bytes(bz2.compress(_small_town().replace("</osm>", filler + "</osm>").encode()))
    assert path.stat().st_size > 200_000  # the first bz2 block is far beyond the first 64 KiB
    assert len(read_area(path).cameras) == 1
