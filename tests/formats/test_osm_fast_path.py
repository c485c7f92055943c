"""The fast JOSM export (formats.osm_fast, ops.osm_exports) writes exactly the careful one's
file, and on crafted survey files gives the careful one's output or error, never bad XML."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contrechamp.core.camera import Camera, Status
from contrechamp.core.errors import ContrechampError, InputError
from contrechamp.formats import osm_fast
from contrechamp.formats.osm_fast import TagsTextProver, new_nodes
from contrechamp.formats.osm_write import OsmWriteNode, josm_node, write_josm
from contrechamp.ops import osm_exports
from contrechamp.ops.camera_records import MAX_TAG_LENGTH, check_tags_writable
from contrechamp.ops.exports import ExportFormat, ExportOptions, export_to
from contrechamp.ops.progress import Progress
from contrechamp.store.rows import tags_to_json
from contrechamp.store.survey import SurveyFile
from tests.formats.fast_path_surveys import survey_maker
from tests.formats.fast_path_surveys import varied_cameras as varied

BASE = {"man_made": "surveillance", "surveillance:type": "camera"}
AWKWARD: tuple[dict[str, str], ...] = (
    {**BASE, "note": "a & b < c > d \" e ' f", "operator": "Société Générale 🎥"},
    {**BASE, "description": "tab\there\nnewline\r and 100% sure"},
    {"name": "n", "ref": "r", "k,:": "v:,", "{": "}", "x}": "{y", "note": "-"},
    {"name": ",", "ref": ":", "k,:": "v:,", "{": "}", "x}": "{y", "note": ","},
    {"note": '":","', '","': "q"},
    {},
    {**BASE, "camera:direction": "90", "height": "3.0"},
    {"only": ""},
    {"a" * 255: "b" * 255, "é": "é" * 255},
)


@pytest.fixture
def surveys(tmp_path: Path) -> Callable[[list[Camera]], Path]:
    """Make a survey file holding some cameras, with a sector "Half" (lon < 7.4250)."""
    return survey_maker(tmp_path)


def varied_cameras(count: int = 40) -> list[Camera]:
    """Cameras with this file's awkward tags (see ``fast_path_surveys.varied_cameras``)."""
    return varied(AWKWARD, count)


def originals_extract(path: Path, cameras: list[Camera]) -> Path:
    """An OSM extract with the linked cameras as in OSM: some unchanged, some moved."""
    linked = [c for c in cameras if c.osm_id is not None and c.osm_version is not None]
    nodes = [
        OsmWriteNode(c.osm_id, c.osm_version, c.lat + 0.001 * (n % 2), c.lon, {**BASE, **c.tags})  # type: ignore[arg-type]
        for n, c in enumerate(linked)
        if all(c.tags.values()) and c.tags.get("man_made") == "surveillance"
    ]
    write_josm(path, nodes)
    return path


def export_with(
    write: Callable[..., object],
    survey_path: Path,
    target: Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> object:
    """Export through ``write`` as the JOSM writer: the bytes and result, or the error
    (type, code, text)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(osm_exports, "write_josm_export", write)
        try:
            with SurveyFile.open(survey_path) as survey:
                result = export_to(survey, ExportFormat.OSM, target, options, progress)
        except ContrechampError as error:
            return type(error), error.code, str(error).replace(target.name, "out.osm")
    return target.read_bytes(), result


def export_both_ways(
    survey_path: Path, out: Path, options: ExportOptions | None = None, *, fallback: bool = True
) -> tuple[object, object]:
    """Export to ``out`` the fast way, then the careful way. ``fallback=False`` fails if the
    fast way gave up and called the careful one."""
    with pytest.MonkeyPatch.context() as patch:
        if not fallback:
            patch.setattr(osm_exports, "write_josm_export_carefully", _never)
        fast = export_with(FAST, survey_path, out.with_name(f"fast-{out.name}"), options)
    careful = osm_exports.write_josm_export_carefully
    return fast, export_with(careful, survey_path, out.with_name(f"careful-{out.name}"), options)


FAST = osm_exports.write_josm_export


def _recorder(seen: list[tuple[int, int]]) -> Callable[[int, int], None]:
    """A progress listener that keeps what it is told."""

    def listen(done: int, total: int) -> None:
        seen.append((done, total))

    return listen


def _never(*_: object) -> None:
    raise AssertionError("the fast export fell back to the careful one")


def test_fast_export_writes_the_careful_file_byte_for_byte(
    surveys: Callable[..., Path], tmp_path: Path
) -> None:
    cameras = varied_cameras()
    extract = originals_extract(tmp_path / "originals.osm", cameras)
    path = surveys(cameras)
    for options in (
        None,
        ExportOptions(existing=extract),
        ExportOptions(sector="Half", existing=extract),
        ExportOptions(confirmed_only=True),
    ):
        fast, slow = export_both_ways(path, tmp_path / "out.osm", options, fallback=False)
        assert fast == slow
        assert isinstance(fast, tuple)
        assert isinstance(fast[0], bytes)
        ET.fromstring(fast[0])  # well-formed


def test_fast_export_of_many_plain_cameras_matches_and_reports_progress(
    surveys: Callable[..., Path], tmp_path: Path
) -> None:
    tags = [{**BASE, "height": str(i), "camera:direction": str(i % 360)} for i in range(9000)]
    cameras = [Camera(43.7 + i * 1e-6, 7.4 - i * 1e-6, t, status=Status.CONFIRMED)
               for i, t in enumerate(tags)]  # fmt: skip
    path = surveys(cameras)
    fast, slow = export_both_ways(path, tmp_path / "out.osm", fallback=False)
    assert fast == slow
    reports: dict[str, list[tuple[int, int]]] = {"fast": [], "careful": []}
    for way, write in (("fast", FAST), ("careful", osm_exports.write_josm_export_carefully)):
        progress = Progress(listener=_recorder(reports[way]))
        export_with(write, path, tmp_path / f"{way}.osm", progress=progress)
    assert reports["fast"] == reports["careful"] == [(n, 9000) for n in range(500, 9001, 500)]
    assert b' upload="false"' not in (tmp_path / "fast.osm").read_bytes()


# Stored tags texts a crafted file may hold, and what the careful export makes of them.
CRAFTED_TAGS = [
    '{"man_made": "surveillance"}',  # spaces: not canonical, still valid
    '{"a":"1","a":"2"}',  # a key twice
    '{"a":"1","b":"2","a":"3"}',
    '{"a":1}',  # a number
    '{"a":{"b":"c"}}',  # nested
    '["a"]',
    '"a"',
    "not json",
    '{"a":"' + "x" * 300 + '"}',  # too long for OSM
    '{"":"x"}',  # an empty key
    '{"' + "k" * 256 + '":"x"}',
    '{"a":"b\tc"}',  # a raw tab: not JSON
    '{"a":"b\\u0001c"}',  # a control character XML cannot carry
    '{"a":"b\\uffffc"}',
    '{"a":"b\\ud800c"}',  # a lone surrogate
    '{"a":"b\\"c","d":"\\\\"}',  # escaped quote and backslash: valid
    '{"a":"\\u00e9"}',  # escaped é: valid, not canonical
    '{"a":","}',
    '{"a":",","b":":"}',
    "{}",
    "{ }",
]


@pytest.mark.parametrize("tags_text", CRAFTED_TAGS)
def test_crafted_tags_text_gives_the_careful_output_or_error(
    surveys: Callable[..., Path], tmp_path: Path, tags_text: str
) -> None:
    cameras = varied_cameras(12)
    path = surveys(cameras)
    victim = next(c for c in cameras if c.status is not Status.REJECTED and c.osm_id is None)
    _update(path, "UPDATE cameras SET tags = ? WHERE id = ?", tags_text, victim.id)
    fast, slow = export_both_ways(path, tmp_path / "out.osm")
    assert fast == slow
    if isinstance(fast, tuple) and isinstance(fast[0], bytes):
        ET.fromstring(fast[0])


@pytest.mark.parametrize(
    ("column", "value", "status"),
    [
        ("status", "bogus", Status.REJECTED),
        ("status", "DRAFT", Status.REJECTED),
        ("lat", 91.0, Status.REJECTED),
        ("lat", 91.0, Status.DRAFT),
        ("lon", "7.42", Status.CONFIRMED),
        ("lon", float("-inf"), Status.DRAFT),
        ("osm_id", -4, Status.DRAFT),
        ("osm_id", 1.5, Status.REJECTED),
        ("osm_version", 0, Status.CONFIRMED),
        ("tags", b'{"a":"b"}', Status.DRAFT),
        ("tags", 7, Status.DRAFT),
        ("tags", 7, Status.REJECTED),  # rejected tags are not read
        ("id", 12, Status.REJECTED),
        ("tags", b'{"a":"\xff"}', Status.DRAFT),  # not UTF-8: cast to text below
        ("notes", b"\xff", Status.DRAFT),  # not read by an export
    ],
)
def test_crafted_rows_give_the_careful_output_or_error(
    surveys: Callable[..., Path], tmp_path: Path, column: str, value: object, status: Status
) -> None:
    cameras = varied_cameras(12)
    path = surveys(cameras)
    victim = next(c for c in cameras if c.status is status and c.osm_id is None)
    utf8 = column == "notes" or value == b'{"a":"\xff"}'
    as_text = "CAST(? AS TEXT)" if utf8 else "?"
    _update(path, f"UPDATE cameras SET {column} = {as_text} WHERE id = ?", value, victim.id)
    fast, slow = export_both_ways(path, tmp_path / "out.osm")
    assert fast == slow


@pytest.mark.parametrize(("column", "status"), [("id", Status.DRAFT), ("tags", Status.REJECTED)])
def test_texts_the_fast_export_does_not_read_need_not_be_utf8(
    surveys: Callable[..., Path], tmp_path: Path, column: str, status: Status
) -> None:
    """The careful export refuses them (sqlite3 cannot decode them); the fast one writes the
    file the careful one writes for the survey without that camera when it is rejected, or
    with a readable id."""
    cameras = varied_cameras(12)
    path = surveys(cameras)
    victim = next(c for c in cameras if c.status is status and c.osm_id is None)
    _update(path, f"UPDATE cameras SET {column} = CAST(x'ff' AS TEXT) WHERE id = ?", victim.id)
    fast, careful = export_both_ways(path, tmp_path / "out.osm")
    assert isinstance(careful, tuple)
    assert careful[1] == "survey.io"
    if column == "id":
        _update(path, "UPDATE cameras SET id = 'readable' WHERE typeof(id) = 'text' AND id > 'g'")
    else:
        _update(path, "DELETE FROM cameras WHERE tags = CAST(x'ff' AS TEXT)")
    assert fast == export_both_ways(path, tmp_path / "again.osm")[1]


def test_a_node_linked_twice_is_refused_as_the_careful_export_does(
    surveys: Callable[..., Path], tmp_path: Path
) -> None:
    cameras = [Camera(43.73, 7.42, BASE, osm_id=77, osm_version=2) for _ in range(2)]
    fast, slow = export_both_ways(surveys(cameras), tmp_path / "out.osm")
    assert fast == slow
    assert isinstance(fast, tuple)
    assert "appears twice" in str(fast[2])


def _update(path: Path, sql: str, *params: object) -> None:
    with sqlite3.connect(path) as connection:
        assert connection.execute(sql, params).rowcount == 1
    connection.close()


def careful_nodes(texts: list[str], first_id: int = -1) -> bytes:
    """What write_josm writes for new nodes with these stored tags."""
    nodes = (
        OsmWriteNode(first_id - i, None, 10.0 + i / 7, -20.0 - i / 3, json.loads(text))
        for i, text in enumerate(texts)
    )
    return "".join(map(josm_node, nodes)).encode()


def proven_nodes(texts: list[str], first_id: int = -1) -> bytes:
    """The fast nodes of texts that are all proven."""
    batch = TagsTextProver().batch(texts)
    assert batch.careful == []
    lats = [10.0 + i / 7 for i in range(len(texts))]
    lons = [-20.0 - i / 3 for i in range(len(texts))]
    return batch.nodes(first_id, lats, lons)


def test_prover_sends_the_unsafe_and_the_uncanonical_rows_the_careful_way() -> None:
    texts = [tags_to_json(BASE), *CRAFTED_TAGS, tags_to_json({"a": "x & y"})]
    careful = set(TagsTextProver().batch(texts).careful)
    assert careful == set(range(1, len(texts) - 1))


def test_prover_sends_a_value_that_is_a_comma_the_careful_way_once_its_keys_are_learnt() -> None:
    texts = [tags_to_json({"a": "1", "b": "2"}), tags_to_json({"a": ",", "b": "2"})]
    assert TagsTextProver().batch(texts).careful == [1]
    assert TagsTextProver().batch([*texts, tags_to_json({"a": "1", "b": ","})]).careful == [1, 2]


def test_prover_proves_rows_with_keys_it_has_not_compiled() -> None:
    texts = [tags_to_json({f"k{i}": str(i), "x": "1"}) for i in range(osm_fast._LEARNT_AT_MOST * 2)]
    prover = TagsTextProver()
    for _ in range(2):  # the second time, with every pattern already learnt
        assert prover.batch(texts).careful == []
    assert proven_nodes(texts, -5) == careful_nodes(texts, -5)


def test_the_length_limit_is_the_osm_one() -> None:
    assert osm_fast.MAX_TAG_LENGTH == MAX_TAG_LENGTH


def test_new_nodes_of_nothing_is_nothing() -> None:
    assert new_nodes(b"", -1, [], []) == b""


tag_text = st.text(st.characters(codec="utf-8"), max_size=8) | st.sampled_from(
    [",", ":", '":"', '","', "%d", "&amp;", "}", "{", "\\", '"', "a" * 256]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(tag_text, tag_text, max_size=4), min_size=1, max_size=6))
def test_proven_rows_are_written_as_the_careful_writer_writes_them(
    tags: list[dict[str, str]],
) -> None:
    texts = [tags_to_json(t) for t in tags]
    batch = TagsTextProver().batch(texts)
    for start, row in enumerate(texts):
        if start in batch.careful:
            continue
        fast = batch.run(start, start + 1, -1 - start, [10.0 + start / 7] * len(texts),
                         [-20.0 - start / 3] * len(texts))  # fmt: skip
        node = OsmWriteNode(-1 - start, None, 10.0 + start / 7, -20.0 - start / 3, tags[start])
        assert fast == josm_node(node).encode(), row


writable_or_not = tag_text | st.sampled_from(["", "\x01", "\ufffe", "é" * 200, "b" * 255])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(writable_or_not, writable_or_not, max_size=4), min_size=1))
def test_proven_rows_hold_tags_that_pass_the_careful_check(tags: list[dict[str, str]]) -> None:
    """What lets ``check_tags_writable`` pass a StoredTags at once: no row the prover proves
    holds tags the careful check refuses (and each refused one is careful)."""
    texts = [tags_to_json(t) for t in tags]
    careful = TagsTextProver().batch(texts).careful
    for row, row_tags in enumerate(tags):
        try:
            check_tags_writable(row_tags, "test")
        except InputError:
            assert row in careful, texts[row]
