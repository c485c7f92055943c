"""write_josm / write_osmchange: JOSM and osmChange rules, round trips, atomic writes."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from tempfile import TemporaryDirectory

import osmium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contrechamp import GENERATOR
from contrechamp.formats.osm_read import read_camera_nodes
from contrechamp.formats.osm_write import (
    OsmWriteNode,
    osmchange_xml,
    unwritable_xml_text,
    write_josm,
    write_osmchange,
)
from tests.formats.osm_samples import NOT_XML, pyosmium_cameras, xml_tags, xml_text

CAMERA = {"man_made": "surveillance", "surveillance:type": "camera", "surveillance": "public"}


def new_node(node_id: int = -1, **tags: str) -> OsmWriteNode:
    """A new camera node (negative id, no version)."""
    return OsmWriteNode(node_id, None, 48.8566, 2.3522, {**CAMERA, **tags})


def existing_node(node_id: int = 42, version: int = 3, *, modified: bool = True) -> OsmWriteNode:
    """An existing camera node with its id and version."""
    return OsmWriteNode(node_id, version, 43.7332957, 7.4155145, CAMERA, modified)


def parse(path: Path) -> ET.Element:
    """Parse a file we wrote (our own output, so plain ElementTree is fine)."""
    return ET.parse(path).getroot()


def test_monaco_pbf_round_trips_through_josm_file(shared_data: Path, tmp_path: Path) -> None:
    original = read_camera_nodes(shared_data / "osm" / "monaco.osm.pbf")
    out = tmp_path / "monaco.osm"
    write_josm(out, (OsmWriteNode(n.id, n.version, n.lat, n.lon, n.tags, False) for n in original))
    again = read_camera_nodes(out)
    assert [(n.id, n.version, dict(n.tags)) for n in again] == [
        (n.id, n.version, dict(n.tags)) for n in original
    ]
    for before, after in zip(original, again, strict=True):
        assert after.lat == pytest.approx(before.lat, abs=1e-7)
        assert after.lon == pytest.approx(before.lon, abs=1e-7)


def test_josm_file_follows_the_josm_rules_and_opens_in_pyosmium(tmp_path: Path) -> None:
    out = tmp_path / "review.osm"
    write_josm(out, [new_node(-1), existing_node(42, 3), existing_node(43, 7, modified=False)])
    root = parse(out)
    assert root.tag == "osm"
    assert root.attrib == {"version": "0.6", "generator": GENERATOR}
    nodes = {int(n.get("id", "0")): n.attrib for n in root.iter("node")}
    assert nodes[-1]["action"] == "modify"
    assert "version" not in nodes[-1]
    assert nodes[42]["action"] == "modify"
    assert nodes[42]["version"] == "3"
    assert "action" not in nodes[43]
    assert nodes[43]["version"] == "7"
    assert nodes[42]["lat"] == "43.7332957"
    assert nodes[42]["lon"] == "7.4155145"
    assert set(pyosmium_cameras(out)) == {-1, 42, 43}


def test_review_only_josm_file_carries_upload_false(tmp_path: Path) -> None:
    out = tmp_path / "review.osm"
    write_josm(out, [new_node()], upload=False)
    assert parse(out).get("upload") == "false"


def test_osmchange_blocks_hold_the_right_nodes(tmp_path: Path) -> None:
    out = tmp_path / "change.osc"
    write_osmchange(
        out, [new_node(-1), new_node(-2)], [existing_node(42, 3)], [existing_node(50, 1)]
    )
    root = parse(out)
    assert root.tag == "osmChange"
    assert root.attrib == {"version": "0.6", "generator": GENERATOR}
    blocks = {block.tag: block.findall("node") for block in root}
    assert list(blocks) == ["create", "modify", "delete"]
    assert [(n.get("id"), n.get("version")) for n in blocks["create"]] == [
        ("-1", None),
        ("-2", None),
    ]
    assert [(n.get("id"), n.get("version")) for n in blocks["modify"]] == [("42", "3")]
    assert [(n.get("id"), n.get("version")) for n in blocks["delete"]] == [("50", "1")]
    assert all(n.get("action") is None for n in root.iter("node"))
    deleted = [
        (n.id, n.version)
        for n in osmium.FileProcessor(str(out))
        if isinstance(n, osmium.osm.Node) and n.deleted
    ]
    assert deleted == [(50, 1)]
    assert [(n.id, n.action) for n in read_camera_nodes(out)] == [
        (-1, "create"),
        (-2, "create"),
        (42, "modify"),
    ]


def test_empty_blocks_are_left_out(tmp_path: Path) -> None:
    out = tmp_path / "only-new.osc"
    write_osmchange(out, [new_node()], [])
    assert [block.tag for block in parse(out)] == ["create"]


def test_osmchange_for_upload_stamps_the_changeset() -> None:
    root = ET.fromstring(osmchange_xml([new_node()], [existing_node()], changeset=1234))
    assert {n.get("changeset") for n in root.iter("node")} == {"1234"}


@pytest.mark.parametrize(
    ("create", "modify", "delete"),
    [([existing_node()], [], []), ([], [new_node()], []), ([], [], [new_node()])],
    ids=["existing-in-create", "new-in-modify", "new-in-delete"],
)
def test_nodes_in_the_wrong_block_are_refused(
    tmp_path: Path,
    create: list[OsmWriteNode],
    modify: list[OsmWriteNode],
    delete: list[OsmWriteNode],
) -> None:
    with pytest.raises(ValueError, match="node"):
        write_osmchange(tmp_path / "x.osc", create, modify, delete)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("node_id", "version", "lat", "lon"),
    [(5, None, 0, 0), (5, 0, 0, 0), (-5, 2, 0, 0), (0, None, 0, 0), (-1, None, 91, 0),
     (-1, None, 0, 180.5), (-1, None, float("nan"), 0)],
)  # fmt: skip
def test_inconsistent_nodes_are_refused(
    node_id: int, version: int | None, lat: float, lon: float
) -> None:
    with pytest.raises(ValueError, match="node"):
        OsmWriteNode(node_id, version, lat, lon, CAMERA)


@given(bad=st.sampled_from(NOT_XML + "\ud800"), before=xml_text, in_key=st.booleans())
def test_tags_xml_cannot_carry_are_refused_not_stripped(
    bad: str, before: str, in_key: bool
) -> None:
    text = before + bad
    tags = {text: "v"} if in_key else {"note": text}
    assert unwritable_xml_text(tags) == (text if in_key else "note")
    with pytest.raises(ValueError, match="XML cannot carry"):
        new_node(-1, **tags)


@settings(max_examples=150, deadline=None)
@given(
    tags=xml_tags,
    lat=st.floats(-90, 90),
    lon=st.floats(-180, 180),
    node_id=st.integers(-(2**40), 2**40).filter(bool),
)
def test_any_xml_text_round_trips_through_josm_file(
    tags: dict[str, str], lat: float, lon: float, node_id: int
) -> None:
    node = OsmWriteNode(node_id, 9 if node_id > 0 else None, lat, lon, tags)
    with TemporaryDirectory() as folder:
        out = Path(folder) / "any.osm"
        write_josm(out, [node])
        [again] = read_camera_nodes(out) if tags.get("man_made") == "surveillance" else [None]
        raw = ET.parse(out).getroot().find("node")
    assert raw is not None
    assert {t.get("k"): t.get("v") for t in raw.iter("tag")} == tags
    if again is not None:
        assert (again.id, again.version, dict(again.tags)) == (node.id, node.version, tags)
        assert again.lat == pytest.approx(lat, abs=1e-7)


@settings(max_examples=100, deadline=None)
@given(tags=xml_tags)
def test_any_xml_text_round_trips_as_a_camera(tags: dict[str, str]) -> None:
    node = new_node(-7, **tags) if "man_made" not in tags else new_node(-7)
    with TemporaryDirectory() as folder:
        out = Path(folder) / "any.osm"
        write_josm(out, [node])
        [again] = read_camera_nodes(out)
    assert dict(again.tags) == dict(node.tags)


def failing_after(count: int) -> Iterator[OsmWriteNode]:
    """Yield ``count`` nodes, then fail as a database error would."""
    for i in range(count):
        yield new_node(-1 - i)
    raise RuntimeError("the survey went away")


def test_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "cameras.osm"
    write_josm(out, [new_node()])
    before = out.read_bytes()
    with pytest.raises(RuntimeError):
        write_josm(out, failing_after(50))
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["cameras.osm"]


@pytest.mark.skipif(shutil.which("osmium") is None, reason="osmium-tool not installed")
@pytest.mark.parametrize("name", ["cameras.osm", "cameras.osc"])
def test_osmium_tool_validates_written_files(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    nodes = [new_node(-1, note='quote " and <b> & \n'), existing_node(42, 3)]
    if name.endswith(".osm"):
        write_josm(out, nodes)
    else:
        write_osmchange(out, nodes[:1], nodes[1:])
    result = subprocess.run(
        ["osmium", "fileinfo", "-e", str(out)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Number of nodes: 2" in result.stdout


def test_a_node_given_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="twice"):
        write_josm(tmp_path / "twice.osm", [new_node(-1), new_node(-1)])
    with pytest.raises(ValueError, match="twice"):
        write_osmchange(tmp_path / "twice.osc", [], [existing_node(42)], [existing_node(42)])
    assert list(tmp_path.iterdir()) == []


@given(
    tags=st.dictionaries(xml_text, xml_text, max_size=6),
    bad=st.sampled_from(NOT_XML + "\ud800"),
    places=st.sets(st.integers(0, 11), max_size=3),
)
def test_the_first_tag_xml_cannot_carry_is_named(
    tags: dict[str, str], bad: str, places: set[int]
) -> None:
    """The whole-text check first, then the tag-by-tag one: the same answer as tag by tag."""
    items = list(tags.items())
    spoiled = {}
    for index, (key, value) in enumerate(items):
        in_key, in_value = 2 * index in places, 2 * index + 1 in places
        spoiled[key + bad if in_key else key] = value + bad if in_value else value
    first_bad = next((k for k, v in spoiled.items() if bad in k or bad in v), None)
    assert unwritable_xml_text(spoiled) == first_bad
