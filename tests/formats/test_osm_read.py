"""read_camera_nodes: real extracts read intact, JOSM/osmChange rules, hostile and broken files."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import osmium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from osmium.osm.mutable import Node

from contrechamp.core.errors import InputError
from contrechamp.formats import _xml_stream
from contrechamp.formats.osm_read import OsmNode, osm_file_kind, read_camera_nodes
from tests.formats.osm_samples import camera_xml, osm_document, pyosmium_cameras


def as_reference(nodes: list[OsmNode]) -> dict[int, tuple[int, float, float, dict[str, str]]]:
    """Our reading in the shape of pyosmium_cameras (version 0 = none, as pyosmium says)."""
    return {n.id: (n.version or 0, n.lat, n.lon, dict(n.tags)) for n in nodes}


def write(path: Path, text: str) -> Path:
    """Write a UTF-8 file and return its path."""
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["monaco.osm.pbf", "monaco_cameras.osm"])
def test_monaco_cameras_are_read_with_every_tag_intact(shared_data: Path, name: str) -> None:
    path = shared_data / "osm" / name
    nodes = read_camera_nodes(path)
    assert len(nodes) == 16
    assert as_reference(nodes) == pyosmium_cameras(path)
    assert all(n.version and n.version > 0 and n.id > 0 for n in nodes)


def test_helsinki_extract_gives_its_221_cameras_like_pyosmium(helsinki_pbf: Path) -> None:
    nodes = read_camera_nodes(helsinki_pbf)
    assert len(nodes) == 221
    assert as_reference(nodes) == pyosmium_cameras(helsinki_pbf)


@pytest.mark.parametrize(
    ("suffix", "compress"), [(".osm.bz2", bz2.compress), (".osm.gz", gzip.compress)]
)
def test_compressed_xml_reads_like_the_plain_file(
    shared_data: Path, tmp_path: Path, suffix: str, compress: object
) -> None:
    plain = shared_data / "osm" / "monaco_cameras.osm"
    packed = tmp_path / f"monaco{suffix}"
    packed.write_bytes(compress(plain.read_bytes()))  # type: ignore[operator]
    assert read_camera_nodes(packed) == read_camera_nodes(plain)


def test_only_nodes_tagged_man_made_surveillance_count(tmp_path: Path) -> None:
    body = "\n".join(
        [
            camera_xml(1),
            '<node id="2" version="1" lat="1" lon="1"><tag k="surveillance" v="public"/></node>',
            '<node id="3" version="1" lat="1" lon="1"><tag k="man_made" v="tower"/></node>',
            '<way id="4" version="1"><nd ref="1"/><tag k="man_made" v="surveillance"/></way>',
        ]
    )
    nodes = read_camera_nodes(write(tmp_path / "mixed.osm", osm_document(body)))
    assert [n.id for n in nodes] == [1]


def test_josm_actions_are_kept_and_deleted_nodes_skipped(tmp_path: Path) -> None:
    body = "\n".join(
        [
            camera_xml(-1, extra=' action="modify"'),
            camera_xml(5, extra=" action='delete'"),
            camera_xml(6, extra=' visible="false"'),
            camera_xml(7),
        ]
    )
    nodes = read_camera_nodes(write(tmp_path / "josm.osm", osm_document(body)))
    assert [(n.id, n.version, n.action) for n in nodes] == [(-1, None, "modify"), (7, 2, None)]


def test_osmchange_blocks_give_their_name_and_deletions_are_skipped(tmp_path: Path) -> None:
    text = (
        '<osmChange version="0.6"><create>' + camera_xml(-3) + "</create>"
        "<modify>" + camera_xml(8) + "</modify><delete>" + camera_xml(9) + "</delete></osmChange>"
    )
    nodes = read_camera_nodes(write(tmp_path / "change.osc", text))
    assert [(n.id, n.action) for n in nodes] == [(-3, "create"), (8, "modify")]


def test_messy_tags_and_unicode_survive_byte_for_byte(tmp_path: Path) -> None:
    body = (
        '<node id="11" version="3" lat="-33.5" lon="151.25">'
        '<tag k="man_made" v="surveillance"/><tag k="camera:angle" v="15°"/>'
        '<tag k="note" v="a &amp; b &lt;c&gt; &quot;d&quot; &#10;e"/>'
        '<tag k="name:ja" v="監視カメラ 📷"/><tag k="direction" v=" 90-270 "/></node>'
    )
    path = write(tmp_path / "messy.osm", osm_document(body))
    [node] = read_camera_nodes(path)
    assert node.tags == pyosmium_cameras(path)[11][3]
    assert node.tags["note"] == 'a & b <c> "d" \ne'
    assert node.tags["direction"] == " 90-270 "


def test_truncated_pbf_is_refused_as_corrupt(shared_data: Path, tmp_path: Path) -> None:
    data = (shared_data / "osm" / "monaco.osm.pbf").read_bytes()
    cut = tmp_path / "cut.osm.pbf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as caught:
        read_camera_nodes(cut)
    assert caught.value.code == "osm.corrupt"
    assert "cut.osm.pbf" in caught.value.detail


def test_billion_laughs_is_refused_before_any_expansion(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    body = camera_xml(1).replace("</node>", '<tag k="note" v="&lol9;"/></node>')
    path = write(
        tmp_path / "laughs.osm", osm_document(body, prolog=f"<!DOCTYPE osm [{entities}]>\n")
    )
    with pytest.raises(InputError) as caught:
        read_camera_nodes(path)
    assert caught.value.code == "osm.hostile"


@pytest.mark.parametrize(
    "prolog",
    [
        f'<!DOCTYPE osm [<!ENTITY secret SYSTEM "file://{Path(__file__)}">]>\n',
        '<!DOCTYPE osm SYSTEM "http://127.0.0.1:9/osm.dtd">\n',
        '<!DOCTYPE osm [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x">%p;]>\n',
    ],
)
def test_external_entities_and_dtds_are_refused(tmp_path: Path, prolog: str) -> None:
    body = camera_xml(1).replace("</node>", '<tag k="note" v="&secret;"/></node>')
    path = write(tmp_path / "xxe.osm", osm_document(body, prolog=prolog))
    with pytest.raises(InputError) as caught:
        read_camera_nodes(path)
    assert caught.value.code == "osm.hostile"


def test_hostile_xml_inside_bz2_is_refused_too(tmp_path: Path) -> None:
    text = osm_document(camera_xml(1), prolog='<!DOCTYPE osm [<!ENTITY a "b">]>\n')
    path = tmp_path / "hostile.osm.bz2"
    path.write_bytes(bz2.compress(text.encode()))
    with pytest.raises(InputError, match=r"hostile\.osm\.bz2") as caught:
        read_camera_nodes(path)
    assert caught.value.code == "osm.hostile"


@pytest.mark.parametrize(
    ("lat", "lon"), [("91", "7"), ("43", "-180.5"), ("nan", "0"), ("1e999", "0")]
)
def test_xml_coordinates_out_of_range_are_refused(tmp_path: Path, lat: str, lon: str) -> None:
    path = write(tmp_path / "far.osm", osm_document(camera_xml(1, lat=lat, lon=lon)))
    with pytest.raises(InputError) as caught:
        read_camera_nodes(path)
    assert caught.value.code == "osm.coordinates"


def test_pbf_coordinates_out_of_range_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "far.osm.pbf"
    writer = osmium.SimpleWriter(str(path))
    tags = {"man_made": "surveillance"}
    writer.add_node(Node(id=1, version=1, location=osmium.osm.Location(10.0, 100.0), tags=tags))
    writer.close()
    with pytest.raises(InputError) as caught:
        read_camera_nodes(path)
    assert caught.value.code == "osm.coordinates"


@pytest.mark.parametrize(
    "text",
    [
        osm_document(camera_xml(1))[:-20],
        osm_document(camera_xml(1).replace('id="1"', 'id="one"')),
        osm_document(camera_xml(1).replace(' lat="43.7"', "")),
        osm_document('<node id="1" lat="1" lon="1"><tag k="man_made"/></node>'),
        '<gpx version="1.1"><wpt lat="1" lon="1"/></gpx>',
        osm_document(camera_xml(1).replace('v="camera"', 'v="&undefined;"')),
        "\x00\x01 not xml",
    ],
    ids=["truncated", "bad-id", "no-lat", "tag-without-v", "gpx", "undefined-entity", "binary"],
)
def test_broken_xml_is_refused_as_corrupt(tmp_path: Path, text: str) -> None:
    with pytest.raises(InputError) as caught:
        read_camera_nodes(write(tmp_path / "broken.osm", text))
    assert caught.value.code == "osm.corrupt"


def test_truncated_bz2_is_refused_as_corrupt(shared_data: Path, tmp_path: Path) -> None:
    packed = bz2.compress((shared_data / "osm" / "monaco_cameras.osm").read_bytes())
    path = tmp_path / "cut.osm.bz2"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(InputError) as caught:
        read_camera_nodes(path)
    assert caught.value.code == "osm.corrupt"


def test_decompressed_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "\n".join(camera_xml(-i) for i in range(1, 2000))
    path = tmp_path / "bomb.osm.bz2"
    path.write_bytes(bz2.compress(osm_document(body).encode()))
    monkeypatch.setattr(_xml_stream, "MAX_XML_BYTES", 64 * 1024)
    with pytest.raises(InputError) as caught:
        read_camera_nodes(path)
    assert caught.value.code == "file.too_large"


@pytest.mark.parametrize("name", ["cameras.geojson", "cameras.osm.zip", "cameras", "x.o5m"])
def test_unknown_extension_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError) as caught:
        read_camera_nodes(write(tmp_path / name, osm_document(camera_xml(1))))
    assert caught.value.code == "osm.format"


def test_missing_file_is_reported_by_name(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"absent\.osm") as caught:
        read_camera_nodes(tmp_path / "absent.osm")
    assert caught.value.code == "file.missing"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.osm.pbf", "pbf"), ("A.OSM", "xml"), ("b.osc", "xml"), ("c.osm.bz2", "xml.bz2"),
     ("d.osc.gz", "xml.gz")],
)  # fmt: skip
def test_file_kind_comes_from_the_name(name: str, kind: str) -> None:
    assert osm_file_kind(Path(name)) == kind


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_xml_gives_cameras_or_input_error_only(tmp_path: Path, data: st.DataObject) -> None:
    original = osm_document(camera_xml(-1, extra=' action="modify"') + camera_xml(4)).encode()
    position = data.draw(st.integers(0, len(original)))
    mutated = original[:position] + data.draw(st.binary(max_size=12)) + original[position + 1 :]
    path = tmp_path / "mutated.osm"
    path.write_bytes(
        mutated[: data.draw(st.integers(0, len(mutated)))] if data.draw(st.booleans()) else mutated
    )
    try:
        nodes = read_camera_nodes(path)
    except InputError:
        return
    assert all(isinstance(node, OsmNode) for node in nodes)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(offset=st.integers(0, 200_000), garbage=st.binary(min_size=1, max_size=64))
def test_damaged_pbf_gives_cameras_or_input_error_only(
    shared_data: Path, tmp_path: Path, offset: int, garbage: bytes
) -> None:
    data = bytearray((shared_data / "osm" / "monaco.osm.pbf").read_bytes())
    data[offset : offset + len(garbage)] = garbage
    path = tmp_path / "damaged.osm.pbf"
    path.write_bytes(bytes(data))
    code = "ok"
    try:
        read_camera_nodes(path)
    except InputError as error:
        code = error.code
    assert code in {"ok", "osm.corrupt", "osm.coordinates"}
